/**
 * The JSON Schema target: one JSON Schema (draft 2020-12) document per model, describing the JSON
 * form of its values exactly as the generated validators accept them, with `$ref`s between
 * documents by relative file name (`clip.schema.json`).
 *
 * Mapping: `string` → `type: string`; `number` → `type: number`; `integer` → `type: integer`;
 * `date` / `date-time` → strings with `format` (RFC 3339; in JSON whatever `dates` is); `unknown`
 * → `{}`; arrays → `items`; maps → `additionalProperties`; literals → `const`; unions → `anyOf`;
 * objects → `properties` / `required` (a required property is present and not null unless the
 * field is nullable), and `additionalProperties: false` in strict mode; enums → `enum`.
 *
 * @module
 */

import type { EnumModel, Field, Model, ObjectModel, TypeRef } from '../core/ir.js';
import { acceptsNull } from './model.js';
import { openEnumType, type ValidatorOptions } from './validators.js';

/** The dialect every document declares. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A JSON Schema object (plain JSON). */
export type JsonSchema = { [keyword: string]: unknown };

/** The schema document's file name of a model file name (`task.ts` → `task.schema.json`). */
export function schemaFileName(tsFile: string): string {
  return tsFile.replace(/\.ts$/, '.schema.json');
}

/**
 * The JSON Schema document of one model.
 *
 * @param model the model
 * @param fileOf the TypeScript output file name of a model id (`task.ts`); documents are named after it
 * @param comment the `$comment` (the banner's text)
 * @returns the document, with `$id` its own file name
 */
export function jsonSchemaDocument(
  model: Model,
  models: ReadonlyMap<string, Model>,
  fileOf: (id: string) => string,
  options: ValidatorOptions,
  comment: string,
): JsonSchema {
  const ref = (id: string): string => schemaFileName(fileOf(id));
  const doc: JsonSchema = { $schema: JSON_SCHEMA_DIALECT, $id: ref(model.id), $comment: comment, title: model.tsName };
  if (model.description !== null) doc.description = model.description;
  if (model.deprecated) doc.deprecated = true;
  const body =
    model.kind === 'object'
      ? objectSchema(model, ref, options)
      : model.kind === 'enum'
        ? enumSchema(model)
        : union(model.members.map((m) => typeSchema(m, ref)));
  return { ...doc, ...body };
}

/** The schema of a TypeRef; `ref` gives the document a model id lives in. */
export function typeSchema(type: TypeRef, ref: (id: string) => string): JsonSchema {
  switch (type.kind) {
    case 'primitive':
      switch (type.type) {
        case 'unknown':
          return {};
        case 'date':
        case 'date-time':
          return { type: 'string', format: type.type };
        default:
          return { type: type.type };
      }
    case 'literal':
      return type.value === null ? { type: 'null' } : { const: type.value };
    case 'ref':
      return { $ref: ref(type.model) };
    case 'array':
      return { type: 'array', items: typeSchema(type.items, ref) };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(type.values, ref) };
    case 'union':
      return union(type.members.map((m) => typeSchema(m, ref)));
  }
}

function union(members: JsonSchema[]): JsonSchema {
  if (members.length === 0) return { not: {} };
  if (members.length === 1) return members[0]!;
  // `{}` among the members: anything matches.
  if (members.some((m) => Object.keys(m).length === 0)) return {};
  return { anyOf: members };
}

function objectSchema(model: ObjectModel, ref: (id: string) => string, options: ValidatorOptions): JsonSchema {
  const schema: JsonSchema = { type: 'object' };
  if (model.fields.length > 0) {
    const properties: JsonSchema = {};
    for (const field of model.fields) {
      // ajv ignores a property named `__proto__` (and then calls the key additional): a pattern
      // matching only that key says the same in every validator.
      if (field.name === '__proto__') schema.patternProperties = { '^__proto__$': fieldSchema(field, ref, options) };
      else define(properties, field.name, fieldSchema(field, ref, options));
    }
    if (Object.keys(properties).length > 0) schema.properties = properties;
    const required = model.fields.filter((f) => f.required).map((f) => f.name);
    if (required.length > 0) schema.required = required;
  }
  if (model.additionalProperties) schema.additionalProperties = typeSchema(model.additionalProperties, ref);
  else if (options.additionalProperties === 'reject' && model.fields.length > 0) schema.additionalProperties = false;
  return schema;
}

function fieldSchema(field: Field, ref: (id: string) => string, options: ValidatorOptions): JsonSchema {
  let schema = typeSchema(field.type, ref);
  if (acceptsNull(field, options) && Object.keys(schema).length > 0) {
    const nullable = field.type.kind === 'union' ? (schema.anyOf as JsonSchema[] | undefined) : undefined;
    if (!nullable?.some((m) => m.type === 'null')) schema = union([schema, { type: 'null' }]);
  }
  const meta: JsonSchema = {};
  if (field.description !== null) meta.description = field.description;
  if (field.deprecated) meta.deprecated = true;
  // Keywords beside `$ref` are fine in 2020-12; an `anyOf` keeps its own key.
  return { ...meta, ...schema };
}

/**
 * An enum's schema: `{ enum: [...] }`; an open enum keeps its known values beside the type it is
 * open to, `{ anyOf: [{ enum: ["a", "b"] }, { type: "string" }] }` (`"number"` for an enum of
 * numbers), so that tools reading the schema still see them.
 */
function enumSchema(model: EnumModel): JsonSchema {
  const values = model.values.map((v) => v.value);
  const open = openEnumType(model);
  if (open) return values.length === 0 ? { type: open } : { anyOf: [{ enum: values }, { type: open }] };
  return values.length === 0 ? { not: {} } : { enum: values };
}

/** Set a key as an own property (a key `__proto__` included, which assignment would not create). */
function define(object: JsonSchema, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
