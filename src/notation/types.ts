/**
 * What a notation grammar turns a Type cell into: a {@link NotationType} tree, which the model
 * stage normalizes into the IR's `TypeRef` (resolving links, lifting the outer `nullable`).
 *
 * @module
 */

import type { LiteralValue, PrimitiveType } from '../model/ir.js';

/**
 * A parsed Type cell.
 * - `ref`: a model named in the cell; `target` is the link's target as written (relative to the
 *   doc), `offset` where the name starts in the cell's raw text.
 * - `nullable`: the notation's nilable / optional wrapper around `inner`.
 * - `transport`: an HTTP transport object (`Faraday::Response`): not wire data.
 */
export type NotationType =
  | { kind: 'primitive'; type: PrimitiveType }
  | { kind: 'ref'; name: string; target: string; offset: number }
  | { kind: 'array'; items: NotationType }
  | { kind: 'map'; values: NotationType }
  | { kind: 'nullable'; inner: NotationType }
  | { kind: 'union'; members: NotationType[] }
  | { kind: 'literal'; value: LiteralValue }
  | { kind: 'transport'; name: string };

/** Why a cell could not be read: a message and the 0-based offset in the cell's raw text. */
export interface NotationError {
  message: string;
  offset: number;
}

/** The result of reading one Type cell. */
export type NotationResult = { ok: true; type: NotationType } | { ok: false; error: NotationError };

/** A Type-cell grammar for one SDK language. */
export interface Notation {
  /** Short id used by `--notation`, such as `ruby`. */
  id: string;
  /** Human name, such as `Ruby (Sorbet)`. */
  label: string;
  /**
   * Read one Type cell.
   *
   * @param raw the cell's raw Markdown source, trimmed, `\|` already read as `|`
   */
  parseType(raw: string): NotationResult;
}
