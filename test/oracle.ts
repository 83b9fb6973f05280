/**
 * Oracle conformance: compare the IR docs2ts builds from a shared tree with the OpenAPI document
 * the docs were generated from (the tree's `oracle-*` files, see `../shared/NOTATION.md` and the
 * corpus-wild README). Trees are found by layout ({@link oracleTrees}: every folder of `corpus/`
 * and `corpus-wild/` holding an `oracle-*` file; the models folder as `scripts/corpus-trees.ts`
 * finds it); the notation is the one docs2ts detects. Each IR is built once (`allowBrokenLinks`).
 *
 * The comparison is deliberately about what the docs *can* say. Per oracle property of a
 * documented schema (schema ↔ doc by normalised name, or the schema's `x-speakeasy-name-override`),
 * seven aspects ({@link ASPECTS}: presence, required, kind, items, enum values, unions, dates) each
 * get a verdict ({@link Verdict}):
 * - `agree`;
 * - `disagree`: docs2ts misreads the doc (or the comparison is wrong: fix it here);
 * - `explained`: a limitation NOTATION.md names (listed below), guarded so a misreading does not pass for it;
 * - `stated`: the doc itself says something other than the oracle (a row it lacks, a Required
 *   cell, a Type cell, an enum's values, a union's members, a link to a doc that does not exist),
 *   and docs2ts reads it as it is. This file reads the raw cell on its own ({@link readCell}) to
 *   tell: a difference docs2ts makes by misreading stays a disagreement.
 * Agreement per aspect = agree / (agree + disagree).
 *
 * Field names: the doc's SDK names map to wire names with the `propertyCase` (preserve / camel /
 * snake) that maps the most names of the tree exactly ({@link choosePropertyCase}); a field found
 * only up to case and `_` is `explained` for presence (NOTATION.md §3: wire names are not said).
 *
 * Explained (see {@link compareKinds} and {@link conformance}):
 * - integer vs number in TypeScript docs (§3);
 * - date vs date-time in PHP docs, `\DateTime` being both (§2);
 * - an enum or const documented as its base type, the Type cell linking to no model doc (§3);
 *   a const documented as the enum it narrows (§3);
 * - a string-encoded number (`format: bigint | decimal`) documented as the SDK number type (§2 scalars);
 * - a Type cell that is the notation's any type (`Object`, `Any`, `any`, `interface{}`, `object`, `mixed`; §2);
 * - an object with additionalProperties documented as its map alone (§3);
 * - a required property with a `default` documented as optional (§3, defaults);
 * - a readOnly / writeOnly property absent from the doc of the other direction (NOTATION.md corpus table);
 * - a wire name no propertyCase gives (§3, wire names);
 * - tree against tree only: a transport-typed row left out, a response wrapper without a result (§2).
 * Never compared (§3): nullability and enum value types; differences are kept as notes.
 * Normalisations, on both sides: `null` union members are dropped and a one-member union is its
 * member; annotation-only allOf members (`{ description }`, `{ nullable: true }`) are dropped; a
 * free-form object (no properties) equals `map<unknown>`.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildModel } from '../src/model/build.js';
import type { Field, IR, Model, TypeRef } from '../src/core/ir.js';
import { caseName } from '../src/model/overrides.js';
import { notations } from '../src/notation/index.js';
import { folderDocSource } from '../src/parse/files.js';
import { corpusTrees } from '../scripts/corpus-trees.js';

// ----- trees --------------------------------------------------------------------------------

/** The SDK language a tree's docs are written in: a notation id of `src/notation` (decides which NOTATION.md limitations apply). */
export type Language = 'ruby' | 'python' | 'typescript' | 'go' | 'java' | 'csharp' | 'php';

/** A shared tree with an oracle, found by its layout alone (see {@link oracleTrees}). */
export interface OracleTree {
  /** Folder name under `corpus/` or `corpus-wild/`. */
  name: string;
  /** `corpus` or `corpus-wild`. */
  group: string;
  /** The tree's folder (absolute). */
  dir: string;
  /** The models folder (absolute), found as `scripts/corpus-trees.ts` `findModelsFolder` finds it. */
  models: string;
  /** Oracle files (`oracle-*`), relative to `dir`, sorted. */
  oracles: string[];
}

/**
 * Every tree of `<shared>/corpus` and `<shared>/corpus-wild` that holds an `oracle-*` document
 * (the corpus-wild README's `oracle` column: exact / yes), with its models folder. No tree is
 * named: a new tree with an oracle is compared as soon as it lands. [] when `shared` is absent.
 *
 * @param shared the `../shared` folder (absolute)
 */
export function oracleTrees(shared: string): OracleTree[] {
  const out: OracleTree[] = [];
  for (const t of corpusTrees(shared)) {
    const dir = path.join(shared, t.group, t.name);
    const oracles = fs
      .readdirSync(dir)
      .filter((f) => /^oracle-.+\.(?:ya?ml|json)$/i.test(f))
      .sort();
    if (oracles.length > 0) out.push({ name: t.name, group: t.group, dir, models: t.models, oracles });
  }
  return out;
}

const irCache = new Map<string, IR>();

/**
 * The IR of a tree's models folder (every model, broken links tolerated, notation detected,
 * field names as documented: `propertyCase` is applied by the comparison, see
 * {@link choosePropertyCase}), built once per process and cached.
 */
export function treeIr(tree: OracleTree): IR {
  let ir = irCache.get(tree.models);
  if (!ir) {
    ir = buildModel(folderDocSource(tree.models), { roots: [], allowBrokenLinks: true });
    irCache.set(tree.models, ir);
  }
  return ir;
}

/**
 * The notation docs2ts detected for an IR (its `notation-detected` diagnostic), as a language.
 *
 * @throws {Error} when the IR carries no such diagnostic (a notation was forced)
 */
export function languageOf(ir: IR): Language {
  const message = ir.diagnostics.find((d) => d.ruleId === 'notation-detected')?.message ?? '';
  const hit = Object.entries(notations).find(([, n]) => message.startsWith(`Type cells read as ${n.label} (`));
  if (!hit) throw new Error(`no notation-detected diagnostic in the IR (${message || 'none'})`);
  return hit[0] as Language;
}

// ----- the oracle ---------------------------------------------------------------------------

/** An OpenAPI schema object, as parsed YAML (only the keys read here are typed). */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  /** The SDK's name for the schema (Speakeasy). */
  'x-speakeasy-name-override'?: string;
}

/** A schema together with the oracle file it sits in (relative `$ref`s resolve against it). */
interface Located {
  schema: Schema;
  file: string;
}

/** A named component schema: `components.schemas.<name>` of one oracle file. */
export interface NamedSchema {
  name: string;
  file: string;
  schema: Schema;
}

/**
 * The oracle of a tree: its OpenAPI files, parsed, with `$ref` resolution across them
 * (`#/components/schemas/X` in the same file, `components.yaml#/components/schemas/X` in the
 * file stored as `oracle-components.yaml`).
 */
export class Oracle {
  private readonly docs = new Map<string, unknown>();

  /** @param dir the tree's folder; @param files its oracle files, main document first */
  constructor(
    dir: string,
    readonly files: readonly string[],
  ) {
    for (const file of files) this.docs.set(file, parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown);
  }

  /** Named component schemas that are objects with properties, in file order. */
  objectSchemas(): NamedSchema[] {
    const out: NamedSchema[] = [];
    for (const file of this.files) {
      const schemas = (this.docs.get(file) as { components?: { schemas?: Record<string, Schema> } }).components?.schemas ?? {};
      for (const [name, schema] of Object.entries(schemas)) {
        if (schema && typeof schema === 'object' && schema.properties && Object.keys(schema.properties).length > 0) out.push({ name, file, schema });
      }
    }
    return out;
  }

  /** Follow `$ref`s until a schema without one (a cycle of bare refs throws). */
  deref(at: Located): Located {
    const seen = new Set<string>();
    let cur = at;
    while (cur.schema.$ref !== undefined) {
      const ref = cur.schema.$ref;
      const hash = ref.indexOf('#');
      const target = hash <= 0 ? cur.file : `oracle-${path.posix.basename(ref.slice(0, hash))}`;
      const key = `${target}${ref.slice(hash)}`;
      if (seen.has(key)) throw new Error(`$ref cycle at ${key}`);
      seen.add(key);
      let node = this.docs.get(target);
      if (node === undefined) throw new Error(`$ref ${ref} (in ${cur.file}) names no oracle file`);
      for (const part of ref
        .slice(hash + 1)
        .split('/')
        .filter(Boolean)) {
        node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      if (node === undefined || node === null || typeof node !== 'object') throw new Error(`$ref ${ref} (in ${cur.file}) does not resolve`);
      cur = { schema: node, file: target };
    }
    return cur;
  }

  /**
   * The schema a property's type comes down to: `$ref`s followed; an `allOf` / `oneOf` / `anyOf`
   * that keeps one member once annotation-only members (`{ description }`, `{ example }`,
   * `{ nullable: true }`) and `null` members are dropped is that member. `nullable` says whether a
   * dropped member, or the schema itself, allows null; `onlyNull` marks `type: 'null'` alone.
   */
  effective(at: Located, depth = 0): { at: Located; nullable: boolean; onlyNull: boolean } {
    const cur = this.deref(at);
    const { schema } = cur;
    const types = typeList(schema);
    let nullable = schema.nullable === true || types.includes('null');
    if (types.length > 0 && types.every((t) => t === 'null')) return { at: cur, nullable: true, onlyNull: true };
    if (depth > 50) return { at: cur, nullable, onlyNull: false };
    const combined = schema.oneOf ?? schema.anyOf ?? schema.allOf;
    if (!combined || schema.properties || schema.const !== undefined || Array.isArray(schema.enum)) return { at: cur, nullable, onlyNull: false };
    const kept: Located[] = [];
    for (const member of combined) {
      const m = this.effective({ schema: member, file: cur.file }, depth + 1);
      // In an allOf, a member without type keys only annotates; in a oneOf / anyOf it accepts any
      // value (OpenAPI 3.0: `{ nullable: true }` has no type), and SDK docs list it as `any`.
      if (m.onlyNull || (isAnnotationOnly(m.at.schema) && !!schema.allOf)) {
        if (m.onlyNull || m.nullable) nullable = true;
        continue;
      }
      if (m.nullable) nullable = true;
      kept.push(m.at);
    }
    if (kept.length === 1) return { at: kept[0]!, nullable, onlyNull: false };
    if (kept.length === 0) return { at: { schema: {}, file: cur.file }, nullable, onlyNull: nullable };
    return { at: cur, nullable, onlyNull: false };
  }

  /**
   * The members of a union schema (its effective `oneOf` / `anyOf`, or an `allOf` with a union
   * member), without `null` members (an annotation-only member of an allOf is dropped, one of a
   * oneOf / anyOf is an any-value member); [] for a schema that is not a union.
   */
  members(at: Located): Located[] {
    const { at: cur } = this.effective(at);
    const alternatives = cur.schema.oneOf ?? cur.schema.anyOf;
    const pick = (list: Schema[], all: boolean): Located[] =>
      list
        .map((m) => this.effective({ schema: m, file: cur.file }))
        .filter((m) => !m.onlyNull && !(all && isAnnotationOnly(m.at.schema)))
        .map((m) => m.at);
    if (alternatives) {
      // An object whose `anyOf` members only add `required` lists (`anyOf: [{ required: [domain] },
      // { required: [domains] }]`, ruby-clerk's SAMLConnection) is a union of that object under each
      // list: SDKs generate one class per member (`SAMLConnection1`, `SAMLConnection2`).
      const { oneOf: _oneOf, anyOf: _anyOf, ...parent } = cur.schema;
      const constraintOnly = (m: Schema): boolean => TYPE_KEYS.every((k) => k === 'required' || (m as Record<string, unknown>)[k] === undefined);
      const list = parent.properties
        ? alternatives.map((m) => (constraintOnly(m) ? { ...parent, ...m, required: [...(parent.required ?? []), ...(m.required ?? [])] } : m))
        : alternatives;
      return pick(list, false);
    }
    // `type: [string, integer]`: one member per type.
    const types = typeList(cur.schema).filter((t) => t !== 'null');
    if (types.length > 1) return types.map((type) => ({ schema: { ...cur.schema, type }, file: cur.file }));
    if (cur.schema.allOf) {
      for (const member of pick(cur.schema.allOf, true)) {
        const inner = this.members(member);
        if (inner.length > 1) return inner;
      }
    }
    return [];
  }

  /** The items schema of an array schema, or the values schema of a map (an object without properties); null otherwise. */
  child(at: Located): Located | null {
    const { at: cur } = this.effective(at);
    const { schema, file } = cur;
    if (schema.enum !== undefined || schema.const !== undefined) return null;
    const type = typeList(schema).filter((t) => t !== 'null')[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
    if (type === 'array') return { schema: schema.items ?? {}, file };
    if (type === 'object' && !(schema.properties && Object.keys(schema.properties).length > 0)) {
      return { schema: typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {}, file };
    }
    return null;
  }

  /** The type kind of a schema (see {@link Kind}), following `$ref`s. */
  kind(at: Located, depth = 0): OracleType {
    const eff = this.effective(at);
    const { schema, file } = eff.at;
    const sub = (s: Schema): OracleType => this.kind({ schema: s, file }, depth + 1);
    const nullable = eff.nullable;
    if (eff.onlyNull) return { kind: { k: 'unknown' }, nullable: true, onlyNull: true };
    const withNull = (t: OracleType): OracleType => (nullable ? { ...t, nullable: true } : t);
    if (depth > 50) return { kind: { k: 'unknown' }, nullable };

    // A const is a one-value enum. Both keep the kind of the schema without the values (`base`):
    // NOTATION.md §3 says enum value types and consts are mostly not said, and the comparison may
    // set "enum documented as its base type" aside.
    if (schema.const !== undefined || Array.isArray(schema.enum)) {
      const { const: constValue, enum: enumValues, ...rest } = schema;
      const base = this.kind({ schema: rest, file }, depth + 1);
      const values = constValue !== undefined ? [constValue] : (enumValues ?? []).filter((v) => v !== null);
      const hasNull = constValue === null || (enumValues ?? []).includes(null);
      return {
        kind: { k: 'enum' },
        nullable: nullable || hasNull,
        enumValues: values,
        isConst: constValue !== undefined || values.length === 1,
        base: base.kind,
      };
    }

    // oneOf / anyOf of several members (one member left is that member, see `effective`:
    // NOTATION.md §3 says nullability is mostly lost, so `null` members are never compared).
    if (schema.oneOf ?? schema.anyOf) return { kind: { k: 'union' }, nullable };
    // allOf of several members: a union when one member is (`allOf: [X, anyOf: [X, Y]]`, which
    // SDKs generate as the union), else one merged object.
    if (schema.allOf) return withNull({ kind: { k: this.members(eff.at).length > 1 ? 'union' : 'object' }, nullable });

    const types = typeList(schema).filter((t) => t !== 'null');
    if (types.length > 1) return { kind: { k: 'union' }, nullable };
    const type = types[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
    const additional = typeof schema.additionalProperties === 'object' ? sub(schema.additionalProperties).kind : undefined;
    switch (type) {
      case 'object':
        if (schema.properties && Object.keys(schema.properties).length > 0)
          return withNull({ kind: additional ? { k: 'object', additional } : { k: 'object' }, nullable });
        // No properties: a map of the additionalProperties type (absent or `true`: any value).
        return withNull({ kind: { k: 'map', values: additional ?? { k: 'unknown' } }, nullable });
      case 'array':
        return withNull({ kind: { k: 'array', items: schema.items ? sub(schema.items).kind : { k: 'unknown' } }, nullable });
      case 'string':
        if (schema.format === 'date-time') return withNull({ kind: { k: 'date-time' }, nullable });
        if (schema.format === 'date') return withNull({ kind: { k: 'date' }, nullable });
        return withNull({ kind: schema.format ? { k: 'string', format: schema.format } : { k: 'string' }, nullable });
      case 'integer':
      case 'number':
      case 'boolean':
        return withNull({ kind: schema.format ? { k: type, format: schema.format } : { k: type }, nullable });
      default:
        return withNull({ kind: { k: 'unknown' }, nullable });
    }
  }
}

/** Keys that say something about a value's type (everything else is an annotation: description, example, nullable, x-…). */
const TYPE_KEYS = ['$ref', 'type', 'format', 'properties', 'additionalProperties', 'items', 'enum', 'const', 'oneOf', 'anyOf', 'allOf', 'required'] as const;

/** True for a schema that only annotates (`{ description }`, `{ example }`, `{ nullable: true }`): an allOf / anyOf member that adds no type. */
function isAnnotationOnly(schema: Schema): boolean {
  return TYPE_KEYS.every((k) => (schema as Record<string, unknown>)[k] === undefined);
}

function typeList(schema: Schema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type)];
}

// ----- kinds --------------------------------------------------------------------------------

/**
 * A type kind: what the comparison looks at. Scalars by primitive type (the oracle's keep their
 * `format`, which the comparison ignores except where a rule below reads it); models by their
 * kind (`enum` for enums and literals, `union`, `object`); arrays and maps with the kind of their
 * items / values.
 */
export type Kind =
  | { k: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time' | 'unknown' | 'enum' | 'union'; format?: string }
  /** `empty`: an IR object model without fields (a free-form object); `additional`: the additionalProperties type. */
  | { k: 'object'; empty?: boolean; additional?: Kind }
  | { k: 'array'; items: Kind }
  | { k: 'map'; values: Kind };

/** The oracle's view of a property's type. */
export interface OracleType {
  kind: Kind;
  nullable: boolean;
  /** Enum values (without null) when the kind is `enum`. */
  enumValues?: unknown[];
  /** A `const`, or an enum of one value. */
  isConst?: boolean;
  /** For enums and consts: the kind of the schema without its values (`type: integer, enum: [1, 2]` → integer). */
  base?: Kind;
  /** `type: 'null'` and nothing else. */
  onlyNull?: boolean;
}

/** Render a kind: `string`, `string(bigint)`, `array<enum>`, `map<unknown>`, `object{}` (free-form), `object+map<string>`. */
export function showKind(kind: Kind): string {
  switch (kind.k) {
    case 'array':
      return `array<${showKind(kind.items)}>`;
    case 'map':
      return `map<${showKind(kind.values)}>`;
    case 'object':
      return kind.empty ? 'object{}' : kind.additional ? `object+map<${showKind(kind.additional)}>` : 'object';
    default:
      return kind.format ? `${kind.k}(${kind.format})` : kind.k;
  }
}

/**
 * The kind of an IR type. A ref is the kind of the model it names; a union (inline or model)
 * without its `null` literal members and with one member left is that member; a literal is
 * like an enum.
 */
export function irKind(ir: IR, type: TypeRef, byId = modelIndex(ir), seen: ReadonlySet<string> = new Set()): Kind {
  switch (type.kind) {
    case 'primitive':
      return { k: type.type };
    case 'literal':
      return type.value === null ? { k: 'unknown' } : { k: 'enum' };
    case 'array':
      return { k: 'array', items: irKind(ir, type.items, byId, seen) };
    case 'map':
      return { k: 'map', values: irKind(ir, type.values, byId, seen) };
    case 'union':
      return unionKind(ir, type.members, byId, seen);
    case 'ref': {
      const model = byId.get(type.model);
      if (!model) return { k: 'unknown' };
      if (seen.has(model.id)) return { k: model.kind === 'object' ? 'object' : model.kind };
      const next = new Set(seen).add(model.id);
      if (model.kind === 'enum') return { k: 'enum' };
      if (model.kind === 'union') return unionKind(ir, model.members, byId, next);
      const additional = model.additionalProperties ? irKind(ir, model.additionalProperties, byId, next) : undefined;
      if (model.fields.length === 0) return additional ? { k: 'map', values: additional } : { k: 'object', empty: true };
      return additional ? { k: 'object', additional } : { k: 'object' };
    }
  }
}

function unionKind(ir: IR, members: TypeRef[], byId: Map<string, Model>, seen: ReadonlySet<string>): Kind {
  const nonNull = members.filter((m) => !(m.kind === 'literal' && m.value === null));
  return nonNull.length === 1 ? irKind(ir, nonNull[0]!, byId, seen) : { k: 'union' };
}

const indexes = new WeakMap<IR, Map<string, Model>>();

/** Models by id (cached per IR). */
export function modelIndex(ir: IR): Map<string, Model> {
  let index = indexes.get(ir);
  if (!index) {
    index = new Map(ir.models.map((m) => [m.id, m]));
    indexes.set(ir, index);
  }
  return index;
}

/** True when an IR type says the value may be null (a `null` literal union member). */
function irTypeNullable(type: TypeRef, byId: Map<string, Model>): boolean {
  if (type.kind === 'union') return type.members.some((m) => m.kind === 'literal' && m.value === null);
  if (type.kind === 'ref') {
    const model = byId.get(type.model);
    return model?.kind === 'union' && model.members.some((m) => m.kind === 'literal' && m.value === null);
  }
  return false;
}

// ----- the limitations ------------------------------------------------------------------------

/** What a notation cannot say about types (NOTATION.md §2 table, §3). */
export interface Limits {
  /** Only `number`: integer and float are one type (NOTATION.md §3, "integer vs float in TypeScript docs"). */
  numberOnly: boolean;
  /** One type for date and date-time (NOTATION.md §2, PHP row: "`\DateTime` (both date and date-time)"). */
  oneDateType: boolean;
}

/** The limits of a language's notation. */
export function limitsOf(language: Language): Limits {
  return { numberOnly: language === 'typescript', oneDateType: language === 'php' };
}

/** The result of comparing two kinds. */
export type KindVerdict = { verdict: 'agree' } | { verdict: 'explained'; reason: string } | { verdict: 'disagree' };

/** What is known beside the two kinds. */
export interface Evidence {
  /** The oracle's type (enum/const base kinds). */
  oracle?: OracleType;
  /** The raw Type cell of the actual side. */
  cell?: string;
  /** Whether that cell links to a model doc. */
  linksToModel?: boolean;
  /** Some tree's Type cell for this field names an arbitrary-precision SDK number type (cross-tree). */
  bigNumber?: boolean;
}

/** The any-type spellings of NOTATION.md §2 (scalars column): a cell with one of these says nothing about the type. */
const ANY_TYPES = new Set(['Object', 'Any', 'any', 'interface{}', 'object', 'mixed']);
/** An any-type spelling inside a generic cell (`T::Hash[Symbol, Object]`, `Dict[str, Any]`), not a qualified model name. */
const ANY_INSIDE = /(?:^|[^\w.:\\])(?:Object|Any|any|object|mixed|interface\{\})(?![\w.])/;
/**
 * Arbitrary-precision SDK number types of NOTATION.md §2's scalars (`Decimal`, `BigInteger`,
 * `decimal`, `*big.Int`, `*decimal.Big`; Java's `BigInteger` / `BigDecimal` alike).
 */
const BIG_NUMBER = /(?:^|[^\w])(?:big\.Int|decimal\.Big|BigInteger|BigDecimal|Decimal|decimal)(?![\w])/;

/**
 * True when a raw Type cell is the notation's any type, possibly inside an optional / nullable
 * marker of NOTATION.md §2 (`T.nilable(Object)`, `Optional[Any]`, `Optional<Object>`, `?mixed`, a Go pointer).
 */
export function isAnyCell(cell: string): boolean {
  let text = cell.trim().replace(/^\*+|\*+$/g, '');
  for (;;) {
    const inner = /^(?:T\.nilable\((.*)\)|Optional(?:Nullable)?\[(.*)\]|(?:Optional|JsonNullable)<(.*)>|[?*](.*)|::(.*))$/.exec(text);
    if (!inner) break;
    text = (inner.slice(1).find((g) => g !== undefined) ?? '').trim();
  }
  return ANY_TYPES.has(text);
}

/** True when a raw Type cell names an arbitrary-precision SDK number type (see {@link BIG_NUMBER}). */
export function isBigNumberCell(cell: string): boolean {
  return BIG_NUMBER.test(cell.replace(/\]\([^)]*\)/g, ']'));
}

/**
 * Compare an expected kind (the oracle's) with an actual one (the IR's).
 *
 * @param expected the oracle's kind (or, with `symmetric`, one tree's)
 * @param actual the IR's kind
 * @param limits what the actual tree's notation cannot say (with `symmetric`, either tree's)
 * @param evidence what else is known (see {@link Evidence})
 * @param symmetric apply the number, date and big-number rules in both directions (tree against tree)
 */
export function compareKinds(expected: Kind, actual: Kind, limits: Limits, evidence: Evidence = {}, symmetric = false): KindVerdict {
  if (sameKind(expected, actual)) return { verdict: 'agree' };
  const e = expected.k;
  const a = actual.k;
  const explained = (reason: string): KindVerdict => ({ verdict: 'explained', reason });
  // NOTATION.md §3: "integer vs float in TypeScript docs (`number`)".
  if (limits.numberOnly && ((e === 'integer' && a === 'number') || (symmetric && e === 'number' && a === 'integer'))) {
    return explained('integer vs number: the notation has only `number` (NOTATION.md §3)');
  }
  // NOTATION.md §2, PHP row: `\DateTime` stands for both date and date-time.
  if (limits.oneDateType && ((e === 'date' && a === 'date-time') || (symmetric && e === 'date-time' && a === 'date'))) {
    return explained('date vs date-time: `\\DateTime` is both (NOTATION.md §2, PHP)');
  }
  // NOTATION.md §3: consts and enum value types are not said (consts only in prose or 2026
  // TypeScript literals). An enum or const whose Type cell is its base type (`*Float*` for
  // `type: number, enum: [1.5, 2.5]`, `*string*` for `const: "const"`) is that limitation, as long
  // as the cell links to no model doc (an enum doc read as a primitive would be a docs2ts bug).
  if (e === 'enum' && a !== 'enum' && evidence.oracle?.base && evidence.linksToModel === false) {
    const inner = compareKinds(evidence.oracle.base, actual, limits, { cell: evidence.cell, linksToModel: false }, symmetric);
    if (inner.verdict !== 'disagree') {
      const what = evidence.oracle.isConst ? 'const' : 'enum';
      return explained(
        `${what} documented as its base type ${showKind(evidence.oracle.base)} (NOTATION.md §3: consts and enum values are not said)${inner.verdict === 'explained' ? `; ${inner.reason}` : ''}`,
      );
    }
  }
  // NOTATION.md §2 lists SDK number types (`Decimal`, `BigInteger`, `decimal`, `*big.Int`,
  // `*decimal.Big`) as scalars: the docs give the SDK's in-memory type, never the wire encoding,
  // so a string-encoded number (`format: bigint | decimal`) documented as a number is what the doc
  // says. Without an oracle (tree against tree), the evidence is another tree's big-number cell.
  // Guard: a cell that spells a string type read as a number would be docs2ts's doing.
  const stringEncoded = (k: Kind): boolean => k.k === 'string' && (k.format === 'bigint' || k.format === 'decimal' || evidence.bigNumber === true);
  const numeric = (k: Kind): boolean => k.k === 'integer' || k.k === 'number';
  const cellSaysString = evidence.cell !== undefined && /(?:^|[^\w])(?:str|string|String)(?![\w])/.test(evidence.cell);
  if (!cellSaysString && ((stringEncoded(expected) && numeric(actual)) || (symmetric && numeric(expected) && stringEncoded(actual)))) {
    return explained('string-encoded number documented as the SDK number type (NOTATION.md §2 scalars: `Decimal`, `BigInteger`, `*big.Int`, ...)');
  }
  // The doc's Type cell is the notation's any type (NOTATION.md §2 scalars: `Object`, `Any`, `any`,
  // `interface{}`, `object`, `mixed`): the doc does not say the type, and `unknown` is all it can mean.
  if (a === 'unknown' && evidence.cell !== undefined && isAnyCell(evidence.cell)) {
    return explained("the doc's Type cell is the notation's any type (NOTATION.md §2 scalars): the type is not said");
  }
  // An object with named properties and additionalProperties documented as the map alone
  // (`T::Hash[Symbol, String]`): NOTATION.md §3 says additionalProperties is documented as a
  // map; these docs give only the map, so the named properties are not said.
  if (e === 'object' && expected.additional && actual.k === 'map') {
    const inner = compareKinds(expected.additional, actual.values, limits, inside(evidence), symmetric);
    if (inner.verdict !== 'disagree')
      return explained(
        `object with additionalProperties documented as its map (NOTATION.md §3, additionalProperties)${inner.verdict === 'explained' ? `; ${inner.reason}` : ''}`,
      );
  }
  if (symmetric && expected.k === 'map' && actual.k === 'object' && actual.additional) {
    const inner = compareKinds(expected.values, actual.additional, limits, inside(evidence), symmetric);
    if (inner.verdict !== 'disagree')
      return explained(
        `object with additionalProperties documented as its map (NOTATION.md §3, additionalProperties)${inner.verdict === 'explained' ? `; ${inner.reason}` : ''}`,
      );
  }
  if (expected.k === 'array' && actual.k === 'array') {
    const inner = compareKinds(expected.items, actual.items, limits, inside(evidence), symmetric);
    if (inner.verdict === 'explained') return explained(`array items: ${inner.reason}`);
  }
  if (expected.k === 'map' && actual.k === 'map') {
    const inner = compareKinds(expected.values, actual.values, limits, inside(evidence), symmetric);
    if (inner.verdict === 'explained') return explained(`map values: ${inner.reason}`);
  }
  return { verdict: 'disagree' };
}

/**
 * The evidence for an array's items or a map's values: the big-number flag, and the cell reduced
 * to its any-type spelling when it holds one inside its generic syntax (`T::Hash[Symbol, Object]`).
 */
function inside(evidence: Evidence): Evidence {
  const anyInside = evidence.cell !== undefined ? ANY_INSIDE.exec(evidence.cell.replace(/\]\([^)]*\)/g, ']')) : null;
  return { bigNumber: evidence.bigNumber, cell: anyInside ? anyInside[0].replace(/^[^\w]/, '') : undefined };
}

/** Equal kinds (formats aside); a free-form object (`object{}`) equals `map<unknown>`. */
function sameKind(a: Kind, b: Kind): boolean {
  if (a.k === 'array' && b.k === 'array') return sameKind(a.items, b.items);
  if (a.k === 'map' && b.k === 'map') return sameKind(a.values, b.values);
  const freeForm = (k: Kind): boolean => (k.k === 'object' && k.empty === true) || (k.k === 'map' && k.values.k === 'unknown');
  if (freeForm(a) && freeForm(b)) return true;
  if (a.k === 'object' && b.k === 'object') {
    // Fields with named properties: the additionalProperties type, when both say one, must match too.
    return a.empty === true || b.empty === true || !a.additional || !b.additional || sameKind(a.additional, b.additional);
  }
  return a.k === b.k && a.k !== 'array' && a.k !== 'map';
}

// ----- names ---------------------------------------------------------------------------------

/** A model or schema name for matching: lower case, letters and digits only. */
export function normalizeModelName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A property or field name for matching: lower case without `_` and `-`, and without the
 * trailing `_` Python and Java add to reserved words (`date_`, `from_`, `enum_`).
 */
export function normalizeFieldName(name: string): string {
  return name.replace(/_$/, '').toLowerCase().replace(/[_-]/g, '');
}

/** True for a doc in a schema namespace folder (`shared/`, `components/`, any case). */
function inSchemaNamespace(id: string): boolean {
  return /^(shared|components)\//i.test(id);
}

const modelsByName = new WeakMap<IR, Map<string, Model[]>>();

/**
 * The IR object model documenting a schema: the model whose heading matches one of the schema's
 * names (its key, then its `x-speakeasy-name-override`, which names the SDK's class) after
 * normalisation, preferring one in the schema namespace folder; null when none does.
 */
export function findModel(ir: IR, schemaNames: readonly string[]): Model | null {
  let byName = modelsByName.get(ir);
  if (!byName) {
    byName = new Map();
    for (const m of ir.models) {
      const key = normalizeModelName(m.name);
      byName.set(key, [...(byName.get(key) ?? []), m]);
    }
    modelsByName.set(ir, byName);
  }
  for (const schemaName of schemaNames) {
    const key = normalizeModelName(schemaName);
    let candidates = byName.get(key) ?? [];
    // Generators suffix `T` to names that clash with the SDK's own (`ErrorT`, `EnumT`, `AnyT`): a
    // fallback when the name itself matches nothing.
    if (candidates.length === 0) candidates = byName.get(`${key}t`) ?? [];
    if (candidates.length === 0) continue;
    const preferred = candidates.filter((m) => inSchemaNamespace(m.id));
    const pool = preferred.length > 0 ? preferred : candidates;
    return pool.find((m) => m.kind === 'object') ?? pool[0]!;
  }
  return null;
}

// ----- raw cells -------------------------------------------------------------------------------

const fileLines = new Map<string, string[]>();

/** The raw cells of a doc's line (1-based), split on unescaped `|`: [Field, Type, Required, ...]; [] when unreadable. */
export function rawCells(docsDir: string, file: string, line: number): string[] {
  const full = path.join(docsDir, file);
  let lines = fileLines.get(full);
  if (!lines) {
    lines = fs
      .readFileSync(full, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/);
    fileLines.set(full, lines);
  }
  return (lines[line - 1] ?? '')
    .split(/(?<!\\)\|/)
    .slice(1)
    .map((c) => c.trim());
}

/** The raw Type cell (second column) of a field's table row, for reports; '' when unreadable. */
export function rawTypeCell(docsDir: string, file: string, field: Field): string {
  return rawCells(docsDir, file, field.line)[1] ?? '';
}

const modelFiles = new WeakMap<IR, Set<string>>();

/**
 * True when a Type cell links to a model doc of the IR (links resolve against the doc's folder,
 * also when they climb out of the input folder and back in, as TypeScript docs' links do).
 */
export function cellLinksToModel(ir: IR, docsDir: string, file: string, cell: string): boolean {
  let files = modelFiles.get(ir);
  if (!files) {
    files = new Set(ir.models.map((m) => m.file));
    modelFiles.set(ir, files);
  }
  for (const match of cell.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!.split('#')[0]!;
    if (!target || /^[a-z]+:/i.test(target)) continue;
    const resolved = path
      .relative(docsDir, path.resolve(docsDir, path.dirname(file), target))
      .split(path.sep)
      .join('/');
    if (files.has(resolved)) return true;
  }
  return false;
}

const fieldNameCache = new Map<string, Set<string>>();

/** The normalised names in the Field column (first cell) of a doc's tables, for telling docs2ts's gaps from the doc's. */
export function docFieldNames(docsDir: string, file: string): Set<string> {
  const full = path.join(docsDir, file);
  const cached = fieldNameCache.get(full);
  if (cached) return cached;
  const names = new Set<string>();
  fieldNameCache.set(full, names);
  const text = fs.readFileSync(full, 'utf8');
  for (const line of text.split(/\r\n|\r|\n/)) {
    const cell = /^\s*\|([^|]*)\|/.exec(line)?.[1]?.trim() ?? '';
    const name = /^(?:~~)?`([^`]+)`/.exec(cell)?.[1];
    if (name) names.add(normalizeFieldName(name));
  }
  return names;
}

// ----- the doc's own word: an independent reading of raw cells ----------------------------------

/**
 * What a raw cell says, read by this file without docs2ts's grammars: a kind at the top (with the
 * items of an array or the values of a map), `date-ish` for a date type whose label does not tell
 * date from date-time (NOTATION.md §2: Ruby and Python swap the labels), `missing` for a link to
 * a doc that does not exist (`name`: the link text's last identifier).
 */
export interface Reading {
  k: Kind['k'] | 'date-ish' | 'missing';
  items?: Reading | null;
  name?: string;
}

/** Scalar spellings of NOTATION.md §2 (and §5), after markers, `*`, backticks and escapes are dropped. */
const SCALARS: Record<string, Reading['k']> = {};
for (const [k, words] of Object.entries({
  string: 'String string str',
  integer: 'Integer int int32 int64 long Long Int32 Int64 BigInteger big.Int',
  number: 'Float float float32 float64 double Double number Number Decimal decimal BigDecimal decimal.Big',
  boolean: 'T::Boolean Crystalline::Boolean.new bool Boolean boolean',
  unknown: 'Object Any any interface{} object mixed java.lang.Object ?_extends_java.lang.Object',
  'date-ish': 'Date DateTime date datetime time.Time types.Date OffsetDateTime LocalDate \\DateTime RFCDate DateTimeOffset',
})) {
  for (const w of words.split(' ')) SCALARS[w.replace(/_/g, ' ')] = k as Reading['k'];
}

/** Split at `sep` outside brackets. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('([<{'.includes(c)) depth++;
    else if (')]>}'.includes(c)) depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const docKinds = new Map<string, Reading | null>();

/** What a model doc is, from its raw section headings: `## Values` an enum, `## Supported Types` a union, `## Fields` an object; null for a stub. */
function docReading(file: string): Reading | null {
  let r = docKinds.get(file);
  if (r === undefined) {
    const text = fs.readFileSync(file, 'utf8');
    r = /^##\s+Values\b/m.test(text)
      ? { k: 'enum' }
      : /^##\s+Supported Types\b/m.test(text)
        ? { k: 'union' }
        : /^##\s+Fields\b/m.test(text)
          ? { k: 'object' }
          : null;
    docKinds.set(file, r);
  }
  return r;
}

/**
 * Read a raw Type cell independently of docs2ts (see {@link Reading}); null when this reader
 * cannot tell (a bare model name, a binary or transport type, an unknown spelling).
 *
 * @param cell the raw cell
 * @param docFile the doc holding it (absolute), for resolving links
 */
export function readCell(cell: string, docFile: string): Reading | null {
  const links: (Reading | null)[] = [];
  let text = cell.trim().replace(/\[((?:\\.|[^[\]\\])*)\]\(([^)\s]*)\)/g, (_m, label: string, target: string) => {
    let r: Reading | null;
    const file = target.split('#')[0]!;
    if (/^[a-z]+:/i.test(target) || !file) r = readText(label.replace(/\\\|/g, '|'), []);
    else {
      const resolved = path.resolve(path.dirname(docFile), file);
      // A link to a missing doc says what its label says when that is a scalar (`[RFCDate](../../types/rfcdate.md)`, NOTATION.md §4).
      r = fs.existsSync(resolved) ? docReading(resolved) : (readText(label, []) ?? { k: 'missing', name: /(\w+)\W*$/.exec(label)?.[1] ?? label });
    }
    links.push(r);
    return `§${links.length - 1}§`;
  });
  text = text
    .replace(/\\([<>[\]|_*])/g, '$1')
    .replace(/[*`]/g, '')
    .trim();
  return readText(text, links);
}

function readText(input: string, links: readonly (Reading | null)[]): Reading | null {
  let text = input.trim();
  for (;;) {
    const inner =
      /^(?:T\.nilable\((.*)\)|Crystalline::Nilable\.new\((.*)\)|(?:Optional|OptionalNullable|Nullable)\[(.*)\]|(?:Optional|JsonNullable)<(.*)>|\?(.*)|::(.*))$/s.exec(
        text,
      );
    if (!inner) break;
    text = (inner.slice(1).find((g) => g !== undefined) ?? '').trim();
  }
  const link = /^§(\d+)§$/.exec(text);
  if (link) return links[Number(link[1])] ?? null;
  if (splitTop(text, '|').length > 1 || /^(?:T\.any\(|Crystalline::Union\.new\(|Union\[)/.test(text)) return { k: 'union' };
  const map =
    /^(?:(?:T|Crystalline)::Hash\[Symbol,(.*)\]|Dict\[str,(.*)\]|Map<String,(.*)>|map\[string\](.*)|Record<string,(.*)>|Dictionary<[Ss]tring,(.*)>|array<string,(.*)>)$/s.exec(
      text,
    );
  if (map)
    return {
      k: 'map',
      items: readText(
        map.slice(1).find((g) => g !== undefined)!,
        links,
      ),
    };
  const array = /^(?:(?:T|Crystalline)::Array[<[](.*)[>\]]|List[<[](.*)[>\]]|\[\](.*)|(.*)\[\]|array<(.*)>)$/s.exec(text);
  if (array)
    return {
      k: 'array',
      items: readText(
        array.slice(1).find((g) => g !== undefined)!,
        links,
      ),
    };
  const scalar = SCALARS[text];
  if (scalar) return { k: scalar };
  // A bare model name (`models.X`, `components.X`, `Shared::X`): what it is, this reader cannot
  // tell; `missing` stands for "no doc of that name", which {@link docStates} checks against the IR.
  const named = /^(?:(?:models|components|shared|operations|errors|callbacks|webhooks)\.|(?:[A-Z]\w*::)+|\\?(?:[A-Z]\w*\\)+)([A-Z]\w*)$/i.exec(text);
  return named ? { k: 'missing', name: named[1]! } : null;
}

/** True when a reading says what a kind says, at the top (`date-ish` is date or date-time; `missing` reads as unknown; a doc with fields is an object or a map). */
function readingMatches(r: Reading, kind: Kind): boolean {
  if (r.k === 'date-ish') return kind.k === 'date' || kind.k === 'date-time';
  if (r.k === 'missing') return kind.k === 'unknown';
  if (r.k === 'object') return kind.k === 'object' || kind.k === 'map';
  return r.k === kind.k;
}

/**
 * True when the doc itself says what the IR says and not what the oracle says, at the top of a
 * kind: the difference is the doc's (NOTATION.md does not enter into it). A link to a missing doc
 * counts only when no model of that name exists (else the link could be repaired: docs2ts's gap).
 */
function docStates(r: Reading | null | undefined, expected: Kind, actual: Kind, modelNames: ReadonlySet<string>): boolean {
  if (!r) return false;
  if (r.k === 'missing' && modelNames.has(normalizeModelName(r.name ?? ''))) return false;
  return readingMatches(r, actual) && !readingMatches(r, expected);
}

/** The Required cell (third column): true for `:heavy_check_mark:`, false for `:heavy_minus_sign:`, null otherwise. */
function readRequired(cell: string): boolean | null {
  return /heavy_check_mark/.test(cell) ? true : /heavy_minus_sign/.test(cell) ? false : null;
}

/** The member headings (`### ...`) of a union doc's raw `## Supported Types` section. */
export function docUnionMembers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/^##\s+Supported Types\b/m);
  if (at < 0) return [];
  return [...text.slice(at).matchAll(/^###(?:[ \t]+(.*))?$/gm)].map((m) => (m[1] ?? '').trim());
}

const headingIndexes = new Map<string, Map<string, string>>();

/** The docs of a models folder by normalised `# Heading` (absolute paths), read from the raw files once per folder. */
function headingIndex(models: string): Map<string, string> {
  let index = headingIndexes.get(models);
  if (!index) {
    index = new Map();
    for (const entry of fs.readdirSync(models, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.mdx?$/i.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const heading = /^#\s+(?:~~)?([^\n~]+?)(?:~~)?\s*$/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
      if (heading && !index.has(normalizeModelName(heading))) index.set(normalizeModelName(heading), file);
    }
    headingIndexes.set(models, index);
  }
  return index;
}

/**
 * True when a union doc's member headings, read on their own (a bare model name by the raw
 * heading of its doc, see {@link docReading}), say what the IR's members say, one for one.
 */
function headingsRead(headings: readonly string[], models: string, got: readonly Kind[]): boolean {
  if (headings.length !== got.length) return false;
  const readings = headings.map((h) => {
    const r = readText(h.replace(/`/g, ''), []);
    if (r?.k !== 'missing') return r;
    const file = headingIndex(models).get(normalizeModelName(r.name ?? ''));
    return file ? docReading(file) : r;
  });
  const free = got.map(() => true);
  return readings.every((r) => {
    const i = got.findIndex((g, j) => free[j] && r !== null && readingMatches(r, g));
    if (i < 0) return false;
    free[i] = false;
    return true;
  });
}

/** The union member headings that name a model no doc is headed with (read by {@link readCell}'s reader). */
function missingHeadings(headings: readonly string[], modelNames: ReadonlySet<string>): string[] {
  return headings.filter((h) => {
    const r = readText(h.replace(/`/g, ''), []);
    return r?.k === 'missing' && !modelNames.has(normalizeModelName(r.name ?? ''));
  });
}

/** The values an enum doc lists, as strings, read from its raw `## Values` table (Value column) or TypeScript literal fence. */
export function docEnumValues(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/^##\s+Values\b/m);
  if (at < 0) return [];
  const section = text.slice(at).split(/\r\n|\r|\n/);
  const fence = section.findIndex((l) => /^```/.test(l));
  const tableRow = section.findIndex((l) => /^\s*\|/.test(l));
  if (fence >= 0 && (tableRow < 0 || fence < tableRow)) {
    const end = section.findIndex((l, i) => i > fence && /^```/.test(l));
    return splitTop(section.slice(fence + 1, end).join(' '), '|')
      .filter((v) => v && !/^Unrecognized</.test(v))
      .map((v) => v.replace(/^"(.*)"$/, '$1'));
  }
  const values: string[] = [];
  for (const line of section.slice(tableRow + 2)) {
    if (!/^\s*\|/.test(line)) break;
    const cell = (line.split(/(?<!\\)\|/)[2] ?? '')
      .trim()
      .replace(/^`(.*)`$/, '$1')
      .replace(/\\\|/g, '|');
    if (cell && !/^Unrecognized</.test(cell)) values.push(cell);
  }
  return values;
}

// ----- property case ---------------------------------------------------------------------------

/** The `propertyCase` settings of docs2ts (see `src/model/overrides.ts` `caseName`). */
export type PropertyCase = 'preserve' | 'camel' | 'snake';
const CASES: readonly PropertyCase[] = ['preserve', 'camel', 'snake'];

/**
 * The `propertyCase` that maps the most documented field names exactly onto oracle property
 * names (NOTATION.md §3: field cells hold SDK names; the wire names may differ). Ties go to the
 * earlier of preserve, camel, snake.
 *
 * @param pairs each documented schema with its model
 * @returns the setting, and per setting how many fields it maps
 */
export function choosePropertyCase(pairs: readonly { schema: Schema; model: Model }[]): {
  style: PropertyCase;
  mapped: Record<PropertyCase, number>;
  fields: number;
} {
  const mapped: Record<PropertyCase, number> = { preserve: 0, camel: 0, snake: 0 };
  let fields = 0;
  for (const { schema, model } of pairs) {
    if (model.kind !== 'object') continue;
    const names = new Set(Object.keys(schema.properties ?? {}));
    for (const f of model.fields) {
      fields++;
      for (const style of CASES) if (names.has(caseName(f.name, style))) mapped[style]++;
    }
  }
  const style = CASES.reduce((best, s) => (mapped[s] > mapped[best] ? s : best), 'preserve' as PropertyCase);
  return { style, mapped, fields };
}

// ----- conformance -----------------------------------------------------------------------------

/**
 * What is compared, per oracle property of a documented schema:
 * - `presence`: the doc's model has the field, under its wire name (`propertyCase` applied);
 * - `required`: `required` matches;
 * - `kind`: the type kind at the top (string, integer, object, array, map, enum, union, date, ...);
 * - `items`: the items of an array / the values of a map, all the way down;
 * - `enum values`: the values of an enum (at the top or as items), when both sides have an enum there;
 * - `unions`: the member kinds of a union (at the top or as items), when both sides have a union there;
 * - `dates`: date vs date-time vs other, wherever either side has a date (at the top or as items).
 */
export const ASPECTS = ['presence', 'required', 'kind', 'items', 'enum values', 'unions', 'dates'] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * - `agree`;
 * - `disagree`: docs2ts misreads the doc (or the comparison is wrong);
 * - `explained`: a NOTATION.md limitation (the reason names it);
 * - `stated`: the doc itself says something other than the oracle, and docs2ts reads it as it is
 *   (the reason quotes the doc's cell; checked by this file's own reading of the raw cell, see
 *   {@link readCell}, so a misreading never passes for it).
 */
export type Verdict = 'agree' | 'disagree' | 'explained' | 'stated';

/** One aspect of one property. */
export interface Check {
  aspect: Aspect;
  verdict: Verdict;
  /** What differs (empty for `agree`). */
  detail: string;
  /** Why it is set aside (`explained`, `stated`). */
  reason?: string;
}

/** One compared oracle property. */
export interface PropertyResult {
  schema: string;
  property: string;
  /** The worst of the checks: disagree, then stated, then explained, then agree. */
  verdict: Verdict;
  checks: Check[];
  /** Details of the checks that do not agree. */
  problems: string[];
  /** Reasons of the explained and stated checks. */
  reasons: string[];
  /** Differences in what is never compared (nullability, enum value types, consts). */
  notes: string[];
  /** The doc and the field's Type cell, when there is a field. */
  where?: { file: string; line: number; cell: string };
}

/** The conformance of one tree. */
export interface TreeReport {
  tree: string;
  language: Language;
  /** The `propertyCase` chosen for the tree, and per setting how many field names it maps exactly. */
  propertyCase: PropertyCase;
  caseCounts: Record<PropertyCase, number>;
  schemas: number;
  documented: number;
  /** Schemas without a documenting model. */
  undocumented: string[];
  results: PropertyResult[];
  /** IR fields of documented models that match no oracle property (`schema.field`). */
  extra: string[];
  /** Documented schemas whose additionalProperties type the IR misses or contradicts. */
  additional: string[];
}

/** Per aspect: the counts of each verdict, and the agreement (agree / (agree + disagree); 1 when nothing is compared). */
export type AspectSummary = Record<Verdict, number> & { agreement: number };

/** Counts of a report, per aspect. */
export function summarize(report: TreeReport): Record<Aspect, AspectSummary> {
  const out = {} as Record<Aspect, AspectSummary>;
  for (const aspect of ASPECTS) {
    const s = { agree: 0, disagree: 0, explained: 0, stated: 0, agreement: 1 };
    for (const r of report.results) for (const c of r.checks) if (c.aspect === aspect) s[c.verdict]++;
    s.agreement = s.agree + s.disagree === 0 ? 1 : s.agree / (s.agree + s.disagree);
    out[aspect] = s;
  }
  return out;
}

/** The IR type with one-member unions (inline, or a union model) replaced by the member, `null` literals dropped. */
function irEffective(type: TypeRef, byId: Map<string, Model>, depth = 0): TypeRef {
  if (depth > 20) return type;
  const members =
    type.kind === 'union'
      ? type.members
      : type.kind === 'ref' && byId.get(type.model)?.kind === 'union'
        ? (byId.get(type.model) as { members: TypeRef[] }).members
        : null;
  if (!members) return type;
  const nonNull = members.filter((m) => !(m.kind === 'literal' && m.value === null));
  return nonNull.length === 1 ? irEffective(nonNull[0]!, byId, depth + 1) : type;
}

/** The items of an IR array or the values of an IR map (also an object model without fields with additionalProperties). */
function irChild(type: TypeRef, byId: Map<string, Model>): TypeRef | null {
  const t = irEffective(type, byId);
  if (t.kind === 'array') return t.items;
  if (t.kind === 'map') return t.values;
  if (t.kind === 'ref') {
    const m = byId.get(t.model);
    if (m?.kind === 'object' && m.fields.length === 0) return m.additionalProperties ?? { kind: 'primitive', type: 'unknown' };
  }
  return null;
}

/** The members of an IR union (without `null`), or null for another type. */
function irMembers(type: TypeRef, byId: Map<string, Model>): TypeRef[] | null {
  const t = irEffective(type, byId);
  const members =
    t.kind === 'union' ? t.members : t.kind === 'ref' && byId.get(t.model)?.kind === 'union' ? (byId.get(t.model) as { members: TypeRef[] }).members : null;
  return members ? members.filter((m) => !(m.kind === 'literal' && m.value === null)) : null;
}

/** The values of an IR enum (an enum model, a literal, or a union of literals) as strings, and the enum doc; null for another type. */
function irEnum(type: TypeRef, byId: Map<string, Model>): { values: string[]; file: string | null } | null {
  const t = irEffective(type, byId);
  if (t.kind === 'literal') return { values: [String(t.value)], file: null };
  if (t.kind === 'ref') {
    const m = byId.get(t.model);
    if (m?.kind === 'enum') return { values: m.values.map((v) => String(v.value)), file: m.file };
  }
  const members = irMembers(t, byId);
  if (members && members.length > 0 && members.every((m) => m.kind === 'literal'))
    return { values: members.map((m) => String((m as { value: unknown }).value)), file: null };
  return null;
}

/**
 * Compare a tree's IR with its oracle, aspect by aspect (see {@link ASPECTS}, {@link Verdict}).
 *
 * @param ir the IR to check (default: the tree's, built once and cached)
 */
export function conformance(tree: OracleTree, ir: IR = treeIr(tree)): TreeReport {
  const oracle = new Oracle(tree.dir, tree.oracles);
  const byId = modelIndex(ir);
  const language = languageOf(ir);
  const limits = limitsOf(language);
  const schemas = oracle.objectSchemas();
  const modelNames = new Set(ir.models.map((m) => normalizeModelName(m.name)));
  // A schema's `x-speakeasy-name-override` names its SDK class, unless another schema's key has that name.
  const keys = new Set(schemas.map((s) => normalizeModelName(s.name)));
  const names = (s: NamedSchema): string[] => {
    const override = s.schema['x-speakeasy-name-override'];
    return override && !keys.has(normalizeModelName(override)) ? [s.name, override] : [s.name];
  };
  const pairs = schemas.map((s) => ({ ...s, model: findModel(ir, names(s)) }));
  const chosen = choosePropertyCase(pairs.filter((p): p is typeof p & { model: Model } => p.model !== null));
  const style = chosen.style;
  const report: TreeReport = {
    tree: tree.name,
    language,
    propertyCase: style,
    caseCounts: chosen.mapped,
    schemas: schemas.length,
    documented: 0,
    undocumented: [],
    results: [],
    extra: [],
    additional: [],
  };

  for (const { name, file, schema, model } of pairs) {
    if (!model) {
      report.undocumented.push(name);
      continue;
    }
    report.documented++;
    const docFile = path.join(tree.models, model.file);
    const fields = model.kind === 'object' ? model.fields : [];
    const byWire = new Map(fields.map((f) => [caseName(f.name, style), f]));
    const byNormal = new Map(fields.map((f) => [normalizeFieldName(f.name), f]));
    const required = new Set(schema.required ?? []);
    const matched = new Set<Field>();

    for (const [property, propSchema] of Object.entries(schema.properties ?? {})) {
      const result: PropertyResult = { schema: name, property, verdict: 'agree', checks: [], problems: [], reasons: [], notes: [] };
      report.results.push(result);
      const check = (aspect: Aspect, verdict: Verdict, detail = '', reason?: string): void => {
        result.checks.push(reason === undefined ? { aspect, verdict, detail } : { aspect, verdict, detail, reason });
      };
      const propAt = { schema: propSchema, file };
      const prop = oracle.deref(propAt);
      const exact = byWire.get(property);
      const field = exact ?? byNormal.get(normalizeFieldName(property));

      // presence
      if (!field) {
        // A row the doc has but the IR lacks is docs2ts's doing, never a limitation of the docs.
        const inDoc = docFieldNames(tree.models, model.file).has(normalizeFieldName(property));
        const detail = `missing field (model ${model.id}${model.kind === 'object' ? '' : `, a ${model.kind}`}${inDoc ? '; the doc has a row for it' : ''})`;
        // The docs of one schema may be split into input and output models: a readOnly property
        // is left out of the model requests use, a writeOnly one out of the model responses use
        // (NOTATION.md's corpus table: the livepeer oracle is "exact up to 3 write-only fields").
        const ro = propSchema.readOnly === true || prop.schema.readOnly === true;
        const wo = propSchema.writeOnly === true || prop.schema.writeOnly === true;
        if (inDoc) check('presence', 'disagree', detail);
        else if (ro || wo)
          check(
            'presence',
            'explained',
            detail,
            `${ro ? 'readOnly' : 'writeOnly'} property left out of the ${ro ? 'input' : 'output'} model (NOTATION.md, corpus table: write-only fields)`,
          );
        else check('presence', 'stated', detail, `${model.file} has no row for it`);
        finish(result);
        continue;
      }
      matched.add(field);
      const cells = rawCells(tree.models, model.file, field.line);
      const cell = cells[1] ?? '';
      result.where = { file: model.file, line: field.line, cell };
      if (exact) check('presence', 'agree');
      else
        check(
          'presence',
          'explained',
          `wire name \`${property}\`, SDK name \`${field.name}\` (propertyCase ${style} gives \`${caseName(field.name, style)}\`)`,
          'the wire name is not the SDK name in any propertyCase (NOTATION.md §3: wire names are not said)',
        );

      // required
      const isRequired = required.has(property);
      if (isRequired === field.required) check('required', 'agree');
      else {
        const detail = `required: oracle ${isRequired}, IR ${field.required}`;
        // NOTATION.md §3: defaults are not said, and the Required column is the only signal of
        // optionality. A required property with a `default` is one the SDK fills in, so its doc
        // marks it optional: the doc cannot say "required on the wire, defaulted by the SDK".
        if (isRequired && (propSchema.default !== undefined || prop.schema.default !== undefined)) {
          check('required', 'explained', detail, 'required property with a default documented as optional (NOTATION.md §3: defaults are not said)');
        } else if (readRequired(cells[2] ?? '') === field.required) check('required', 'stated', detail, `Required cell \`${(cells[2] ?? '').trim()}\``);
        else check('required', 'disagree', detail);
      }

      // kind (the top) and items (all the way down)
      const expected = oracle.kind(propAt);
      const actual = irKind(ir, field.type, byId);
      const reading = readCell(cell, docFile);
      const evidence: Evidence = { oracle: expected, cell, linksToModel: cellLinksToModel(ir, tree.models, model.file, cell) };
      const typeDetail = `type: oracle ${showKind(expected.kind)}, IR ${showKind(actual)}`;
      const container = (expected.kind.k === 'array' && actual.k === 'array') || (expected.kind.k === 'map' && actual.k === 'map');
      const verdict = compareKinds(expected.kind, actual, limits, evidence);
      if (container || verdict.verdict === 'agree') check('kind', 'agree');
      else if (verdict.verdict === 'explained') check('kind', 'explained', typeDetail, verdict.reason);
      else if (docStates(reading, expected.kind, actual, modelNames)) check('kind', 'stated', typeDetail, `Type cell \`${cell}\``);
      else check('kind', 'disagree', typeDetail);
      if (container && expected.kind.k === actual.k && (expected.kind.k === 'array' || expected.kind.k === 'map')) {
        const e = (expected.kind as { items?: Kind; values?: Kind }).items ?? (expected.kind as { values: Kind }).values;
        const a = (actual as { items?: Kind; values?: Kind }).items ?? (actual as { values: Kind }).values;
        const v = compareKinds(e, a, limits, inside(evidence));
        if (v.verdict === 'agree') check('items', 'agree');
        else if (v.verdict === 'explained') check('items', 'explained', typeDetail, v.reason);
        else if (docStates(reading?.items, e, a, modelNames)) check('items', 'stated', typeDetail, `Type cell \`${cell}\``);
        else check('items', 'disagree', typeDetail);
      }

      // enum values, unions and dates, at the top and down arrays and maps
      let at: Located | null = propAt;
      let type: TypeRef | null = field.type;
      let read: Reading | null | undefined = reading;
      for (let depth = 0; at && type && depth < 5; depth++) {
        const where = depth === 0 ? '' : ` (items, depth ${depth})`;
        const e = depth === 0 ? expected : oracle.kind(at);
        const a = irKind(ir, type, byId);
        // dates
        const dateE = e.kind.k === 'date' || e.kind.k === 'date-time';
        const dateA = a.k === 'date' || a.k === 'date-time';
        if (dateE || dateA) {
          const detail = `date: oracle ${showKind(e.kind)}, IR ${showKind(a)}${where}`;
          const v = compareKinds(e.kind, a, limits, depth === 0 ? evidence : { oracle: e, linksToModel: false });
          if (e.kind.k === a.k) check('dates', 'agree');
          else if (v.verdict === 'explained') check('dates', 'explained', detail, v.reason);
          else if (docStates(read, e.kind, a, modelNames)) check('dates', 'stated', detail, `Type cell \`${cell}\``);
          else check('dates', 'disagree', detail);
        }
        // enum values
        const irValues = e.kind.k === 'enum' && (e.enumValues ?? []).length > 0 ? irEnum(type, byId) : null;
        if (irValues) {
          const want = new Set((e.enumValues ?? []).map(String));
          const got = new Set(irValues.values);
          const missing = [...want].filter((v) => !got.has(v));
          const extra = [...got].filter((v) => !want.has(v));
          if (missing.length === 0 && extra.length === 0) check('enum values', 'agree');
          else {
            const detail = `enum values${where}: oracle lacks [${extra.join(', ')}], IR lacks [${missing.join(', ')}]`;
            const docValues = irValues.file ? docEnumValues(path.join(tree.models, irValues.file)) : null;
            const same = docValues !== null && docValues.length === got.size && docValues.every((v) => got.has(v));
            // NOTATION.md §3: consts are not said; a const property typed by the enum it narrows
            // (`allOf: [$ref: Enum], const: x`) is documented as that enum.
            if (e.isConst && missing.length === 0)
              check('enum values', 'explained', detail, 'const documented as the enum it narrows (NOTATION.md §3: consts are not said)');
            else if (same) check('enum values', 'stated', detail, `${irValues.file} lists ${docValues.join(', ')}`);
            else check('enum values', 'disagree', detail);
          }
        }
        // unions
        const irUnion = e.kind.k === 'union' ? irMembers(type, byId) : null;
        if (irUnion && irUnion.length > 1) {
          const want = oracle.members(at).map((m) => oracle.kind(m));
          const got = irUnion.map((m) => irKind(ir, m, byId));
          const free = got.map(() => true);
          const reasons = new Set<string>();
          let unmatched = 0;
          for (const w of want) {
            let hit = -1;
            for (let i = 0; i < got.length && hit < 0; i++) {
              if (!free[i]) continue;
              const v = compareKinds(w.kind, got[i]!, limits, { oracle: w, linksToModel: true });
              if (v.verdict === 'agree') hit = i;
            }
            for (let i = 0; i < got.length && hit < 0; i++) {
              if (!free[i]) continue;
              const v = compareKinds(w.kind, got[i]!, limits, { oracle: w, linksToModel: true });
              if (v.verdict === 'explained') {
                hit = i;
                reasons.add(v.reason);
              }
            }
            if (hit >= 0) free[hit] = false;
            else unmatched++;
          }
          const left = free.filter(Boolean).length;
          const detail = `union members${where}: oracle ${want.map((w) => showKind(w.kind)).join(' | ')}, IR ${got.map(showKind).join(' | ')}`;
          // The doc's own word: its union doc lists as many members as the IR has, not as the oracle.
          const t = irEffective(type, byId);
          const unionDoc = t.kind === 'ref' ? byId.get(t.model) : undefined;
          const headings = unionDoc?.kind === 'union' ? docUnionMembers(path.join(tree.models, unionDoc.file)) : [];
          if (unmatched === 0 && left === 0)
            check('unions', reasons.size > 0 ? 'explained' : 'agree', reasons.size > 0 ? detail : '', reasons.size > 0 ? [...reasons].join('; ') : undefined);
          else if (headings.length === want.length && got.some((g) => g.k === 'unknown') && unmatched <= missingHeadings(headings, modelNames).length) {
            check('unions', 'stated', detail, `${unionDoc!.file} lists members that name no doc: ${missingHeadings(headings, modelNames).join(', ')}`);
          } else if (headingsRead(headings, tree.models, got))
            check('unions', 'stated', detail, `${unionDoc!.file} lists ${headings.length} members: ${headings.map((h) => h || '(empty)').join(', ')}`);
          else check('unions', 'disagree', detail);
        }
        // down one level
        const eChild = oracle.child(at);
        const aChild = irChild(type, byId);
        at = eChild;
        type = aChild;
        read = read?.k === 'array' || read?.k === 'map' ? read.items : null;
      }

      // Never compared (NOTATION.md §3): nullability is mostly lost; enum value types are not said.
      const irNullable = field.nullable || irTypeNullable(field.type, byId);
      if (expected.nullable !== irNullable) result.notes.push(`nullable: oracle ${expected.nullable}, IR ${irNullable}`);
      if (expected.kind.k === 'enum' && field.type.kind === 'ref') {
        const target = byId.get(field.type.model);
        const oracleTypes = [...new Set((expected.enumValues ?? []).map((v) => typeof v))];
        if (target?.kind === 'enum' && oracleTypes.length === 1 && target.valueType !== oracleTypes[0])
          result.notes.push(`enum value type: oracle ${oracleTypes[0]}, IR ${target.valueType}`);
      }
      finish(result);
    }
    for (const field of fields) if (!matched.has(field)) report.extra.push(`${name}.${field.name}`);
    // The additionalProperties type (not counted: a check on the side, printed by the test).
    if (model.kind === 'object' && typeof schema.additionalProperties === 'object') {
      const expected = oracle.kind({ schema: schema.additionalProperties, file }).kind;
      const actual = model.additionalProperties ? irKind(ir, model.additionalProperties, byId) : null;
      if (!actual) report.additional.push(`${name}: oracle additionalProperties ${showKind(expected)}, IR none`);
      else if (compareKinds(expected, actual, limits).verdict === 'disagree')
        report.additional.push(`${name}: oracle additionalProperties ${showKind(expected)}, IR ${showKind(actual)}`);
    }
  }
  return report;
}

/** Fill a result's verdict, problems and reasons from its checks. */
function finish(result: PropertyResult): void {
  const order: Verdict[] = ['disagree', 'stated', 'explained', 'agree'];
  result.verdict = order.find((v) => result.checks.some((c) => c.verdict === v)) ?? 'agree';
  for (const c of result.checks) {
    if (c.verdict !== 'agree' && c.detail && !result.problems.includes(c.detail)) result.problems.push(c.detail);
    if (c.reason && !result.reasons.includes(c.reason)) result.reasons.push(c.reason);
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The per-tree, per-aspect table (Markdown): agreement (agreeing / compared), then the explained and stated counts. */
export function formatTable(reports: readonly TreeReport[]): string {
  const rows = reports.map((r) => {
    const s = summarize(r);
    const cells = ASPECTS.map((a) => (s[a].agree + s[a].disagree === 0 ? '—' : `${pct(s[a].agreement)} (${s[a].agree}/${s[a].agree + s[a].disagree})`));
    const explained = ASPECTS.reduce((n, a) => n + s[a].explained, 0);
    const stated = ASPECTS.reduce((n, a) => n + s[a].stated, 0);
    return `| ${r.tree} | ${r.propertyCase} | ${r.documented}/${r.schemas} | ${cells.join(' | ')} | ${explained} | ${stated} |`;
  });
  return [
    `| tree | case | schemas | ${ASPECTS.join(' | ')} | explained | stated |`,
    `|---|---|---|${ASPECTS.map(() => '---|').join('')}---|---|`,
    ...rows,
  ].join('\n');
}

/** The checks of one verdict, one a line (at most `limit`), with the doc's row. */
function formatChecks(report: TreeReport, verdict: Verdict, limit: number): string[] {
  const lines: string[] = [];
  for (const r of report.results) {
    for (const c of r.checks) {
      if (c.verdict !== verdict) continue;
      lines.push(
        `  [${c.aspect}] ${r.schema}.${r.property}: ${c.detail}${verdict !== 'disagree' && c.reason ? ` — ${c.reason}` : ''}${r.where ? `  [${r.where.file}:${r.where.line} \`${r.where.cell}\`]` : ''}`,
      );
    }
  }
  const n = lines.length;
  if (n > limit) return [...lines.slice(0, limit), `  … and ${n - limit} more`];
  return lines;
}

/** The disagreements of a tree, one a line (at most `limit`). */
export function formatDisagreements(report: TreeReport, limit = 20): string {
  const lines = formatChecks(report, 'disagree', limit);
  const n = report.results.reduce((k, r) => k + r.checks.filter((c) => c.verdict === 'disagree').length, 0);
  return `${report.tree}: ${n} disagreement(s)\n${lines.join('\n')}`;
}

/** The differences the docs state themselves, one a line (at most `limit`). */
export function formatStated(report: TreeReport, limit = 20): string {
  const lines = formatChecks(report, 'stated', limit);
  const n = report.results.reduce((k, r) => k + r.checks.filter((c) => c.verdict === 'stated').length, 0);
  return `${report.tree}: ${n} difference(s) the docs state themselves (set aside)\n${lines.join('\n')}`;
}

/** The most frequent disagreement details of a tree (names left out), with counts. */
export function topReasons(report: TreeReport, verdict: Verdict = 'disagree', limit = 5): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of report.results) {
    for (const c of r.checks) {
      if (c.verdict !== verdict) continue;
      const key = `[${c.aspect}] ${c.detail
        .replace(/\(model [^;)]*(; )?/, '(')
        .replace(/\[[^\]]*\]/g, '[…]')
        .replace(/`[^`]*`/g, '`…`')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit);
}

// ----- cross-tree -------------------------------------------------------------------------------

/** One field of one tree in the cross-tree comparison. */
export interface CrossField {
  required: boolean;
  kind: Kind;
  /** The raw Type cell. */
  cell: string;
}

/** A model all trees document, with a difference between trees. */
export interface CrossDifference {
  model: string;
  field: string;
  /** Per tree: the field's `required` and kind, or null when the tree's model lacks it. */
  values: Record<string, CrossField | null>;
  /** NOTATION.md reasons for the explained differences. */
  explained: string[];
  /** The differences without a NOTATION.md reason (empty: all explained). */
  problems: string[];
}

/** Per tree: the rows docs2ts left out as transport objects (`file:line`) and the docs holding any (response wrappers). */
function transportRows(ir: IR): { rows: Set<string>; files: Set<string> } {
  const rows = new Set<string>();
  const files = new Set<string>();
  for (const d of ir.diagnostics) {
    if (d.ruleId !== 'transport-field' || !d.file) continue;
    rows.add(`${d.file}:${d.line}`);
    files.add(d.file);
  }
  return { rows, files };
}

/** The table rows of a doc: normalised field name → 1-based line. */
function docRows(docsDir: string, file: string): Map<string, number> {
  const rows = new Map<string, number>();
  fs.readFileSync(path.join(docsDir, file), 'utf8')
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => {
      const cell = /^\s*\|([^|]*)\|/.exec(line)?.[1]?.trim() ?? '';
      const name = /^(?:~~)?`([^`]+)`/.exec(cell)?.[1];
      if (name && !rows.has(normalizeFieldName(name))) rows.set(normalizeFieldName(name), i + 1);
    });
  return rows;
}

/**
 * Compare the object models that every given tree documents (by normalised heading, preferring
 * the schema namespace): per model, the set of (normalised field name, required, kind) must be
 * the same in every tree, up to the notation limits of NOTATION.md (kinds compared pairwise, both
 * ways, each with the other tree's Type cell as evidence).
 */
export function crossTree(trees: readonly OracleTree[]): { models: number; differences: CrossDifference[] } {
  const irs = trees.map((t) => treeIr(t));
  const languages = irs.map(languageOf);
  const transport = irs.map(transportRows);
  const perTree = irs.map((ir) => {
    const map = new Map<string, Model>();
    for (const m of ir.models) {
      const key = normalizeModelName(m.name);
      const prev = map.get(key);
      if (!prev || (!inSchemaNamespace(prev.id) && inSchemaNamespace(m.id))) map.set(key, m);
    }
    return map;
  });
  const names = [...perTree[0]!.keys()].filter((k) => perTree.every((p) => p.get(k)?.kind === 'object')).sort();
  const differences: CrossDifference[] = [];
  for (const name of names) {
    const models = perTree.map((p) => p.get(name)!);
    const docsDirs = trees.map((t) => t.models);
    const fieldSets = models.map((model, i) => {
      const byId = modelIndex(irs[i]!);
      const fields = new Map<string, CrossField>();
      if (model.kind === 'object') {
        for (const f of model.fields)
          fields.set(normalizeFieldName(f.name), { required: f.required, kind: irKind(irs[i]!, f.type, byId), cell: rawTypeCell(docsDirs[i]!, model.file, f) });
      }
      return fields;
    });
    const allFields = [...new Set(fieldSets.flatMap((set) => [...set.keys()]))].sort();
    for (const field of allFields) {
      const values: Record<string, CrossField | null> = {};
      trees.forEach((t, i) => (values[t.name] = fieldSets[i]!.get(field) ?? null));
      const explained = new Set<string>();
      const problems: string[] = [];

      // A field some trees lack.
      trees.forEach((tree, i) => {
        if (fieldSets[i]!.has(field)) return;
        const model = models[i]!;
        const line = docRows(docsDirs[i]!, model.file).get(field);
        if (line !== undefined && transport[i]!.rows.has(`${model.file}:${line}`)) {
          // NOTATION.md §2: transport-only types are not wire data; docs2ts leaves such rows out.
          explained.add('a transport object in this notation, left out (NOTATION.md §2, transport-only types)');
        } else if (line === undefined && transport[i]!.files.has(model.file)) {
          // NOTATION.md §2: transport types "belong to operation response wrappers, not to wire
          // data"; which results a wrapper carries (an error body returned, or thrown) is the SDK's choice.
          explained.add("an operation response wrapper (not wire data, NOTATION.md §2) without this result in this SDK's doc");
        } else problems.push(`${tree.name} lacks it${line !== undefined ? ` although its doc has a row (${model.file}:${line})` : ''}`);
      });

      // Evidence for the big-number rule: some tree documents the field with an arbitrary-precision type.
      const bigNumber = fieldSets.some((set) => isBigNumberCell(set.get(field)?.cell ?? ''));
      for (let i = 0; i < trees.length; i++) {
        for (let j = i + 1; j < trees.length; j++) {
          const a = fieldSets[i]!.get(field);
          const b = fieldSets[j]!.get(field);
          if (!a || !b) continue;
          const pair = `${trees[i]!.name} vs ${trees[j]!.name}`;
          if (a.required !== b.required) problems.push(`required: ${pair}`);
          const la = limitsOf(languages[i]!);
          const lb = limitsOf(languages[j]!);
          const limits = { numberOnly: la.numberOnly || lb.numberOnly, oneDateType: la.oneDateType || lb.oneDateType };
          // Both directions, each with the cell of the side taken as actual (the any-type rule reads it).
          let v = compareKinds(a.kind, b.kind, limits, { cell: b.cell, bigNumber }, true);
          if (v.verdict === 'disagree') v = compareKinds(b.kind, a.kind, limits, { cell: a.cell, bigNumber }, true);
          if (v.verdict === 'disagree') problems.push(`type: ${pair} (\`${a.cell}\` vs \`${b.cell}\`)`);
          else if (v.verdict === 'explained') explained.add(v.reason);
        }
      }
      if (problems.length > 0 || explained.size > 0) differences.push({ model: models[0]!.name, field, values, explained: [...explained], problems });
    }
  }
  return { models: names.length, differences };
}

/** A cross-tree difference, one line: per tree the kind and `!` required / `?` optional, `—` absent. */
export function formatCrossDifference(d: CrossDifference): string {
  const vals = Object.entries(d.values)
    .map(([tree, v]) => `${tree.replace(/^gt-/, '')}=${v ? `${showKind(v.kind)}${v.required ? '!' : '?'}` : '—'}`)
    .join(' ');
  return `  ${d.model}.${d.field}: ${vals}${d.problems.length > 0 ? `\n    ${d.problems.slice(0, 3).join('; ')}${d.problems.length > 3 ? ` (+${d.problems.length - 3})` : ''}` : `  (explained: ${d.explained.join('; ')})`}`;
}
