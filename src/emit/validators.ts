/**
 * Validator code for TypeRefs: one transform per node kind, in three forms.
 * - guard: a boolean expression (or a call of a hoisted helper) that allocates nothing, for `isX`.
 * - report: statements that push at least one error (each with its JSON Pointer) onto `errors`
 *   for a value already known not to match, for `validateX`.
 * - check: `if (!guard) report`: every error of any value, and no work beyond the guard when it is valid.
 *
 * Semantics (shared with the interfaces; see README "Validation semantics"): `number` is a finite
 * number, `integer` passes `Number.isInteger`, `date` / `date-time` are RFC 3339 strings (or valid
 * `Date` objects with `dates: "Date"`), `unknown` is any value, arrays and maps are checked element
 * by element, a union needs one member to match. A union whose members are all objects told apart by
 * a required literal or enum field (see {@link discriminator}) dispatches on that field, and reports
 * the errors of the member it selects; another union reports the errors of its only member that can
 * take the value's JSON kind (array or object), else one mismatch at the union's pointer.
 *
 * Two variants of the code exist for `dates: "Date"`: the in-memory form (`Date` objects; `isX`,
 * `checkX`) and the JSON form (RFC 3339 strings; `isX$json`, `checkX$json`, for `parseX`).
 *
 * @module
 */

import type { EnumModel, LiteralValue, Model, TypeRef } from '../core/ir.js';
import { tsType } from './types.js';

/** A helper function hoisted to module level: its name and full source. */
export interface Helper {
  name: string;
  source: string;
}

/** The options that change what a validator accepts. */
export interface ValidatorOptions {
  /** Keys a table does not list: allowed, or reported each at its pointer. */
  additionalProperties: 'allow' | 'reject';
  /** Optional fields also accept `null`. */
  nullableOptionals: boolean;
  /** `date` / `date-time` in memory: RFC 3339 strings, or `Date` objects. */
  dates: 'string' | 'Date';
}

/** The default options: what docs2ts did before the options existed. */
export const DEFAULT_VALIDATOR_OPTIONS: ValidatorOptions = { additionalProperties: 'allow', nullableOptionals: false, dates: 'string' };

/** Which form of a value the code is for: in memory (`Date` objects with `dates: "Date"`), or JSON. */
export type Form = 'memory' | 'json';

/** The JSON kinds a union member is told apart by. */
type JsonKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
const ALL_KINDS: readonly JsonKind[] = ['null', 'boolean', 'number', 'string', 'array', 'object'];

/** A union's dispatch field: its key, and the member (index) each of its values selects. */
export interface Discriminator {
  key: string;
  /** Value → index of the member in the union's members. */
  cases: Map<LiteralValue, number>;
}

/**
 * The field a union of objects dispatches on: every non-null member is a reference to an object
 * model, every one of them has this field as required and not nullable, its type is a literal, an
 * enum (not open) or a union of those, and no value belongs to two members. The first such field of
 * the first member wins; null when there is none.
 *
 * @param members the union's members (a `null` literal member is ignored)
 * @param models every model by id
 */
export function discriminator(members: readonly TypeRef[], models: ReadonlyMap<string, Model>): Discriminator | null {
  const objects = members.filter((m) => !(m.kind === 'literal' && m.value === null));
  if (objects.length < 2) return null;
  const resolved = objects.map((m) => (m.kind === 'ref' ? models.get(m.model) : undefined));
  if (!resolved.every((m) => m !== undefined && m.kind === 'object')) return null;
  const first = resolved[0]!;
  if (first.kind !== 'object') return null;
  for (const field of first.fields) {
    const cases = new Map<LiteralValue, number>();
    let ok = true;
    for (let i = 0; i < resolved.length && ok; i++) {
      const model = resolved[i]!;
      const f = model.kind === 'object' ? model.fields.find((g) => g.name === field.name) : undefined;
      const values = f && f.required && !f.nullable ? literalValues(f.type, models) : null;
      if (values === null || values.length === 0) ok = false;
      else
        for (const v of values) {
          if (cases.has(v)) ok = false;
          cases.set(v, members.indexOf(objects[i]!));
        }
    }
    if (ok) return { key: field.name, cases };
  }
  return null;
}

/** The values of a type made only of literals and closed enums (no null), else null. */
function literalValues(type: TypeRef, models: ReadonlyMap<string, Model>, seen = new Set<string>()): LiteralValue[] | null {
  switch (type.kind) {
    case 'literal':
      return type.value === null ? null : [type.value];
    case 'ref': {
      const model = models.get(type.model);
      if (!model || seen.has(model.id)) return null;
      if (model.kind === 'enum') return model.open ? null : model.values.map((v) => v.value);
      if (model.kind === 'union') return literalValues({ kind: 'union', members: model.members }, models, new Set([...seen, model.id]));
      return null;
    }
    case 'union': {
      const all: LiteralValue[] = [];
      for (const m of type.members) {
        const values = literalValues(m, models, seen);
        if (values === null) return null;
        all.push(...values);
      }
      return all;
    }
    default:
      return null;
  }
}

/**
 * The ids of the models whose values hold a `date` or `date-time` somewhere (directly, or through
 * the models they reach): with `dates: "Date"` their in-memory and JSON forms differ.
 */
export function modelsWithDates(models: ReadonlyMap<string, Model>): Set<string> {
  const out = new Set<string>();
  const has = (type: TypeRef): boolean => {
    switch (type.kind) {
      case 'primitive':
        return type.type === 'date' || type.type === 'date-time';
      case 'ref':
        return out.has(type.model);
      case 'array':
        return has(type.items);
      case 'map':
        return has(type.values);
      case 'union':
        return type.members.some(has);
      default:
        return false;
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const model of models.values()) {
      if (out.has(model.id)) continue;
      const types = model.kind === 'object' ? [...model.fields.map((f) => f.type), ...(model.additionalProperties ? [model.additionalProperties] : [])] : model.kind === 'union' ? model.members : [];
      if (types.some(has)) {
        out.add(model.id);
        changed = true;
      }
    }
  }
  return out;
}

/** The JS condition that a value `x` is a plain JSON object (not null, not an array). */
export function isObjectExpr(x: string): string {
  return `typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x})`;
}

/** Emits validator code for the models of one output file, hoisting helpers for composite types. */
export class ValidatorWriter {
  readonly helpers: Helper[] = [];
  /** Identifiers of other models' files used by the code written so far, by model id. */
  readonly imports = new Map<string, Set<string>>();
  /** Models whose JSON form differs from their in-memory form (only with `dates: "Date"`). */
  readonly withDates: ReadonlySet<string>;
  private counter = 0;
  private readonly hoisted = new Map<string, string>();

  constructor(
    /** Every model of the IR by id. */
    readonly models: ReadonlyMap<string, Model>,
    /** Prefix for hoisted helper names (`$` never occurs in a model's tsName, so names cannot clash). */
    private readonly prefix: string,
    readonly options: ValidatorOptions = DEFAULT_VALIDATOR_OPTIONS,
    withDates?: ReadonlySet<string>,
  ) {
    this.withDates = options.dates === 'Date' ? (withDates ?? modelsWithDates(models)) : new Set();
  }

  /** The TypeScript name of a referenced model. */
  nameOf(id: string): string {
    return this.models.get(id)!.tsName;
  }

  /** Record that `prefix + tsName + suffix` of model `id` is used, and return it. */
  use(id: string, prefix: '' | 'is' | 'check' | 'to', suffix: '' | '$json' = ''): string {
    const name = `${prefix}${this.nameOf(id)}${suffix}`;
    let names = this.imports.get(id);
    if (!names) this.imports.set(id, (names = new Set()));
    names.add(name);
    return name;
  }

  /** The suffix of a model's functions for a form: `$json` for the JSON form of a model with dates. */
  suffix(id: string, form: Form): '' | '$json' {
    return form === 'json' && this.withDates.has(id) ? '$json' : '';
  }

  /** How the expected type reads in error messages. */
  expected(type: TypeRef, form: Form = 'memory'): string {
    switch (type.kind) {
      case 'primitive':
        return (type.type === 'date' || type.type === 'date-time') && form === 'memory' && this.options.dates === 'Date' ? 'Date' : type.type;
      case 'array':
        return type.items.kind === 'union' ? `(${this.expected(type.items, form)})[]` : `${this.expected(type.items, form)}[]`;
      case 'map':
        return `{ [key: string]: ${this.expected(type.values, form)} }`;
      case 'union':
        return type.members.map((m) => this.expected(m, form)).join(' | ');
      default:
        return tsType(type, (id) => this.nameOf(id));
    }
  }

  /**
   * A boolean expression true when `x` (an identifier) has type `type`; allocates nothing.
   * Composite types become a call to a hoisted helper.
   */
  guard(type: TypeRef, x: string, form: Form = 'memory'): string {
    switch (type.kind) {
      case 'primitive':
        return this.primitiveGuard(type.type, x, form);
      case 'literal':
        return `${x} === ${JSON.stringify(type.value)}`;
      case 'ref':
        return `${this.use(type.model, 'is', this.suffix(type.model, form))}(${x})`;
      case 'union': {
        const others = type.members.filter((m) => !(m.kind === 'literal' && m.value === null));
        // `X | null` with a simple X stays inline.
        if (others.length === 1 && (others[0]!.kind === 'primitive' || others[0]!.kind === 'literal' || others[0]!.kind === 'ref')) {
          const inner = this.guard(others[0]!, x, form);
          return inner === 'true' ? 'true' : others.length < type.members.length ? `${x} === null || ${inner}` : inner;
        }
        return `${this.hoistGuard(type, form)}(${x})`;
      }
      case 'array':
      case 'map':
        return `${this.hoistGuard(type, form)}(${x})`;
    }
  }

  /** The guard of a primitive type (inline). */
  primitiveGuard(type: Extract<TypeRef, { kind: 'primitive' }>['type'], x: string, form: Form): string {
    switch (type) {
      case 'string':
        return `typeof ${x} === "string"`;
      case 'number':
        // Number.isFinite is false for anything that is not a number (no coercion).
        return `Number.isFinite(${x})`;
      case 'integer':
        return `Number.isInteger(${x})`;
      case 'boolean':
        return `typeof ${x} === "boolean"`;
      case 'date':
      case 'date-time':
        if (form === 'memory' && this.options.dates === 'Date') return `${x} instanceof Date && !Number.isNaN(${x}.getTime())`;
        return `typeof ${x} === "string" && rt.${type === 'date' ? 'isDate' : 'isDateTime'}(${x})`;
      case 'unknown':
        return 'true';
    }
  }

  /** A body for a guard of a union of members on `value` (statements ending in a return). */
  unionGuardBody(members: readonly TypeRef[], form: Form): string {
    if (members.length === 0) return 'return false;';
    const disc = discriminator(members, this.models);
    if (disc) {
      const lines: string[] = [];
      if (members.some((m) => m.kind === 'literal' && m.value === null)) lines.push('if (value === null) return true;');
      lines.push(`if (!(${isObjectExpr('value')})) return false;`);
      lines.push(`switch ((value as Record<string, unknown>)[${JSON.stringify(disc.key)}]) {`);
      for (const [index, values] of groupCases(disc)) {
        lines.push(`${values.map((v) => `case ${JSON.stringify(v)}:`).join(' ')} return ${this.guard(members[index]!, 'value', form)};`);
      }
      lines.push('default: return false; }');
      return lines.join('\n');
    }
    const tests = members.map((m) => this.guard(m, 'value', form));
    if (tests.includes('true')) return 'return true;';
    return `return ${tests.map((t) => `(${t})`).join(' || ')};`;
  }

  private hoistGuard(type: TypeRef, form: Form): string {
    const key = `is:${form}:${JSON.stringify(type)}`;
    const known = this.hoisted.get(key);
    if (known) return known;
    const name = `is${this.prefix}$${++this.counter}`;
    this.hoisted.set(key, name);
    const lines: string[] = [];
    if (type.kind === 'array') {
      const item = this.guard(type.items, 'x', form);
      lines.push('if (!Array.isArray(value)) return false;');
      if (item !== 'true') lines.push(`for (let i = 0; i < value.length; i++) { const x: unknown = value[i]; if (${not(item)}) return false; }`);
      lines.push('return true;');
    } else if (type.kind === 'map') {
      const item = this.guard(type.values, 'x', form);
      lines.push(`if (!(${isObjectExpr('value')})) return false;`);
      if (item !== 'true') {
        // An inherited key (from a prototype other than Object's) is not an entry: hasOwn only when an entry fails.
        lines.push('const v = value as Record<string, unknown>;');
        lines.push(`for (const key in v) { const x = v[key]; if (${not(item)} && rt.hasOwn(v, key)) return false; }`);
      }
      lines.push('return true;');
    } else if (type.kind === 'union') {
      lines.push(this.unionGuardBody(type.members, form));
    }
    this.helpers.push({ name, source: `function ${name}(value: unknown): boolean {\n${lines.join('\n')}\n}` });
    return name;
  }

  /**
   * Statements that push an error for every place where `x` does not have type `type`, and do
   * nothing more than the guard when it does.
   *
   * Guards come first: a valid value costs its guard (which allocates nothing), an invalid one its
   * guard up to the first failure, then the report; so check functions run on invalid values only,
   * and a pointer is built only on the way down to an error.
   *
   * @param x an identifier holding the value
   * @param rel an expression giving the value's JSON Pointer
   */
  check(type: TypeRef, x: string, rel: string, form: Form = 'memory'): string {
    const ok = this.guard(type, x, form);
    if (ok === 'true') return '';
    return `if (${not(ok)}) { ${this.report(type, x, rel, form)} }`;
  }

  /** A call of a check function on `x` at pointer `path`. */
  private nested(fn: string, x: string, path: string): string {
    return `${fn}(${x}, ${path}, errors);`;
  }

  /**
   * Statements that push at least one error for `x`, known not to have type `type` (its guard is
   * false): the errors inside it where there is a structure to look into, else one mismatch.
   */
  report(type: TypeRef, x: string, rel: string, form: Form = 'memory'): string {
    switch (type.kind) {
      case 'primitive':
      case 'literal':
        return `rt.mismatch(errors, ${rel}, ${JSON.stringify(this.expected(type, form))}, ${x});`;
      case 'ref':
        // Also for enums: their expected values stay in their own file (a doc edit changes one file).
        return this.nested(this.use(type.model, 'check', this.suffix(type.model, form)), x, rel);
      case 'array':
      case 'map':
        return this.nested(this.hoistCheck(type, form), x, rel);
      case 'union':
        return this.unionReport(type.members, x, rel, this.expected(type, form), form);
    }
  }

  /**
   * Report statements for a union's value known to match none of its members: a dispatched union
   * reports the selected member's errors (or the dispatch field's); otherwise the only member that
   * can take the value's kind (array or object) reports its errors; else one mismatch.
   */
  unionReport(members: readonly TypeRef[], x: string, path: string, expected: string, form: Form): string {
    const mismatch = `rt.mismatch(errors, ${path}, ${JSON.stringify(expected)}, ${x});`;
    const disc = discriminator(members, this.models);
    if (disc) {
      const key = JSON.stringify(disc.key);
      const keyPath = joinPointer(path, `/${escapePointer(disc.key)}`);
      const keyExpected = JSON.stringify([...disc.cases.keys()].map((v) => JSON.stringify(v)).join(' | '));
      const lines = [`if (!(${isObjectExpr(x)})) ${mismatch}`, `else switch ((${x} as Record<string, unknown>)[${key}]) {`];
      for (const [index, values] of groupCases(disc)) {
        lines.push(`${values.map((v) => `case ${JSON.stringify(v)}:`).join(' ')} ${this.report(members[index]!, x, path, form)} break;`);
      }
      lines.push(`default: if (!rt.hasOwn(${x}, ${key})) rt.missing(errors, ${keyPath}, ${keyExpected}); else rt.mismatch(errors, ${keyPath}, ${keyExpected}, (${x} as Record<string, unknown>)[${key}]); }`);
      return lines.join('\n');
    }
    const others = members.filter((m) => !(m.kind === 'literal' && m.value === null));
    // `X | null`: report the errors inside X rather than one mismatch for the whole value.
    if (others.length === 1 && others.length < members.length) return this.report(others[0]!, x, path, form);
    const branches: string[] = [];
    for (const [kind, test] of [
      ['array', `Array.isArray(${x})`],
      ['object', isObjectExpr(x)],
    ] as const) {
      const able = members.filter((m) => this.kinds(m, form).has(kind));
      if (able.length === 1) branches.push(`if (${test}) { ${this.report(able[0]!, x, path, form)} }`);
    }
    return branches.length === 0 ? mismatch : `${branches.join(' else ')} else ${mismatch}`;
  }

  /** The JSON kinds values of a type can have. */
  kinds(type: TypeRef, form: Form, seen: ReadonlySet<string> = new Set()): Set<JsonKind> {
    switch (type.kind) {
      case 'primitive':
        if (type.type === 'unknown') return new Set(ALL_KINDS);
        if (type.type === 'integer' || type.type === 'number') return new Set(['number']);
        if (type.type === 'boolean') return new Set(['boolean']);
        // A Date object is an object to typeof.
        return new Set([type.type !== 'string' && form === 'memory' && this.options.dates === 'Date' ? 'object' : 'string']);
      case 'literal':
        return new Set([kindOf(type.value)]);
      case 'array':
        return new Set(['array']);
      case 'map':
        return new Set(['object']);
      case 'union': {
        const all = new Set<JsonKind>();
        for (const m of type.members) for (const k of this.kinds(m, form, seen)) all.add(k);
        return all;
      }
      case 'ref': {
        const model = this.models.get(type.model);
        if (!model || seen.has(model.id)) return new Set(ALL_KINDS);
        if (model.kind === 'object') return new Set(['object']);
        if (model.kind === 'union') return this.kinds({ kind: 'union', members: model.members }, form, new Set([...seen, model.id]));
        const kinds = new Set<JsonKind>(model.values.map((v) => kindOf(v.value)));
        const open = openEnumType(model);
        if (open) kinds.add(open);
        return kinds;
      }
    }
  }

  /** True when a value of `type` holds a date somewhere (so its JSON form needs converting). */
  hasDates(type: TypeRef): boolean {
    if (this.options.dates !== 'Date') return false;
    switch (type.kind) {
      case 'primitive':
        return type.type === 'date' || type.type === 'date-time';
      case 'ref':
        return this.withDates.has(type.model);
      case 'array':
        return this.hasDates(type.items);
      case 'map':
        return this.hasDates(type.values);
      case 'union':
        return type.members.some((m) => this.hasDates(m));
      default:
        return false;
    }
  }

  /**
   * An expression converting `x`, a valid JSON form of `type`, to its in-memory form (dates as
   * `Date` objects; new arrays and objects where something inside changes; the value itself elsewhere).
   */
  convert(type: TypeRef, x: string): string {
    if (!this.hasDates(type)) return x;
    switch (type.kind) {
      case 'primitive':
        return `rt.toDate(${x} as string)`;
      case 'ref':
        return `${this.use(type.model, 'to', '$json')}(${x})`;
      case 'literal':
        return x;
      default:
        return `${this.hoistConvert(type)}(${x})`;
    }
  }

  private hoistConvert(type: Extract<TypeRef, { kind: 'array' | 'map' | 'union' }>): string {
    const key = `to:${JSON.stringify(type)}`;
    const known = this.hoisted.get(key);
    if (known) return known;
    const name = `to${this.prefix}$${++this.counter}`;
    this.hoisted.set(key, name);
    const lines: string[] = [];
    if (type.kind === 'array') {
      lines.push(`return (value as unknown[]).map((x) => ${this.convert(type.items, 'x')});`);
    } else if (type.kind === 'map') {
      lines.push('const v = value as Record<string, unknown>;', 'const out: Record<string, unknown> = {};');
      lines.push(`for (const key in v) if (rt.hasOwn(v, key)) rt.define(out, key, ${this.convert(type.values, 'v[key]')});`);
      lines.push('return out;');
    } else {
      // The first member whose JSON form matches decides (a string member before a date member keeps the string).
      for (const member of type.members) {
        const ok = this.guard(member, 'value', 'json');
        const converted = this.convert(member, 'value');
        if (ok === 'true') {
          lines.push(`return ${converted};`);
          break;
        }
        lines.push(`if (${ok}) return ${converted};`);
      }
      if (!lines.at(-1)!.startsWith('return')) lines.push('return value;');
    }
    this.helpers.push({ name, source: `function ${name}(value: unknown): unknown {\n${lines.join('\n')}\n}` });
    return name;
  }

  private hoistCheck(type: Extract<TypeRef, { kind: 'array' | 'map' }>, form: Form): string {
    const key = `check:${form}:${JSON.stringify(type)}`;
    const known = this.hoisted.get(key);
    if (known) return known;
    const name = `check${this.prefix}$${++this.counter}`;
    this.hoisted.set(key, name);
    let body: string;
    const expected = JSON.stringify(this.expected(type, form));
    if (type.kind === 'array') {
      const item = this.check(type.items, 'x', 'path + "/" + i', form);
      body = [`if (!Array.isArray(value)) { rt.mismatch(errors, path, ${expected}, value); return; }`, `for (let i = 0; i < value.length; i++) { const x: unknown = value[i]; ${item} }`].join('\n');
    } else {
      // Entries are tested first (an inherited key is no entry, and hasOwn costs a lookup).
      const item = this.guard(type.values, 'x', form);
      const report = this.report(type.values, 'x', 'path + "/" + rt.pointer(key)', form);
      body = [
        `if (!(${isObjectExpr('value')})) { rt.mismatch(errors, path, ${expected}, value); return; }`,
        'const v = value as Record<string, unknown>;',
        `for (const key in v) { const x = v[key]; if (${not(item)} && rt.hasOwn(v, key)) { ${report} } }`,
      ].join('\n');
    }
    this.helpers.push({ name, source: `function ${name}(value: unknown, path: string, errors: rt.ValidationError[]): void {\n${body}\n}` });
    return name;
  }
}

/**
 * What an open enum accepts besides its known values: any number for an enum of numbers
 * (`Unrecognized<number>`, corpus-wild typescript-openrouterteam… `chainid.md`), any string
 * otherwise (`Unrecognized<string>`); null for a closed enum.
 */
export function openEnumType(model: EnumModel): 'string' | 'number' | null {
  if (!model.open) return null;
  return model.valueType === 'number' ? 'number' : 'string';
}

/**
 * The known values of an open enum that its open type does not cover already (the booleans of an
 * open string enum, say), for guards and schemas that test `typeof` first.
 */
export function openEnumExtras(model: EnumModel): LiteralValue[] {
  const open = openEnumType(model);
  return model.values.map((v) => v.value).filter((v) => typeof v !== open);
}

/** How an enum's expected values read in error messages: its literals (up to 10), or a count; an open enum's type. */
export function enumExpected(model: EnumModel): string {
  const literals = model.values.map((v) => JSON.stringify(v.value));
  const open = openEnumType(model);
  if (open) return [open, ...openEnumExtras(model).map((v) => JSON.stringify(v))].join(' | ');
  return literals.length === 0 ? 'never' : literals.length <= 10 ? literals.join(' | ') : `one of the ${literals.length} values of ${model.tsName}`;
}

/** The negation of a guard expression, written the way a person would (`typeof x !== "string"`, `!isX(x)`). */
export function not(expr: string): string {
  const typeOf = /^typeof (\w+) === ("\w+")$/.exec(expr);
  if (typeOf) return `typeof ${typeOf[1]} !== ${typeOf[2]}`;
  if (/^[\w$.]+\([\w$]*\)$/.test(expr)) return `!${expr}`;
  return `!(${expr})`;
}

/**
 * A pointer expression extended by a literal suffix (`"/kind"`): folded when the pointer is a
 * literal, else a concatenation.
 */
export function joinPointer(rel: string, suffix: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(rel)) return JSON.stringify((JSON.parse(rel) as string) + suffix);
  return `${rel} + ${JSON.stringify(suffix)}`;
}

/** Escape one JSON Pointer reference token (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function kindOf(value: LiteralValue): JsonKind {
  return value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
}

/** The dispatch cases grouped by member, in member order: [member index, its values]. */
function groupCases(disc: Discriminator): [number, LiteralValue[]][] {
  const groups = new Map<number, LiteralValue[]>();
  for (const [value, index] of disc.cases) {
    let list = groups.get(index);
    if (!list) groups.set(index, (list = []));
    list.push(value);
  }
  return [...groups].sort((a, b) => a[0] - b[0]);
}
