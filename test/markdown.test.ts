/**
 * Long tables read in pieces (src/parse/markdown.ts): the tree, positions included, is the one the
 * whole-document parse gives, on random docs built from the shapes that could tell them apart, on
 * hand-picked edges, and on the biggest real docs of every shared tree, with pieces of two rows so
 * that nearly every table is cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkGfmTables from '../src/parse/gfm.js';
import { parseInPieces } from '../src/parse/markdown.js';
import { normalizeSource } from '../src/parse/source.js';
import { HAS_SHARED, ROOT, SHARED } from './helpers.js';

const whole = unified().use(remarkParse).use(remarkGfmTables);
/** The tree as plain data (mdast nodes may carry `undefined` properties, which JSON drops in both). */
const plain = (tree: unknown): unknown => JSON.parse(JSON.stringify(tree));

/** Parse both ways; returns the pieces count after checking the trees are equal. */
function same(text: string, chunk = 2): number {
  const { tree, pieces } = parseInPieces(text, chunk);
  expect(plain(tree)).toEqual(plain(whole.parse(text)));
  return pieces;
}

const table = (rows: string[], header = '| Field | Type | Description |', delimiter = '| --- | :-: | ---: |'): string =>
  [header, delimiter, ...rows].join('\n');
const rows = (n: number, cell = (i: number): string => `\`f_${i}\``): string[] => Array.from({ length: n }, (_, i) => `| ${cell(i)} | *String* | Row ${i}. |`);

describe('long tables read in pieces', () => {
  it('a long table is cut into pieces, and gives the same tree', () => {
    // 11 rows: the first 2 with the rest of the doc, then 9 in pieces of 2.
    expect(same(`# A\n\n## Fields\n\n${table(rows(11))}\n\nAfter.\n`)).toBe(5);
    // Two long tables, and one that ends the doc without a line break.
    expect(same(`# A\n\n${table(rows(7))}\n\ntext\n\n${table(rows(6))}`)).toBeGreaterThan(3);
  });

  it('the same tree at the edges: lazy rows, tables in lists and quotes, fences, comments, escapes', () => {
    const edges = [
      // A line without a pipe right after the rows is one more row of the table.
      `${table(rows(8))}\nlazy row\n\nafter\n`,
      // Indented by up to three spaces, or in a list item, or a quote.
      `${table(
        rows(8).map((r) => `  ${r}`),
        '   | a | b | c |',
        '  | - | - | - |',
      )}\n`,
      `- item\n\n  ${table(rows(8)).replace(/\n/g, '\n  ')}\n`,
      `> ${table(rows(8)).replace(/\n/g, '\n> ')}\n`,
      // Pipe lines that are no table: in a fence, in an HTML comment left open, without a delimiter row.
      `\`\`\`\n${rows(9).join('\n')}\n\`\`\`\n`,
      `<!-- open\n${table(rows(9))}\n`,
      `${rows(10).join('\n')}\n`,
      // Cells with escaped pipes, code spans, emphasis, links, HTML, strikethrough; short and long rows.
      `${table(rows(9, (i) => ['`a\\|b`', '*x* **y**', '[l](./x.md)', '<br/>', '~~old~~', 'a | b | c | d', '', '\\', '`open'][i]!))}\n`,
      // A header whose cell count differs from the delimiter's is no table.
      `${table(rows(8), '| a | b |')}\n`,
    ];
    for (const text of edges) same(text);
  });

  it('a doc with a link reference definition anywhere is parsed whole (rows read apart would not see it)', () => {
    const refs = table(rows(9, (i) => (i % 2 === 0 ? `[x${i}][ref]` : `[ref][]`)));
    for (const definition of ['[ref]: ./a.md', '> [ref]: ./a.md', '- [ref]: ./a.md', '1.  item\n\n    [ref]: ./a.md', '[r\\\nef]: ./a.md'])
      expect(same(`${refs}\n\n${definition}\n`), definition).toBe(0);
  });

  it('random docs of tables, paragraphs, lists, quotes and fences give the same tree', () => {
    const cell = fc.constantFrom('`f`', '*String*', 'x', '', '\\|', '`a|b`', '**b**', '[m](./m.md)', '~~d~~', '<br/>', '&amp;', ':heavy_check_mark:');
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`);
    const block = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.array(row, { maxLength: 12 }), fc.constantFrom('', ' ', '  '))
        .map(([n, body, indent]) =>
          [`| ${Array.from({ length: n }, (_, i) => `h${i}`).join(' | ')} |`, `|${' --- |'.repeat(n)}`, ...body].map((l) => indent + l).join('\n'),
        ),
      fc.constantFrom('paragraph text', 'lazy | line', '- list item', '> quote', '```\n| a | b |\n```', '# Heading', '<!-- c -->', '', '    | code |'),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), fc.constantFrom('\n', '\n\n'), fc.integer({ min: 1, max: 4 }), (blocks, join, chunk) => {
        same(blocks.join(join), chunk);
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it.skipIf(!HAS_SHARED)('the biggest model docs of every shared tree give the same tree', () => {
    const roots = ['corpus', 'corpus-wild'].flatMap((d) =>
      fs
        .readdirSync(path.join(SHARED, d), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(SHARED, d, e.name)),
    );
    let pieces = 0;
    for (const root of [...roots, path.join(ROOT, 'fixtures')]) {
      const docs: { file: string; size: number }[] = [];
      const walk = (dir: string): void => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const file = path.join(dir, e.name);
          if (e.isDirectory()) walk(file);
          else if (/\.mdx?$/.test(e.name)) docs.push({ file, size: fs.statSync(file).size });
        }
      };
      walk(root);
      // The biggest model docs under 40 KB (the biggest of all are SDK READMEs and request bodies of
      // half a megabyte: seconds each, with nothing a smaller table does not show).
      const models = docs.filter((d) => /\/models\//i.test(d.file) && d.size < 40_000).sort((a, b) => b.size - a.size);
      for (const { file } of models.slice(0, 4)) pieces += same(normalizeSource(fs.readFileSync(file, 'utf8')), 3);
    }
    expect(pieces).toBeGreaterThan(100);
  });
});
