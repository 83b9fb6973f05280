import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { ID_PART_RANGES, ID_START_RANGES, inRanges } from '../src/model/identifier-tables.js';
import { isIdentifierPart, isIdentifierStart } from '../src/model/naming.js';

// What src/model/naming.ts computed before the tables, by asking TypeScript's scanner at run time.
// When this test fails after upgrading ts-morph or Node.js, rerun `npx tsx scripts/identifier-tables.ts`.
const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

function scannerStart(cp: number): boolean {
  if (cp < 0x80) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95 || cp === 36;
  return ID_START.test(String.fromCodePoint(cp)) && ts.isIdentifierStart(cp, ts.ScriptTarget.ES2022);
}

function scannerPart(cp: number): boolean {
  if (cp < 0x80) return scannerStart(cp) || (cp >= 48 && cp <= 57);
  return ID_CONTINUE.test(String.fromCodePoint(cp)) && ts.isIdentifierPart(cp, ts.ScriptTarget.ES2022);
}

/** The code points (at most `limit` of them, as hex) where `a` and `b` disagree. */
function disagreements(a: (cp: number) => boolean, b: (cp: number) => boolean, limit = 20): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff && out.length < limit; cp++) if (a(cp) !== b(cp)) out.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  return out;
}

function wellFormed(ranges: readonly number[]): boolean {
  if (ranges.length % 2 !== 0) return false;
  for (let i = 0; i < ranges.length; i += 2) {
    if (!(ranges[i]! <= ranges[i + 1]!)) return false;
    // Sorted, disjoint and not touching (the script merges adjacent code points into one range).
    if (i > 0 && !(ranges[i - 1]! + 1 < ranges[i]!)) return false;
  }
  return ranges[0]! >= 0 && ranges[ranges.length - 1]! <= 0x10ffff;
}

describe('identifier tables (src/model/identifier-tables.ts, written by scripts/identifier-tables.ts)', () => {
  it('are sorted, disjoint, inclusive ranges within 0..0x10FFFF', () => {
    expect(wellFormed(ID_START_RANGES)).toBe(true);
    expect(wellFormed(ID_PART_RANGES)).toBe(true);
  });

  it('start an identifier exactly where TypeScript ES2022 ∩ Unicode ID_Start does, for every code point', () => {
    expect(disagreements((cp) => inRanges(ID_START_RANGES, cp), scannerStart)).toEqual([]);
    expect(disagreements(isIdentifierStart, scannerStart)).toEqual([]);
  });

  it('continue an identifier exactly where TypeScript ES2022 ∩ Unicode ID_Continue does, for every code point', () => {
    expect(disagreements((cp) => inRanges(ID_PART_RANGES, cp), scannerPart)).toEqual([]);
    expect(disagreements(isIdentifierPart, scannerPart)).toEqual([]);
  });

  it('answer the examples the naming docs give', () => {
    for (const ch of ['a', 'Z', '_', '$', 'é', 'Ж', '中', '𝑥']) expect(isIdentifierStart(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['0', '-', ' ', '²', '½', '\u0897', '\u1acf']) expect(isIdentifierStart(ch.codePointAt(0)!), ch).toBe(false);
    for (const ch of ['0', '9', '\u0301']) expect(isIdentifierPart(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['-', '²', '½']) expect(isIdentifierPart(ch.codePointAt(0)!), ch).toBe(false);
    expect(inRanges(ID_START_RANGES, -1)).toBe(false);
    expect(inRanges(ID_START_RANGES, 0x110000)).toBe(false);
    expect(inRanges([], 0x41)).toBe(false);
  });
});
