/**
 * Read a GFM table (mdast `table`) into rows of raw cells with positions.
 *
 * @module
 */

import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic, type Point } from '../model/diagnostics.js';
import { LineIndex, unescapePipes } from './source.js';
import type { DocCell } from './types.js';

/** A body row: its cells by lower-cased header name, its mdast cells, and where it starts. */
export interface TableRow {
  cells: Map<string, DocCell>;
  nodes: Map<string, TableCell>;
  position: Point;
}

/**
 * Split a table into header names and body rows.
 *
 * A row whose cell count differs from the header's is reported (`table-row-cells`, error) and
 * skipped: GFM would silently drop or pad cells and the row's meaning would shift.
 *
 * @param table the mdast table node (with positions)
 * @param source the normalized doc text the table was parsed from
 * @param lines a line index over `source`
 * @param file doc path for diagnostics
 * @returns header names (lower-cased, trimmed), rows, and diagnostics
 */
export function readTable(
  table: Table,
  source: string,
  lines: LineIndex,
  file: string,
): { header: string[]; rows: TableRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const [head, ...body] = table.children;
  const header = (head?.children ?? []).map((cell) => toString(cell).trim().toLowerCase());
  const rows: TableRow[] = [];
  for (const row of body) {
    const position = row.position ? { line: row.position.start.line, column: row.position.start.column } : { line: 0, column: 0 };
    if (row.children.length !== header.length) {
      diagnostics.push(
        diagnostic(
          'error',
          'table-row-cells',
          `Row has ${row.children.length} cells but the table header has ${header.length}`,
          file,
          position,
          'Escape a literal pipe inside a cell as `\\|`, or add the missing cells.',
        ),
      );
      continue;
    }
    const cells = new Map<string, DocCell>();
    const nodes = new Map<string, TableCell>();
    row.children.forEach((cell, i) => {
      const name = header[i]!;
      cells.set(name, rawCell(cell, source, lines, i === row.children.length - 1));
      nodes.set(name, cell);
    });
    rows.push({ cells, nodes, position });
  }
  return { header, rows, diagnostics };
}

/**
 * The raw source of a cell. mdast cell positions include the leading pipe (and, for the last
 * cell, the closing pipe); both are cut, then the text is trimmed.
 */
function rawCell(cell: TableCell, source: string, lines: LineIndex, last: boolean): DocCell {
  let start = cell.position!.start.offset!;
  let end = cell.position!.end.offset!;
  if (source[start] === '|') start++;
  if (last && end > start && source[end - 1] === '|' && source[end - 2] !== '\\') end--;
  while (start < end && isSpace(source.charCodeAt(start))) start++;
  while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
  return { raw: unescapePipes(source.slice(start, end)), start: lines.point(start) };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
