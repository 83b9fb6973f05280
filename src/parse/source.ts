/**
 * Source text helpers shared by the parse stage.
 *
 * @module
 */

import type { Point } from '../core/diagnostics.js';

/**
 * Read a doc's text the way every later step expects it: a leading UTF-8 byte order mark removed,
 * CRLF and lone CR line ends turned into LF. Lines keep their numbers and columns their counts, so a
 * diagnostic points at the same place as in the clean LF version of the file.
 *
 * @param text the file's text as decoded from UTF-8
 * @returns the normalized text
 */
export function normalizeSource(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lf = noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
  // U+0000 is read as U+FFFD (CommonMark 0.31, section 2.3), as is a lone surrogate (text held in
  // memory; a file read as UTF-8 has none): one UTF-16 unit each, so columns do not move.
  return lf.replace(/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Undo the escapes a GFM table cell may hold: `\|` is a literal pipe inside a cell (GFM spec,
 * "Tables" extension, example 200).
 */
export function unescapePipes(text: string): string {
  return text.replace(/\\\|/g, '|');
}

/**
 * Turn Markdown cell or paragraph source into description text: `<br/>` (any spelling of the
 * `br` tag) becomes a line break, lines are trimmed, and blank ends are dropped.
 *
 * @returns the text, or null when nothing (or only `N/A`) is left
 */
export function cellText(raw: string): string | null {
  const text = proseText(raw);
  return text === '' || text === 'N/A' ? null : text;
}

/**
 * Turn Markdown source (a cell, a paragraph, a list) into description text: HTML comments are
 * removed (they are hidden in the rendered docs; the text around them stays), `\|` is a pipe,
 * `<br/>` (any spelling of the `br` tag) is a line break, and lines are trimmed (with
 * `keepIndent`, only at their end: list nesting survives).
 */
export function proseText(raw: string, keepIndent = false): string {
  return stripHtmlComments(unescapePipes(raw))
    .replace(/<br\s*\/?>/gi, '\n')
    .split('\n')
    .map((line) => (keepIndent ? line.trimEnd() : line.trim()))
    .join('\n')
    .replace(/^\n+|\s+$/g, '');
}

/**
 * Remove closed HTML comments (`<!-- … -->`) outside code spans, with the spaces around them (one
 * space is kept between words). An unclosed `<!--` is left as it is: renderers show it as text.
 */
export function stripHtmlComments(text: string): string {
  if (!text.includes('<!--')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let close = text.indexOf(fence, i + n);
      while (close !== -1 && text[close + n] === '`') close = text.indexOf(fence, close + n + 1);
      const end = close === -1 ? i + n : close + n;
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) {
        out += text.slice(i);
        break;
      }
      let after = close + 3;
      while (text[after] === ' ' || text[after] === '\t') after++;
      out = out.replace(/[ \t]+$/, '');
      if (out !== '' && !out.endsWith('\n') && after < text.length && text[after] !== '\n') out += ' ';
      i = after;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/**
 * Remove Markdown backslash escapes of ASCII punctuation (CommonMark 0.31, section 2.4), for
 * cells read as plain values such as enum names and values.
 */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Map offsets in a text to 1-based line and column, in O(log lines) per lookup.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** The point of `offset` (0-based UTF-16 offset). */
  point(offset: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}
