/**
 * The corpus sweep in CI: every tree of ../shared/corpus-wild (22 vendors, seven notations) is
 * generated with no flags, exits 0 with no error, is read in the notation its README names, and
 * all outputs type-check under `--strict --module nodenext` in one tsc run. Trees whose source
 * repository links to docs that exist nowhere (listed below, with the evidence) exit 1 with a
 * summary that names `--allow-broken-links`, and exit 0 with it. `npm run corpus` runs the same
 * sweep over both corpus folders with the built CLI; test/trees.test.ts covers ../shared/corpus.
 * Skipped, with a message, when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusTrees } from '../scripts/corpus-trees.js';
import { HAS_SHARED, runCli, SHARED, tmpDir, typecheckAll } from './helpers.js';

/**
 * Trees whose source links to docs that no file of the tree has, by name or heading (so no repair
 * applies): go-kong-sdk-konnect-go links `components/cacertificateinput.md` and 23 more `*input.md`
 * docs its generator never wrote; typescript-openrouterteam-typescript-sdk links docs such as
 * `cachecontrol.md` that were removed from the tree.
 */
const BROKEN_AT_SOURCE = new Set(['go-kong-sdk-konnect-go', 'typescript-openrouterteam-typescript-sdk']);

/** Notation label by id, as the `notation-detected` info prints it. */
const LABELS: Record<string, string> = { ruby: 'Ruby (Sorbet)', python: 'Python', typescript: 'TypeScript', go: 'Go', java: 'Java', csharp: 'C#', php: 'PHP' };

/** The notation column of corpus-wild/README.md's table: alias → notation id. */
function readmeNotations(): Map<string, string> {
  const map = new Map<string, string>();
  const readme = path.join(SHARED, 'corpus-wild/README.md');
  if (!fs.existsSync(readme)) return map;
  for (const line of fs.readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const alias = /^`([^`]+)`$/.exec(cells[1] ?? '');
    if (alias && cells[4]) map.set(alias[1]!, cells[4]);
  }
  return map;
}

const WILD = HAS_SHARED ? corpusTrees(SHARED).filter((t) => t.group === 'corpus-wild') : [];
const NOTATIONS = readmeNotations();
const outputs: string[] = [];

if (!HAS_SHARED) console.warn(`[sweep.test] ${SHARED} is absent: the corpus sweep is skipped`);

describe.skipIf(!HAS_SHARED)('corpus-wild sweep', () => {
  it('finds the 22 trees and their notations', () => {
    expect(WILD).toHaveLength(22);
    for (const tree of WILD) expect(LABELS[NOTATIONS.get(tree.name) ?? '']).toBeDefined();
  });

  it.each(WILD.map((t) => [t.name, t] as const))(
    '%s: generate with no flags',
    async (name, tree) => {
      const out = path.join(tmpDir(), name);
      const result = await runCli(['generate', '--input', tree.models, '--out', out, '--format', 'json', '--verbose']);
      const json = JSON.parse(result.stdout) as { diagnostics: { severity: string; ruleId: string; message: string; file: string | null; line?: number }[] };
      const errors = json.diagnostics.filter((d) => d.severity === 'error');
      const detected = json.diagnostics.find((d) => d.ruleId === 'notation-detected');
      expect(detected?.message).toContain(`read as ${LABELS[NOTATIONS.get(name)!]} (`);
      if (BROKEN_AT_SOURCE.has(name)) {
        expect(result.code).toBe(1);
        expect(errors.length).toBeGreaterThan(0);
        expect(new Set(errors.map((e) => e.ruleId))).toEqual(
          new Set(errors.map((e) => e.ruleId).filter((r) => r === 'link-missing' || r === 'ref-unresolved')),
        );
        const text = await runCli(['generate', '--input', tree.models, '--out', out]);
        expect(text.stderr).toContain('--allow-broken-links');
        const relaxed = await runCli(['generate', '--input', tree.models, '--out', out, '--allow-broken-links']);
        expect(relaxed.code).toBe(0);
      } else {
        expect(errors.map((e) => `${e.file}:${e.line} ${e.ruleId} ${e.message}`).slice(0, 5)).toEqual([]);
        expect(result.code).toBe(0);
      }
      outputs.push(out);
    },
    300_000,
  );

  it("every tree's output type-checks under --strict --module nodenext (one tsc run)", () => {
    expect(outputs.length).toBe(WILD.length);
    expect(typecheckAll(outputs)).toBe('');
  }, 900_000);
});
