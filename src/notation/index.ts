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
import type { Notation } from './types.js';

export type { Notation, NotationResult, NotationType, NotationError, ParseOptions } from './types.js';

/** Every notation docs2ts reads, by id, in detection order (earlier wins ties). */
export const notations: Readonly<Record<string, Notation>> = { ruby, python, typescript, go, java, csharp, php };

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
