/**
 * Parse one Markdown model doc into its {@link DocModel}s (usually one; multi-model docs such as
 * `utils/retryconfig.md` hold more).
 *
 * @module
 */

import type { Code, Heading, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import { tokenize } from '../notation/tokenize.js';
import { parseMarkdown } from './markdown.js';
import { readFrontMatter, slug } from './scan.js';
import { cellText, LineIndex, normalizeSource, proseText, unescapeMarkdown } from './source.js';
import { readTable, type TableRow } from './table.js';
import type { DocField, DocModel, DocUnionMember } from '../core/doc-model.js';

/** Marker SDK generators put before a deprecated field's description, well-formed or broken (`: warning: ** DEPRECATED **:`). */
const DEPRECATED_MARKER = /^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:?\s*/i;

/** Section headings that belong to the model above them; any other `##` heading may start a model of its own. */
const SECTIONS = new Set(['fields', 'values', 'supported types', 'example usage']);

/**
 * Parse one doc.
 *
 * Shapes read (NOTATION.md §1): `# Title` (or, in a doc with no `#` heading, the `title:` of its YAML
 * front matter, as the `.mdx` docs of 2026 SDKs write it; front matter is otherwise skipped)
 * (struck through when deprecated, maybe followed by a
 * `> :warning: **DEPRECATED**` quote), description paragraphs, then `## Fields`
 * (`Field | Type | Required | Description [| Example]`; `Name` may stand for `Field`, and a table
 * without `Required` has optional fields), `## Values` (a `Name | Value` table or a fence holding a
 * literal union such as `"dns-01" | "http-01"`), or `## Supported Types` (one `###` section per
 * union member). Other sections (`## Example Usage`) are skipped. A further `##` heading followed by
 * `### Fields` / `### Values` starts another model of the same doc (id `file#anchor`).
 *
 * The description is every block between the title and the first section, as Markdown: paragraphs,
 * lists, code, quotes and HTML blocks; HTML comments are hidden, the text around them kept.
 *
 * @param text the file's text (BOM, CRLF and lone CR allowed)
 * @param file path relative to the input folder, POSIX separators, used in diagnostics
 * @returns the doc's models (none when the file has no `#` heading: an info diagnostic; none with a
 *   `markdown-too-deep` error when the Markdown nests too deeply to parse) and the diagnostics
 *   found. Never throws for any text.
 */
export function parseDoc(text: string, file: string): { docs: DocModel[]; diagnostics: Diagnostic[] } {
  const source = normalizeSource(text);
  const deep = tooDeepLine(source);
  if (deep !== null) {
    const message = `Line ${deep.line} opens ${deep.depth} nested quotes or list items; more than ${MAX_CONTAINER_DEPTH} are not read`;
    return {
      docs: [],
      diagnostics: [diagnostic('error', 'markdown-too-deep', message, file, { line: deep.line, column: 1 }, 'Flatten the nested quotes or lists.')],
    };
  }
  try {
    return readDoc(source, file);
  } catch (error) {
    // Markdown nested thousands deep (`> > > …`, `***…x…***`) overflows the parser's stack.
    if (!(error instanceof RangeError)) throw error;
    return {
      docs: [],
      diagnostics: [
        diagnostic(
          'error',
          'markdown-too-deep',
          `The doc nests too deeply to be read (${error.message})`,
          file,
          { line: 1, column: 1 },
          'Flatten the nested quotes, lists or emphasis.',
        ),
      ],
    };
  }
}

/**
 * Quotes and list items one line may open (`> > > x`, `- - - x`). Real docs nest a few; the parser
 * recurses once per level, so thousands cost seconds and then overflow its stack (Node 20 runs out
 * near 11,000 quotes, after about 2 s): past this depth a doc is refused at once, before parsing.
 */
const MAX_CONTAINER_DEPTH = 1_000;

/** The start of a fenced code block (its fence: three or more backticks or tildes). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that end at a closing marker rather than at a blank line, and that marker. */
const HTML_UNTIL: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * The first line that opens more than {@link MAX_CONTAINER_DEPTH} quotes or list items, counted by
 * a scan of each line's leading markers (`>`, `-`/`*`/`+` or `1.`/`1)` followed by a space; a
 * thematic break after them opens nothing). Lines that hold no containers are passed over: YAML
 * front matter, fenced code, HTML blocks, and lines indented four columns or more (indented code,
 * or a list item's continuation: the parser's stack may still run out there, which `parseDoc`
 * catches).
 *
 * @returns its 1-based line number and depth, or null when every line stays within the limit
 */
function tooDeepLine(text: string): { line: number; depth: number } | null {
  // A line opens at most one container per character: docs without a line that long (all real
  // ones) need no scan.
  let longest = 0;
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  if (longest <= MAX_CONTAINER_DEPTH) return null;
  let fence: RegExp | null = null;
  let html: RegExp | 'blank' | null = null;
  let frontMatter = text.startsWith('---\n');
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    start = end + 1;
    if (frontMatter) {
      if (line > 1 && /^(?:---|\.\.\.)[ \t]*$/.test(content)) frontMatter = false;
      continue;
    }
    if (fence !== null) {
      if (fence.test(content)) fence = null;
      continue;
    }
    if (html !== null) {
      if (html === 'blank' ? content.trim() === '' : html.test(content)) html = null;
      continue;
    }
    const opened = FENCE.exec(content);
    if (opened) {
      // Closed by a line of the same character, at least as many.
      fence = new RegExp(`^ {0,3}${opened[1]![0] === '`' ? '`' : '~'}{${opened[1]!.length},}[ \\t]*$`);
      continue;
    }
    if (/^ {0,3}</.test(content)) {
      const until = HTML_UNTIL.find(([open]) => open.test(content));
      html = until === undefined ? 'blank' : until[1];
      if (html !== 'blank' && html.test(content.slice(content.indexOf('<') + 1))) html = null;
      continue;
    }
    if (/^(?: {4}| {0,3}\t)/.test(content)) continue;
    const depth = containerDepth(content);
    if (depth > MAX_CONTAINER_DEPTH) return { line, depth };
  }
  return null;
}

/** How many container markers open a line (up to a thematic break, which opens nothing). Linear in the line. */
function containerDepth(text: string): number {
  const blank = (i: number): boolean => text[i] === ' ' || text[i] === '\t';
  // The line's trailing run of one marker character and blanks (`- - -`): where a break may start.
  let tail = text.length;
  while (tail > 0 && blank(tail - 1)) tail--;
  const mark = text[tail - 1];
  if (mark === '-' || mark === '*' || mark === '_') while (tail > 0 && (text[tail - 1] === mark || blank(tail - 1))) tail--;
  const breakFrom = (i: number): boolean => i >= tail && text[i] === mark && [...text.slice(i)].filter((ch) => ch === mark).length >= 3;
  let depth = 0;
  let i = 0;
  for (;;) {
    while (i < text.length && blank(i)) i++;
    const c = text[i];
    if (i >= text.length) return depth;
    if (c === '>') {
      depth++;
      i++;
      continue;
    }
    if ((c === '-' || c === '*' || c === '+') && blank(i + 1)) {
      if (breakFrom(i)) return depth;
      depth++;
      i += 2;
      continue;
    }
    let j = i;
    while (j < text.length && j < i + 9 && text[j]! >= '0' && text[j]! <= '9') j++;
    if (j > i && (text[j] === '.' || text[j] === ')') && blank(j + 1)) {
      depth++;
      i = j + 2;
      continue;
    }
    return depth;
  }
}

/**
 * Parse the Markdown, recovering from HTML comments left open by mistake. CommonMark lets a line
 * starting with `<!--` open an HTML block that runs to the next `-->`, or without one to the end of
 * the doc, hiding everything on the way. A comment that is never closed, or whose `-->` comes only
 * after a blank line and a `## Fields` / `## Values` / `## Supported Types` heading, is read as
 * ending at the end of its paragraph (the first blank line), with an `html-comment-unclosed`
 * warning; the hidden text is blanked out in the returned source (same length, same line breaks,
 * so every position stays right). A comment that hides whole sections on purpose has no blank
 * line before its `-->`, or hides no model section, and is left alone.
 */
function parseRecovering(text: string, file: string, diagnostics: Diagnostic[]): { source: string; tree: Root } {
  let source = text;
  // Each round blanks one comment out; a doc made of hundreds of them is read as GitHub shows it.
  for (let round = 0; ; round++) {
    const tree = parseMarkdown(source);
    if (round === MAX_RECOVERIES) return { source, tree };
    let mask: [number, number] | null = null;
    for (const node of tree.children) {
      if (node.type !== 'html' || !/^\s*<!--/.test(node.value)) continue;
      const blank = /\n[ \t]*\n/.exec(node.value);
      const close = node.value.indexOf('-->');
      if (close === -1 || (blank !== null && blank.index < close && MODEL_SECTION.test(node.value.slice(blank.index, close)))) {
        const from = node.position!.start.offset!;
        mask = [from, blank === null ? node.position!.end.offset! : from + blank.index];
        diagnostics.push(
          diagnostic(
            'warning',
            'html-comment-unclosed',
            'This HTML comment is not closed before the next blank line and would hide the rest of the doc; read as ending there',
            file,
            pointOf(node),
            'Close the comment with `-->`.',
          ),
        );
        break;
      }
    }
    if (mask === null) return { source, tree };
    const [from, to] = mask;
    source = source.slice(0, from) + source.slice(from, to).replace(/[^\n]/g, ' ') + source.slice(to);
  }
}

/** How many unclosed HTML comments one doc may have recovered (each costs a parse). */
const MAX_RECOVERIES = 20;

/** A line that starts a model's section (`## Fields`, `### Values`, `## Supported Types`). */
const MODEL_SECTION = /^[ \t]{0,3}#{1,6}[ \t]+(fields|values|supported types)[ \t]*#*[ \t]*$/im;

function readDoc(text: string, file: string): { docs: DocModel[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // YAML front matter (`.mdx` docs): blanked out, same length, so positions stay right.
  const front = readFrontMatter(text);
  const body = front ? text.slice(0, front.end).replace(/[^\n]/g, ' ') + text.slice(front.end) : text;
  const { source, tree } = parseRecovering(body, file, diagnostics);
  const lines = new LineIndex(source);
  const nodes = tree.children;

  const titleIndex = nodes.findIndex((node) => node.type === 'heading' && node.depth === 1);
  if (titleIndex === -1 && !front?.title) {
    diagnostics.push(
      diagnostic('info', 'not-a-model', 'No `# Name` heading (nor a front matter `title:`): not a model doc, skipped', file, { line: 1, column: 1 }),
    );
    return { docs: [], diagnostics };
  }

  const docs: DocModel[] = [];
  let current =
    titleIndex === -1
      ? newModel(front!.title!, { line: front!.titleLine, column: 1 }, false, file, true)
      : startModel(nodes[titleIndex] as Heading, file, true);
  docs.push(current);
  /** The description so far: its Markdown blocks (text after clean-up) and the lines each spans. */
  let blocks: { text: string; startLine: number; endLine: number }[] = [];
  // Models with a `## Values` heading: one whose section holds no table nor fence is an enum
  // without values (`enum-empty` says so), not a free-form object.
  const valuesHeading = new Set<DocModel>();
  const finish = (): void => {
    if (blocks.length > 0) current.description = joinBlocks(blocks);
    blocks = [];
    if (current.kind === 'none' && valuesHeading.has(current)) current.kind = 'values';
  };
  let section: string | null = null;
  let sectionDepth = 0;
  let member: DocUnionMember | null = null;

  for (let i = titleIndex + 1; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading') {
      const name = toString(node).trim();
      const lower = name.toLowerCase();
      if (node.depth === 1) break; // one `#` model per file
      if (section === 'supported types' && node.depth > sectionDepth) {
        member = { heading: name, code: headingCode(node), fence: null, position: pointOf(node) };
        current.members.push(member);
        continue;
      }
      if (SECTIONS.has(lower)) {
        section = lower;
        sectionDepth = node.depth;
        member = null;
        if (lower === 'supported types' && current.kind === 'none') current.kind = 'union';
        if (lower === 'values') valuesHeading.add(current);
        continue;
      }
      if (node.depth === 2 && startsSubModel(nodes, i + 1)) {
        finish();
        current = startModel(node, file, false);
        docs.push(current);
        section = null;
        member = null;
        continue;
      }
      // An unknown section: skip what follows until the next known heading.
      section = 'skip';
      sectionDepth = node.depth;
      continue;
    }
    if (section === null) {
      if (node.type === 'blockquote' && /DEPRECATED/.test(toString(node))) current.deprecated = true;
      else if (DESCRIPTION_BLOCKS.has(node.type)) {
        const raw = sourceOf(node, source);
        blocks.push({
          text: node.type === 'code' ? raw.replace(/\s+$/, '') : proseText(raw, node.type === 'list' || node.type === 'blockquote'),
          startLine: node.position!.start.line,
          endLine: node.position!.end.line,
        });
      }
      continue;
    }
    if (section === 'supported types') {
      if (member && !member.fence && node.type === 'code') member.fence = { lang: node.lang ?? null, text: node.value };
      continue;
    }
    if ((section === 'fields' || section === 'values') && current.kind === 'none' && node.type === 'paragraph' && /^[ \t]*\|/.test(sourceOf(node, source))) {
      // Pipe rows that GFM does not read as a table: the delimiter row is missing or has another
      // number of cells than the header. Read as a free-form object, the fields would be lost.
      diagnostics.push(
        diagnostic(
          'error',
          'table-malformed',
          `These rows are not a table: the \`| --- |\` delimiter row is missing or has another number of cells than the header`,
          file,
          pointOf(node),
          'Give the table a delimiter row with one `---` per header cell.',
        ),
      );
    } else if (section === 'fields' && node.type === 'table' && current.kind === 'none') {
      current.kind = 'fields';
      current.fields = readFields(node, source, lines, file, diagnostics);
    } else if (section === 'values' && current.kind === 'none') {
      if (node.type === 'table') {
        current.kind = 'values';
        readValues(current, node, source, lines, file, diagnostics);
      } else if (node.type === 'code') {
        current.kind = 'values';
        readValueFence(current, node, file, diagnostics);
      }
    }
  }
  finish();
  if (docs.length > 1) {
    // Later models are addressed as file#anchor; anchors must be unique within the doc.
    const seen = new Set<string>();
    for (const doc of docs) {
      let anchor = doc.anchor;
      for (let n = 1; seen.has(anchor); n++) anchor = `${doc.anchor}-${n}`;
      seen.add(anchor);
      doc.anchor = anchor;
      if (doc !== docs[0]) doc.id = `${file}#${anchor}`;
    }
  }
  return { docs, diagnostics };
}

/** Blocks between a title and its first section that make up the description (their Markdown source is kept). */
const DESCRIPTION_BLOCKS = new Set(['paragraph', 'html', 'list', 'code', 'blockquote', 'table']);

/**
 * A description from its blocks: blocks on adjacent lines (a paragraph, an HTML comment line, a
 * paragraph) join with a line break, as one paragraph; blocks apart join with a blank line.
 *
 * @returns the text, or null when nothing (or only `N/A`) is left
 */
function joinBlocks(blocks: readonly { text: string; startLine: number; endLine: number }[]): string | null {
  let text = '';
  let prevEnd: number | null = null;
  let gap = false;
  for (const block of blocks) {
    if (prevEnd !== null && block.startLine > prevEnd + 1) gap = true;
    prevEnd = block.endLine;
    if (block.text === '') continue;
    if (text !== '') text += gap ? '\n\n' : '\n';
    text += block.text;
    gap = false;
  }
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  return text === '' || text === 'N/A' ? null : text;
}

function startModel(heading: Heading, file: string, first: boolean): DocModel {
  const deprecated = heading.children.length > 0 && heading.children.every((c) => c.type === 'delete' || isBlank(c));
  return newModel(toString(heading).trim(), pointOf(heading), deprecated, file, first);
}

function newModel(title: string, titlePosition: { line: number; column: number }, deprecated: boolean, file: string, first: boolean): DocModel {
  return {
    id: first ? file : `${file}#${slug(title)}`,
    file,
    anchor: slug(title),
    title,
    titlePosition,
    deprecated,
    description: null,
    kind: 'none',
    fields: [],
    values: [],
    open: false,
    members: [],
  };
}

/** True when the nodes after a `##` heading reach a `### Fields` or `### Values` before the next `##`. */
function startsSubModel(nodes: RootContent[], from: number): boolean {
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'heading') continue;
    if (node.depth <= 2) return false;
    const name = toString(node).trim().toLowerCase();
    if (name === 'fields' || name === 'values') return true;
  }
  return false;
}

/** GitHub's heading anchor (see `scan.ts`). */
export { slug };

function pointOf(node: RootContent): { line: number; column: number } {
  return { line: node.position!.start.line, column: node.position!.start.column };
}

function headingCode(heading: Heading): string | null {
  const parts = heading.children.filter((c) => !isBlank(c));
  return parts.length === 1 && parts[0]!.type === 'inlineCode' ? parts[0].value : null;
}

function isBlank(node: { type: string; value?: string }): boolean {
  return node.type === 'text' && (node.value ?? '').trim() === '';
}

function sourceOf(node: RootContent, source: string): string {
  return source.slice(node.position!.start.offset, node.position!.end.offset);
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
  // `Name` stands for `Field` in some docs (utils/retryconfig.md).
  const nameColumn = header.includes('field') ? 'field' : header.includes('name') ? 'name' : 'field';
  if (!requireColumns(header, [nameColumn, 'type'], table, file, diagnostics)) return [];
  const hasRequired = header.includes('required');
  if (!hasRequired && rows.length > 0) {
    diagnostics.push(diagnostic('info', 'required-missing', 'Table has no Required column: every field is read as optional', file, table.position?.start));
  }
  const fields: DocField[] = [];
  for (const row of rows) {
    const field = readField(row, nameColumn, hasRequired, file, diagnostics);
    if (field) fields.push(field);
  }
  return fields;
}

function readField(row: TableRow, nameColumn: string, hasRequired: boolean, file: string, diagnostics: Diagnostic[]): DocField | null {
  const nameCell = row.cells.get(nameColumn)!;
  const { name, struck } = readName(nameCell.raw);
  if (name === '') {
    diagnostics.push(
      diagnostic('error', 'field-name-empty', 'Field cell is empty', file, row.position, 'Put the property name in the Field cell, in backticks.'),
    );
    return null;
  }
  let required = false;
  if (hasRequired) {
    const requiredCell = row.cells.get('required')!;
    const read = readRequired(requiredCell.raw);
    if (read === null) {
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
    required = read;
  }
  let description = cellText(row.cells.get('description')?.raw ?? '');
  let deprecated = struck;
  if (description && DEPRECATED_MARKER.test(description)) {
    deprecated = true;
    description = description.replace(DEPRECATED_MARKER, '').trim() || null;
  }
  let example = cellText(row.cells.get('example')?.raw ?? '');
  if (example === '[object Object]') {
    diagnostics.push(
      diagnostic(
        'info',
        'example-dropped',
        `Example of \`${name}\` is \`[object Object]\` (a doc generator bug), not a value: dropped`,
        file,
        row.cells.get('example')!.start,
      ),
    );
    example = null;
  }
  const typeCell = row.cells.get('type')!;
  // A Type cell wrapped whole in a code span (`` `*boolean*` ``) holds the notation inside it.
  const code = /^(`+)(?!`)([\s\S]*?[^`])\1$/.exec(typeCell.raw);
  const type = code ? { raw: code[2]!.trim(), start: { line: typeCell.start.line, column: typeCell.start.column + code[1]!.length } } : typeCell;
  return { name, deprecated, type, required, description, example, position: row.position };
}

/**
 * A Field or Name cell's text: the code span's content when the cell is a (possibly struck
 * through) code span, else the cell's text with Markdown escapes removed.
 */
function readName(raw: string): { name: string; struck: boolean } {
  let text = raw.trim();
  let struck = false;
  const strike = /^~~([\s\S]*)~~$/.exec(text);
  if (strike) {
    struck = true;
    text = strike[1]!.trim();
  }
  const code = /^(`+)(?!`)([\s\S]*?[^`])\1$/.exec(text);
  if (code) {
    const inner = code[2]!;
    // CommonMark strips one space from both ends of a code span that starts and ends with one.
    return { name: /^ .* $/.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner, struck };
  }
  return { name: unescapeMarkdown(text).trim(), struck };
}

function readRequired(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (text === ':heavy_check_mark:' || text === '✔️' || text === '✔' || text === 'true' || text === 'yes') return true;
  if (text === ':heavy_minus_sign:' || text === '➖' || text === 'false' || text === 'no' || text === '') return false;
  return null;
}

/** `Unrecognized<string>` (or similar) in a Values row: the enum is open to other values. */
const OPEN_ENUM = /^`?Unrecognized<[^>]*>`?$/;

function readValues(doc: DocModel, table: Table, source: string, lines: LineIndex, file: string, diagnostics: Diagnostic[]): void {
  const { header, rows, diagnostics: found } = readTable(table, source, lines, file);
  diagnostics.push(...found);
  if (!requireColumns(header, ['name', 'value'], table, file, diagnostics)) return;
  for (const row of rows) {
    const valueRaw = row.cells.get('value')!.raw;
    if (OPEN_ENUM.test(valueRaw.trim())) {
      doc.open = true;
      continue;
    }
    const code = /^`([^`]*)`$/.exec(valueRaw.trim());
    doc.values.push({
      name: readName(row.cells.get('name')!.raw).name,
      value: code ? code[1]! : unescapeMarkdown(valueRaw),
      json: null,
      position: row.position,
    });
  }
}

/** A `## Values` fence holding a literal union: `"dns-01" | "http-01"`, `301 | 302`. */
function readValueFence(doc: DocModel, node: Code, file: string, diagnostics: Diagnostic[]): void {
  const at = { line: node.position!.start.line + 1, column: 1 };
  try {
    const tokens = tokenize(node.value.replace(/\s+/g, ' ').trim());
    let expectValue = true;
    for (const token of tokens) {
      if (token.kind === 'end') break;
      if (!expectValue) {
        if (token.kind !== 'punct' || token.value !== '|') throw new Error(`expected \`|\` at offset ${token.offset}`);
        expectValue = true;
        continue;
      }
      expectValue = false;
      let json: string | number | boolean;
      if (token.kind === 'string' || token.kind === 'number') json = token.value;
      else if (token.kind === 'ident' && (token.value === 'true' || token.value === 'false')) json = token.value === 'true';
      else if (token.kind === 'ident' && /^Unrecognized$/.test(token.value)) {
        doc.open = true;
        json = '';
      } else throw new Error(`\`${token.kind === 'ident' || token.kind === 'punct' ? token.value : token.kind}\` is not a literal`);
      if (token.kind === 'ident' && token.value === 'Unrecognized') continue;
      doc.values.push({ name: String(json), value: String(json), json, position: at });
    }
  } catch (error) {
    // `Unrecognized<string>` ends the union in open enums; anything else is an error.
    if (!doc.open) {
      diagnostics.push(
        diagnostic(
          'error',
          'values-fence',
          `Cannot read the Values fence as a union of literals: ${(error as Error).message}`,
          file,
          at,
          'Write the values as `"a" | "b"`, or as a Name | Value table.',
        ),
      );
    }
  }
}
