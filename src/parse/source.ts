/**
 * Source text helpers shared by the parse stage.
 *
 * @module
 */

import type { Point } from '../model/diagnostics.js';

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
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
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
  const text = unescapePipes(raw)
    .replace(/<br\s*\/?>/gi, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
  return text === '' || text === 'N/A' ? null : text;
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
