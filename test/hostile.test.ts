/**
 * Hostile and broken docs, stage by stage: what the parse and model stages do with stray markup,
 * odd names, broken links and pathological structure (the case folders and the fuzz test cover
 * the same kinds end to end).
 */
import { describe, expect, it } from 'vitest';
import { buildModel, stronglyConnected } from '../src/model/build.js';
import type { EnumModel, ObjectModel, UnionModel } from '../src/core/ir.js';
import { assignTypeNames, enumMemberNames, isIdentifier, pascalIdentifier } from '../src/model/naming.js';
import { notations } from '../src/notation/index.js';
import { MAX_DEPTH } from '../src/notation/tokenize.js';
import { parseDoc } from '../src/parse/doc.js';
import { memoryDocSource } from '../src/parse/files.js';
import { normalizeSource, stripHtmlComments } from '../src/parse/source.js';

const TABLE = '## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n';
const row = (name: string, type: string, description = 'd'): string => `| \`${name}\` | ${type} | :heavy_check_mark: | ${description} |\n`;
const doc = (title: string, rows: string[], description = ''): string => `# ${title}\n\n${description ? `${description}\n\n` : ''}${TABLE}${rows.join('')}`;

describe('parse: stray markup in descriptions', () => {
  it('an HTML comment line inside a paragraph hides only itself; text after a comment stays', () => {
    const text = doc('A', [row('x', '*String*')], 'Line one\n<!-- note -->\nline two.\n<!-- c --> after the comment\n\nSecond paragraph');
    const { docs, diagnostics } = parseDoc(text, 'a.md');
    expect(docs[0]!.description).toBe('Line one\nline two.\nafter the comment\n\nSecond paragraph');
    expect(diagnostics).toEqual([]);
  });

  it('HTML blocks, lists and code in a description are kept as written', () => {
    const text = doc('A', [row('x', '*String*')], 'Intro\n<div>\ninside\n</div>\n\n- one\n  - nested\n\n```\n  code */\n```');
    expect(parseDoc(text, 'a.md').docs[0]!.description).toBe('Intro\n<div>\ninside\n</div>\n\n- one\n  - nested\n\n```\n  code */\n```');
  });

  it('an HTML comment never closed hides its paragraph, not the Fields table (a warning at the comment)', () => {
    const text = doc('A', [row('x', '*String*')], 'Kept\n\n<!-- never closed\nhidden');
    const { docs, diagnostics } = parseDoc(text, 'a.md');
    expect(docs[0]).toMatchObject({ kind: 'fields', description: 'Kept' });
    expect(docs[0]!.fields.map((f) => f.name)).toEqual(['x']);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'html-comment-unclosed', line: 5, column: 1 })]);
  });

  it('a comment closed only far below, after a blank line and a section heading, is read as ending at its paragraph', () => {
    const text = doc('A', [row('x', '*String*', 'a --> b')], '<!-- oops');
    const { docs, diagnostics } = parseDoc(text, 'a.md');
    expect(docs[0]!.fields.map((f) => f.description)).toEqual(['a --> b']);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['html-comment-unclosed']);
    // A comment that hides a section on purpose (no blank line before its end) stays hidden.
    const hidden = parseDoc('# A\n\n<!--\n## Fields\n| old |\n-->\n\n' + TABLE + row('y', '*String*'), 'a.md');
    expect(hidden.docs[0]!.fields.map((f) => f.name)).toEqual(['y']);
    expect(hidden.diagnostics).toEqual([]);
  });

  it('comments are removed from cells, but not from code spans', () => {
    expect(stripHtmlComments('a <!-- x --> b `<!-- kept -->` c<!--y-->')).toBe('a b `<!-- kept -->` c');
    expect(stripHtmlComments('open <!-- never')).toBe('open <!-- never');
  });

  it('NUL and lone surrogates read as U+FFFD, keeping every column', () => {
    expect(normalizeSource('\ufeffa\0b\r\nc\ud800d\rx\udc00')).toBe('a\ufffdb\nc\ufffdd\nx\ufffd');
  });

  it('Markdown nested too deeply for the parser is an error diagnostic at its line, given before parsing', () => {
    // 12,000 quotes overflow the parser's stack on Node 20 after seconds of work; past 1,000 quotes
    // or list items on one line the doc is refused by a scan of the line, at once.
    for (const prefix of ['> ', '- ', '1. ', '* > ']) {
      const result = parseDoc(`# A\n\n${prefix.repeat(12_000)}x\n`, 'deep.md');
      expect(result.docs, prefix).toEqual([]);
      expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'markdown-too-deep', file: 'deep.md', line: 3, column: 1 })]);
    }
    // At the limit the doc still reads, as do long thematic breaks (`- - - …` opens nothing, also
    // in a quote) and deep markers where they open nothing: code, HTML, front matter.
    const deep = `${'- '.repeat(2_000)}x`;
    for (const text of [
      `# A\n\n${'> '.repeat(1_000)}x\n`,
      `# A\n\n${'- '.repeat(5_000)}-\n`,
      `# A\n\n> ${'- '.repeat(5_000)}-\n`,
      `# A\n\n\`\`\`\n${deep}\n\`\`\`\n`,
      `# A\n\n    ${deep}\n`,
      `# A\n\n<!--\n${deep}\n-->\n`,
      `---\ntitle: A\n${deep}\n---\n# A\n`,
    ]) {
      const result = parseDoc(text, 'ok.md');
      expect(result.docs).toHaveLength(1);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('pipe rows that are no GFM table (a short delimiter row) are an error at their first line', () => {
    const text = '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- |\n| `x` | *String* | :heavy_check_mark: | d |\n';
    expect(parseDoc(text, 'a.md').diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'table-malformed', line: 5, column: 1 })]);
  });

  it('CRLF, lone CR and a BOM give the same diagnostics, at the same line and column, as LF', () => {
    const lf = doc('A', [row('x', '*String*'), '| `y` | *String* | maybe | d |\n']);
    const expected = parseDoc(lf, 'a.md').diagnostics;
    expect(expected).toEqual([expect.objectContaining({ ruleId: 'required-cell', line: 8, column: 20 })]);
    for (const variant of [lf.replace(/\n/g, '\r\n'), `\ufeff${lf.replace(/\n/g, '\r')}`]) expect(parseDoc(variant, 'a.md').diagnostics).toEqual(expected);
  });
});

describe('notations: cells that used to throw', () => {
  it.each(Object.keys(notations))('%s: a bad string escape and nesting beyond the limit are notation errors', (id) => {
    const notation = notations[id]!;
    for (const cell of ['"\\q"', '"\\u12"', `${'('.repeat(MAX_DEPTH + 5)}x`, '*'.repeat(5000), `${'['.repeat(3000)}x`]) {
      for (const bareNames of [false, true]) {
        const result = notation.parseType(cell, { bareNames });
        expect(result.ok, cell.slice(0, 20)).toBe(false);
      }
    }
  });

  it('50 levels of nesting still read', () => {
    let ruby = '*String*';
    for (let i = 0; i < 50; i++) ruby = i % 2 ? `T::Hash[Symbol, ${ruby}]` : `T::Array<${ruby}>`;
    expect(notations.ruby!.parseType(ruby).ok).toBe(true);
  });
});

describe('naming: any heading, any Name', () => {
  it('identifiers keep combining marks and drop what TypeScript cannot read', () => {
    expect(pascalIdentifier('नमस्ते')).toBe('नमस्ते');
    expect(pascalIdentifier('x\u0300')).toBe('X\u0300');
    // U+0897 (Unicode 14) is ID_Continue for Node.js but not for TypeScript's scanner.
    expect(pascalIdentifier('a\u0897b')).toBe('Ab');
    expect(pascalIdentifier('𝒳y')).toBe('𝒳y');
    for (const heading of ['\u0300x', '2FA', '½', '$', 'ǅ', '\u0897']) expect(isIdentifier(pascalIdentifier(heading)), heading).toBe(true);
    expect(isIdentifier('a\u0897')).toBe(false);
  });

  it("a model keeps its own name: fix-ups never take another model's heading", () => {
    const names = assignTypeNames([
      { id: 'a.md', name: 'Task' },
      { id: 'b.md', name: 'Task' },
      { id: 'c.md', name: 'Task2' },
      { id: 'x/r.md', name: 'Record' },
      { id: 'y/r.md', name: 'RecordModel' },
      { id: 'ops/t.md', name: 'Task' },
      { id: 'z/o.md', name: 'OpsTask' },
    ]);
    expect(Object.fromEntries(names)).toEqual({
      'a.md': 'Task',
      'c.md': 'Task2',
      'b.md': 'Task3',
      'y/r.md': 'RecordModel',
      'x/r.md': 'XRecordModel',
      'z/o.md': 'OpsTask',
      'ops/t.md': 'Task4',
    });
  });

  it('enum member names: 10,000 repeated symbol Names stay unique and valid', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => ['*', '**', 'Value', 'Value_2', '1', ''][i % 6]!);
    const members = enumMemberNames(names);
    expect(new Set(members).size).toBe(members.length);
    expect(members.every(isIdentifier)).toBe(true);
    expect(members.slice(0, 6)).toEqual(['Value_3', 'Value_4', 'Value', 'Value_2', '_1', 'Value_5']);
  });
});

describe('model: links and cycles', () => {
  const py = (rows: string[]): string => doc('Root', rows);

  it('a link whose text is a scalar still must point at a doc: link-missing (a warning with allowBrokenLinks)', () => {
    const docs = {
      'shared/root.md': doc('Root', [
        row('a', '[String](nonexistent.md)'),
        row('b', '*T.nilable([String](../../models/shared/gone.md))*'),
        // Generator placeholders and library docs beside the models are tolerated.
        row('c', '[String](../../models//.md)'),
        row('d', '[String](../../types/string.md)'),
        row('e', '[Date](https://ruby-doc.org/3.2.2/exts/date/Date.html)'),
      ]),
    };
    const ir = buildModel(memoryDocSource(docs), { roots: ['Root'], notation: notations.ruby! });
    expect(ir.diagnostics.filter((d) => d.severity !== 'info')).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'link-missing', line: 7, column: 10 }),
      expect.objectContaining({ severity: 'error', ruleId: 'link-missing', line: 8, column: 21 }),
    ]);
    const relaxed = buildModel(memoryDocSource(docs), { roots: ['Root'], notation: notations.ruby!, allowBrokenLinks: true });
    expect(relaxed.diagnostics.filter((d) => d.ruleId === 'link-missing').map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('a union around a link (`[models.A](a.md) | null`) is not a union written inside the link', () => {
    const docs = {
      'root.md': doc('Root', [row('a', '[models.U](u.md) \\| null'), row('b', '[models.U](u.md)')]),
      'u.md': '# U\n\n## Supported Types\n\n### `string`\n\n### `number`\n',
    };
    const ir = buildModel(memoryDocSource(docs), { roots: ['Root'], notation: notations.typescript! });
    const root = ir.models.find((m) => m.id === 'root.md') as ObjectModel;
    expect(root.fields.map((f) => f.type)).toEqual([
      {
        kind: 'union',
        members: [
          { kind: 'ref', model: 'u.md' },
          { kind: 'literal', value: null },
        ],
      },
      { kind: 'ref', model: 'u.md' },
    ]);
  });

  it("unions that refer to themselves read as their cycle's other members", () => {
    const union = (title: string, members: string[]): string => `# ${title}\n\n## Supported Types\n\n${members.map((m) => `### \`${m}\`\n\n`).join('')}`;
    const docs = {
      'shared/root.md': py(['| `u` | [Optional[shared.U]](u.md) | :heavy_minus_sign: | d |\n']),
      'shared/u.md': union('U', ['str', 'shared.U', 'shared.V', 'List[shared.U]']),
      'shared/v.md': union('V', ['int', 'shared.U']),
    };
    const ir = buildModel(memoryDocSource(docs), { roots: ['Root'], notation: notations.python! });
    const byId = Object.fromEntries(ir.models.map((m) => [m.id, m]));
    const expected = [
      { kind: 'primitive', type: 'string' },
      { kind: 'array', items: { kind: 'ref', model: 'shared/u.md' } },
      { kind: 'primitive', type: 'integer' },
    ];
    expect((byId['shared/u.md'] as UnionModel).members).toEqual(expected);
    expect((byId['shared/v.md'] as UnionModel).members).toEqual(expected);
    expect(ir.diagnostics.filter((d) => d.ruleId === 'union-cycle').map((d) => [d.severity, d.file])).toEqual([
      ['info', 'shared/u.md'],
      ['info', 'shared/v.md'],
    ]);
  });

  it('stubs whose members are only each other are an error at each link that named them', () => {
    const docs = {
      'shared/root.md': py([
        '| `a` | [Union[shared.P, shared.Q]](p.md) | :heavy_minus_sign: | d |\n',
        '| `b` | [Union[shared.Q, shared.P]](q.md) | :heavy_minus_sign: | d |\n',
      ]),
      'shared/p.md': '# P\n',
      'shared/q.md': '# Q\n',
    };
    const ir = buildModel(memoryDocSource(docs), { roots: ['Root'], notation: notations.python! });
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'union-cycle', file: 'shared/root.md', line: 7, column: 16 }),
      expect.objectContaining({ ruleId: 'union-cycle', file: 'shared/root.md', line: 8, column: 16 }),
    ]);
  });

  it('strongly connected components: iterative, so 100,000-long chains are fine', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const next = (n: string): string[] => [`n${(Number(n.slice(1)) + 1) % nodes.length}`];
    const components = stronglyConnected(nodes, next);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(100_000);
    expect(stronglyConnected(['a', 'b', 'c'], (n) => (n === 'a' ? ['b'] : n === 'b' ? ['a'] : []))).toEqual([['a', 'b'], ['c']]);
  });

  it('a 10,000-value enum with repeating Names builds, every member name unique', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| \`${i % 2 ? '*' : 'V'}\` | v${i} |`).join('\n');
    const ir = buildModel(memoryDocSource({ 'big.md': `# Big\n\n## Values\n\n| Name | Value |\n| --- | --- |\n${rows}\n` }), {
      roots: [],
      notation: notations.ruby!,
    });
    const values = (ir.models[0] as EnumModel).values;
    expect(values).toHaveLength(10_000);
    expect(new Set(values.map((v) => v.memberName)).size).toBe(10_000);
  });
});
