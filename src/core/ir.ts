/**
 * The intermediate representation (IR): plain JSON-serializable data, the only thing the emit
 * stage reads. `docs2ts ir` prints it as `{ version, models, diagnostics }`.
 *
 * @module
 */

import type { Diagnostic } from './diagnostics.js';

/** Version of the IR's shape; bumped whenever a field changes meaning or is removed. */
export const IR_VERSION = 1;

/** A primitive type. `date` is RFC 3339 `full-date`, `date-time` is RFC 3339 `date-time`; both are strings on the wire. */
export type PrimitiveType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time' | 'unknown';

/** A JSON literal. */
export type LiteralValue = string | number | boolean | null;

/**
 * A type, as a tree.
 * - `primitive`: one of {@link PrimitiveType}; `unknown` accepts any value.
 * - `ref`: a model, by its {@link Model.id}.
 * - `array`: a JSON array, every item of type `items`.
 * - `map`: a JSON object with string keys, every value of type `values`.
 * - `literal`: exactly this JSON value.
 * - `union`: any one of `members` (TypeScript semantics: at least one matches).
 */
export type TypeRef =
  | { kind: 'primitive'; type: PrimitiveType }
  | { kind: 'ref'; model: string }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'map'; values: TypeRef }
  | { kind: 'literal'; value: LiteralValue }
  | { kind: 'union'; members: TypeRef[] };

/** Fields every model kind has. */
export interface ModelBase {
  /** Unique id: the doc's path relative to the input folder (POSIX), e.g. `shared/task.md`. */
  id: string;
  /** The name as the doc's heading gives it. */
  name: string;
  /** The TypeScript identifier: unique, valid, never a TS/JS global or a runtime export, stable across runs. */
  tsName: string;
  /** The doc's path relative to the input folder (POSIX). */
  file: string;
  /** 1-based line of the heading. */
  line: number;
  /** Description paragraphs (Markdown), or null. */
  description: string | null;
  deprecated: boolean;
}

/** A field of an object model. */
export interface Field {
  /** The property key exactly as on the wire (any string). */
  name: string;
  type: TypeRef;
  /** False when the property may be absent. */
  required: boolean;
  /** True when the property's value may be `null`. */
  nullable: boolean;
  description: string | null;
  /** The documented example, verbatim (Markdown cell text), or null. */
  example: string | null;
  deprecated: boolean;
  line: number;
  column: number;
}

/** An object: a JSON object with the listed fields; other keys are allowed. No fields: any plain object. */
export interface ObjectModel extends ModelBase {
  kind: 'object';
  fields: Field[];
  /**
   * The type of every key not listed in `fields` (from an `additionalProperties` pseudo-field such
   * as `additional_properties`), or null: other keys are allowed with any value.
   */
  additionalProperties: TypeRef | null;
}

/** One value of an enum. */
export interface EnumValue {
  /** The Name column's text. */
  name: string;
  /** A valid, unique TypeScript enum member name derived from `name`. */
  memberName: string;
  value: string | number | boolean;
  line: number;
  column: number;
}

/** An enum: exactly one of the listed values. */
export interface EnumModel extends ModelBase {
  kind: 'enum';
  /** The JSON type every value has (`mixed` when the doc's literals differ in type). */
  valueType: 'string' | 'number' | 'boolean' | 'mixed';
  values: EnumValue[];
  /** An open enum: any other value of its type is accepted beside the known values: numbers for a `number` enum (`Unrecognized<number>`), strings otherwise (`Unrecognized<string>`). */
  open: boolean;
}

/** A union: a value matching at least one member. */
export interface UnionModel extends ModelBase {
  kind: 'union';
  members: TypeRef[];
}

export type Model = ObjectModel | EnumModel | UnionModel;

/** The whole IR, as `docs2ts ir` prints it. Models are sorted by id. */
export interface IR {
  version: number;
  /** Ids of the models the run was rooted at (empty: every model in the input). */
  roots: string[];
  models: Model[];
  diagnostics: Diagnostic[];
}
