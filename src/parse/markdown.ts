/**
 * Markdown to mdast (remark-parse with GFM tables and strikethrough), with long tables read in
 * pieces. The parser holds every event of a document until it ends, so one table of 10,000 rows
 * costs about 700 MB and most of its time in garbage collection; rows are independent (a GFM row
 * is one line, its cells' inline content is parsed on its own), so past {@link TABLE_CHUNK} rows
 * the rest of a table is parsed in pieces of that many rows, each under the table's own header and
 * delimiter row, and the rows are put back in the table with their positions in the doc. The tree
 * is the one the whole-document parse gives (compared once on all 23,541 docs of the shared trees
 * with pieces of two rows; `test/markdown.test.ts` compares the biggest model docs of each tree,
 * hand-picked edges and random docs); a doc where that cannot be shown by its shape (a table in a
 * container, a possible link reference definition) is parsed whole.
 *
 * @module
 */

import type { Nodes, Root, Table, TableRow } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkGfmTables from './gfm.js';

const processor = unified().use(remarkParse).use(remarkGfmTables);

/** Rows parsed together, in the table's first piece and in each further one. */
export const TABLE_CHUNK = 500;

/** A line that can only be a row once a table has started: up to three spaces, then a pipe. */
const PIPE_LINE = /^ {0,3}\|/;
/**
 * What every link reference definition holds (`[x]: url`, also in a quote or a list item, its label
 * maybe over several lines): rows read in a piece would not see a definition, so a doc with `]:`
 * anywhere is parsed whole. (A pattern for definitions themselves would miss those in containers,
 * and one scanning labels across lines takes quadratic time on lines of `[`.)
 */
const DEFINITION_MARK = ']:';

/** Rows cut out of the text parsed first: the lines after the first `chunk` lines of a run of pipe lines. */
interface Cut {
  /** Offset in the shortened text where the cut lines were (the start of the line after the kept ones). */
  at: number;
  /** 1-based line, in the shortened text, of the run's first line (the table's header row). */
  headerLine: number;
  /** Lines kept in the shortened text: the header, the delimiter and the first rows. */
  kept: number;
  /** The run's first two lines: the header and delimiter rows each piece is parsed under. */
  header: string;
  delimiter: string;
  /** The cut lines (without their line breaks) and their offsets in the doc; the 1-based line of the first. */
  rows: { text: string; offset: number }[];
  line: number;
  /** Characters (line breaks included) and lines cut. */
  length: number;
  lines: number;
}

/**
 * Parse Markdown into an mdast `Root`, with positions (line, column, offset) in `source`.
 *
 * @param source the doc's text, line breaks normalized to `\n`
 * @returns the same tree as `unified().use(remarkParse).use(remarkGfmTables).parse(source)`
 */
export function parseMarkdown(source: string): Root {
  return parseInPieces(source).tree;
}

/**
 * {@link parseMarkdown}, saying how many pieces were parsed apart from the rest of the doc.
 *
 * @param chunk rows per piece (default {@link TABLE_CHUNK}; tests pass small values)
 * @returns the tree, and the number of pieces (0 when the doc was parsed whole)
 */
export function parseInPieces(source: string, chunk = TABLE_CHUNK): { tree: Root; pieces: number } {
  const whole = (): { tree: Root; pieces: number } => ({ tree: processor.parse(source), pieces: 0 });
  const cuts = findCuts(source, chunk);
  if (cuts === null) return whole();
  let short = '';
  let from = 0;
  for (const cut of cuts) {
    short += source.slice(from, cut.rows[0]!.offset);
    from = cut.rows[0]!.offset + cut.length;
  }
  short += source.slice(from);
  const tree = processor.parse(short);
  const tables = cuts.map((cut) => keptTable(tree, cut));
  if (tables.some((t) => t === null)) return whole();
  shiftPoints(tree, cuts);
  let pieces = 0;
  for (const [i, cut] of cuts.entries()) {
    const { table, last } = tables[i]!;
    const rows: TableRow[] = [];
    for (let start = 0; start < cut.rows.length; start += chunk, pieces++) {
      const piece = readPiece(cut, start, Math.min(start + chunk, cut.rows.length), table);
      if (piece === null) return whole();
      rows.push(...piece);
    }
    table.children.splice(last + 1, 0, ...rows);
    const end = rows[rows.length - 1]!.position!.end;
    if (end.offset! > table.position!.end.offset!) table.position!.end = { ...end };
  }
  return { tree, pieces };
}

/**
 * The runs of pipe lines longer than `chunk` lines past their header and delimiter, as cuts; null
 * when there are none or when the doc may have a link reference definition.
 */
function findCuts(source: string, chunk: number): Cut[] | null {
  // A table long enough to cut has at least this many characters.
  if (source.length < chunk * 4 || source.includes(DEFINITION_MARK)) return null;
  const cuts: Cut[] = [];
  let removed = 0;
  let removedLines = 0;
  let run: { offset: number; line: number; lines: { text: string; offset: number }[] } | null = null;
  const close = (): void => {
    if (run !== null && run.lines.length > chunk + 2) {
      const [header, delimiter] = run.lines;
      const kept = run.lines[chunk + 1]!;
      const firstCut = run.lines[chunk + 2]!;
      const last = run.lines[run.lines.length - 1]!;
      const length = last.offset + last.text.length + 1 - firstCut.offset;
      const lines = run.lines.length - chunk - 2;
      cuts.push({
        at: kept.offset + kept.text.length + 1 - removed,
        headerLine: run.line - removedLines,
        kept: chunk + 2,
        header: header!.text,
        delimiter: delimiter!.text,
        rows: run.lines.slice(chunk + 2),
        line: run.line + chunk + 2,
        length,
        lines,
      });
      removed += length;
      removedLines += lines;
    }
    run = null;
  };
  let line = 1;
  for (let start = 0; start <= source.length; line++) {
    const newline = source.indexOf('\n', start);
    // The last line counts only when it ends with a line break (a cut takes whole lines).
    if (newline === -1) break;
    const text = source.slice(start, newline);
    if (PIPE_LINE.test(text)) (run ??= { offset: start, line, lines: [] }).lines.push({ text, offset: start });
    else close();
    start = newline + 1;
  }
  close();
  return cuts.length === 0 ? null : cuts;
}

/**
 * The top-level table of the shortened tree whose header row is the cut's first line and one of
 * whose rows ends the kept lines; null when the kept lines are no such table (then the pipe lines
 * are something else: a table in a list or quote, code, HTML).
 */
function keptTable(tree: Root, cut: Cut): { table: Table; last: number } | null {
  const keptLine = cut.headerLine + cut.kept - 1;
  for (const node of tree.children) {
    if (node.type !== 'table' || node.position?.start.line !== cut.headerLine) continue;
    const last = node.children.findIndex((row) => row.position?.start.line === keptLine && row.position.end.line === keptLine);
    return last === -1 ? null : { table: node, last };
  }
  return null;
}

/**
 * Rows `from` to `to` of the cut lines, parsed under the table's header and delimiter, with their
 * positions moved to where they are in the doc; null when the piece is not one table of exactly
 * those rows with the table's alignment.
 */
function readPiece(cut: Cut, from: number, to: number, table: Table): TableRow[] | null {
  const prefix = `${cut.header}\n${cut.delimiter}\n`;
  const piece = processor.parse(
    prefix +
      cut.rows
        .slice(from, to)
        .map((row) => row.text)
        .join('\n') +
      '\n',
  );
  const only = piece.children[0];
  if (piece.children.length !== 1 || only?.type !== 'table' || only.children.length !== to - from + 1) return null;
  if (JSON.stringify(only.align) !== JSON.stringify(table.align)) return null;
  const delta = { offset: cut.rows[from]!.offset - prefix.length, line: cut.line + from - 3 };
  const rows = only.children.slice(1);
  const seen = new Set<object>();
  for (const row of rows) walk(row, (point) => !seen.has(point) && (seen.add(point), (point.offset! += delta.offset), (point.line += delta.line)));
  return rows;
}

/** Move every point at or after a cut by the characters and lines cut before it. */
function shiftPoints(tree: Root, cuts: readonly Cut[]): void {
  const seen = new Set<object>();
  walk(tree, (point) => {
    if (seen.has(point)) return;
    seen.add(point);
    let offset = 0;
    let lines = 0;
    for (const cut of cuts) {
      if (point.offset! < cut.at) break;
      offset += cut.length;
      lines += cut.lines;
    }
    point.offset! += offset;
    point.line += lines;
  });
}

type Point = { line: number; column: number; offset?: number | undefined };

/** Call `visit` on the start and end point of every node under `node` (itself included). */
function walk(node: Nodes, visit: (point: Point) => void): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      visit(n.position.start);
      visit(n.position.end);
    }
    if ('children' in n) for (const child of n.children as Nodes[]) stack.push(child);
  }
}
