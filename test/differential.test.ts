/**
 * Differential test of the three targets (fast-check, seeded): random IRs (every TypeRef kind,
 * nesting, self and mutual recursion, tagged unions, nullable and optional mixes, odd keys, random
 * options), values generated to conform to the root, and values mutated to break one place.
 * For every value the generated `isX` and `validateX` agree with each other, with ajv on the
 * emitted JSON Schema (`ownProperties: true`: JSON data has no inherited keys) and with zod's
 * `safeParse` on the emitted zod schema; on a value that breaks, `validateX` reports the broken
 * place: its own pointer (or one inside the wrong value put there), or the pointer of a union
 * around it that no field tells apart.
 *
 * Cases (values checked): 2,000 by default (50 random IRs; CI's .ci/run sets 5,000), `DOCS2TS_DIFF_RUNS` for more. The seed is fixed
 * (`DOCS2TS_DIFF_SEED` to change it); a failure prints fast-check's seed and path to replay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitUnformatted } from '../src/emit/index.js';
import type { EnumModel, Field, IR, LiteralValue, Model, ObjectModel, TypeRef, UnionModel } from '../src/core/ir.js';
import { ROOT, tmpDir } from './helpers.js';
import { compileSchema, writeFiles } from './load-targets.js';

const CASES = Number(process.env.DOCS2TS_DIFF_RUNS ?? 2000);
const SEED = Number(process.env.DOCS2TS_DIFF_SEED ?? 20240229);
/** Values checked per random IR (valid and mutated). */
const VALUES_PER_IR = 40;

/** Keys that broke naive validators: prototype names, pointer escapes, empty, unicode, separators. */
const KEYS = [
  'id',
  'name',
  'kind',
  'a',
  'b',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'a/b',
  'a~b',
  '~1',
  '',
  ' ',
  '0',
  'é',
  'ключ',
  '$ref',
  'with space',
  '"q"',
  'line\u2028sep',
];

type Options = { additionalProperties: 'allow' | 'reject'; nullableOptionals: boolean; enumStyle: 'enum' | 'const' | 'union' };

// ---------------------------------------------------------------------------------------------
// Random IRs
// ---------------------------------------------------------------------------------------------

/** A deterministic PRNG (mulberry32) for what fast-check hands a seed to. */
function prng(seed: number): { int(n: number): number; chance(p: number): boolean; pick<T>(a: readonly T[]): T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), chance: (p) => next() < p, pick: (arr) => arr[Math.floor(next() * arr.length)]! };
}

type Rand = ReturnType<typeof prng>;

const PRIMITIVES = ['string', 'number', 'integer', 'boolean', 'date', 'date-time', 'unknown'] as const;

function randomType(r: Rand, models: number, depth: number): TypeRef {
  const roll = r.int(depth <= 0 ? 4 : 10);
  if (roll <= 1) return { kind: 'primitive', type: r.pick(PRIMITIVES) };
  if (roll === 2) return { kind: 'ref', model: `m${r.int(models)}.md` };
  if (roll === 3) return { kind: 'literal', value: r.pick<LiteralValue>(['on', 'off', 0, 7, true, false, null, '']) };
  if (roll <= 5) return { kind: 'array', items: randomType(r, models, depth - 1) };
  if (roll === 6) return { kind: 'map', values: randomType(r, models, depth - 1) };
  if (roll === 7) return { kind: 'ref', model: `m${r.int(models)}.md` };
  const members = Array.from({ length: 1 + r.int(3) }, () => randomType(r, models, depth - 1));
  if (r.chance(0.4)) members.push({ kind: 'literal', value: null });
  return { kind: 'union', members };
}

function base(i: number, tsName: string): Omit<ObjectModel, 'kind' | 'fields' | 'additionalProperties'> {
  return { id: `m${i}.md`, name: tsName, tsName, file: `m${i}.md`, line: 1, description: null, deprecated: false };
}

function field(name: string, type: TypeRef, required: boolean, nullable: boolean): Field {
  return { name, type, required, nullable, description: null, example: null, deprecated: false, line: 1, column: 1 };
}

/**
 * A random IR of 1–6 models (object, enum, union), some tagged families (objects with a required
 * literal or enum `kind`-like field and a union of them), then fixed so every model has a finite value.
 */
function randomIR(seed: number): IR {
  const r = prng(seed);
  const count = 1 + r.int(6);
  const models: Model[] = [];
  for (let i = 0; i < count; i++) {
    const tsName = `M${i}`;
    const roll = r.int(10);
    if (roll < 6 || i === 0) {
      const names = [...KEYS].sort(() => r.int(3) - 1).slice(0, r.int(6));
      const unique = [...new Set(names)];
      models.push({
        ...base(i, tsName),
        kind: 'object',
        fields: unique.map((name) => field(name, randomType(r, count, 2), r.chance(0.5), r.chance(0.3))),
        additionalProperties: r.chance(0.15) ? randomType(r, count, 1) : null,
      });
    } else if (roll < 8) {
      const kind = r.pick(['string', 'number', 'boolean', 'mixed'] as const);
      const pool: (string | number | boolean)[] =
        kind === 'string' ? ['a', 'b-c', 'D', 'é', ''] : kind === 'number' ? [1, 2, 3.5, -4, 0] : kind === 'boolean' ? [true, false] : ['x', 1, true];
      const values = [...new Set(pool.filter(() => r.chance(0.6)))];
      if (values.length === 0) values.push(pool[0]!);
      models.push({
        ...base(i, tsName),
        kind: 'enum',
        valueType: kind,
        values: values.map((value, j) => ({ name: String(value), memberName: `V${j}`, value, line: 1, column: 1 })),
        open: kind === 'string' && r.chance(0.2),
      } satisfies EnumModel);
    } else {
      models.push({ ...base(i, tsName), kind: 'union', members: Array.from({ length: 1 + r.int(3) }, () => randomType(r, count, 1)) } satisfies UnionModel);
    }
  }
  // A tagged family: members told apart by a required literal (or enum) field, and a union of them.
  if (r.chance(0.5)) {
    const tag = r.pick(['kind', 'type', '__proto__', 'a/b']);
    const size = 2 + r.int(2);
    const first = models.length;
    const tagEnum = r.chance(0.3) ? first + size + 1 : -1;
    for (let j = 0; j < size; j++) {
      const i = first + j;
      const tagType: TypeRef = tagEnum >= 0 && j === 0 ? { kind: 'ref', model: `m${tagEnum}.md` } : { kind: 'literal', value: r.chance(0.8) ? `t${j}` : j };
      const extra = [...new Set([...KEYS].sort(() => r.int(3) - 1).slice(0, r.int(4)))].filter((k) => k !== tag);
      models.push({
        ...base(i, `M${i}`),
        kind: 'object',
        fields: [field(tag, tagType, true, false), ...extra.map((name) => field(name, randomType(r, first + size, 1), r.chance(0.5), r.chance(0.3)))],
        additionalProperties: null,
      });
    }
    const members: TypeRef[] = Array.from({ length: size }, (_, j) => ({ kind: 'ref', model: `m${first + j}.md` }));
    if (r.chance(0.3)) members.push({ kind: 'literal', value: null });
    models.push({ ...base(first + size, `M${first + size}`), kind: 'union', members });
    if (tagEnum >= 0) {
      models.push({
        ...base(tagEnum, `M${tagEnum}`),
        kind: 'enum',
        valueType: 'string',
        open: false,
        values: ['e1', 'e2'].map((value, j) => ({ name: value, memberName: `V${j}`, value, line: 1, column: 1 })),
      });
    }
    // Reach the family from the root.
    const root = models[0]!;
    if (root.kind === 'object' && !root.fields.some((f) => f.name === 'family'))
      root.fields.push(
        field(
          'family',
          r.chance(0.5) ? { kind: 'ref', model: `m${first + size}.md` } : { kind: 'array', items: { kind: 'ref', model: `m${first + size}.md` } },
          r.chance(0.7),
          false,
        ),
      );
  }
  breakUnionCycles(models);
  makeInhabited(models);
  return { version: 1, roots: ['m0.md'], models, diagnostics: [] };
}

/**
 * The IR has no union that refers to itself through unions alone (the model builder reads such a
 * cycle as its other members, see `union-cycle`): a union model's direct references to union models
 * go to earlier models only; later ones become `string`.
 */
function breakUnionCycles(models: Model[]): void {
  const index = new Map(models.map((m, i) => [m.id, i]));
  const fix = (t: TypeRef, own: number): TypeRef => {
    if (t.kind === 'union') return { kind: 'union', members: t.members.map((m) => fix(m, own)) };
    if (t.kind === 'ref' && models[index.get(t.model)!]!.kind === 'union' && index.get(t.model)! >= own) return { kind: 'primitive', type: 'string' };
    return t;
  };
  models.forEach((m, i) => {
    if (m.kind === 'union') m.members = m.members.map((t) => fix(t, i));
  });
}

/** Turn required fields optional (and give unions a string member) until every model has a finite value. */
function makeInhabited(models: Model[]): void {
  const byId = new Map(models.map((m) => [m.id, m]));
  for (;;) {
    const finite = finiteModels(byId);
    const stuck = models.filter((m) => !finite.has(m.id));
    if (stuck.length === 0) return;
    for (const m of stuck) {
      if (m.kind === 'object') {
        for (const f of m.fields) if (f.required && !f.nullable && !finiteType(f.type, finite, byId)) f.required = false;
      } else if (m.kind === 'union') m.members.push({ kind: 'primitive', type: 'string' });
    }
  }
}

function finiteModels(byId: ReadonlyMap<string, Model>): Set<string> {
  const finite = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const m of byId.values()) {
      if (finite.has(m.id)) continue;
      const ok =
        m.kind === 'enum'
          ? m.values.length > 0 || m.open
          : m.kind === 'union'
            ? m.members.some((t) => finiteType(t, finite, byId))
            : m.fields.every((f) => !f.required || f.nullable || finiteType(f.type, finite, byId));
      if (ok) {
        finite.add(m.id);
        changed = true;
      }
    }
  }
  return finite;
}

function finiteType(t: TypeRef, finite: ReadonlySet<string>, byId: ReadonlyMap<string, Model>): boolean {
  if (t.kind === 'ref') return finite.has(t.model);
  if (t.kind === 'union') return t.members.some((m) => finiteType(m, finite, byId));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** A type met at a depth (number of pointer tokens) on the way to a place. */
interface Step {
  depth: number;
  type: TypeRef;
}

/** A place in a generated value: its pointer tokens and the types along the way (outermost first). */
interface Place {
  tokens: string[];
  type: TypeRef;
  /** The types from the root to this place (a union and its member share a depth), this one last. */
  chain: Step[];
  /** For object places: the object model. */
  object?: ObjectModel;
}

const VALID_DATES = ['2024-02-29', '1999-12-31', '0001-01-01', '2023-04-30'];
const VALID_DATE_TIMES = [
  '2024-02-29T10:00:00Z',
  '2024-02-29t10:00:00.123z',
  '1990-12-31T23:59:60Z',
  '1990-12-31T15:59:60-08:00',
  '2024-01-01T00:00:00+05:30',
  '2024-06-30T23:59:59.999999-00:00',
];
const STRINGS = ['', 'x', 'hello world', 'é', '2024-02-29', '0', 'null', '__proto__', 'ключ'];
/** Wrong values to put at a place; one that the place's type refuses is chosen. */
const WRONG: unknown[] = [
  null,
  true,
  0,
  1.5,
  -3,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  'x',
  '',
  '2024-02-30',
  '2024-02-29T24:00:00Z',
  '2024-02-29T10:00:60Z',
  '2024-02-29',
  [],
  [1],
  {},
  { a: 1 },
  2 ** 60,
];

/** Set an own property, `__proto__` included (as JSON.parse does). */
function put(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

class ValueGenerator {
  readonly places: Place[] = [];
  private readonly cost: Map<string, number>;

  constructor(
    private readonly r: Rand,
    private readonly byId: ReadonlyMap<string, Model>,
    private readonly options: Options,
  ) {
    this.cost = minimalDepths(byId);
  }

  /** A value of `type`; `budget` bounds the nesting (past it the cheapest choices are taken). */
  value(type: TypeRef, budget: number, tokens: string[], chain: Step[]): unknown {
    const here = [...chain, { depth: tokens.length, type }];
    const place: Place = { tokens, type, chain: here };
    this.places.push(place);
    const r = this.r;
    switch (type.kind) {
      case 'primitive':
        switch (type.type) {
          case 'string':
            return r.pick(STRINGS);
          case 'number':
            return r.pick([0, -1.5, 3.25, 1e21, -0, 42]);
          case 'integer':
            return r.pick([0, 1, -7, 2 ** 53, 2 ** 60]);
          case 'boolean':
            return r.chance(0.5);
          case 'date':
            return r.pick(VALID_DATES);
          case 'date-time':
            return r.pick(VALID_DATE_TIMES);
          case 'unknown':
            return r.pick<unknown>([null, 1, 'u', [1, 'a'], { k: [true] }, false]);
        }
        break;
      case 'literal':
        return type.value;
      case 'array': {
        const n = budget <= 0 ? 0 : r.int(3);
        return Array.from({ length: n }, (_, i) => this.value(type.items, budget - 1, [...tokens, String(i)], here));
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        if (budget > 0)
          for (const key of new Set(Array.from({ length: r.int(3) }, () => r.pick(KEYS))))
            put(out, key, this.value(type.values, budget - 1, [...tokens, key], here));
        return out;
      }
      case 'union':
        return this.value(this.cheapOr(type.members, budget), budget, tokens, here);
      case 'ref': {
        const model = this.byId.get(type.model)!;
        if (model.kind === 'enum') return model.open && r.chance(0.3) ? 'anything' : r.pick(model.values).value;
        if (model.kind === 'union') {
          this.places.pop();
          return this.value(this.cheapOr(model.members, budget), budget, tokens, here);
        }
        place.object = model;
        const out: Record<string, unknown> = {};
        for (const f of model.fields) {
          const include = f.required || (budget > 0 && r.chance(0.6));
          if (!include) continue;
          const nullable = f.nullable || (!f.required && this.options.nullableOptionals);
          // Present as `undefined` (TypeScript's `?` allows it; JSON has no undefined, and the
          // JSON Schema's pattern for a `__proto__` field applies to it, so not there).
          if (!f.required && f.name !== '__proto__' && r.chance(0.05)) put(out, f.name, undefined);
          else if (nullable && (budget <= 0 || r.chance(0.2))) put(out, f.name, null);
          else put(out, f.name, this.value(f.type, budget - 1, [...tokens, f.name], here));
        }
        const known = new Set(model.fields.map((f) => f.name));
        if (model.additionalProperties) {
          if (budget > 0)
            for (const key of KEYS)
              if (!known.has(key) && r.chance(0.1)) put(out, key, this.value(model.additionalProperties, budget - 1, [...tokens, key], here));
        } else if ((this.options.additionalProperties === 'allow' || model.fields.length === 0) && r.chance(0.2)) {
          const key = r.pick(KEYS);
          if (!known.has(key)) put(out, key, r.pick<unknown>([1, 'extra', null, { deep: [] }]));
        }
        return out;
      }
    }
  }

  /** A member: any when there is budget left, else one with the least nesting. */
  private cheapOr(members: readonly TypeRef[], budget: number): TypeRef {
    const costs = members.map((m) => typeCost(m, this.cost));
    const min = Math.min(...costs);
    const candidates = budget > 0 ? members.filter((_, i) => costs[i] !== Infinity) : members.filter((_, i) => costs[i] === min);
    return this.r.pick(candidates);
  }
}

/** The least nesting a finite value of each model needs. */
function minimalDepths(byId: ReadonlyMap<string, Model>): Map<string, number> {
  const cost = new Map<string, number>([...byId.keys()].map((id) => [id, Infinity]));
  for (let changed = true; changed;) {
    changed = false;
    for (const m of byId.values()) {
      const c =
        m.kind === 'enum'
          ? 0
          : m.kind === 'union'
            ? Math.min(...m.members.map((t) => typeCost(t, cost)))
            : 1 + Math.max(0, ...m.fields.filter((f) => f.required && !f.nullable).map((f) => typeCost(f.type, cost)));
      if (c < cost.get(m.id)!) {
        cost.set(m.id, c);
        changed = true;
      }
    }
  }
  return cost;
}

function typeCost(t: TypeRef, cost: ReadonlyMap<string, number>): number {
  if (t.kind === 'ref') return cost.get(t.model)!;
  if (t.kind === 'union') return Math.min(...t.members.map((m) => typeCost(m, cost)));
  return 0;
}

/**
 * Whether a value has a type, by the spec (README "Validation semantics"), used only to pick a
 * wrong value for a place. Objects are checked shallowly (an object model accepts any object).
 */
function shallowAccepts(type: TypeRef, value: unknown, byId: ReadonlyMap<string, Model>, seen = new Set<string>()): boolean {
  const isObj = typeof value === 'object' && value !== null && !Array.isArray(value);
  switch (type.kind) {
    case 'primitive':
      switch (type.type) {
        case 'string':
          return typeof value === 'string';
        case 'number':
          return typeof value === 'number' && Number.isFinite(value);
        case 'integer':
          return Number.isInteger(value);
        case 'boolean':
          return typeof value === 'boolean';
        case 'date':
          return typeof value === 'string' && VALID_DATES.includes(value);
        case 'date-time':
          return typeof value === 'string' && VALID_DATE_TIMES.includes(value);
        case 'unknown':
          return true;
      }
      break;
    case 'literal':
      return value === type.value;
    case 'array':
      return Array.isArray(value) && value.every((v) => shallowAccepts(type.items, v, byId, seen));
    case 'map':
      return isObj && Object.values(value).every((v) => shallowAccepts(type.values, v, byId, seen));
    case 'union':
      return type.members.some((m) => shallowAccepts(m, value, byId, seen));
    case 'ref': {
      const model = byId.get(type.model)!;
      if (model.kind === 'enum') return (model.open && typeof value === 'string') || model.values.some((v) => v.value === value);
      if (model.kind === 'object') return isObj;
      if (seen.has(model.id)) return true;
      return model.members.some((m) => shallowAccepts(m, value, byId, new Set([...seen, model.id])));
    }
  }
}

/** Deep copy keeping own `__proto__` keys (structuredClone would too, but not `undefined` in objects… it does; this is explicit). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) put(out, key, clone((value as Record<string, unknown>)[key]));
    return out;
  }
  return value;
}

function at(root: unknown, tokens: readonly string[]): unknown {
  let v = root;
  for (const t of tokens) v = (v as Record<string, unknown>)[t];
  return v;
}

/** A mutation: the value with one place broken, and that place's pointer tokens. */
function mutate(
  r: Rand,
  root: unknown,
  places: readonly Place[],
  byId: ReadonlyMap<string, Model>,
  options: Options,
): { value: unknown; tokens: string[]; chain: Step[] } | null {
  const place = r.pick(places);
  const value = clone(root);
  const object = place.object;
  const roll = r.int(4);
  if (object && roll === 0) {
    const target = at(value, place.tokens) as Record<string, unknown>;
    const required = object.fields.filter((f) => f.required);
    if (required.length > 0) {
      const f = r.pick(required);
      if (r.chance(0.7)) delete target[f.name];
      else put(target, f.name, undefined);
      return { value, tokens: [...place.tokens, f.name], chain: place.chain };
    }
  }
  if (object && roll === 1 && options.additionalProperties === 'reject' && !object.additionalProperties && object.fields.length > 0) {
    const known = new Set(object.fields.map((f) => f.name));
    const key = KEYS.find((k) => !known.has(k));
    if (key !== undefined) {
      put(at(value, place.tokens) as Record<string, unknown>, key, 1);
      return { value, tokens: [...place.tokens, key], chain: place.chain };
    }
  }
  const wrong = WRONG.filter((w) => !shallowAccepts(place.type, w, byId));
  if (wrong.length === 0) return null;
  const bad = r.pick(wrong);
  if (place.tokens.length === 0) return { value: bad, tokens: [], chain: place.chain };
  const parent = at(value, place.tokens.slice(0, -1)) as Record<string, unknown>;
  put(parent, place.tokens.at(-1)!, bad);
  return { value, tokens: place.tokens, chain: place.chain };
}

/**
 * The fields that tell a union's members apart (all objects, each with that field required, not
 * nullable, of distinct literal or enum values), or null when the type is not a union of several
 * members; an empty list when no field does (the validator then stops at the union).
 */
function discriminatingKeys(type: TypeRef, byId: ReadonlyMap<string, Model>): string[] | null {
  const members =
    type.kind === 'union' ? type.members : type.kind === 'ref' && byId.get(type.model)?.kind === 'union' ? (byId.get(type.model) as UnionModel).members : null;
  if (!members) return null;
  const others = members.filter((m) => !(m.kind === 'literal' && m.value === null));
  if (others.length < 2) return null;
  const objects = others.map((m) => (m.kind === 'ref' ? byId.get(m.model) : undefined));
  if (!objects.every((m): m is ObjectModel => m?.kind === 'object')) return [];
  const literal = (f: Field | undefined): LiteralValue[] | null => {
    if (!f || !f.required || f.nullable) return null;
    if (f.type.kind === 'literal' && f.type.value !== null) return [f.type.value];
    const e = f.type.kind === 'ref' ? byId.get(f.type.model) : undefined;
    return e?.kind === 'enum' && !e.open ? e.values.map((v) => v.value) : null;
  };
  return objects[0]!.fields
    .filter((f0) => {
      const seen = new Set<LiteralValue>();
      return objects.every((o) => {
        const values = literal(o.fields.find((f) => f.name === f0.name));
        if (!values) return false;
        for (const v of values) {
          if (seen.has(v)) return false;
          seen.add(v);
        }
        return true;
      });
    })
    .map((f) => f.name);
}

function pointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

type Ts = Record<string, (v: unknown) => unknown>;
type Zod = Record<string, { safeParse(v: unknown): { success: boolean } }>;
interface Result {
  success: boolean;
  errors?: { path: string }[];
}

const work = tmpDir('docs2ts-diff-');
// Generated zod files import "zod": resolve it from the project.
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
let counter = 0;
let checked = 0;

async function checkIR(irSeed: number, valueSeed: number, options: Options): Promise<void> {
  const ir = randomIR(irSeed);
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const dir = path.join(work, String(counter++));
  writeFiles(dir, await emitUnformatted(ir, { targets: ['typescript', 'json-schema', 'zod'], ...options }));
  // Imported as TypeScript: vitest transforms it once (transpiling first would transform twice).
  const ts = (await import(pathToFileURL(path.join(dir, 'index.ts')).href)) as Ts;
  const zod = (await import(pathToFileURL(path.join(dir, 'zod', 'index.ts')).href)) as Zod;
  const ajv = compileSchema(dir, 'm0.schema.json', { ownProperties: true, allErrors: true });
  const root = ir.models[0]!;
  const r = prng(valueSeed);
  for (let n = 0; n < VALUES_PER_IR; n++) {
    const gen = new ValueGenerator(r, byId, options);
    const rootType: TypeRef = { kind: 'ref', model: root.id };
    const valid = gen.value(rootType, 3, [], []);
    let value: unknown = valid;
    let broken: ReturnType<typeof mutate> = null;
    if (n % 3 !== 0) {
      broken = mutate(r, valid, gen.places, byId, options);
      if (broken) value = broken.value;
    }
    const shown = (): string =>
      `IR ${JSON.stringify(ir.models)}\noptions ${JSON.stringify(options)}\nvalue ${JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '<undefined>' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}\nfiles in ${dir}`;
    const is = ts[`is${root.tsName}`]!(value) as boolean;
    const result = ts[`validate${root.tsName}`]!(value) as Result;
    const ajvOk = ajv(value);
    const zodOk = zod[`${root.tsName}Schema`]!.safeParse(value).success;
    expect({ is, validate: result.success, ajv: ajvOk, zod: zodOk }, `verdicts differ\n${shown()}\najv errors ${JSON.stringify(ajv.errors)}`).toEqual({
      is,
      validate: is,
      ajv: is,
      zod: is,
    });
    if (!broken) expect(is, `a generated valid value is refused\n${shown()}\n${JSON.stringify(result.errors)}`).toBe(true);
    else if (!is) {
      // The broken place, or a union around it that no field tells apart.
      const allowed = new Set([pointer(broken.tokens)]);
      // A wrong value of the right kind (an array of wrong items) is reported inside, below the place.
      const below = [`${pointer(broken.tokens)}/`];
      for (const step of broken.chain) {
        const keys = discriminatingKeys(step.type, byId);
        if (keys === null) continue;
        const at = pointer(broken.tokens.slice(0, step.depth));
        if (keys.length === 0) allowed.add(at);
        // A broken tag may name another member: then that member's errors are the right ones.
        else if (broken.tokens.length === step.depth + 1 && keys.includes(broken.tokens[step.depth]!)) below.push(`${at}/`);
      }
      const paths = result.errors!.map((e) => e.path);
      expect(
        paths.some((p) => allowed.has(p) || below.some((b) => p.startsWith(b))),
        `no error at ${[...allowed].join(' or ')}: ${paths.join(', ')}\n${shown()}`,
      ).toBe(true);
    }
    checked++;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

describe('differential: generated validators = ajv (JSON Schema target) = zod (zod target)', () => {
  it(`agree on ${CASES} valid and mutated values of random IRs, and report the broken place`, async () => {
    const runs = Math.ceil(CASES / VALUES_PER_IR);
    const options = fc.record({
      additionalProperties: fc.constantFrom<'allow' | 'reject'>('allow', 'reject'),
      nullableOptionals: fc.boolean(),
      enumStyle: fc.constantFrom<'enum' | 'const' | 'union'>('enum', 'const', 'union'),
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), options, async (irSeed, valueSeed, opts) => {
        await checkIR(irSeed, valueSeed, opts);
      }),
      { seed: SEED, numRuns: runs, endOnFailure: true },
    );
    expect(checked).toBeGreaterThanOrEqual(CASES);
  }, 600_000);
});
