/**
 * Notation detection: which grammar reads a doc tree's Type cells best.
 *
 * @module
 */

import { notations } from './index.js';
import type { Notation } from './types.js';

/**
 * Pick the notation that reads the most of the sampled Type cells; ties go to the earlier
 * notation in the registry (Ruby first). Transport and external-link cells count like any other.
 *
 * @param cells raw Type cells (a sample of the tree's, a few hundred is plenty)
 * @returns the notation and how many cells it read
 */
export function detectNotation(cells: readonly string[]): { notation: Notation; parsed: number } {
  let best: { notation: Notation; parsed: number } | null = null;
  for (const notation of Object.values(notations)) {
    let parsed = 0;
    for (const cell of cells) if (notation.parseType(cell).ok) parsed++;
    if (!best || parsed > best.parsed) best = { notation, parsed };
  }
  return best!;
}
