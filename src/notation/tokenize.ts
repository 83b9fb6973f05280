/**
 * The tokenizer shared by every notation grammar: it knows the leaves of a Type cell (NOTATION.md
 * §2): `*` (the italics around scalar names), `[text](target)` links, identifiers, numbers, string
 * literals and punctuation. Grammars decide what the tokens mean.
 *
 * @module
 */

import { QuietError } from '../core/quiet-error.js';

/**
 * A token.
 * - `ident`: `[A-Za-z_$][A-Za-z0-9_$]*` (Unicode letters and digits included).
 * - `punct`: `::`, or one of `. , ( ) < > [ ] { } | ? : * & \\ = ;`.
 *
 * Spaces, tabs and line ends separate tokens.
 * - `link`: `[text](target)` with balanced brackets; `text` is raw and starts at `textOffset`.
 * - `string`: a double-quoted literal, `value` unescaped.
 * - `number`: a JSON-style number.
 *
 * A Markdown backslash escape of ASCII punctuation (`\<`, `\>`, `\[`, `\|`) reads as the
 * punctuation itself, and so does a run of backslashes before it (doubly escaped `\\<` inside
 * other generics): docs escape generics so that renderers do not eat them as HTML (seen in
 * corpus-wild java-docusign-docusign-iam-java-client and java-stirling-tools-stirling-pdf-java,
 * 2025–26: `Optional\<String>`, `List\<[X](…)>`). An escaped `[` starts no link. An escaped
 * emphasis marker (`\*`, `\_`) is a literal character, not italics, and no grammar reads one: it
 * stays a `\\` token and the character, like a backslash before anything else (PHP namespaces:
 * `\DateTime`).
 */
export type Token =
  | { kind: 'ident'; value: string; offset: number }
  | { kind: 'punct'; value: string; offset: number }
  | { kind: 'link'; text: string; target: string; offset: number; textOffset: number }
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'end'; offset: number };

/** A character the tokenizer does not know, at `offset`. */
export class TokenizeError extends QuietError {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;
const PUNCT = new Set(['.', ',', '(', ')', '<', '>', '[', ']', '{', '}', '|', '?', ':', '*', '&', '\\', '=', ';']);

/**
 * Split a Type cell into tokens, ending with one `end` token.
 *
 * @param text the raw cell text (or a link's text)
 * @param base offset of `text` inside the cell, added to every token's offset
 * @throws {TokenizeError} on a character no notation uses
 */
export function tokenize(text: string, base = 0): Token[] {
  checkDepth(text, base);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if (ch === '\\' && escapedPunctuation(text, i) !== -1) {
      // The escaped character is literal: grammar punctuation as a token, anything else (`\#`)
      // read from where it stands.
      const at = escapedPunctuation(text, i);
      if (PUNCT.has(text[at]!)) {
        tokens.push({ kind: 'punct', value: text[at]!, offset: base + at });
        i = at + 1;
      } else i = at;
    } else if (ch === '[') {
      const link = readLink(text, i);
      if (link) {
        tokens.push({ kind: 'link', text: link.text, target: link.target, offset: base + i, textOffset: base + i + 1 });
        i = link.end;
      } else {
        tokens.push({ kind: 'punct', value: '[', offset: base + i });
        i++;
      }
    } else if (ch === ':' && text[i + 1] === ':') {
      tokens.push({ kind: 'punct', value: '::', offset: base + i });
      i += 2;
    } else if (PUNCT.has(ch)) {
      tokens.push({ kind: 'punct', value: ch, offset: base + i });
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new TokenizeError('Unterminated string literal', base + i);
      tokens.push({ kind: 'string', value: stringValue(text.slice(i, j + 1), base + i), offset: base + i });
      i = j + 1;
    } else if (/[0-9-]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!match) throw new TokenizeError(`Unexpected character \`${ch}\``, base + i);
      tokens.push({ kind: 'number', value: Number(match[0]), offset: base + i });
      i += match[0].length;
    } else if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text[j]!)) j++;
      tokens.push({ kind: 'ident', value: text.slice(i, j), offset: base + i });
      i = j;
    } else {
      throw new TokenizeError(`Unexpected character \`${ch}\``, base + i);
    }
  }
  tokens.push({ kind: 'end', offset: base + text.length });
  return tokens;
}

/**
 * ASCII punctuation, the characters CommonMark lets a backslash escape, but the emphasis markers
 * `*` and `_` (an escaped one is a literal character, which no grammar reads).
 */
const ESCAPABLE = /[!-)+-/:-@[-^`{-~]/;

/**
 * Where the character a run of backslashes at `start` escapes sits, or -1 when the run is not
 * followed by an {@link ESCAPABLE} character (PHP's `\DateTime`).
 */
function escapedPunctuation(text: string, start: number): number {
  let i = start;
  while (text[i] === '\\') i++;
  return i < text.length && ESCAPABLE.test(text[i]!) ? i : -1;
}

/**
 * How deeply a Type cell may nest (brackets of any kind, plus a run of `*`): far beyond any real
 * cell (NOTATION.md §2 measures at most 6), low enough that no grammar's recursive descent can
 * overflow the stack.
 */
export const MAX_DEPTH = 200;

/** Refuse a cell that nests deeper than {@link MAX_DEPTH} (a notation error, not a stack overflow). */
function checkDepth(text: string, base: number): void {
  let depth = 0;
  let stars = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[' || ch === '<' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '>' || ch === '}') depth = Math.max(0, depth - 1);
    stars = ch === '*' ? stars + 1 : ch === ' ' ? stars : 0;
    if (depth + stars > MAX_DEPTH) throw new TokenizeError(`Type nests more than ${MAX_DEPTH} levels deep`, base + i);
  }
}

/** A double-quoted literal's value (JSON string syntax), or a {@link TokenizeError} at `offset`. */
function stringValue(literal: string, offset: number): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw new TokenizeError(`Invalid string literal ${literal.length > 40 ? `${literal.slice(0, 40)}…` : literal}: use JSON escapes`, offset);
  }
}

/** Read `[text](target)` starting at `start` (a `[`), or null when no link starts there. */
function readLink(text: string, start: number): { text: string; target: string; end: number } | null {
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) break;
  }
  if (i >= text.length || text[i + 1] !== '(') return null;
  const close = text.indexOf(')', i + 2);
  if (close === -1) return null;
  return { text: text.slice(start + 1, i), target: text.slice(i + 2, close).trim(), end: close + 1 };
}
