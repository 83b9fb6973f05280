/**
 * Oracle conformance: compare the IR docs2ts builds from a corpus tree with the OpenAPI document
 * the docs were generated from (the tree's `oracle-*.yaml`, see `../shared/NOTATION.md`).
 *
 * The comparison is deliberately about what the docs *can* say. Every rule that sets a difference
 * aside as "explained" (neither agreement nor disagreement) names the NOTATION.md passage that
 * says the docs cannot tell, and is guarded so that a docs2ts misreading does not pass for it;
 * everything else that differs is a disagreement.
 *
 * Verdicts, per oracle property of a documented schema:
 * - `agree`: the field exists, `required` and the type kind match;
 * - `disagree`: the field is missing, or `required` or the type kind differs, without a NOTATION.md reason;
 * - `explained`: the only differences are ones NOTATION.md says the docs cannot express.
 *
 * Explained (see {@link compareKinds} and {@link conformance}):
 * - integer vs number in TypeScript docs (§3);
 * - date vs date-time in PHP docs, `\DateTime` being both (§2);
 * - an enum or const documented as its base type, the Type cell linking to no model doc (§3);
 * - a string-encoded number (`format: bigint | decimal`) documented as the SDK number type (§2 scalars);
 * - a Type cell that is the notation's any type (`Object`, `Any`, `any`, `interface{}`, `object`, `mixed`; §2);
 * - an object with additionalProperties documented as its map alone (§3);
 * - a required property with a `default` documented as optional (§3, defaults);
 * - a readOnly / writeOnly property absent from the doc of the other direction (NOTATION.md corpus table);
 * - tree against tree only: a transport-typed row left out, a response wrapper without a result (§2).
 * Never compared (§3): nullability and enum value types; differences are kept as notes.
 * Normalisations, on both sides: `null` union members are dropped and a one-member union is its
 * member; a free-form object (no properties) equals `map<unknown>`.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildModel } from '../src/model/build.js';
import type { Field, IR, Model, TypeRef } from '../src/model/ir.js';
import { folderDocSource } from '../src/parse/files.js';

// ----- trees --------------------------------------------------------------------------------

/** The SDK language a tree's docs are written in (decides which NOTATION.md limitations apply). */
export type Language = 'ruby' | 'python' | 'typescript' | 'go' | 'java' | 'csharp' | 'php';

/** A corpus tree with an oracle. */
export interface OracleTree {
  /** Folder name under `corpus/`. */
  name: string;
  language: Language;
  /** The models folder, relative to the tree's folder. */
  docs: string;
  /** Oracle files, relative to the tree's folder; the first is the main document. */
  oracles: string[];
}

const GT_ORACLES = ['oracle-test.yaml', 'oracle-components.yaml'];
const LIVEPEER_ORACLES = ['oracle-openapi.yaml'];

/** Every corpus tree that comes with an oracle. */
export const ORACLE_TREES: readonly OracleTree[] = [
  { name: 'gt-ruby', language: 'ruby', docs: 'ruby-client-sdk/docs/models', oracles: GT_ORACLES },
  { name: 'gt-python', language: 'python', docs: 'python-client-sdk/docs/models', oracles: GT_ORACLES },
  { name: 'gt-typescript', language: 'typescript', docs: 'typescript-client-sdk/docs/sdk/models', oracles: GT_ORACLES },
  { name: 'gt-go', language: 'go', docs: 'go-client-sdk/docs/pkg/models', oracles: GT_ORACLES },
  { name: 'gt-java', language: 'java', docs: 'java-client-sdk/docs/models', oracles: GT_ORACLES },
  { name: 'gt-csharp', language: 'csharp', docs: 'csharp-client-sdk/docs/Models', oracles: GT_ORACLES },
  { name: 'gt-php', language: 'php', docs: 'php-client-sdk/docs/Models', oracles: GT_ORACLES },
  { name: 'livepeer-ruby', language: 'ruby', docs: 'docs/models', oracles: LIVEPEER_ORACLES },
  { name: 'livepeer-js', language: 'typescript', docs: 'docs/models', oracles: LIVEPEER_ORACLES },
  { name: 'livepeer-python', language: 'python', docs: 'docs/models', oracles: LIVEPEER_ORACLES },
  { name: 'livepeer-go', language: 'go', docs: 'docs/models', oracles: LIVEPEER_ORACLES },
];

const irCache = new Map<string, IR>();

/**
 * The IR of a tree's models folder (every model, broken links tolerated, notation detected),
 * built once per process and cached.
 *
 * @param corpus the `corpus` folder
 */
export function treeIr(corpus: string, tree: OracleTree): IR {
  const dir = path.join(corpus, tree.name, tree.docs);
  let ir = irCache.get(dir);
  if (!ir) {
    ir = buildModel(folderDocSource(dir), { roots: [], allowBrokenLinks: true });
    irCache.set(dir, ir);
  }
  return ir;
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
      const schemas = ((this.docs.get(file) as { components?: { schemas?: Record<string, Schema> } }).components?.schemas ?? {}) as Record<string, Schema>;
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
      for (const part of ref.slice(hash + 1).split('/').filter(Boolean)) {
        node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      if (node === undefined || node === null || typeof node !== 'object') throw new Error(`$ref ${ref} (in ${cur.file}) does not resolve`);
      cur = { schema: node as Schema, file: target };
    }
    return cur;
  }

  /** The type kind of a schema (see {@link Kind}), following `$ref`s. */
  kind(at: Located, depth = 0): OracleType {
    const { schema, file } = this.deref(at);
    const sub = (s: Schema): OracleType => this.kind({ schema: s, file }, depth + 1);
    const nullable = schema.nullable === true || typeList(schema).includes('null');
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
      return { kind: { k: 'enum' }, nullable: nullable || hasNull, enumValues: values, isConst: constValue !== undefined || values.length === 1, base: base.kind };
    }

    // oneOf / anyOf: `null` members only make the type nullable (NOTATION.md §3: nullability is
    // mostly lost, so it is never compared); one member left is that member (a one-member union
    // accepts exactly what the member accepts).
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives) {
      const members = alternatives.map(sub);
      const nonNull = members.filter((m) => !m.onlyNull);
      const anyNull = nonNull.length < members.length || members.some((m) => m.nullable);
      if (nonNull.length === 1) return { ...nonNull[0]!, nullable: nullable || anyNull };
      return { kind: { k: 'union' }, nullable: nullable || anyNull };
    }
    // allOf: one member is that member; several merge into one object.
    if (schema.allOf) {
      if (schema.allOf.length === 1 && !schema.properties) return withNull(sub(schema.allOf[0]!));
      return withNull({ kind: { k: 'object' }, nullable });
    }

    const types = typeList(schema).filter((t) => t !== 'null');
    if (typeList(schema).length > 0 && types.length === 0) return { kind: { k: 'unknown' }, nullable: true, onlyNull: true };
    if (types.length > 1) return { kind: { k: 'union' }, nullable };
    const type = types[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
    const additional = typeof schema.additionalProperties === 'object' ? sub(schema.additionalProperties).kind : undefined;
    switch (type) {
      case 'object':
        if (schema.properties && Object.keys(schema.properties).length > 0) return withNull({ kind: additional ? { k: 'object', additional } : { k: 'object' }, nullable });
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
      return explained(`${what} documented as its base type ${showKind(evidence.oracle.base)} (NOTATION.md §3: consts and enum values are not said)${inner.verdict === 'explained' ? `; ${inner.reason}` : ''}`);
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
    if (inner.verdict !== 'disagree') return explained(`object with additionalProperties documented as its map (NOTATION.md §3, additionalProperties)${inner.verdict === 'explained' ? `; ${inner.reason}` : ''}`);
  }
  if (symmetric && expected.k === 'map' && actual.k === 'object' && actual.additional) {
    const inner = compareKinds(expected.values, actual.additional, limits, inside(evidence), symmetric);
    if (inner.verdict !== 'disagree') return explained(`object with additionalProperties documented as its map (NOTATION.md §3, additionalProperties)${inner.verdict === 'explained' ? `; ${inner.reason}` : ''}`);
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

/**
 * The IR object model documenting a schema name: the model whose heading matches after
 * normalisation, preferring one in the schema namespace folder; null when none does.
 */
export function findModel(ir: IR, schemaName: string): Model | null {
  const key = normalizeModelName(schemaName);
  let candidates = ir.models.filter((m) => normalizeModelName(m.name) === key);
  // Generators suffix `T` to names that clash with the SDK's own (`ErrorT`, `EnumT`, `AnyT`): a
  // fallback when the name itself matches nothing.
  if (candidates.length === 0) candidates = ir.models.filter((m) => normalizeModelName(m.name) === `${key}t`);
  if (candidates.length === 0) return null;
  const preferred = candidates.filter((m) => inSchemaNamespace(m.id));
  const pool = preferred.length > 0 ? preferred : candidates;
  return pool.find((m) => m.kind === 'object') ?? pool[0]!;
}

// ----- raw cells -------------------------------------------------------------------------------

const fileLines = new Map<string, string[]>();

/** The raw Type cell (second column) of a field's table row, for reports; '' when unreadable. */
export function rawTypeCell(docsDir: string, file: string, field: Field): string {
  const full = path.join(docsDir, file);
  let lines = fileLines.get(full);
  if (!lines) {
    lines = fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    fileLines.set(full, lines);
  }
  const row = lines[field.line - 1] ?? '';
  const cells = row.split(/(?<!\\)\|/);
  return (cells[2] ?? '').trim();
}

/**
 * True when a Type cell links to a model doc of the IR (links resolve against the doc's folder,
 * also when they climb out of the input folder and back in, as TypeScript docs' links do).
 */
export function cellLinksToModel(ir: IR, docsDir: string, file: string, cell: string): boolean {
  const files = new Set(ir.models.map((m) => m.file));
  for (const match of cell.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!.split('#')[0]!;
    if (!target || /^[a-z]+:/i.test(target)) continue;
    const resolved = path.relative(docsDir, path.resolve(docsDir, path.dirname(file), target)).split(path.sep).join('/');
    if (files.has(resolved)) return true;
  }
  return false;
}

/** The normalised names in the Field column (first cell) of a doc's tables, for telling docs2ts's gaps from the doc's. */
export function docFieldNames(docsDir: string, file: string): Set<string> {
  const names = new Set<string>();
  const text = fs.readFileSync(path.join(docsDir, file), 'utf8');
  for (const line of text.split(/\r\n|\r|\n/)) {
    const cell = /^\s*\|([^|]*)\|/.exec(line)?.[1]?.trim() ?? '';
    const name = /^(?:~~)?`([^`]+)`/.exec(cell)?.[1];
    if (name) names.add(normalizeFieldName(name));
  }
  return names;
}

// ----- conformance -----------------------------------------------------------------------------

/** One compared oracle property. */
export interface PropertyResult {
  schema: string;
  property: string;
  verdict: 'agree' | 'disagree' | 'explained';
  /** What differs (disagreements and explained ones). */
  problems: string[];
  /** NOTATION.md reasons (explained ones). */
  reasons: string[];
  /** Differences in what is never compared (nullability, enum value types, consts). */
  notes: string[];
  /** The doc and the field's Type cell, when there is a field. */
  where?: { file: string; line: number; cell: string };
}

/** The conformance of one tree. */
export interface TreeReport {
  tree: string;
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

/** Counts of a report. */
export function summarize(report: TreeReport): { compared: number; agree: number; disagree: number; explained: number; agreement: number } {
  const count = (v: PropertyResult['verdict']): number => report.results.filter((r) => r.verdict === v).length;
  const agree = count('agree');
  const disagree = count('disagree');
  return { compared: report.results.length, agree, disagree, explained: count('explained'), agreement: agree + disagree === 0 ? 1 : agree / (agree + disagree) };
}

/**
 * Compare a tree's IR with its oracle.
 *
 * @param corpus the `corpus` folder
 * @param ir the IR to check (default: the tree's, built once and cached)
 */
export function conformance(corpus: string, tree: OracleTree, ir: IR = treeIr(corpus, tree)): TreeReport {
  const dir = path.join(corpus, tree.name);
  const docsDir = path.join(dir, tree.docs);
  const oracle = new Oracle(dir, tree.oracles);
  const byId = modelIndex(ir);
  const limits = limitsOf(tree.language);
  const schemas = oracle.objectSchemas();
  const report: TreeReport = { tree: tree.name, schemas: schemas.length, documented: 0, undocumented: [], results: [], extra: [], additional: [] };

  for (const { name, file, schema } of schemas) {
    const model = findModel(ir, name);
    if (!model) {
      report.undocumented.push(name);
      continue;
    }
    report.documented++;
    const fields = model.kind === 'object' ? model.fields : [];
    const byName = new Map(fields.map((f) => [normalizeFieldName(f.name), f]));
    const required = new Set(schema.required ?? []);
    const matched = new Set<Field>();

    for (const [property, propSchema] of Object.entries(schema.properties ?? {})) {
      const result: PropertyResult = { schema: name, property, verdict: 'agree', problems: [], reasons: [], notes: [] };
      report.results.push(result);
      const prop = oracle.deref({ schema: propSchema, file });
      const field = byName.get(normalizeFieldName(property));
      if (!field) {
        // A row the doc has but the IR lacks is docs2ts's doing, never a limitation of the docs.
        const inDoc = docFieldNames(docsDir, model.file).has(normalizeFieldName(property));
        result.problems.push(`missing field (model ${model.id}${model.kind === 'object' ? '' : `, a ${model.kind}`}${inDoc ? '; the doc has a row for it' : ''})`);
        // The docs of one schema may be split into input and output models: a readOnly property
        // is left out of the model requests use, a writeOnly one out of the model responses use
        // (NOTATION.md's corpus table: the livepeer oracle is "exact up to 3 write-only fields").
        const ro = propSchema.readOnly === true || prop.schema.readOnly === true;
        const wo = propSchema.writeOnly === true || prop.schema.writeOnly === true;
        if ((ro || wo) && !inDoc) {
          result.verdict = 'explained';
          result.reasons.push(`${ro ? 'readOnly' : 'writeOnly'} property left out of the ${ro ? 'input' : 'output'} model (NOTATION.md, corpus table: write-only fields)`);
        } else result.verdict = 'disagree';
        continue;
      }
      matched.add(field);
      const cell = rawTypeCell(docsDir, model.file, field);
      result.where = { file: model.file, line: field.line, cell };
      const expected = oracle.kind({ schema: propSchema, file });
      const actual = irKind(ir, field.type, byId);

      const isRequired = required.has(property);
      let requiredDisagrees = isRequired !== field.required;
      if (requiredDisagrees) result.problems.push(`required: oracle ${isRequired}, IR ${field.required}`);
      // NOTATION.md §3: defaults are not said, and the Required column is the only signal of
      // optionality. A required property with a `default` is one the SDK fills in, so its doc
      // marks it optional: the doc cannot say "required on the wire, defaulted by the SDK".
      if (requiredDisagrees && isRequired && (propSchema.default !== undefined || prop.schema.default !== undefined)) {
        requiredDisagrees = false;
        result.reasons.push('required property with a default documented as optional (NOTATION.md §3: defaults are not said)');
      }

      const verdict = compareKinds(expected.kind, actual, limits, { oracle: expected, cell, linksToModel: cellLinksToModel(ir, docsDir, model.file, cell) });
      if (verdict.verdict !== 'agree') result.problems.push(`type: oracle ${showKind(expected.kind)}, IR ${showKind(actual)}`);
      if (verdict.verdict === 'explained') result.reasons.push(verdict.reason);

      // Never compared (NOTATION.md §3): nullability is mostly lost; enum value types are not said.
      const irNullable = field.nullable || irTypeNullable(field.type, byId);
      if (expected.nullable !== irNullable) result.notes.push(`nullable: oracle ${expected.nullable}, IR ${irNullable}`);
      if (expected.kind.k === 'enum' && field.type.kind === 'ref') {
        const target = byId.get(field.type.model);
        const oracleTypes = [...new Set((expected.enumValues ?? []).map((v) => typeof v))];
        if (target?.kind === 'enum' && oracleTypes.length === 1 && target.valueType !== oracleTypes[0]) result.notes.push(`enum value type: oracle ${oracleTypes[0]}, IR ${target.valueType}`);
      }

      const typeDisagrees = verdict.verdict === 'disagree';
      result.verdict = typeDisagrees || requiredDisagrees ? 'disagree' : result.reasons.length > 0 ? 'explained' : 'agree';
    }
    for (const field of fields) if (!matched.has(field)) report.extra.push(`${name}.${field.name}`);
    // The additionalProperties type (not counted: a check on the side, printed by the test).
    if (model.kind === 'object' && typeof schema.additionalProperties === 'object') {
      const expected = oracle.kind({ schema: schema.additionalProperties, file }).kind;
      const actual = model.additionalProperties ? irKind(ir, model.additionalProperties, byId) : null;
      if (!actual) report.additional.push(`${name}: oracle additionalProperties ${showKind(expected)}, IR none`);
      else if (compareKinds(expected, actual, limits).verdict === 'disagree') report.additional.push(`${name}: oracle additionalProperties ${showKind(expected)}, IR ${showKind(actual)}`);
    }
  }
  return report;
}

/** A per-tree table (Markdown). */
export function formatTable(reports: readonly TreeReport[]): string {
  const rows = reports.map((r) => {
    const s = summarize(r);
    return `| ${r.tree} | ${r.documented}/${r.schemas} | ${s.compared} | ${s.agree} | ${s.disagree} | ${s.explained} | ${(s.agreement * 100).toFixed(1)}% |`;
  });
  return ['| tree | schemas documented/total | fields compared | agreeing | disagreeing | explained | agreement |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The disagreements of a tree, one a line (at most `limit`). */
export function formatDisagreements(report: TreeReport, limit = 20): string {
  const bad = report.results.filter((r) => r.verdict === 'disagree');
  const lines = bad.slice(0, limit).map((r) => `  ${r.schema}.${r.property}: ${r.problems.join('; ')}${r.where ? `  [${r.where.file}:${r.where.line} \`${r.where.cell}\`]` : ''}`);
  if (bad.length > limit) lines.push(`  … and ${bad.length - limit} more`);
  return `${report.tree}: ${bad.length} disagreement(s)\n${lines.join('\n')}`;
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
export function crossTree(corpus: string, trees: readonly OracleTree[]): { models: number; differences: CrossDifference[] } {
  const irs = trees.map((t) => treeIr(corpus, t));
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
    const docsDirs = trees.map((t) => path.join(corpus, t.name, t.docs));
    const fieldSets = models.map((model, i) => {
      const byId = modelIndex(irs[i]!);
      const fields = new Map<string, CrossField>();
      if (model.kind === 'object') {
        for (const f of model.fields) fields.set(normalizeFieldName(f.name), { required: f.required, kind: irKind(irs[i]!, f.type, byId), cell: rawTypeCell(docsDirs[i]!, model.file, f) });
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
          const la = limitsOf(trees[i]!.language);
          const lb = limitsOf(trees[j]!.language);
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
