/**
 * Tokens of the TypeScript docs2ts generates (see `./parse.ts` for the subset). Anything outside
 * it (template literals, regular expressions, JSX) throws {@link Unsupported}, and the caller
 * formats that file with prettier instead.
 *
 * @module
 */

import { QuietError } from '../../core/quiet-error.js';

/** The code is outside the subset the layout printer knows: format it with prettier. */
export class Unsupported extends QuietError {
  constructor(what: string, at: number) {
    super(`${what} at offset ${at}`);
    this.name = 'Unsupported';
  }
}

/** One token: its kind, its source text, offsets, and the comments and blank lines before it. */
export interface Token {
  kind: 'name' | 'string' | 'number' | 'punct' | 'eof';
  text: string;
  start: number;
  end: number;
  /** A line break between the previous token (or comment) and this one. */
  newlineBefore: boolean;
  /** Comments between the previous token and this one, in order. */
  comments: Comment[];
  /** An empty line between the previous token and this token (or its first comment). */
  blankBefore: boolean;
  /** An empty line between the last comment and this token. */
  blankAfterComments: boolean;
  /** A block comment ends on this token's line (`/* c *\/ code`): prettier keeps them together. */
  afterCommentOnLine: boolean;
}

/** A comment's text as written (`/** … *\/` or `// …`) and whether an empty line precedes it. */
export interface Comment {
  text: string;
  /** Offset of `/` in the source. */
  start: number;
  block: boolean;
  blankBefore: boolean;
}

/** Punctuators, longest first. */
const PUNCTUATORS = ['...', '===', '!==', '**', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '(', ')', '{', '}', '[', ']', ';', ',', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '=', '.', '&', '|', '~', '@'];

/** Punctuators by first character, longest first. */
const PUNCTUATORS_BY_CHAR = new Map<string, string[]>();
for (const p of PUNCTUATORS) {
  const list = PUNCTUATORS_BY_CHAR.get(p[0]!) ?? [];
  list.push(p);
  PUNCTUATORS_BY_CHAR.set(p[0]!, list);
}

const NAME_START = /[\p{ID_Start}$_]/u;
const NAME_PART = /[\p{ID_Continue}$\u200C\u200D]/u;

/** `A-Z a-z $ _` */
function isAsciiNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95;
}

/** `A-Z a-z 0-9 $ _` */
function isAsciiNamePart(c: number): boolean {
  return isAsciiNameStart(c) || (c >= 48 && c <= 57);
}

/** The comments of a token that has none (shared: never added to). */
const NO_COMMENTS: Comment[] = [];

/**
 * Split source text into tokens.
 *
 * @throws {Unsupported} on template literals, regular expression literals and unknown characters
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let comments: Comment[] = NO_COMMENTS;
  let newline = false;
  let blank = false;
  let blankForToken = false;
  let lines = 0;
  // A line break since the last comment ended.
  let brokeAfterComment = true;
  const n = text.length;
  while (true) {
    // Whitespace and comments.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        newline = true;
        brokeAfterComment = true;
        lines++;
        if (lines >= 2) blank = true;
        i++;
      } else if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        let end = text.indexOf('\n', i);
        if (end === -1) end = n;
        if (comments.length === 0) {
          blankForToken = blank;
          comments = [];
        }
        comments.push({ text: text.slice(i, end).trimEnd(), start: i, block: false, blankBefore: blank });
        blank = false;
        lines = 0;
        i = end;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const end = text.indexOf('*/', i + 2);
        if (end === -1) throw new Unsupported('unterminated comment', i);
        if (comments.length === 0) {
          blankForToken = blank;
          comments = [];
        }
        comments.push({ text: text.slice(i, end + 2), start: i, block: true, blankBefore: blank });
        brokeAfterComment = false;
        blank = false;
        lines = 0;
        i = end + 2;
      } else break;
    }
    if (comments.length === 0) blankForToken = blank;
    const start = i;
    let kind: Token['kind'];
    if (i >= n) {
      tokens.push({ kind: 'eof', text: '', start: n, end: n, newlineBefore: newline, comments, blankBefore: blankForToken, blankAfterComments: comments.length > 0 && blank, afterCommentOnLine: comments.length > 0 && !brokeAfterComment });
      return tokens;
    }
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (isAsciiNameStart(code) || (code >= 0x80 && NAME_START.test(String.fromCodePoint(text.codePointAt(i)!)))) {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (isAsciiNamePart(c)) {
          j++;
          continue;
        }
        if (c < 0x80) break;
        const s = String.fromCodePoint(text.codePointAt(j)!);
        if (!NAME_PART.test(s)) break;
        j += s.length;
      }
      kind = 'name';
      i = j;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && text[j] !== ch) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n') throw new Unsupported('line break in a string', j);
        j++;
      }
      if (j >= n) throw new Unsupported('unterminated string', i);
      kind = 'string';
      i = j + 1;
    } else if (ch === '`') {
      throw new Unsupported('template literal', i);
    } else if (ch === '\\') {
      throw new Unsupported('escape in a name', i);
    } else if ((code >= 48 && code <= 57) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)n?/.exec(text.slice(i, i + 400));
      if (!m) throw new Unsupported('number', i);
      kind = 'number';
      i += m[0].length;
    } else {
      const p = PUNCTUATORS_BY_CHAR.get(ch)?.find((q) => text.startsWith(q, i));
      if (!p) throw new Unsupported(`character ${JSON.stringify(ch)}`, i);
      kind = 'punct';
      i += p.length;
    }
    tokens.push({ kind, text: text.slice(start, i), start, end: i, newlineBefore: newline, comments, blankBefore: blankForToken, blankAfterComments: comments.length > 0 && blank, afterCommentOnLine: comments.length > 0 && !brokeAfterComment });
    comments = NO_COMMENTS;
    newline = false;
    blank = false;
    blankForToken = false;
    lines = 0;
  }
}
