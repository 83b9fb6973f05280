/**
 * The case runner: every folder of ../shared/cases (when present) and of test/cases runs through
 * the CLI as the cases README says: generate, type-check, prettier check, determinism, then the
 * values and error paths, or the expected error diagnostics with the output folder untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, importGenerated, readTree, ROOT, runCli, SHARED, tmpDir, typecheck } from './helpers.js';

interface CaseSpec {
  root: string;
  alsoRoots?: string[];
  input: string;
  valid?: unknown[];
  invalid?: { value: unknown; paths: string[] }[];
  expectErrors?: { file: string; line: number }[];
  notes?: string;
}

function casesIn(dir: string): { name: string; dir: string; spec: CaseSpec }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'case.json')))
    .map((e) => ({ name: e.name, dir: path.join(dir, e.name), spec: JSON.parse(fs.readFileSync(path.join(dir, e.name, 'case.json'), 'utf8')) as CaseSpec }));
}

const cases = [
  ...(HAS_SHARED ? casesIn(path.join(SHARED, 'cases')).map((c) => ({ ...c, name: `shared/${c.name}` })) : []),
  ...casesIn(path.join(ROOT, 'test/cases')).map((c) => ({ ...c, name: `own/${c.name}` })),
];
const outputs: string[] = [];

/** A root as the CLI takes it: a name, or a doc path made relative to the input folder. */
function cliRoot(caseDir: string, input: string, root: string): string {
  return root.includes('/') ? path.relative(input, path.join(caseDir, root)).split(path.sep).join('/') : root;
}

describe.each(cases)('case $name', ({ dir, spec }) => {
  const input = path.join(dir, spec.input);
  const roots = [spec.root, ...(spec.alsoRoots ?? [])].flatMap((r) => ['--root', cliRoot(dir, input, r)]);

  if (spec.expectErrors) {
    it('fails with an error diagnostic at each expected place and leaves the output folder as it was', async () => {
      const cwd = tmpDir();
      const ir = await runCli(['ir', '--input', input, ...roots], cwd);
      expect(ir.code).toBe(1);
      const errors = (JSON.parse(ir.stdout) as { diagnostics: { severity: string; file: string | null; line?: number; column?: number }[] }).diagnostics.filter(
        (d) => d.severity === 'error',
      );
      for (const expected of spec.expectErrors!) {
        const hit = errors.find(
          (d) => d.file !== null && path.join(spec.input, d.file).split(path.sep).join('/') === expected.file && d.line === expected.line,
        );
        expect(hit, `error at ${expected.file}:${expected.line}`).toBeDefined();
        expect(hit!.column).toBeGreaterThan(0);
      }
      // Nothing is created when there was no output before ...
      const out = path.join(cwd, 'out');
      const fresh = await runCli(['generate', '--input', input, ...roots, '--out', out], cwd);
      expect(fresh.code).toBe(1);
      expect(fs.existsSync(out)).toBe(false);
      // ... and a previous good output stays exactly as it was.
      const docs = path.join(cwd, 'docs');
      fs.mkdirSync(docs);
      fs.writeFileSync(
        path.join(docs, 'ok.md'),
        '# Ok\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *String* | :heavy_check_mark: | N/A |\n',
      );
      expect((await runCli(['generate', '--input', docs, '--out', out], cwd)).code).toBe(0);
      const before = readTree(out);
      expect((await runCli(['generate', '--input', input, ...roots, '--out', out], cwd)).code).toBe(1);
      expect(readTree(out)).toEqual(before);
      expect(fs.readdirSync(cwd).sort()).toEqual(['docs', 'out']);
    });
    return;
  }

  let out = '';
  it('generates, deterministically, prettier-clean', async () => {
    const cwd = tmpDir();
    out = path.join(cwd, 'out');
    const first = await runCli(['generate', '--input', input, ...roots, '--out', out], cwd);
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    outputs.push(out);
    const again = path.join(cwd, 'again');
    expect((await runCli(['generate', '--input', input, ...roots, '--out', again], cwd)).code).toBe(0);
    expect(readTree(again)).toEqual(readTree(out));
    for (const [name, text] of readTree(out)) {
      if (name.endsWith('.ts')) expect(await prettier.check(text, { parser: 'typescript', printWidth: 100 }), name).toBe(true);
      expect(text, `${name} has a carriage return`).not.toContain('\r');
    }
  });

  it('accepts the valid values and rejects the invalid ones at exactly the given paths', async () => {
    expect(out).not.toBe('');
    const api = await importGenerated(out);
    const ir = JSON.parse((await runCli(['ir', '--input', input, '--root', cliRoot(dir, input, spec.root)], tmpDir())).stdout) as {
      roots: string[];
      models: { id: string; tsName: string }[];
    };
    const tsName = ir.models.find((m) => m.id === ir.roots[0])!.tsName;
    const [is, validate, assert] = [api[`is${tsName}`]!, api[`validate${tsName}`]!, api[`assert${tsName}`]!];
    for (const value of spec.valid ?? []) {
      expect(validate(value), JSON.stringify(value)).toEqual({ success: true, value });
      expect(is(value)).toBe(true);
      expect(() => assert(value)).not.toThrow();
    }
    for (const { value, paths } of spec.invalid ?? []) {
      const result = validate(value) as { success: boolean; errors: { path: string }[] };
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect([...new Set(result.errors.map((e) => e.path))].sort(), JSON.stringify(value)).toEqual([...paths].sort());
      expect(is(value)).toBe(false);
      expect(() => assert(value)).toThrow();
    }
  });
});

describe.skipIf(cases.length === 0)('case outputs', () => {
  it('all type-check under tsc --strict --module nodenext', () => {
    // One tsc run over every case's output folder (each folder is self-contained).
    const all = tmpDir();
    outputs.forEach((dir, i) => fs.cpSync(dir, path.join(all, `c${i}`), { recursive: true }));
    const files = outputs.flatMap((_, i) =>
      fs
        .readdirSync(path.join(all, `c${i}`))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(`c${i}`, f)),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(typecheck(all, files)).toBe('');
  });
});

afterAll(() => {
  if (!HAS_SHARED) console.warn('[docs2ts tests] shared cases skipped: ../shared/cases is absent');
});
