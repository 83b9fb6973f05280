/**
 * Parse one Markdown model doc into a {@link DocModel}.
 *
 * @module
 */

import type { Heading, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { diagnostic, type Diagnostic } from '../model/diagnostics.js';
import { cellText, LineIndex, normalizeSource, unescapeMarkdown } from './source.js';
import { readTable, type TableRow } from './table.js';
import type { DocField, DocModel, DocValue } from './types.js';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Marker SDK generators put before a deprecated field's description, well-formed or broken (`: warning: ** DEPRECATED **:`). */
const DEPRECATED_MARKER = /^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:?\s*/i;

/**
 * Parse one doc.
 *
 * Shape read (see NOTATION.md §1): `# Title` (struck through when deprecated), description
 * paragraphs, then `## Fields` (`Field | Type | Required | Description [| Example]`) or
 * `## Values` (`Name | Value`). Other `##` sections (such as `## Example Usage`) are skipped.
 *
 * @param text the file's text (BOM and CRLF allowed)
 * @param file path relative to the input folder, POSIX separators, used in diagnostics
 * @returns the doc, or null when the file has no `#` heading (not a model: an info diagnostic),
 *   and the diagnostics found
 */
export function parseDoc(text: string, file: string): { doc: DocModel | null; diagnostics: Diagnostic[] } {
  const source = normalizeSource(text);
  const tree = processor.parse(source) as Root;
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];

  const titleIndex = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  if (titleIndex === -1) {
    diagnostics.push(
      diagnostic('info', 'not-a-model', 'No `# Name` heading: not a model doc, skipped', file, { line: 1, column: 1 }),
    );
    return { doc: null, diagnostics };
  }
  const heading = tree.children[titleIndex] as Heading;
  const doc: DocModel = {
    file,
    title: toString(heading).trim(),
    titlePosition: { line: heading.position!.start.line, column: heading.position!.start.column },
    deprecated: heading.children.length > 0 && heading.children.every((c) => c.type === 'delete' || isBlank(c)),
    description: null,
    kind: 'none',
    fields: [],
    values: [],
  };

  const paragraphs: string[] = [];
  let section: string | null = null;
  for (const node of tree.children.slice(titleIndex + 1)) {
    if (node.type === 'heading') {
      if (node.depth === 1) break; // one model per file: a second `#` heading ends it
      section = toString(node).trim().toLowerCase();
      continue;
    }
    if (section === null) {
      if (node.type === 'blockquote' && /DEPRECATED/.test(toString(node))) doc.deprecated = true;
      else if (node.type === 'paragraph') paragraphs.push(sourceOf(node, source));
      continue;
    }
    if (node.type !== 'table') continue;
    if (section === 'fields' && doc.kind === 'none') {
      doc.kind = 'fields';
      doc.fields = readFields(node, source, lines, file, diagnostics);
    } else if (section === 'values' && doc.kind === 'none') {
      doc.kind = 'values';
      doc.values = readValues(node, source, lines, file, diagnostics);
    }
  }
  doc.description = paragraphs.length > 0 ? cellText(paragraphs.join('\n\n')) : null;
  if (doc.description) doc.description = doc.description.replace(/\n{3,}/g, '\n\n');
  return { doc, diagnostics };
}

function isBlank(node: { type: string; value?: string }): boolean {
  return node.type === 'text' && (node.value ?? '').trim() === '';
}

function sourceOf(node: RootContent, source: string): string {
  return source.slice(node.position!.start.offset!, node.position!.end.offset!);
}

function requireColumns(header: string[], names: string[], table: Table, file: string, diagnostics: Diagnostic[]): boolean {
  const missing = names.filter((n) => !header.includes(n));
  if (missing.length === 0) return true;
  diagnostics.push(
    diagnostic(
      'error',
      'table-columns',
      `Table lacks the column(s) ${missing.map((m) => `\`${m}\``).join(', ')} (found: ${header.join(', ') || 'none'})`,
      file,
      table.position?.start,
      `Give the table a header row with ${names.join(' | ')}.`,
    ),
  );
  return false;
}

function readFields(table: Table, source: string, lines: LineIndex, file: string, diagnostics: Diagnostic[]): DocField[] {
  const { header, rows, diagnostics: found } = readTable(table, source, lines, file);
  diagnostics.push(...found);
  if (!requireColumns(header, ['field', 'type', 'required'], table, file, diagnostics)) return [];
  const fields: DocField[] = [];
  for (const row of rows) {
    const field = readField(row, file, diagnostics);
    if (field) fields.push(field);
  }
  return fields;
}

function readField(row: TableRow, file: string, diagnostics: Diagnostic[]): DocField | null {
  const nameNode = row.nodes.get('field')!;
  const name = nameOf(nameNode.children as RootContent[], row.cells.get('field')!.raw);
  if (name === '') {
    diagnostics.push(diagnostic('error', 'field-name-empty', 'Field cell is empty', file, row.position, 'Put the property name in the Field cell, in backticks.'));
    return null;
  }
  const requiredCell = row.cells.get('required')!;
  const required = readRequired(requiredCell.raw);
  if (required === null) {
    diagnostics.push(
      diagnostic(
        'error',
        'required-cell',
        `Required cell \`${requiredCell.raw}\` is neither :heavy_check_mark: nor :heavy_minus_sign:`,
        file,
        requiredCell.start,
        'Use :heavy_check_mark: for a required field and :heavy_minus_sign: for an optional one.',
      ),
    );
    return null;
  }
  let description = cellText(row.cells.get('description')?.raw ?? '');
  let deprecated = nameNode.children.some((c) => c.type === 'delete');
  if (description && DEPRECATED_MARKER.test(description)) {
    deprecated = true;
    description = description.replace(DEPRECATED_MARKER, '').trim() || null;
  }
  let example = cellText(row.cells.get('example')?.raw ?? '');
  if (example === '[object Object]') {
    diagnostics.push(
      diagnostic('info', 'example-dropped', `Example of \`${name}\` is \`[object Object]\` (a doc generator bug), not a value: dropped`, file, row.cells.get('example')!.start),
    );
    example = null;
  }
  return { name, deprecated, type: row.cells.get('type')!, required, description, example, position: row.position };
}

/**
 * A Field or Name cell's text: the code span's value when the cell is a (possibly struck through)
 * code span, else the cell's plain text with Markdown escapes removed.
 */
function nameOf(children: RootContent[], raw: string): string {
  const meaningful = children.filter((c) => !isBlank(c as { type: string; value?: string }));
  if (meaningful.length === 1) {
    const only = meaningful[0]!;
    if (only.type === 'inlineCode') return only.value;
    if (only.type === 'delete') return nameOf(only.children as RootContent[], raw.replace(/^~~|~~$/g, ''));
  }
  return unescapeMarkdown(raw).trim();
}

function readRequired(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (text === ':heavy_check_mark:' || text === '✔️' || text === '✔' || text === 'true' || text === 'yes') return true;
  if (text === ':heavy_minus_sign:' || text === '➖' || text === 'false' || text === 'no') return false;
  return null;
}

function readValues(table: Table, source: string, lines: LineIndex, file: string, diagnostics: Diagnostic[]): DocValue[] {
  const { header, rows, diagnostics: found } = readTable(table, source, lines, file);
  diagnostics.push(...found);
  if (!requireColumns(header, ['name', 'value'], table, file, diagnostics)) return [];
  return rows.map((row) => {
    const valueCell = row.cells.get('value')!;
    const valueNodes = row.nodes.get('value')!.children as RootContent[];
    return {
      name: nameOf(row.nodes.get('name')!.children as RootContent[], row.cells.get('name')!.raw),
      value: valueNodes.length === 1 && valueNodes[0]!.type === 'inlineCode' ? valueNodes[0]!.value : unescapeMarkdown(valueCell.raw),
      position: row.position,
    };
  });
}
