/**
 * The runtime files copied into the output (src/runtime/): the validators' runtime and the zod
 * helpers, tested as the TypeScript they are.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zj from '../src/runtime/_json.js';
import * as rt from '../src/runtime/_runtime.js';

describe('RFC 3339 dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
  ])('isDate(%s) is %s', (value, expected) => {
    expect(rt.isDate(value)).toBe(expected);
  });

  it.each([
    ['2024-01-01T00:00:00Z', true],
    ['2024-01-01t00:00:00z', true],
    ['2024-01-01T12:34:56.789+05:30', true],
    ['2024-01-01T12:34:56', false],
    ['2024-01-01 12:34:56Z', false],
    ['2024-01-01T24:00:00Z', false],
    ['2024-01-01T23:60:00Z', false],
    ['2024-01-01T00:00:00+24:00', false],
    ['2024-01-01T00:00:00+00:60', false],
    ['2023-02-29T00:00:00Z', false],
    // A leap second only at 23:59 UTC.
    ['2016-12-31T23:59:60Z', true],
    ['2016-12-31T22:59:60Z', false],
    ['2017-01-01T00:59:60+01:00', true],
    ['2016-12-31T18:59:60-05:00', true],
  ])('isDateTime(%s) is %s', (value, expected) => {
    expect(rt.isDateTime(value)).toBe(expected);
  });

  it('toDate reads dates as midnight UTC and date-times with their offset and milliseconds', () => {
    expect(rt.toDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(rt.toDate('2024-01-01T12:34:56.7891+05:30').toISOString()).toBe('2024-01-01T07:04:56.789Z');
    expect(rt.toDate('2024-01-01t00:00:00.5z').toISOString()).toBe('2024-01-01T00:00:00.500Z');
    expect(rt.toDate('0099-01-01').toISOString()).toBe('0099-01-01T00:00:00.000Z');
    // ":60" is the next second.
    expect(rt.toDate('2016-12-31T23:59:60Z').toISOString()).toBe('2017-01-01T00:00:00.000Z');
  });

  it('the zod helpers use the same checks', () => {
    expect(zj.isDate).toBe(rt.isDate);
    expect(zj.isDateTime).toBe(rt.isDateTime);
    expect(zj.toDate).toBe(rt.toDate);
  });
});

describe('validator runtime', () => {
  it('hasOwn sees own keys only, "__proto__" included', () => {
    expect(rt.hasOwn({}, 'constructor')).toBe(false);
    expect(rt.hasOwn(JSON.parse('{"__proto__": 1}') as object, '__proto__')).toBe(true);
    expect(rt.hasOwn({ a: undefined }, 'a')).toBe(true);
  });

  it('isPlain is true for objects whose prototype is Object.prototype', () => {
    expect(rt.isPlain({})).toBe(true);
    expect(rt.isPlain(Object.create(null) as object)).toBe(false);
    expect(rt.isPlain(new Date())).toBe(false);
    expect(rt.objectPrototype).toBe(Object.prototype);
  });

  it('isObject is true for objects that are not null or arrays', () => {
    expect([{}, [], null, 'a', 1].map(rt.isObject)).toEqual([true, false, false, false, false]);
  });

  it('pointer escapes "~" and "/" (RFC 6901)', () => {
    expect(rt.pointer('a/b~c')).toBe('a~1b~0c');
    expect(rt.pointer('~1')).toBe('~01');
  });

  it('describe names what a value is', () => {
    expect([null, [], {}, 'a', 1, 1.5, Number.NaN, Infinity, -Infinity, true, undefined].map(rt.describe)).toEqual([
      'null',
      'array',
      'object',
      'string',
      'integer',
      'number',
      'NaN',
      'Infinity',
      '-Infinity',
      'boolean',
      'undefined',
    ]);
  });

  it('mismatch, missing and unknownKey push one error each, at the pointer given', () => {
    const errors: rt.ValidationError[] = [];
    rt.mismatch(errors, '/a', 'string', 1);
    rt.missing(errors, '/b', 'number');
    rt.unknownKey(errors, '/c', 'Task', null);
    expect(errors).toEqual([
      { path: '/a', message: 'expected string, received integer', expected: 'string', received: 'integer' },
      { path: '/b', message: 'missing required property (expected number)', expected: 'number', received: 'missing' },
      { path: '/c', message: 'unknown property (not a field of Task)', expected: 'never', received: 'null' },
    ]);
  });

  it('ValidationFailedError names the first three errors and counts the rest', () => {
    const errors: rt.ValidationError[] = [];
    for (const path of ['', '/a', '/b', '/c', '/d']) rt.mismatch(errors, path, 'string', 1);
    const error = new rt.ValidationFailedError('Task', errors);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationFailedError');
    expect(error.typeName).toBe('Task');
    expect(error.errors).toBe(errors);
    expect(error.message).toBe(
      'Task is invalid: (root): expected string, received integer; /a: expected string, received integer; /b: expected string, received integer; and 2 more',
    );
  });

  it('define sets an own enumerable property, "__proto__" included', () => {
    const out: Record<string, unknown> = {};
    rt.define(out, '__proto__', 1);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(out['__proto__']).toBe(1);
  });
});

describe('zod helpers', () => {
  it('defined refuses only undefined', () => {
    expect([undefined, null, 0, ''].map(zj.defined)).toEqual([false, true, true, true]);
  });

  it('ownOnly copies a plain object onto one without a prototype, and leaves other values', () => {
    const copy = zj.ownOnly({ a: 1 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(null);
    expect(copy).toEqual({ a: 1 });
    const list = [1];
    expect(zj.ownOnly(list)).toBe(list);
    expect(zj.ownOnly(null)).toBe(null);
  });

  it('ownProto checks an own "__proto__" property, and its presence when required', () => {
    const schema = zj.ownProto(z.looseObject({}), z.number(), true);
    expect(schema.safeParse(JSON.parse('{"__proto__": 1}')).success).toBe(true);
    const wrong = schema.safeParse(JSON.parse('{"__proto__": "a"}'));
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['__proto__']);
    expect(schema.safeParse({}).error?.issues[0]?.message).toBe('missing required property');
    expect(zj.ownProto(z.looseObject({}), z.number(), false).safeParse({}).success).toBe(true);
  });
});
