/**
 * The notation registry: one grammar per SDK language.
 *
 * @module
 */

import { csharp } from './csharp.js';
import { go } from './go.js';
import { java } from './java.js';
import { php } from './php.js';
import { python } from './python.js';
import { ruby } from './ruby.js';
import { typescript } from './typescript.js';
import type { NOTATION_IDS } from '../core/options.js';
import type { Notation } from './types.js';

export type { Notation, NotationResult, NotationType, NotationError, ParseOptions } from './types.js';

/** Every id of the settings table's `NOTATION_IDS`, with its notation (a missing or extra one does not type-check). */
const byId: Readonly<Record<(typeof NOTATION_IDS)[number], Notation>> = { ruby, python, typescript, go, java, csharp, php };

/** Every notation docs2ts reads, by id, in detection order (earlier wins ties). */
export const notations: Readonly<Record<string, Notation>> = byId;

/**
 * Look a notation up by id.
 *
 * @throws {Error} when no notation has that id (the message lists the known ids)
 */
export function getNotation(id: string): Notation {
  const notation = Object.hasOwn(notations, id) ? notations[id] : undefined;
  if (!notation) throw new Error(`Unknown notation \`${id}\`; known: ${Object.keys(notations).join(', ')}`);
  return notation;
}
