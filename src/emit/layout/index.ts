/**
 * Lay out generated TypeScript exactly as prettier would, without running prettier's parser and
 * printer on most of it: each top-level statement is parsed (`./parse.ts`), printed with the
 * documents prettier builds (`./print.ts`) by prettier's document printer, and kept when every
 * code line fits the print width. Other statements (a layout not mirrored here, or a line wider
 * than the print width) are returned for prettier to format; `src/emit/format.ts` does that and
 * splices them back.
 *
 * Only prettier's default style is mirrored (with any `printWidth`); see {@link canLayout}.
 *
 * @module
 */

import { builders, printer } from 'prettier/doc';

type Doc = builders.Doc;
import { Unsupported } from './lex.js';
import { parseProgram, type Program } from './parse.js';
import { COMMENT, fastLine, FlatOnly, LINE, LOOSE, printLineStatement, printStatementBody, type DeferredLine } from './print.js';
import type { Stmt } from './parse.js';

const { hardline } = builders;

/** Written on a line of its own between statements printed in one go, then split on (a control character: no width). */
const SEPARATOR = '\u0002';

/** A file laid out: each top-level statement's text, or null where prettier must format `sources[i]`. */
export interface Layout {
  /** Text of each statement as prettier prints it (comments included, no final newline), or null. */
  printed: (string | null)[];
  /** Source text of each statement (comments included), for prettier where `printed` is null. */
  sources: string[];
  /** An empty line before each statement (after the previous one). */
  blankBefore: boolean[];
}

/**
 * Prettier options the layout printer reproduces: the defaults, and any `printWidth`. Options
 * with other values (or unknown ones, or plugins) leave the whole output to prettier.
 */
const DEFAULTS: Record<string, unknown> = {
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: 'as-needed',
  trailingComma: 'all',
  bracketSpacing: true,
  bracketSameLine: false,
  objectWrap: 'preserve',
  arrowParens: 'always',
  endOfLine: 'lf',
  experimentalTernaries: false,
  experimentalOperatorPosition: 'end',
  singleAttributePerLine: false,
  embeddedLanguageFormatting: 'auto',
  proseWrap: 'preserve',
  htmlWhitespaceSensitivity: 'css',
  vueIndentScriptAndStyle: false,
  insertPragma: false,
  requirePragma: false,
  checkIgnorePragma: false,
};

/** True when prettier with these options prints what the layout printer prints (with their `printWidth`). */
export function canLayout(options: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(options)) {
    if (key === 'printWidth' || key === 'parser' || key === 'filepath' || value === undefined) continue;
    if (key === 'plugins' && Array.isArray(value) && value.length === 0) continue;
    if (key === 'overrides' && Array.isArray(value) && value.length === 0) continue;
    if (!(key in DEFAULTS) || DEFAULTS[key] !== value) return false;
  }
  return true;
}

/**
 * The width prettier gives a line, bounded from above: code points outside ASCII count 2 (the
 * most prettier's `getStringWidth` gives one), so a line judged to fit does fit.
 */
function widthBound(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) continue;
    if (c < 0x80) width++;
    else if (c >= 0xdc00 && c <= 0xdfff) continue;
    else width += 2;
  }
  return width;
}

/**
 * True when prettier would print the text as it is: no line holding text printed flat where
 * prettier might break it (marked {@link LOOSE}) is wider than `printWidth`.
 */
function fits(text: string, printWidth: number): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // A line of n UTF-16 units is at most 2n wide: only longer ones need measuring.
    if (2 * (end - start) > printWidth) {
      const lineText = text.slice(start, end);
      if (lineText.includes(LOOSE) && widthBound(lineText) > printWidth) return false;
    }
    start = end + 1;
  }
  return true;
}

/** A document node as the walk below sees it (prettier's shapes; strings and arrays aside). */
interface DocNode {
  type: string;
  contents?: Doc;
  parts?: Doc[];
  break?: boolean | 'propagated';
  id?: symbol;
  hard?: boolean;
  soft?: boolean;
  literal?: boolean;
  n?: unknown;
  label?: unknown;
  groupId?: symbol;
  flatContents?: Doc;
}

/**
 * The text prettier's document printer gives a statement's document on a line of its own, when
 * that is one line of at most `room` columns; null otherwise (or when unsure).
 *
 * Prettier prints such a document flat when it fits: the statement follows a line break (so it
 * starts at its indentation) and is followed by one, its document holds no forced break, and each
 * line break it could make sits inside a group. A group is printed flat when its flat contents and
 * what follows them up to the next possible line break fit (`fits` in prettier's printer), and
 * what follows is at most the rest of the line, so one group at the top is decided by the whole
 * line's width. With more than one group at the top, the later groups would be measured in break
 * mode: unsure, not flattened.
 */
function flatLine(doc: Doc, room: number, inGroupAtTop = false): string | null {
  let out = '';
  let width = 0;
  let topGroups = 0;
  const ids = new Set<symbol>();
  const walk = (d: Doc, inGroup: boolean): boolean => {
    if (typeof d === 'string') {
      // The mark matters only on lines too wide; this one fits or is dropped.
      if (d === LOOSE) return true;
      out += d;
      // An upper bound of prettier's width (wide characters count 2): a line judged to fit does fit.
      width += widthBound(d);
      return width <= room;
    }
    if (Array.isArray(d)) {
      for (const part of d) if (!walk(part, inGroup)) return false;
      return true;
    }
    const node = d as unknown as DocNode;
    switch (node.type) {
      case 'group':
        if (node.break) return false;
        if (!inGroup && ++topGroups > 1) return false;
        if (node.id !== undefined) ids.add(node.id);
        return walk(node.contents!, true);
      case 'line':
        if (node.hard || node.literal || !inGroup) return false;
        if (!node.soft) {
          out += ' ';
          width++;
        }
        return width <= room;
      case 'indent':
      case 'align':
      case 'label':
        return walk(node.contents!, inGroup);
      case 'indent-if-break':
        return node.groupId !== undefined && ids.has(node.groupId) && walk(node.contents!, inGroup);
      case 'if-break':
        if (node.groupId !== undefined ? !ids.has(node.groupId) : !inGroup) return false;
        return walk(node.flatContents ?? '', inGroup);
      default:
        // fill, line suffixes, break-parent, trim, cursor: not in one-line statements here.
        return false;
    }
  };
  return walk(doc, inGroupAtTop) ? out : null;
}

/** A group's flat rendering as prettier prints it in flat mode (see {@link flatLine}); null when it has a forced break. */
function flatGroup(doc: Doc, room: number): string | null {
  const node = doc as unknown as DocNode;
  if (typeof doc === 'string' || Array.isArray(doc) || node.type !== 'group' || node.break) return null;
  return flatLine(node.contents!, room, true);
}

/**
 * The document of a statement whose first line is decided by one group followed by fixed text up
 * to a line break, with that group printed flat when prettier would (the flat group and the text
 * after it fit: prettier's `fits` measures exactly that); the document unchanged otherwise.
 *
 * - `function f(…): T {` + body: the signature group;
 * - `if (…) {` + body, no `else`: the test's group; the statement's own group is broken by the
 *   body's line breaks, so dropping it changes nothing.
 */
function settleHeader(statement: Stmt, doc: Doc, room: number): Doc {
  if (statement.type === 'Function' && statement.body.length > 0 && Array.isArray(doc) && doc.length === 3 && doc[1] === ' ') {
    // Room for the signature: ` {` follows it on the line.
    const flat = flatGroup(doc[0]!, room - 2);
    return flat === null ? doc : [flat, ' ', doc[2]!];
  }
  if (statement.type === 'If' && statement.alternate === null && statement.consequent.type === 'Block' && statement.consequent.body.length > 0 && statement.consequent.comments.length === 0) {
    const node = doc as unknown as DocNode;
    if (typeof doc === 'string' || Array.isArray(doc) || node.type !== 'group') return doc;
    const parts = node.contents as Doc[];
    if (!Array.isArray(parts) || parts.length !== 4 || parts[0] !== 'if (' || parts[2] !== ')') return doc;
    // Room for the test: `if (` before it, `) {` after it.
    const flat = flatGroup(parts[1]!, room - 7);
    if (flat !== null) return ['if (', flat, ')', parts[3]!];
  }
  return doc;
}

/**
 * Print a document that leaves nothing to decide (strings, arrays, indentation, labels, forced line
 * breaks: no group, if-break or fill) as prettier's printer does: each line break followed by the
 * indentation, trailing blanks trimmed before it. Null when the document holds anything else.
 */
function printFixed(doc: Doc): string | null {
  const out: string[] = [];
  const trim = (): void => {
    for (let i = out.length - 1; i >= 0; i--) {
      const trimmed = out[i]!.replace(/[ \t]+$/, '');
      out[i] = trimmed;
      if (trimmed !== '') return;
    }
  };
  const walk = (d: Doc, indentation: number): boolean => {
    if (typeof d === 'string') {
      out.push(d);
      return true;
    }
    if (Array.isArray(d)) {
      for (const part of d) if (!walk(part, indentation)) return false;
      return true;
    }
    const node = d as unknown as DocNode;
    switch (node.type) {
      case 'line':
        // In break mode (no group around), every line breaks.
        if (node.literal) return false;
        trim();
        out.push(`\n${' '.repeat(indentation)}`);
        return true;
      case 'break-parent':
        return true;
      case 'indent':
        return walk(node.contents!, indentation + 2);
      case 'align':
        return typeof node.n === 'number' && node.n >= 0 && walk(node.contents!, indentation + node.n);
      case 'label':
        return walk(node.contents!, indentation);
      default:
        return false;
    }
  };
  return walk(doc, 0) ? out.join('') : null;
}

/**
 * Replace, in place, the document of each statement labelled {@link LINE} that prettier
 * would print on one line (see {@link flatLine}) by that line: the same output, with far less for
 * prettier's printer to measure (most generated statements are one line).
 *
 * @param indentation columns of indentation at `doc` (NaN where unknown: nothing flattened below)
 */
function flattenStatements(doc: Doc, indentation: number, printWidth: number): void {
  if (typeof doc === 'string') return;
  if (Array.isArray(doc)) {
    for (const part of doc) flattenStatements(part, indentation, printWidth);
    return;
  }
  const node = doc as unknown as DocNode;
  switch (node.type) {
    case 'label':
      if (node.label === COMMENT && Number.isFinite(indentation)) {
        // As prettier's printer writes it: each line after the first indented, trailing blanks trimmed where a line ends.
        const [open, lines, close] = node.contents as [string, Doc[], string];
        const prefix = ' '.repeat(indentation);
        let text = open;
        for (let i = 0; i < lines.length; i += 2) {
          const lineText = i === 0 ? (lines[0] as string) : prefix + (lines[i] as string);
          text += i + 2 < lines.length ? `${lineText.replace(/[ \t]+$/, '')}\n` : lineText;
        }
        node.contents = text + close;
        return;
      }
      if (node.label === LINE) {
        const deferred = node as unknown as DeferredLine;
        if (deferred.statement !== undefined) {
          const statement = deferred.statement;
          deferred.statement = undefined;
          const line = Number.isFinite(indentation) ? fastLine(statement) : null;
          if (line !== null && widthBound(line) <= printWidth - indentation) {
            deferred.contents = line;
            return;
          }
          deferred.contents = printStatementBody(statement);
          if (Number.isFinite(indentation)) deferred.contents = settleHeader(statement, deferred.contents, printWidth - indentation);
        }
        if (Number.isFinite(indentation)) {
          const text = flatLine(node.contents!, printWidth - indentation);
          if (text !== null) {
            node.contents = text;
            return;
          }
        }
      }
      return flattenStatements(node.contents!, indentation, printWidth);
    case 'indent':
      return flattenStatements(node.contents!, indentation + 2, printWidth);
    case 'align':
      return flattenStatements(node.contents!, typeof node.n === 'number' && node.n >= 0 ? indentation + node.n : Number.NaN, printWidth);
    case 'group':
    case 'indent-if-break':
      return flattenStatements(node.contents!, node.type === 'group' ? indentation : Number.NaN, printWidth);
    case 'if-break':
      flattenStatements((node as unknown as { breakContents: Doc }).breakContents, indentation, printWidth);
      return flattenStatements(node.flatContents ?? '', indentation, printWidth);
    case 'fill':
      for (const part of node.parts!) flattenStatements(part, indentation, printWidth);
      return;
    default:
      return;
  }
}

/**
 * Lay out a generated file statement by statement.
 *
 * @param text generated TypeScript (any layout; comments only before statements and members)
 * @param printWidth prettier's `printWidth`
 * @returns the layout, or null when the file leaves the subset the parser knows (prettier formats all of it)
 */
export function layout(text: string, printWidth: number): Layout | null {
  // The marks must not occur in the source (they would be taken for ones and removed).
  if (text.includes(LOOSE) || text.includes(SEPARATOR)) return null;
  let program: Program;
  try {
    program = parseProgram(text);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  if (program.trailing.length > 0) return null;
  // Statements left with something to decide go to prettier's document printer in one go, apart
  // by a line holding only SEPARATOR (then split); the others are printed here.
  const docs: Doc[] = [];
  const decided: (string | null)[] = [];
  const unsure = new Set<number>();
  program.body.forEach((statement, i) => {
    let doc: Doc;
    try {
      doc = printLineStatement(statement);
      flattenStatements(doc, 0, printWidth);
    } catch (error) {
      if (!(error instanceof FlatOnly)) throw error;
      unsure.add(i);
      doc = '';
    }
    const fixed = printFixed(doc);
    decided.push(fixed);
    if (fixed !== null) return;
    if (docs.length > 0) docs.push(hardline, SEPARATOR, hardline);
    docs.push(doc);
  });
  const undecided = docs.length === 0 ? [] : printer.printDocToString(docs, { printWidth, tabWidth: 2, useTabs: false }).formatted.split(`\n${SEPARATOR}\n`);
  if (undecided.length !== decided.filter((d) => d === null).length) throw new Error('layout: statements and printed pieces differ in number');
  let next = 0;
  const pieces = decided.map((d) => d ?? undecided[next++]!);
  const printed = pieces.map((out, i) => (unsure.has(i) || !fits(out, printWidth) ? null : out.replaceAll(LOOSE, '')));
  return {
    printed,
    sources: program.ranges.map(([start, end]) => text.slice(start, end)),
    blankBefore: program.body.map((s, i) => i > 0 && s.blankBefore),
  };
}

/** Join statement texts into a file as prettier ends it: one newline at the end, empty lines kept. */
export function joinLayout(texts: readonly string[], blankBefore: readonly boolean[]): string {
  let out = '';
  texts.forEach((t, i) => {
    if (i > 0) out += blankBefore[i] ? '\n\n' : '\n';
    out += t;
  });
  return texts.length === 0 ? '' : `${out}\n`;
}
