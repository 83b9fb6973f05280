/**
 * Oracle conformance: the IR of every shared tree that comes with its OpenAPI document (`oracle-*`
 * in `../shared/corpus/<tree>` and `../shared/corpus-wild/<tree>`, found by layout: no tree is
 * named here) against that document, aspect by aspect, and the seven gt-* trees (one API, seven
 * notations) against each other. The rules, and the NOTATION.md limitations they set aside, are
 * in `./oracle.ts`. The shared trees are skipped, with a message, when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IR, Model } from '../src/core/ir.js';
import { HAS_SHARED, SHARED, tmpDir } from './helpers.js';
import {
  ASPECTS,
  choosePropertyCase,
  conformance,
  crossTree,
  formatCrossDifference,
  formatDisagreements,
  formatStated,
  formatTable,
  Oracle,
  oracleTrees,
  readCell,
  showKind,
  summarize,
  topReasons,
  treeIr,
  type OracleTree,
  type TreeReport,
} from './oracle.js';

/** Agreement every tree must reach on every aspect (agreeing / (agreeing + disagreeing)). */
const MIN_AGREEMENT = 0.99;
const TREES = HAS_SHARED ? oracleTrees(SHARED) : [];
const GT_TREES = TREES.filter((t) => t.group === 'corpus' && t.name.startsWith('gt-'));

if (!HAS_SHARED) console.warn(`[oracle.test] ${SHARED} is absent: the oracle conformance tests are skipped`);

/** Reports, computed once per tree (the IRs themselves are cached in ./oracle.ts). */
const reports = new Map<string, TreeReport>();
function reportOf(tree: OracleTree): TreeReport {
  let report = reports.get(tree.dir);
  if (!report) {
    report = conformance(tree);
    reports.set(tree.dir, report);
  }
  return report;
}

describe('oracle comparison rules (inline fixtures)', () => {
  it('reads raw Type cells on its own, without docs2ts', () => {
    const doc = path.join(tmpDir(), 'x.md');
    const read = (cell: string): string => {
      const r = readCell(cell, doc);
      return r ? (r.items !== undefined ? `${r.k}<${r.items ? r.items.k : '?'}>` : r.k) : 'null';
    };
    expect(read('*Crystalline::Nilable.new(::String)*')).toBe('string');
    expect(read('*Optional\\<Integer>*')).toBe('integer');
    expect(read('**int64*')).toBe('integer');
    expect(read('[]*string*')).toBe('array<string>');
    expect(read('T::Hash[Symbol, *Float*]')).toBe('map<number>');
    expect(read('*Optional[Union[str, int]]*')).toBe('union');
    expect(read('[time.Time](https://pkg.go.dev/time#Time)')).toBe('date-ish');
    // A link to a doc that does not exist, and a bare model name: "missing" (checked against the IR's names).
    expect(read('[Models::Components::Key](../../models/shared/key.md)')).toBe('missing');
    expect(read('*models.OutputMessagePhaseUnion*')).toBe('missing');
    expect(read('*io.ReadCloser*')).toBe('null');
  });

  it('picks the propertyCase that maps the most documented names onto wire names', () => {
    const model = (...names: string[]): Model =>
      ({
        id: 'a.md',
        name: 'A',
        tsName: 'A',
        file: 'a.md',
        line: 1,
        description: null,
        deprecated: false,
        kind: 'object',
        additionalProperties: null,
        fields: names.map((name) => ({ name })),
      }) as unknown as Model;
    const schema = { properties: { created_at: {}, playback_id: {}, id: {} } };
    expect(choosePropertyCase([{ schema, model: model('CreatedAt', 'PlaybackID', 'ID') }]).style).toBe('snake');
    expect(choosePropertyCase([{ schema: { properties: { createdAt: {} } }, model: model('created_at') }]).style).toBe('camel');
    expect(choosePropertyCase([{ schema, model: model('created_at', 'id') }]).style).toBe('preserve');
  });

  it('reads the oracle: annotation-only allOf members, any-value anyOf members, type lists', () => {
    const dir = tmpDir();
    fs.writeFileSync(
      path.join(dir, 'oracle-x.yaml'),
      [
        'components:',
        '  schemas:',
        '    Big: { type: string }',
        '    Sort: { type: string, enum: [a, b] }',
        '    X:',
        '      properties:',
        '        price: { allOf: [{ $ref: "#/components/schemas/Big" }, { description: d }] }',
        '        stop: { anyOf: [{ type: string }, { type: array, items: { type: string } }, { nullable: true }] }',
        '        one: { anyOf: [{ $ref: "#/components/schemas/Sort" }, { type: "null" }] }',
        '        both: { type: [string, integer] }',
      ].join('\n'),
    );
    const oracle = new Oracle(dir, ['oracle-x.yaml']);
    const x = oracle.objectSchemas().find((s) => s.name === 'X')!;
    const at = (p: string) => ({ schema: x.schema.properties![p]!, file: x.file });
    expect(showKind(oracle.kind(at('price')).kind)).toBe('string');
    expect(showKind(oracle.kind(at('stop')).kind)).toBe('union');
    expect(oracle.members(at('stop')).map((m) => showKind(oracle.kind(m).kind))).toEqual(['string', 'array<string>', 'unknown']);
    expect(oracle.kind(at('one')).enumValues).toEqual(['a', 'b']);
    expect(oracle.members(at('both')).map((m) => showKind(oracle.kind(m).kind))).toEqual(['string', 'integer']);
  });
});

describe.skipIf(!HAS_SHARED)('oracle conformance (needs ../shared)', () => {
  it('finds every corpus-wild tree the README gives an oracle, by its oracle-* files', () => {
    const readme = fs.readFileSync(path.join(SHARED, 'corpus-wild', 'README.md'), 'utf8');
    const withOracle = [...readme.matchAll(/^\|\s*`([^`]+)`\s*\|.*\|\s*(exact|yes|no)\s*\|\s*$/gm)].filter((m) => m[2] !== 'no').map((m) => m[1]!);
    expect(withOracle.length).toBeGreaterThan(0);
    expect(
      TREES.filter((t) => t.group === 'corpus-wild')
        .map((t) => t.name)
        .sort(),
    ).toEqual(withOracle.sort());
    expect(GT_TREES.length).toBe(7);
  });

  it('prints the per-tree, per-aspect agreement table, the chosen propertyCase and the disagreements', () => {
    const all = TREES.map(reportOf);
    const lines = [formatTable(all), ''];
    for (const r of all) {
      const c = r.caseCounts;
      lines.push(
        `${r.tree} (${r.language}): propertyCase ${r.propertyCase} (field names mapped exactly: preserve ${c.preserve}, camel ${c.camel}, snake ${c.snake})`,
      );
      const top = topReasons(r, 'disagree', 5);
      if (top.length > 0) lines.push('  top disagreements:', ...top.map(([k, n]) => `    ${n} × ${k}`));
    }
    lines.push('');
    for (const r of all) {
      const s = summarize(r);
      if (ASPECTS.some((a) => s[a].disagree > 0)) lines.push(formatDisagreements(r, 10));
      if (ASPECTS.some((a) => s[a].stated > 0)) lines.push(formatStated(r, 10));
      const notes = r.results.filter((x) => x.notes.length > 0).length;
      const extra = [
        r.undocumented.length > 0
          ? `undocumented schemas (${r.undocumented.length}): ${r.undocumented.slice(0, 12).join(', ')}${r.undocumented.length > 12 ? ', …' : ''}`
          : '',
        notes > 0 ? `${notes} field(s) with nullability / enum-value-type differences (never compared, NOTATION.md §3)` : '',
        ...r.additional.map((a) => `additionalProperties: ${a}`),
      ].filter(Boolean);
      if (extra.length > 0) lines.push(`${r.tree}:\n  ${extra.join('\n  ')}`);
    }
    console.log(lines.join('\n'));
    for (const r of all) expect(r.documented, `${r.tree} documents too few oracle schemas to say anything`).toBeGreaterThanOrEqual(r.schemas / 2);
  }, 600_000);

  for (const tree of TREES) {
    for (const aspect of ASPECTS) {
      it(`${tree.name}: ${aspect} agreement >= ${MIN_AGREEMENT * 100}%`, () => {
        const report = reportOf(tree);
        const s = summarize(report)[aspect];
        if (aspect === 'presence') expect(s.agree + s.disagree + s.explained + s.stated, 'no property compared').toBeGreaterThan(40);
        const bad = report.results.flatMap((r) =>
          r.checks
            .filter((c) => c.aspect === aspect && c.verdict === 'disagree')
            .map((c) => `${r.schema}.${r.property}: ${c.detail}${r.where ? ` [${r.where.file}:${r.where.line} \`${r.where.cell}\`]` : ''}`),
        );
        expect(
          s.agreement,
          `${(s.agreement * 100).toFixed(1)}% (${s.agree}/${s.agree + s.disagree}); first disagreements:\n${bad.slice(0, 10).join('\n')}`,
        ).toBeGreaterThanOrEqual(MIN_AGREEMENT);
      });
    }
  }

  it('the comparison is not vacuous: a corrupted IR is caught, and never passes for what the doc states', () => {
    const tree = GT_TREES.find((t) => t.name === 'gt-ruby')!;
    const ir = JSON.parse(JSON.stringify(treeIr(tree))) as IR;
    const model = ir.models.find((m) => m.kind === 'object' && m.name === 'SimpleObject');
    if (model?.kind !== 'object') throw new Error('SimpleObject is not an object model');
    const str = model.fields.find((f) => f.name.replace(/_$/, '') === 'str')!;
    const int = model.fields.find((f) => f.name === 'int')!;
    str.required = false;
    int.type = { kind: 'primitive', type: 'string' };
    model.fields = model.fields.filter((f) => f.name !== 'bool');
    const report = conformance(tree, ir);
    const results = report.results.filter((r) => r.schema === 'simpleObject');
    const bad = results
      .filter((r) => r.verdict === 'disagree')
      .map((r) => r.property)
      .sort();
    expect(bad).toEqual(['bool', 'int', 'str']);
    const verdictOf = (property: string, aspect: string): string | undefined =>
      results.find((r) => r.property === property)?.checks.find((c) => c.aspect === aspect)?.verdict;
    expect([verdictOf('bool', 'presence'), verdictOf('int', 'kind'), verdictOf('str', 'required')]).toEqual(['disagree', 'disagree', 'disagree']);
  });

  it('the seven gt-* trees give the same IR up to property-name case for every model all seven document', () => {
    const { models, differences } = crossTree(GT_TREES);
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
  }, 300_000);
});
