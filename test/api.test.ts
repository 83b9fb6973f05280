/**
 * The programmatic API (src/index.ts): parseDocs, buildIR, generate, check, irSchema; and the IR's
 * JSON Schema, validated with ajv against the IR of the fixtures and hostile IRs (trees.test.ts
 * validates the IR of every shared corpus tree it generates).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  buildIR,
  buildModel,
  check,
  generate,
  hasErrors,
  irSchema,
  IR_VERSION,
  MANIFEST_FILE,
  memoryDocSource,
  parseDocs,
  renderGraph,
  writeOutput,
  type IR,
} from '../src/index.js';
import { ROOT, runCli, tmpDir, writeDocs } from './helpers.js';
import { schemaErrors } from './ir-schema.js';

const FIXTURES = path.join(ROOT, 'fixtures');

const docs = {
  'models/shared/task.md':
    '# Task\n\nA task.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *String* | :heavy_check_mark: | N/A |\n| `status` | [Shared::Status](../../models/shared/status.md) | :heavy_minus_sign: | N/A |\n| `tags` | T::Array<*String*> | :heavy_minus_sign: | N/A |',
  'models/shared/status.md': '# Status\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | one |\n| `TWO` | two |',
  'models/operations/option.md': 'No heading here.',
};

describe('parseDocs', () => {
  it('returns the DocModels of a folder, in file order, with their kinds; files without a heading give none', () => {
    const dir = tmpDir();
    writeDocs(dir, docs);
    const { docs: parsed, diagnostics } = parseDocs(dir);
    expect(parsed.map((d) => [d.file, d.title, d.kind])).toEqual([
      ['models/shared/status.md', 'Status', 'values'],
      ['models/shared/task.md', 'Task', 'fields'],
    ]);
    expect(parsed[1]!.fields.map((f) => [f.name, f.required])).toEqual([
      ['id', true],
      ['status', false],
      ['tags', false],
    ]);
    expect(diagnostics.every((d) => d.severity !== 'error')).toBe(true);
  });

  it('reads the 32 fixture docs and takes a DocSource too', () => {
    expect(parseDocs(FIXTURES).docs).toHaveLength(32);
    expect(
      parseDocs(
        memoryDocSource({
          'a.md': '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | *String* | :heavy_check_mark: | N/A |',
        }),
      ).docs.map((d) => d.title),
    ).toEqual(['A']);
  });

  it('throws on a missing folder', () => {
    expect(() => parseDocs(path.join(tmpDir(), 'nope'))).toThrow(/does not exist/);
  });
});

describe('buildIR and generate', () => {
  it('builds the fixtures IR (32 models from Task), detecting the notation when none is given', () => {
    const ir = buildIR({ input: FIXTURES, roots: ['Task'] });
    expect(ir.version).toBe(IR_VERSION);
    expect(ir.roots).toEqual(['models/shared/task.md']);
    expect(ir.models).toHaveLength(32);
    expect(hasErrors(ir.diagnostics)).toBe(false);
    expect(ir.diagnostics.some((d) => d.ruleId === 'notation-detected')).toBe(true);
  });

  it('rejects an unknown notation id, and reads a missing link as unknown only with allowBrokenLinks', () => {
    expect(() => buildIR({ input: FIXTURES, notation: 'cobol' })).toThrow(/Unknown notation `cobol`/);
    const dir = tmpDir();
    writeDocs(dir, {
      'a.md': '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `b` | [B](b.md) | :heavy_check_mark: | N/A |',
    });
    expect(hasErrors(buildIR({ input: dir, notation: 'ruby' }).diagnostics)).toBe(true);
    const lenient = buildIR({ input: dir, notation: 'ruby', allowBrokenLinks: true });
    expect(hasErrors(lenient.diagnostics)).toBe(false);
    expect(lenient.diagnostics.map((d) => d.ruleId)).toContain('link-missing');
  });

  it('generate returns the files in memory, writes nothing, and returns null files on error diagnostics', async () => {
    const dir = tmpDir();
    writeDocs(dir, docs);
    const before = fs.readdirSync(dir);
    const { ir, files } = await generate({ input: dir, roots: ['Task'] });
    expect(ir.models.map((m) => m.tsName)).toEqual(['Status', 'Task']);
    expect([...files!.keys()]).toEqual(['_runtime.ts', 'index.ts', 'status.ts', 'task.ts']);
    expect(files!.get('task.ts')).toContain('export interface Task');
    expect(fs.readdirSync(dir)).toEqual(before);
    const broken = await generate({ input: dir, roots: ['Nope'] });
    expect(broken.files).toBeNull();
    expect(broken.ir.diagnostics.map((d) => d.ruleId)).toContain('root-missing');
  });

  it('generate passes emit options through (banner)', async () => {
    const dir = tmpDir();
    writeDocs(dir, docs);
    const { files } = await generate({ input: dir, roots: ['Task'], banner: 'Made from {{sources}}.' });
    expect(files!.get('status.ts')).toMatch(/^\/\/ Made from `models\/shared\/status\.md`\.\n/);
  });

  it('formats for `out` (its prettier config, `prettier` over it), or not at all with format: false', async () => {
    const dir = tmpDir();
    writeDocs(dir, { ...docs, 'gen/.prettierrc.json': JSON.stringify({ singleQuote: true, semi: false }) });
    const out = path.join(dir, 'gen');
    const plain = (await generate({ input: dir, roots: ['Task'] })).files!.get('task.ts')!;
    expect(plain).toContain('from "./_runtime.js";');
    const configured = (await generate({ input: dir, roots: ['Task'], out })).files!.get('task.ts')!;
    expect(configured).toContain("from './_runtime.js'\n");
    const given = (await generate({ input: dir, roots: ['Task'], out, prettier: { semi: true } })).files!.get('task.ts')!;
    expect(given).toContain("from './_runtime.js';\n");
    const raw = (await generate({ input: dir, roots: ['Task'], format: false })).files!.get('task.ts')!;
    expect(raw).not.toBe(plain);
    expect(await prettier.format(raw, { printWidth: 100, parser: 'typescript' })).toBe(plain);
  });
});

describe('check', () => {
  async function written(): Promise<{ dir: string; out: string }> {
    const dir = tmpDir();
    writeDocs(dir, docs);
    const out = path.join(dir, 'gen');
    const { files } = await generate({ input: dir, roots: ['Task'] });
    writeOutput(out, files!);
    return { dir, out };
  }

  it('is up to date right after writeOutput, and ignores files docs2ts did not write', async () => {
    const { dir, out } = await written();
    fs.writeFileSync(path.join(out, 'mine.ts'), 'export const mine = 1;\n');
    const result = await check({ input: dir, roots: ['Task'], out });
    expect(result).toMatchObject({ upToDate: true, stale: [], missing: [], extra: [] });
    expect(result.ir.models).toHaveLength(2);
  });

  it('lists stale, missing and extra files, and writes nothing', async () => {
    const { dir, out } = await written();
    fs.appendFileSync(path.join(out, 'task.ts'), '// hand edit\n');
    fs.rmSync(path.join(out, 'status.ts'));
    // An old generated file the manifest still lists.
    fs.writeFileSync(path.join(out, 'old.ts'), 'export {};\n');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as { files: string[] };
    manifest.files.push('old.ts', 'gone.ts');
    fs.writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const snapshot = fs.readdirSync(out).sort();
    const result = await check({ input: dir, roots: ['Task'], out });
    expect(result.upToDate).toBe(false);
    expect(result.stale).toEqual([MANIFEST_FILE, 'task.ts']);
    expect(result.missing).toEqual(['status.ts']);
    expect(result.extra).toEqual(['old.ts']);
    expect(fs.readdirSync(out).sort()).toEqual(snapshot);
  });

  it("compares with the files formatted by the output folder's prettier config, as the CLI writes them", async () => {
    const dir = tmpDir();
    writeDocs(dir, { ...docs, '.prettierrc': JSON.stringify({ singleQuote: true }) });
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ input: '.', out: 'gen', roots: ['Task'] }));
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect(await check({ input: dir, roots: ['Task'], out: path.join(dir, 'gen') })).toMatchObject({ upToDate: true, stale: [], missing: [], extra: [] });
  });

  it('a doc edit or an option change makes files stale', async () => {
    const { dir, out } = await written();
    expect((await check({ input: dir, roots: ['Task'], out, banner: 'Mine: {{sources}}' })).stale).toEqual(['_runtime.ts', 'index.ts', 'status.ts', 'task.ts']);
    fs.appendFileSync(path.join(dir, 'models/shared/status.md'), '\n| `THREE` | three |');
    expect((await check({ input: dir, roots: ['Task'], out })).stale).toEqual(['status.ts']);
  });

  it('a missing folder has every file missing; docs with errors are never up to date', async () => {
    const dir = tmpDir();
    writeDocs(dir, docs);
    const result = await check({ input: dir, roots: ['Task'], out: path.join(dir, 'none') });
    expect(result.missing).toEqual([MANIFEST_FILE, '_runtime.ts', 'index.ts', 'status.ts', 'task.ts']);
    const broken = await check({ input: dir, roots: ['Nope'], out: path.join(dir, 'none') });
    expect(broken).toMatchObject({ upToDate: false, stale: [], missing: [], extra: [] });
    expect(hasErrors(broken.ir.diagnostics)).toBe(true);
  });
});

describe('the API re-exports every stage', () => {
  it('exports renderGraph, and irSchema reads the shipped schema', () => {
    const ir = buildIR({ input: FIXTURES, roots: ['Task'] });
    expect(renderGraph(ir, 'mermaid')).toMatch(/^classDiagram\n/);
    expect(irSchema()).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'docs2ts IR' });
  });
});

// ---------------------------------------------------------------------------------------------
// The IR's JSON Schema

describe('the IR JSON Schema', () => {
  it('accepts the fixtures IR, with and without roots', () => {
    expect(schemaErrors(buildIR({ input: FIXTURES, roots: ['Task'] }))).toEqual([]);
    expect(schemaErrors(buildIR({ input: FIXTURES }))).toEqual([]);
  });

  it('accepts IRs with unions, maps, literals, open and mixed enums, additional properties and error diagnostics', () => {
    const ir = buildModel(
      memoryDocSource({
        'a.md':
          '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `m` | T::Hash[Symbol, [B](b.md)] | :heavy_check_mark: | N/A |\n| `u` | T.any(String, Integer) | :heavy_minus_sign: | N/A |\n| `additional_properties` | T::Hash[Symbol, Integer] | :heavy_minus_sign: | N/A |\n| `x` | [Nope](nope.md) | :heavy_minus_sign: | N/A |\n| `y` | *Gibberish<<* | :heavy_minus_sign: | N/A |',
        'b.md': '# B\n\n## Values\n\n```typescript\n"a" | 1 | true\n```',
      }),
      { roots: [] },
    );
    expect(hasErrors(ir.diagnostics)).toBe(true);
    expect(schemaErrors(ir)).toEqual([]);
  });

  it('rejects IRs that break it (so the corpus checks can fail)', () => {
    const ir = buildIR({ input: FIXTURES, roots: ['Task'] });
    const mutate = (change: (ir: IR & Record<string, unknown>) => void): string[] => {
      const copy = structuredClone(ir) as IR & Record<string, unknown>;
      change(copy);
      return schemaErrors(copy);
    };
    expect(mutate(() => undefined)).toEqual([]);
    expect(mutate((c) => (c.version = 2))).not.toEqual([]);
    expect(mutate((c) => (c.extra = true))).not.toEqual([]);
    expect(mutate((c) => delete (c.models[0] as Partial<IR['models'][0]>).tsName)).not.toEqual([]);
    expect(mutate((c) => ((c.models.find((m) => m.kind === 'object') as unknown as Record<string, unknown>).values = []))).not.toEqual([]);
    expect(mutate((c) => ((c.models.find((m) => m.kind === 'object')!.kind as string) = 'union'))).not.toEqual([]);
    expect(mutate((c) => ((c.models.find((m) => m.kind === 'enum') as { valueType: string }).valueType = 'object'))).not.toEqual([]);
    expect(mutate((c) => (c.models.find((m) => m.kind === 'object')!.tsName = 'not a name'))).not.toEqual([]);
    expect(mutate((c) => c.diagnostics.push({ severity: 'fatal' as 'error', ruleId: 'x', message: 'm', file: null }))).not.toEqual([]);
    expect(
      mutate((c) => {
        const object = c.models.find((m) => m.kind === 'object' && m.fields.length > 0);
        if (object?.kind === 'object') object.fields[0]!.type = { kind: 'tuple' } as never;
      }),
    ).not.toEqual([]);
  });

  it('is the file the build ships (dist/core/ir.schema.json after `npm run build`)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; scripts: Record<string, string> };
    expect(pkg.exports['./ir.schema.json']).toBe('./dist/core/ir.schema.json');
    expect(pkg.scripts.build).toContain("cpSync('src/core/ir.schema.json', 'dist/core/ir.schema.json')");
  });
});
