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
import { FlatOnly, LOOSE, printStatement } from './print.js';

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
  // One document for the file: statements apart by a line holding only SEPARATOR (then split).
  const docs: Doc[] = [];
  const unsure = new Set<number>();
  program.body.forEach((statement, i) => {
    let doc: Doc;
    try {
      doc = printStatement(statement);
    } catch (error) {
      if (!(error instanceof FlatOnly)) throw error;
      unsure.add(i);
      doc = '';
    }
    if (i > 0) docs.push(hardline, SEPARATOR, hardline);
    docs.push(doc);
  });
  const pieces = printer.printDocToString(docs, { printWidth, tabWidth: 2, useTabs: false }).formatted.split(`\n${SEPARATOR}\n`);
  if (pieces.length !== program.body.length) throw new Error('layout: statements and printed pieces differ in number');
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
