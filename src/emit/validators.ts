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
 * The code is a tree (`./builder.ts`): guards are expressions, reports and checks statements, and
 * the choices (negation, constants, branches that cannot run) are made on the tree before printing.
 *
 * Two variants of the code exist for `dates: "Date"`: the in-memory form (`Date` objects; `isX`,
 * `checkX`) and the JSON form (RFC 3339 strings; `isX$json`, `checkX$json`, for `parseX`).
 *
 * @module
 */

import type { EnumModel, LiteralValue, Model, TypeRef } from '../core/ir.js';
import {
  and,
  arrayType,
  arrow,
  as,
  binary,
  block,
  BREAK,
  call,
  constStmt,
  eq,
  exprStmt,
  FALSE,
  forIn,
  forIndex,
  id,
  ifStmt,
  index,
  isConst,
  keywordType,
  lit,
  member,
  name,
  ne,
  not,
  object,
  or,
  printStatements,
  printType,
  ret,
  Scope,
  statements,
  switchStmt,
  TRUE,
  typeOf,
  typeRef,
  type Expr,
  type Name,
  type Stmt,
  type TypeNode,
} from './builder.js';
import { Kind, type FunctionDeclaration } from './code.js';
import { tsType } from './types.js';

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
  for (let changed = true; changed;) {
    changed = false;
    for (const model of models.values()) {
      if (out.has(model.id)) continue;
      const types =
        model.kind === 'object'
          ? [...model.fields.map((f) => f.type), ...(model.additionalProperties ? [model.additionalProperties] : [])]
          : model.kind === 'union'
            ? model.members
            : [];
      if (types.some(has)) {
        out.add(model.id);
        changed = true;
      }
    }
  }
  return out;
}

/** Names the validator code uses: the runtime namespace, parameters, and locals. */
const RT = name('rt');
export const VALUE = name('value');
export const PATH = name('path');
export const ERRORS = name('errors');
export const X = name('x');
export const V = name('v');
export const KEY = name('key');
const I = name('i');
const OUT = name('out');

/** `rt.<member>`: a runtime function. */
export function rt(member_: string): Expr {
  return member(RT, member_);
}

/** `Record<string, unknown>`. */
export const RECORD = typeRef(name('Record'), [keywordType('string'), keywordType('unknown')]);
/** `unknown`. */
export const UNKNOWN = keywordType('unknown');
/** `rt.ValidationError[]`. */
export const ERROR_LIST = arrayType(typeRef([RT, name('ValidationError')]));

/** The condition that a value `x` is a plain JSON object (not null, not an array). */
export function isObjectExpr(x: Expr | Name): Expr {
  return and(eq(typeOf(x), lit('object')), ne(x, lit(null)), not(call(member(name('Array'), 'isArray'), x)));
}

/** `rt.mismatch(errors, path, "expected", value);`. */
export function mismatch(path: Expr, expected: string, value: Expr | Name): Stmt {
  return exprStmt(call(rt('mismatch'), ERRORS, path, lit(expected), value));
}

/** A function declaration (not exported, no docs) for a hoisted helper. */
export function helperFunction(fn: Name, parameters: readonly (readonly [Name, TypeNode])[], returnType: TypeNode, body: readonly Stmt[]): FunctionDeclaration {
  return {
    kind: Kind.Function,
    name: fn.text,
    parameters: parameters.map(([n, t]) => ({ name: n.text, type: printType(t) })),
    returnType: printType(returnType),
    statements: printStatements(body),
  };
}

/** The parameters of a check function: `value: unknown, path: string, errors: rt.ValidationError[]`. */
export const CHECK_PARAMETERS = [
  [VALUE, UNKNOWN],
  [PATH, keywordType('string')],
  [ERRORS, ERROR_LIST],
] as const;

/** Emits validator code for the models of one output file, hoisting helpers for composite types. */
export class ValidatorWriter {
  /** Functions hoisted to module level, in the order written. */
  readonly helpers: FunctionDeclaration[] = [];
  /** Identifiers of other models' files used by the code written so far, by model id. */
  readonly imports = new Map<string, Set<string>>();
  /** Models whose JSON form differs from their in-memory form (only with `dates: "Date"`). */
  readonly withDates: ReadonlySet<string>;
  /** The names of the module's functions: hoisted helpers (`isTask$1`, `checkTask$2`, …) and parts (`isTask$part1`). */
  readonly scope: Scope;
  private readonly hoisted = new Map<string, Name>();

  constructor(
    /** Every model of the IR by id. */
    readonly models: ReadonlyMap<string, Model>,
    /** Prefix for hoisted helper names (`$` never occurs in a model's tsName, so names cannot clash). */
    private readonly prefix: string,
    readonly options: ValidatorOptions = DEFAULT_VALIDATOR_OPTIONS,
    withDates?: ReadonlySet<string>,
  ) {
    this.withDates = options.dates === 'Date' ? (withDates ?? modelsWithDates(models)) : new Set();
    // The runtime namespace and the model's own declarations are taken.
    this.scope = new Scope([RT.text, ...['', 'is', 'check', 'validate', 'assert', 'parse', 'to'].flatMap((p) => [`${p}${prefix}`, `${p}${prefix}$json`])]);
  }

  /** The TypeScript name of a referenced model. */
  nameOf(id: string): string {
    return this.models.get(id)!.tsName;
  }

  /** Record that `prefix + tsName + suffix` of model `id` is used, and return it. */
  use(id: string, prefix: '' | 'is' | 'check' | 'to', suffix: '' | '$json' = ''): Name {
    const fn = name(`${prefix}${this.nameOf(id)}${suffix}`);
    let names = this.imports.get(id);
    if (!names) this.imports.set(id, (names = new Set()));
    names.add(fn.text);
    return fn;
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
   * A condition true when `x` has type `type`; allocates nothing. Composite types become a call to
   * a hoisted helper; `unknown` is the constant `true`.
   */
  guard(type: TypeRef, x: Name, form: Form = 'memory'): Expr {
    switch (type.kind) {
      case 'primitive':
        return this.primitiveGuard(type.type, x, form);
      case 'literal':
        return eq(x, lit(type.value));
      case 'ref':
        return call(this.use(type.model, 'is', this.suffix(type.model, form)), x);
      case 'union': {
        const others = type.members.filter((m) => !(m.kind === 'literal' && m.value === null));
        // `X | null` with a simple X stays inline.
        if (others.length === 1 && (others[0]!.kind === 'primitive' || others[0]!.kind === 'literal' || others[0]!.kind === 'ref')) {
          const inner = this.guard(others[0]!, x, form);
          return others.length < type.members.length ? or(eq(x, lit(null)), inner) : inner;
        }
        return call(this.hoistGuard(type, form), x);
      }
      case 'array':
      case 'map':
        return call(this.hoistGuard(type, form), x);
    }
  }

  /** The guard of a primitive type (inline). */
  primitiveGuard(type: Extract<TypeRef, { kind: 'primitive' }>['type'], x: Name, form: Form): Expr {
    switch (type) {
      case 'string':
        return eq(typeOf(x), lit('string'));
      case 'number':
        // Number.isFinite is false for anything that is not a number (no coercion).
        return call(member(name('Number'), 'isFinite'), x);
      case 'integer':
        return call(member(name('Number'), 'isInteger'), x);
      case 'boolean':
        return eq(typeOf(x), lit('boolean'));
      case 'date':
      case 'date-time':
        if (form === 'memory' && this.options.dates === 'Date')
          return and(binary(x, 'instanceof', name('Date')), not(call(member(name('Number'), 'isNaN'), call(member(x, 'getTime')))));
        return and(eq(typeOf(x), lit('string')), call(rt(type === 'date' ? 'isDate' : 'isDateTime'), x));
      case 'unknown':
        return TRUE;
    }
  }

  /** The body of a guard of a union of members on `value` (statements ending in a return). */
  unionGuardBody(members: readonly TypeRef[], form: Form): Stmt[] {
    if (members.length === 0) return [ret(FALSE)];
    const disc = discriminator(members, this.models);
    if (disc) {
      return statements(
        members.some((m) => m.kind === 'literal' && m.value === null) ? ifStmt(eq(VALUE, lit(null)), ret(TRUE)) : null,
        ifStmt(not(isObjectExpr(VALUE)), ret(FALSE)),
        switchStmt(
          index(as(VALUE, RECORD), lit(disc.key)),
          groupCases(disc).map(([i, values]) => ({ tests: values.map(lit), body: ret(this.guard(members[i]!, VALUE, form)) })),
          ret(FALSE),
        ),
      );
    }
    return [ret(or(...members.map((m) => this.guard(m, VALUE, form))))];
  }

  private hoistGuard(type: TypeRef, form: Form): Name {
    const key = `is:${form}:${JSON.stringify(type)}`;
    const known = this.hoisted.get(key);
    if (known) return known;
    const fn = this.scope.numbered(`is${this.prefix}`);
    this.hoisted.set(key, fn);
    let body: Stmt[] = [];
    if (type.kind === 'array') {
      const item = this.guard(type.items, X, form);
      body = statements(
        ifStmt(not(call(member(name('Array'), 'isArray'), VALUE)), ret(FALSE)),
        isConst(item, true) ? null : forIndex(I, member(VALUE, 'length'), block(constStmt(X, index(VALUE, id(I)), UNKNOWN), ifStmt(not(item), ret(FALSE)))),
        ret(TRUE),
      );
    } else if (type.kind === 'map') {
      const item = this.guard(type.values, X, form);
      body = statements(
        ifStmt(not(isObjectExpr(VALUE)), ret(FALSE)),
        // An inherited key (from a prototype other than Object's) is not an entry: hasOwn only when an entry fails.
        isConst(item, true)
          ? null
          : [
              constStmt(V, as(VALUE, RECORD)),
              forIn(KEY, V, block(constStmt(X, index(V, id(KEY))), ifStmt(and(not(item), call(rt('hasOwn'), V, KEY)), ret(FALSE)))),
            ],
        ret(TRUE),
      );
    } else if (type.kind === 'union') {
      body = this.unionGuardBody(type.members, form);
    }
    this.helpers.push(helperFunction(fn, [[VALUE, UNKNOWN]], keywordType('boolean'), body));
    return fn;
  }

  /**
   * Statements that push an error for every place where `x` does not have type `type`, and do
   * nothing more than the guard when it does (null when every value has the type).
   *
   * Guards come first: a valid value costs its guard (which allocates nothing), an invalid one its
   * guard up to the first failure, then the report; so check functions run on invalid values only,
   * and a pointer is built only on the way down to an error.
   *
   * @param x the name holding the value
   * @param rel the value's JSON Pointer
   */
  check(type: TypeRef, x: Name, rel: Expr, form: Form = 'memory'): Stmt | null {
    return ifStmt(not(this.guard(type, x, form)), block(this.report(type, x, rel, form)));
  }

  /** A call of a check function on `x` at pointer `path`. */
  private nested(fn: Name, x: Expr | Name, path: Expr): Stmt {
    return exprStmt(call(fn, x, path, ERRORS));
  }

  /**
   * Statements that push at least one error for `x`, known not to have type `type` (its guard is
   * false): the errors inside it where there is a structure to look into, else one mismatch.
   */
  report(type: TypeRef, x: Name, rel: Expr, form: Form = 'memory'): Stmt[] {
    switch (type.kind) {
      case 'primitive':
      case 'literal':
        return [mismatch(rel, this.expected(type, form), x)];
      case 'ref':
        // Also for enums: their expected values stay in their own file (a doc edit changes one file).
        return [this.nested(this.use(type.model, 'check', this.suffix(type.model, form)), x, rel)];
      case 'array':
      case 'map':
        return [this.nested(this.hoistCheck(type, form), x, rel)];
      case 'union':
        return this.unionReport(type.members, x, rel, this.expected(type, form), form);
    }
  }

  /**
   * Report statements for a union's value known to match none of its members: a dispatched union
   * reports the selected member's errors (or the dispatch field's); otherwise the only member that
   * can take the value's kind (array or object) reports its errors; else one mismatch.
   */
  unionReport(members: readonly TypeRef[], x: Name, path: Expr, expected: string, form: Form): Stmt[] {
    const disc = discriminator(members, this.models);
    if (disc) {
      const field = index(as(x, RECORD), lit(disc.key));
      const keyPath = joinPointer(path, `/${escapePointer(disc.key)}`);
      const keyExpected = lit([...disc.cases.keys()].map((v) => JSON.stringify(v)).join(' | '));
      const dispatch = switchStmt(
        field,
        groupCases(disc).map(([i, values]) => ({ tests: values.map(lit), body: [this.report(members[i]!, x, path, form), BREAK] })),
        ifStmt(
          not(call(rt('hasOwn'), x, lit(disc.key))),
          exprStmt(call(rt('missing'), ERRORS, keyPath, keyExpected)),
          exprStmt(call(rt('mismatch'), ERRORS, keyPath, keyExpected, field)),
        ),
      );
      return [ifStmt(not(isObjectExpr(x)), mismatch(path, expected, x), dispatch)];
    }
    const others = members.filter((m) => !(m.kind === 'literal' && m.value === null));
    // `X | null`: report the errors inside X rather than one mismatch for the whole value.
    if (others.length === 1 && others.length < members.length) return this.report(others[0]!, x, path, form);
    let out: Stmt = mismatch(path, expected, x);
    for (const [kind, test] of [
      ['object', isObjectExpr(x)],
      ['array', call(member(name('Array'), 'isArray'), x)],
    ] as const) {
      const able = members.filter((m) => this.kinds(m, form).has(kind));
      if (able.length === 1) out = ifStmt(test, block(this.report(able[0]!, x, path, form)), out);
    }
    return [out];
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
  convert(type: TypeRef, x: Expr): Expr {
    if (!this.hasDates(type)) return x;
    switch (type.kind) {
      case 'primitive':
        return call(rt('toDate'), as(x, keywordType('string')));
      case 'ref':
        return call(this.use(type.model, 'to', '$json'), x);
      case 'literal':
        return x;
      default:
        return call(this.hoistConvert(type), x);
    }
  }

  private hoistConvert(type: Extract<TypeRef, { kind: 'array' | 'map' | 'union' }>): Name {
    const key = `to:${JSON.stringify(type)}`;
    const known = this.hoisted.get(key);
    if (known) return known;
    const fn = this.scope.numbered(`to${this.prefix}`);
    this.hoisted.set(key, fn);
    let body: Stmt[];
    if (type.kind === 'array') {
      body = [ret(call(member(as(VALUE, arrayType(UNKNOWN)), 'map'), arrow([X], this.convert(type.items, id(X)))))];
    } else if (type.kind === 'map') {
      body = [
        constStmt(V, as(VALUE, RECORD)),
        constStmt(OUT, object([]), RECORD),
        forIn(KEY, V, ifStmt(call(rt('hasOwn'), V, KEY), exprStmt(call(rt('define'), OUT, KEY, this.convert(type.values, index(V, id(KEY)))))) ?? block()),
        ret(OUT),
      ];
    } else {
      // The first member whose JSON form matches decides (a string member before a date member keeps the string).
      body = statements(
        type.members.map((m) => ifStmt(this.guard(m, VALUE, 'json'), ret(this.convert(m, id(VALUE))))),
        ret(VALUE),
      );
    }
    this.helpers.push(helperFunction(fn, [[VALUE, UNKNOWN]], UNKNOWN, body));
    return fn;
  }

  private hoistCheck(type: Extract<TypeRef, { kind: 'array' | 'map' }>, form: Form): Name {
    const key = `check:${form}:${JSON.stringify(type)}`;
    const known = this.hoisted.get(key);
    if (known) return known;
    const fn = this.scope.numbered(`check${this.prefix}`);
    this.hoisted.set(key, fn);
    const expected = this.expected(type, form);
    let body: Stmt[];
    if (type.kind === 'array') {
      // An item that any value matches needs no loop.
      const item = this.check(type.items, X, binary(binary(PATH, '+', lit('/')), '+', I), form);
      body = statements(
        ifStmt(not(call(member(name('Array'), 'isArray'), VALUE)), block(mismatch(id(PATH), expected, VALUE), ret())),
        item === null ? null : forIndex(I, member(VALUE, 'length'), block(constStmt(X, index(VALUE, id(I)), UNKNOWN), item)),
      );
    } else {
      // Entries are tested first (an inherited key is no entry, and hasOwn costs a lookup).
      const item = this.guard(type.values, X, form);
      const report = this.report(type.values, X, binary(binary(PATH, '+', lit('/')), '+', call(rt('pointer'), KEY)), form);
      body = statements(
        ifStmt(not(isObjectExpr(VALUE)), block(mismatch(id(PATH), expected, VALUE), ret())),
        isConst(item, true)
          ? null
          : [
              constStmt(V, as(VALUE, RECORD)),
              forIn(KEY, V, block(constStmt(X, index(V, id(KEY))), ifStmt(and(not(item), call(rt('hasOwn'), V, KEY)), block(report)))),
            ],
      );
    }
    this.helpers.push(helperFunction(fn, CHECK_PARAMETERS, keywordType('void'), body));
    return fn;
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

/**
 * A pointer extended by a literal suffix (`"/kind"`): one literal when the pointer is a literal,
 * else a concatenation.
 */
export function joinPointer(rel: Expr, suffix: string): Expr {
  if (rel.kind === 'lit' && typeof rel.value === 'string') return lit(rel.value + suffix);
  return binary(rel, '+', lit(suffix));
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
