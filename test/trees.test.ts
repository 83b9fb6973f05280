/**
 * Whole trees from ../shared/corpus, one per notation and layout: `generate` without a root exits 0
 * with no error diagnostics and the output type-checks. The 11,098-doc vercel tree runs only with
 * DOCS2TS_VERCEL=1 (it takes minutes; `npm run bench:generate` covers it too).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, runCli, SHARED, tmpDir, typecheckAll } from './helpers.js';

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

describe.skipIf(!HAS_SHARED)('whole corpus trees', () => {
  it.each(TREES)(
    '%s: generate without a root exits 0, no errors, notation detected',
    async (name, input, label) => {
      const cwd = tmpDir();
      const out = path.join(cwd, name);
      const args = ['generate', '--input', path.join(SHARED, 'corpus', input), '--out', out, '--verbose'];
      // vercel's source repository links to six docs it does not ship (see the README).
      if (name === 'vercel') args.push('--allow-broken-links');
      const result = await runCli(args, cwd);
      expect(result.stderr).not.toMatch(/\berror\b/);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`Type cells read as ${label}`);
      outputs.push(out);
    },
    600_000,
  );

  it("every tree's output type-checks under --strict --module nodenext (one tsc run)", () => {
    expect(outputs.length).toBe(TREES.length);
    expect(typecheckAll(outputs)).toBe('');
  }, 900_000);
});
