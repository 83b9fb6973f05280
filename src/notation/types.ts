/**
 * What a notation grammar turns a Type cell into: a {@link NotationType} tree, which the model
 * stage normalizes into the IR's `TypeRef` (resolving links, lifting the outer `nullable`).
 *
 * @module
 */

import type { LiteralValue, PrimitiveType } from '../core/ir.js';

/**
 * A parsed Type cell.
 * - `primitive`: a scalar (see the IR's PrimitiveType). Decimals and big integers documented as
 *   numbers read as `number` / `integer`.
 * - `ref`: a model named in the cell. `target` is the enclosing link's target as written (relative
 *   to the doc), or null for an unlinked name (`*models.Foo*`), which the model stage resolves by
 *   name; `offset` is where the name starts in the cell's raw text.
 * - `array`, `map` (string keys), `union` (at least one member matches), `literal` (a JSON value).
 * - `nullable`: a language wrapper around `inner`. `strength: 'optional'` is a marker that on an
 *   optional field only says "may be absent" and on a required field means "may be null" (Sorbet
 *   `T.nilable`, Python `Optional`, Go pointers, Java `Optional`, PHP `?X`); `'nullable'` always
 *   means "may be null" (Python `OptionalNullable`, Java `JsonNullable`).
 * - `binary`: raw bytes (`bytes`, `Uint8Array`, `[]byte`, `byte[]`): a string on the JSON wire.
 * - `transport`: an HTTP transport object (`Faraday::Response`): not wire data.
 */
export type NotationType =
  | { kind: 'primitive'; type: PrimitiveType }
  | { kind: 'ref'; name: string; target: string | null; offset: number }
  | { kind: 'array'; items: NotationType }
  | { kind: 'map'; values: NotationType }
  | { kind: 'nullable'; inner: NotationType; strength: 'optional' | 'nullable' }
  | { kind: 'union'; members: NotationType[] }
  | { kind: 'literal'; value: LiteralValue }
  | { kind: 'binary'; name: string }
  | { kind: 'transport'; name: string };

/** Why a cell could not be read: a message and the 0-based offset in the cell's raw text. */
export interface NotationError {
  message: string;
  offset: number;
}

/** The result of reading one Type cell. */
export type NotationResult = { ok: true; type: NotationType } | { ok: false; error: NotationError };

/** Options of {@link Notation.parseType}. */
export interface ParseOptions {
  bareNames?: boolean;
}

/**
 * A `## Supported Types` member as the docs write it, for {@link Notation.readUnionMember}.
 */
export interface UnionMemberSource {
  /** The `###` heading's text ('' when empty); never a backticked type (those are Type cells). */
  heading: string;
  /** The text of the section's first code fence, or null. */
  fence: string | null;
}

/** A Type-cell grammar for one SDK language. */
export interface Notation {
  /** Short id used by `--notation`, such as `ruby`. */
  id: string;
  /** Human name, such as `Ruby (Sorbet)`. */
  label: string;
  /** The scalar names the notation reads (`String`, `T::Boolean`), to suggest the nearest to a misspelt one. */
  scalars: readonly string[];
  /**
   * Read one Type cell.
   *
   * @param raw the cell's raw Markdown source, trimmed, `\|` already read as `|`
   * @param options `bareNames`: read an unlinked model name as a `ref` with a null target (union
   *   member headings such as `` `T::Array<Shared::JsonValue>` `` name models without links)
   */
  parseType(raw: string, options?: ParseOptions): NotationResult;
  /**
   * Optional: read a `## Supported Types` member written in a form only this notation uses (C#: a
   * variant-name heading, `### ArrayOfStr`, over a fence `X.CreateArrayOfStr(/* values here *\/);`).
   * Model names come back as refs with a null target, which the model stage resolves by heading.
   *
   * @returns the member's type or why it cannot be read; null when the member is not in this
   *   notation's own form (the model stage then reads the heading as a model name, or the fence)
   */
  readUnionMember?(member: UnionMemberSource): NotationResult | null;
}
