/**
 * Fuzzing: random doc trees in every notation (hostile names, texts and link spellings, cycles,
 * CRLF / CR / BOM, at most one injected fault) go through the in-process pipeline
 * (`buildModel` + `emit`). For every tree: nothing throws; a tree with a fault fails with an error
 * diagnostic at the fault's file and line (and the CLI leaves an existing output folder as it
 * was); a clean tree has no error, two runs give byte-identical files, and a value built to match
 * the docs passes each model's validator. At the end, every clean tree's output type-checks in one
 * `tsc --strict` run.
 *
 * Seeded and bounded: DOCS2TS_FUZZ_RUNS (default 200; CI's .ci/run sets 500) trees,
 * DOCS2TS_FUZZ_SEED (default 20261129).
 * `DOCS2TS_FUZZ_RUNS=20000 npx vitest run test/fuzz.test.ts` runs longer.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emit, emitUnformatted } from '../src/emit/index.js';
import { buildModel } from '../src/model/build.js';
import type { IR } from '../src/core/ir.js';
import { getNotation } from '../src/notation/index.js';
import { memoryDocSource } from '../src/parse/files.js';
import { oracle, renderTree, treeSpec, type TreeSpec } from './fuzz-docs.js';
import { readTree, runCli, tmpDir, typecheck, writeDocs } from './helpers.js';

const RUNS = Number(process.env.DOCS2TS_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.DOCS2TS_FUZZ_SEED ?? 20261129);

/** Every clean tree's output goes to `<all>/t<k>/`; one tsc run checks them at the end. */
const all = tmpDir('docs2ts-fuzz-');
/** Trees with a fault are written under here for the CLI run. */
const failing = tmpDir('docs2ts-fuzz-faults-');
const checked: string[] = [];
let trees = 0;
let faults = 0;
let values = 0;

function build(tree: TreeSpec, docs: Record<string, string>): IR {
  return buildModel(memoryDocSource(docs), { roots: [], notation: getNotation(tree.notation) });
}

/** Transpiled JavaScript (CommonJS) by TypeScript text: the runtime file repeats in every tree. */
const transpiled = new Map<string, string>();

/**
 * The generated files' exports, run in this process: each file transpiled to CommonJS (esbuild,
 * eight times faster here than TypeScript's transpileModule; tsc checks the same files below) and
 * evaluated with a `require` that resolves the files' relative `.js` imports among themselves
 * (cycles included, as CommonJS does). No module loader, no disk: a tree's validators load in a
 * few milliseconds.
 */
function load(files: ReadonlyMap<string, string>): Record<string, (value: unknown) => unknown> {
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const require = (specifier: string): Record<string, unknown> => {
    const name = specifier.replace(/^\.\//, '').replace(/\.js$/, '.ts');
    const cached = cache.get(name);
    if (cached) return cached.exports;
    const text = files.get(name);
    if (text === undefined) throw new Error(`generated code imports ${specifier}, which was not generated`);
    let js = transpiled.get(text);
    if (js === undefined) {
      js = transformSync(text, { loader: 'ts', format: 'cjs', target: 'es2022' }).code;
      transpiled.set(text, js);
    }
    const module = { exports: {} as Record<string, unknown> };
    cache.set(name, module);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the generated code under test, compiled just above
    new Function('require', 'module', 'exports', js)(require, module, module.exports);
    return module.exports;
  };
  return require('./index.js') as Record<string, (value: unknown) => unknown>;
}

/** A mulberry32 generator: values drawn for the oracle are reproducible from the tree's seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let previous: { out: string; snapshot: Map<string, string> } | null = null;

describe('fuzz: random hostile doc trees in every notation', () => {
  beforeAll(async () => {
    // A good output folder that failing runs must leave exactly as it is.
    const cwd = tmpDir();
    writeDocs(path.join(cwd, 'ok'), {
      'ok.md': '# Ok\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *String* | :heavy_check_mark: | N/A |\n',
    });
    const out = path.join(cwd, 'out');
    expect((await runCli(['generate', '--input', path.join(cwd, 'ok'), '--out', out], cwd)).code).toBe(0);
    previous = { out, snapshot: readTree(out) };
  });

  it(`${RUNS} trees: no crash, faults reported where they are, clean trees deterministic and valid`, async () => {
    await fc.assert(
      fc.asyncProperty(treeSpec(), fc.integer(), async (tree, valueSeed) => {
        const { docs, fault } = renderTree(tree);
        const context = `notation ${tree.notation}, docs:\n${JSON.stringify(docs, null, 1)}`;
        const ir = build(tree, docs);
        const errors = ir.diagnostics.filter((d) => d.severity === 'error');
        for (const e of errors) {
          // Every error says where: a doc, a line and a column (root errors name no doc).
          expect(e.file, context).not.toBeNull();
          expect(e.line, `${e.ruleId} ${e.message}\n${context}`).toBeGreaterThan(0);
          expect(e.column, `${e.ruleId} ${e.message}\n${context}`).toBeGreaterThan(0);
        }
        if (fault) {
          faults++;
          const hit = errors.find((e) => e.file === fault.file && e.line === fault.line);
          expect(hit, `${tree.fault!.kind} at ${fault.file}:${fault.line}; errors: ${JSON.stringify(errors)}\n${context}`).toBeDefined();
          // Through the CLI, on disk: exit 1 and the previous output folder untouched.
          const input = path.join(fs.mkdtempSync(path.join(failing, 'f-')), 'models');
          writeDocs(input, docs);
          const result = await runCli(['generate', '--input', input, '--out', previous!.out], path.dirname(input));
          expect(result.code, result.stderr).toBe(1);
          expect(readTree(previous!.out)).toEqual(previous!.snapshot);
          return;
        }
        expect(errors, context).toEqual([]);
        // Formatted once (prettier must take every output); determinism is the generator's: two
        // builds and emits of the same docs give the same text (prettier is a function of it).
        const files = await emit(ir);
        expect([...(await emitUnformatted(build(tree, docs)))], 'two runs differ').toEqual([...(await emitUnformatted(ir))]);

        const dir = path.join(all, `t${trees++}`);
        fs.mkdirSync(dir);
        for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
        fs.writeFileSync(path.join(dir, 'docs.json'), JSON.stringify({ notation: tree.notation, docs }, null, 1));
        checked.push(dir);

        const api = load(files);
        const build2 = oracle(tree);
        const random = rng(valueSeed);
        tree.models.forEach((model, i) => {
          const built = build2(i, random);
          if (!built.ok) return;
          const tsName = ir.models.find((m) => m.id === model.file)!.tsName;
          const result = api[`validate${tsName}`]!(built.value) as { success: boolean; errors?: unknown };
          expect(result.success, `${tsName} rejects ${JSON.stringify(built.value)}: ${JSON.stringify(result.errors)}\n${context}`).toBe(true);
          expect(api[`is${tsName}`]!(built.value)).toBe(true);
          values++;
        });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);

  it('every clean tree type-checks under tsc --strict --module nodenext (one run)', () => {
    expect(checked.length).toBeGreaterThan(RUNS / 4);
    const files = checked.flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(path.basename(dir), f)),
    );
    const output = typecheck(all, files);
    const trees = [...new Set([...output.matchAll(/^(t\d+)[\\/]/gm)].map((m) => m[1]!))];
    expect(output, trees.map((t) => fs.readFileSync(path.join(all, t, 'docs.json'), 'utf8')).join('\n')).toBe('');
  }, 600_000);

  afterAll(() => {
    console.info(`[fuzz] ${trees} clean trees (${values} values validated), ${faults} trees with a fault; seed ${SEED}, ${RUNS} runs`);
  });
});
