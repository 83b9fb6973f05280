/**
 * Oracle conformance: the IR of each corpus tree against the OpenAPI document its docs were
 * generated from, and the seven gt-* trees (one API, seven notations) against each other.
 * The rules, and the NOTATION.md limitations they set aside, are in `./oracle.ts`.
 * Skipped, with a message, when ../shared is absent.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IR } from '../src/model/ir.js';
import { HAS_SHARED, SHARED } from './helpers.js';
import {
  conformance,
  crossTree,
  formatCrossDifference,
  formatDisagreements,
  formatTable,
  ORACLE_TREES,
  summarize,
  treeIr,
  type OracleTree,
  type TreeReport,
} from './oracle.js';

const CORPUS = path.join(SHARED, 'corpus');
/** Field-level agreement every tree must reach (agreeing / (agreeing + disagreeing)). */
const MIN_AGREEMENT = 0.98;
const GT_TREES = ORACLE_TREES.filter((t) => t.name.startsWith('gt-'));

if (!HAS_SHARED) console.warn(`[oracle.test] ${CORPUS} is absent: the oracle conformance tests are skipped`);

/** Reports, computed once per tree (the IRs themselves are cached in ./oracle.ts). */
const reports = new Map<string, TreeReport>();
function reportOf(tree: OracleTree): TreeReport {
  let report = reports.get(tree.name);
  if (!report) {
    report = conformance(CORPUS, tree);
    reports.set(tree.name, report);
  }
  return report;
}

describe.skipIf(!HAS_SHARED)('oracle conformance (needs ../shared/corpus)', () => {
  it('prints the per-tree agreement table and the disagreements', () => {
    const all = ORACLE_TREES.map(reportOf);
    const lines = [formatTable(all), ''];
    for (const r of all) {
      const s = summarize(r);
      if (s.disagree > 0) lines.push(formatDisagreements(r, 20));
      const notes = r.results.filter((x) => x.notes.length > 0).length;
      const extra = [
        r.undocumented.length > 0 ? `undocumented schemas: ${r.undocumented.join(', ')}` : '',
        notes > 0 ? `${notes} field(s) with nullability / enum-value-type differences (never compared, NOTATION.md §3)` : '',
        r.extra.length > 0 ? `IR fields matching no oracle property: ${r.extra.join(', ')}` : '',
        ...r.additional.map((a) => `additionalProperties: ${a}`),
      ].filter(Boolean);
      if (extra.length > 0) lines.push(`${r.tree}:\n  ${extra.join('\n  ')}`);
    }
    console.log(lines.join('\n'));
    for (const r of all) expect(r.documented, `${r.tree} documents too few oracle schemas to say anything`).toBeGreaterThanOrEqual(r.schemas / 2);
  }, 120_000);

  for (const tree of ORACLE_TREES) {
    it(`${tree.name}: field-level agreement >= ${MIN_AGREEMENT * 100}%`, () => {
      const report = reportOf(tree);
      const s = summarize(report);
      expect(s.compared, 'no field compared').toBeGreaterThan(100);
      if (s.agreement < MIN_AGREEMENT) console.log(formatDisagreements(report, 20));
      expect(s.agreement, formatDisagreements(report, 20)).toBeGreaterThanOrEqual(MIN_AGREEMENT);
    }, 60_000);
  }

  it('the comparison is not vacuous: a corrupted IR is caught', () => {
    const tree = GT_TREES[0]!;
    const ir = JSON.parse(JSON.stringify(treeIr(CORPUS, tree))) as IR;
    const model = ir.models.find((m) => m.kind === 'object' && m.name === 'SimpleObject');
    if (model?.kind !== 'object') throw new Error('SimpleObject is not an object model');
    const str = model.fields.find((f) => f.name.replace(/_$/, '') === 'str')!;
    const int = model.fields.find((f) => f.name === 'int')!;
    str.required = false;
    int.type = { kind: 'primitive', type: 'string' };
    model.fields = model.fields.filter((f) => f.name !== 'bool');
    const report = conformance(CORPUS, tree, ir);
    const bad = report.results.filter((r) => r.schema === 'simpleObject' && r.verdict === 'disagree').map((r) => r.property).sort();
    expect(bad).toEqual(['bool', 'int', 'str']);
  }, 60_000);

  it('the seven gt-* trees give the same IR up to property-name case for every model all seven document', () => {
    const { models, differences } = crossTree(CORPUS, GT_TREES);
    const unexplained = differences.filter((d) => d.problems.length > 0);
    const explained = differences.length - unexplained.length;
    const reasons = new Map<string, number>();
    for (const d of differences) for (const r of d.explained) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    console.log(
      [
        `${models} models documented by all seven gt-* trees; ${differences.length} field(s) differ, ${explained} only in NOTATION.md-explained ways:`,
        ...[...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `  ${n} × ${r}`),
        `${unexplained.length} unexplained difference(s) (kind per tree, ! required, ? optional, — absent):`,
        ...unexplained.slice(0, 40).map(formatCrossDifference),
      ].join('\n'),
    );
    expect(models).toBeGreaterThan(100);
    expect(unexplained.map((d) => `${d.model}.${d.field}`)).toEqual([]);
  }, 120_000);
});
