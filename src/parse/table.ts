/**
 * Read a GFM table (mdast `table`) into rows of raw cells with positions.
 *
 * @module
 */

import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic, type Point } from '../core/diagnostics.js';
import { LineIndex, unescapePipes } from './source.js';
import type { DocCell } from '../core/doc-model.js';

/** A body row: its cells by lower-cased header name, and where it starts. */
export interface TableRow {
  cells: Map<string, DocCell>;
  position: Point;
}

/**
 * Split a table into header names and body rows, reading every cell from the source text.
 *
 * GFM splits a row at every unescaped pipe, even inside a code span (GFM spec, Tables extension,
 * example 200 and the note before it). Doc generators write unions such as `` `"a" | "b"` `` in
 * cells, so a row with more cells than the header is split again with code spans kept whole; when
 * that gives the header's count the row is used with a `table-pipe-in-code` warning. Any other
 * count is a `table-row-cells` error and the row is skipped.
 *
 * @param table the mdast table node (with positions)
 * @param source the normalized doc text the table was parsed from
 * @param lines a line index over `source`
 * @param file doc path for diagnostics
 * @returns header names (lower-cased, trimmed), rows, and diagnostics
 */
export function readTable(table: Table, source: string, lines: LineIndex, file: string): { header: string[]; rows: TableRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const [head, ...body] = table.children;
  const header = (head?.children ?? []).map((cell) => toString(cell).trim().toLowerCase());
  const rows: TableRow[] = [];
  for (const row of body) {
    const start = row.position!.start.offset!;
    const position = lines.point(start);
    let spans = splitRow(source, start, row.position!.end.offset!, false);
    if (spans.length > header.length) {
      const kept = splitRow(source, start, row.position!.end.offset!, true);
      if (kept.length === header.length) {
        diagnostics.push(
          diagnostic(
            'warning',
            'table-pipe-in-code',
            'A code span in this row holds an unescaped `|`; read as one cell',
            file,
            position,
            'Escape pipes inside table cells as `\\|`.',
          ),
        );
        spans = kept;
      }
    }
    if (spans.length !== header.length) {
      diagnostics.push(
        diagnostic(
          'error',
          'table-row-cells',
          `Row has ${spans.length} cells but the table header has ${header.length}`,
          file,
          position,
          'Escape a literal pipe inside a cell as `\\|`, or add the missing cells.',
        ),
      );
      continue;
    }
    const cells = new Map<string, DocCell>();
    spans.forEach(([from, to], i) => cells.set(header[i]!, { raw: unescapePipes(source.slice(from, to)), start: lines.point(from) }));
    rows.push({ cells, position });
  }
  return { header, rows, diagnostics };
}

/**
 * The trimmed [from, to) offsets of a row's cells: split at unescaped pipes (and, with
 * `keepCode`, not inside backtick code spans), without the outer pipes.
 */
function splitRow(source: string, from: number, to: number, keepCode: boolean): [number, number][] {
  const bounds: number[] = [];
  let i = from;
  let ticks = 0;
  while (i < to) {
    const ch = source[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`' && keepCode) {
      let n = 0;
      while (source[i + n] === '`') n++;
      if (ticks === 0) {
        // Open a code span only when a closing run of the same length follows on this row.
        const close = source.indexOf('`'.repeat(n), i + n);
        if (close !== -1 && close < to) ticks = n;
      } else if (n === ticks) ticks = 0;
      i += n;
      continue;
    }
    if (ch === '|' && ticks === 0) bounds.push(i);
    i++;
  }
  const cuts = [from - 1, ...bounds, to];
  const spans: [number, number][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    let a = cuts[k]! + 1;
    let b = cuts[k + 1]!;
    while (a < b && isSpace(source.charCodeAt(a))) a++;
    while (b > a && isSpace(source.charCodeAt(b - 1))) b--;
    spans.push([a, b]);
  }
  // Leading and trailing pipes are optional in GFM; drop the empty cells they leave.
  if (spans.length > 0 && bounds[0] !== undefined && isBlankBefore(source, from, bounds[0])) spans.shift();
  const last = bounds[bounds.length - 1];
  if (spans.length > 0 && last !== undefined && isBlankBefore(source, last + 1, to)) spans.pop();
  return spans;
}

function isBlankBefore(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(source.charCodeAt(i))) return false;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
