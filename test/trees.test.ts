/**
 * Whole trees from ../shared/corpus, one per notation and layout: `generate` without a root has no
 * error diagnostic, reads the notation the tree is written in, writes a file per model, gives an
 * IR its JSON Schema accepts, and the output (with livepeer-ruby's `--root Task` output) type-checks
 * in one tsc run. The 11,098-doc vercel tree runs only with DOCS2TS_VERCEL=1 (it takes minutes;
 * `npm run bench:generate` covers it too).
 *
 * Each tree is generated once, through the API (the CLI is a layer over it, held to the same
 * answers by parity.test.ts; sweep.test.ts runs the CLI on the corpus-wild trees) and unformatted:
 * what is checked here is the code, not its layout, and prettier is two thirds of a run's time
 * (formatting is format.test.ts's subject; the sweep formats 22 real trees).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/index.js';
import { HAS_SHARED, SHARED, tmpDir, typecheckAll } from './helpers.js';
import { schemaErrors } from './ir-schema.js';

const TREES: [string, string, string][] = [
  ['livepeer-ruby', 'livepeer-ruby/docs/models', 'Ruby (Sorbet)'],
  ['livepeer-js', 'livepeer-js/docs/models', 'TypeScript'],
  ['livepeer-python', 'livepeer-python/docs/models', 'Python'],
  ['livepeer-go', 'livepeer-go/docs/models', 'Go'],
  ['gt-ruby', 'gt-ruby/ruby-client-sdk/docs/models', 'Ruby (Sorbet)'],
  ['gt-python', 'gt-python/python-client-sdk/docs/models', 'Python'],
  ['gt-typescript', 'gt-typescript/typescript-client-sdk/docs/sdk/models', 'TypeScript'],
  ['gt-go', 'gt-go/go-client-sdk/docs/pkg/models', 'Go'],
  ['gt-java', 'gt-java/java-client-sdk/docs/models', 'Java'],
  ['gt-csharp', 'gt-csharp/csharp-client-sdk/docs/Models', 'C#'],
  ['gt-php', 'gt-php/php-client-sdk/docs/Models', 'PHP'],
  ...(process.env.DOCS2TS_VERCEL ? [['vercel', 'vercel/docs/models', 'TypeScript'] as [string, string, string]] : []),
];

const outputs: string[] = [];

/** Write generated files under a fresh folder named `name`; returns the folder. */
function write(name: string, files: ReadonlyMap<string, string>): string {
  const out = path.join(tmpDir(), name);
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), text);
  }
  return out;
}

describe.skipIf(!HAS_SHARED)('whole corpus trees', () => {
  it.each(TREES)(
    '%s: generate without a root: no errors, notation detected, a file per model, the IR fits its schema',
    async (name, input, label) => {
      // vercel's source repository links to six docs it does not ship (see the README).
      const { ir, files } = await generate({ input: path.join(SHARED, 'corpus', input), allowBrokenLinks: name === 'vercel', format: false });
      const errors = ir.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((e) => `${e.file}:${e.line} ${e.ruleId} ${e.message}`).slice(0, 5)).toEqual([]);
      expect(ir.diagnostics.find((d) => d.ruleId === 'notation-detected')?.message).toContain(`read as ${label} (`);
      expect(files).not.toBeNull();
      // One file per model, the runtime and the index.
      expect(files!.size).toBe(ir.models.length + 2);
      if (name === 'livepeer-ruby') expect(ir.models).toHaveLength(183);
      expect(schemaErrors(ir)).toEqual([]);
      outputs.push(write(name, files!));
    },
    600_000,
  );

  it('livepeer-ruby with --root Task: the 32 models of the fixtures', async () => {
    const { ir, files } = await generate({ input: path.join(SHARED, 'corpus/livepeer-ruby/docs/models'), roots: ['Task'], format: false });
    expect(ir.models).toHaveLength(32);
    expect(files!.size).toBe(34);
    outputs.push(write('livepeer-ruby-task', files!));
  });

  it('every output above type-checks under --strict --module nodenext (one tsc run)', () => {
    expect(outputs.length).toBe(TREES.length + 1);
    expect(typecheckAll(outputs)).toBe('');
  }, 900_000);
});
