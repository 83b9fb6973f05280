/**
 * Validator code for TypeRefs: one transform per node kind, in two modes.
 * - guard: a boolean expression (or a hoisted helper) that allocates nothing, for `isX`.
 * - check: statements that push every error (with its JSON Pointer) onto `errors`, for `validateX`.
 *
 * Semantics (shared with the interfaces; see README "Validation semantics"): `number` is a finite
 * number, `integer` passes `Number.isInteger`, `date` / `date-time` are RFC 3339 strings, `unknown`
 * is any value, arrays and maps are checked element by element, a union needs one member to match.
 *
 * @module
 */

import type { Model, TypeRef } from '../model/ir.js';
import { tsType } from './types.js';

/** A helper function hoisted to module level: its name and full source. */
export interface Helper {
  name: string;
  source: string;
}

/** Emits validator code for the models of one output file, hoisting helpers for composite types. */
export class ValidatorWriter {
  readonly helpers: Helper[] = [];
  /** Identifiers of other models' files used by the code written so far, by model id. */
  readonly imports = new Map<string, Set<string>>();
  private counter = 0;
  private readonly models: ReadonlyMap<string, Model>;

  constructor(
    /** Every model of the IR by id. */
    models: ReadonlyMap<string, Model>,
    /** Prefix for hoisted helper names (`$` never occurs in a model's tsName, so names cannot clash). */
    private readonly prefix: string,
  ) {
    this.models = models;
  }

  /** The TypeScript name of a referenced model. */
  nameOf(id: string): string {
    return this.models.get(id)!.tsName;
  }

  /** Record that `prefix + tsName` of model `id` is used, and return it. */
  use(id: string, prefix: '' | 'is' | 'check'): string {
    const name = `${prefix}${this.nameOf(id)}`;
    let names = this.imports.get(id);
    if (!names) this.imports.set(id, (names = new Set()));
    names.add(name);
    return name;
  }

  /** How the expected type reads in error messages. */
  expected(type: TypeRef): string {
    switch (type.kind) {
      case 'primitive':
        return type.type;
      case 'array':
        return type.items.kind === 'union' ? `(${this.expected(type.items)})[]` : `${this.expected(type.items)}[]`;
      case 'map':
        return `{ [key: string]: ${this.expected(type.values)} }`;
      case 'union':
        return type.members.map((m) => this.expected(m)).join(' | ');
      default:
        return tsType(type, (id) => this.nameOf(id));
    }
  }

  /**
   * A boolean expression true when `x` (an identifier) has type `type`.
   * Composite types become a call to a hoisted helper.
   */
  guard(type: TypeRef, x: string): string {
    switch (type.kind) {
      case 'primitive':
        return primitiveGuard(type.type, x);
      case 'literal':
        return `${x} === ${JSON.stringify(type.value)}`;
      case 'ref':
        return `${this.use(type.model, 'is')}(${x})`;
      case 'array':
      case 'map':
      case 'union':
        return `${this.hoistGuard(type)}(${x})`;
    }
  }

  private hoistGuard(type: TypeRef): string {
    const name = `is${this.prefix}$${++this.counter}`;
    const lines: string[] = [];
    if (type.kind === 'array') {
      lines.push('if (!Array.isArray(value)) return false;');
      lines.push(`for (let i = 0; i < value.length; i++) { const item: unknown = value[i]; if (!(${this.guard(type.items, 'item')})) return false; }`);
      lines.push('return true;');
    } else if (type.kind === 'map') {
      lines.push('if (!rt.isObject(value)) return false;');
      lines.push(`for (const key in value) { if (!rt.hasOwn(value, key)) continue; const item: unknown = value[key]; if (!(${this.guard(type.values, 'item')})) return false; }`);
      lines.push('return true;');
    } else if (type.kind === 'union') {
      lines.push(`return ${type.members.map((m) => `(${this.guard(m, 'value')})`).join(' || ')};`);
    }
    this.helpers.push({ name, source: `function ${name}(value: unknown): boolean {\n${lines.join('\n')}\n}` });
    return name;
  }

  /**
   * Statements that push an error for every place where `x` does not have type `type`.
   *
   * @param x an identifier holding the value
   * @param path an expression giving the value's JSON Pointer
   */
  check(type: TypeRef, x: string, path: string): string {
    switch (type.kind) {
      case 'primitive':
        if (type.type === 'unknown') return '';
        return `if (!(${primitiveGuard(type.type, x)})) rt.mismatch(errors, ${path}, ${JSON.stringify(this.expected(type))}, ${x});`;
      case 'literal':
        return `if (${x} !== ${JSON.stringify(type.value)}) rt.mismatch(errors, ${path}, ${JSON.stringify(this.expected(type))}, ${x});`;
      case 'ref':
        return `${this.use(type.model, 'check')}(${x}, ${path}, errors);`;
      case 'array':
      case 'map':
        return `${this.hoistCheck(type)}(${x}, ${path}, errors);`;
      case 'union': {
        // `X | null`: report the errors inside X rather than one mismatch for the whole value.
        const others = type.members.filter((m) => !(m.kind === 'literal' && m.value === null));
        if (others.length === 1 && others.length < type.members.length) {
          const inner = this.check(others[0]!, x, path);
          return inner === '' ? '' : `if (${x} !== null) { ${inner} }`;
        }
        return `if (!(${this.guard(type, x)})) rt.mismatch(errors, ${path}, ${JSON.stringify(this.expected(type))}, ${x});`;
      }
    }
  }

  private hoistCheck(type: Extract<TypeRef, { kind: 'array' | 'map' }>): string {
    const name = `check${this.prefix}$${++this.counter}`;
    let body: string;
    if (type.kind === 'array') {
      body = [
        `if (!Array.isArray(value)) { rt.mismatch(errors, path, ${JSON.stringify(this.expected(type))}, value); return; }`,
        `for (let i = 0; i < value.length; i++) { const item: unknown = value[i]; ${this.check(type.items, 'item', 'path + "/" + i')} }`,
      ].join('\n');
    } else {
      body = [
        `if (!rt.isObject(value)) { rt.mismatch(errors, path, ${JSON.stringify(this.expected(type))}, value); return; }`,
        `for (const key in value) { if (!rt.hasOwn(value, key)) continue; const item: unknown = value[key]; ${this.check(type.values, 'item', 'path + "/" + rt.pointer(key)')} }`,
      ].join('\n');
    }
    this.helpers.push({ name, source: `function ${name}(value: unknown, path: string, errors: rt.ValidationError[]): void {\n${body}\n}` });
    return name;
  }
}

function primitiveGuard(type: Extract<TypeRef, { kind: 'primitive' }>['type'], x: string): string {
  switch (type) {
    case 'string':
      return `typeof ${x} === "string"`;
    case 'number':
      return `typeof ${x} === "number" && Number.isFinite(${x})`;
    case 'integer':
      return `Number.isInteger(${x})`;
    case 'boolean':
      return `typeof ${x} === "boolean"`;
    case 'date':
      return `typeof ${x} === "string" && rt.isDate(${x})`;
    case 'date-time':
      return `typeof ${x} === "string" && rt.isDateTime(${x})`;
    case 'unknown':
      return 'true';
  }
}
