/**
 * JSON documents laid out as prettier's `json` parser prints `JSON.stringify(value, null, 2)`:
 * objects stay one member a line (the source breaks them), arrays go on one line when they fit,
 * else one element a line; string and number tokens as `JSON.stringify` wrote them.
 *
 * @module
 */

import { builders, printer } from 'prettier/doc';

type Doc = builders.Doc;
const { group, indent, line, softline, hardline, join } = builders;

/** An array prettier packs (`fill`) rather than breaks: numbers only. Not mirrored: such a document goes to prettier. */
class PackedArray extends Error {}

function print(value: unknown): Doc {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.some((v) => typeof v === 'number')) throw new PackedArray();
    // More than one element, all objects (or all arrays) with more than one entry: always broken.
    const first = value[0] as unknown;
    const concise =
      value.length > 1 &&
      value.every((v) => v !== null && typeof v === 'object' && Array.isArray(v) === Array.isArray(first) && (Array.isArray(v) ? v.length : Object.keys(v as object).length) > 1);
    return group(['[', indent([softline, join([',', line], value.map(print))]), softline, ']'], { shouldBreak: concise });
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return ['{', indent([hardline, join([',', hardline], entries.map(([k, v]) => [JSON.stringify(k), ': ', print(v)]))]), hardline, '}'];
}

/**
 * Lay out a JSON value as prettier's `json` parser would lay out `JSON.stringify(value, null, 2)`.
 *
 * @returns the text (ending in a newline), or null when the value holds an array of numbers
 *   (prettier packs those; the caller formats the document with prettier)
 */
export function layoutJson(value: unknown, printWidth: number): string | null {
  try {
    return `${printer.printDocToString(print(value), { printWidth, tabWidth: 2, useTabs: false }).formatted}\n`;
  } catch (error) {
    if (error instanceof PackedArray) return null;
    throw error;
  }
}
