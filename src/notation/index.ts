/**
 * The notation registry: one grammar per SDK language.
 *
 * @module
 */

import { ruby } from './ruby.js';
import type { Notation } from './types.js';

export type { Notation, NotationResult, NotationType, NotationError } from './types.js';

/** Every notation docs2ts reads, by id. */
export const notations: Readonly<Record<string, Notation>> = { ruby };

/**
 * Look a notation up by id.
 *
 * @throws {Error} when no notation has that id (the message lists the known ids)
 */
export function getNotation(id: string): Notation {
  const notation = notations[id];
  if (!notation) throw new Error(`Unknown notation \`${id}\`; known: ${Object.keys(notations).join(', ')}`);
  return notation;
}
