/**
 * "Did you mean": the known names nearest to a name that matched none (a `--root`, a misspelt
 * scalar in a Type cell), by edit distance (fastest-levenshtein), ignoring case.
 *
 * @module
 */

import { distance } from 'fastest-levenshtein';

/**
 * The names nearest to `given`, closest first (ties in name order), at most `max`; only those
 * within about a quarter of its length in edits (one for a name of up to 4 characters, else at
 * least 2), so a suggestion is a likely typo,
 * not any name. Equal ignoring case counts as nearest.
 *
 * @returns [] when no name is near
 */
export function nearest(given: string, names: Iterable<string>, max = 3): string[] {
  const wanted = given.toLowerCase();
  // One edit in a short name, about one in four in a longer one.
  const limit = given.length <= 4 ? 1 : Math.max(2, Math.floor(given.length / 4));
  const scored = new Map<string, number>();
  for (const name of names) {
    if (name === given || scored.has(name)) continue;
    const d = distance(wanted, name.toLowerCase());
    if (d <= limit) scored.set(name, d);
  }
  return [...scored]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([name]) => name);
}

/** `Did you mean \`A\` or \`B\`? ` (to go before a hint) for {@link nearest}'s names, '' for none. */
export function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return '';
  const quoted = names.map((n) => `\`${n}\``);
  return `Did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`}? `;
}
