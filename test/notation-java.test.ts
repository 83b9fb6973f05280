import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { java } from '../src/notation/java.js';
import type { NotationType } from '../src/notation/types.js';

const ok = (raw: string): NotationType => {
  const result = java.parseType(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
  return result.type;
};
const LINK = '../../models/shared/SimpleObject.md';
const PET = 'org.openapis.openapi.models.shared.SimpleObject';
const ODT = 'https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html';
const LD = 'https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html';
const HTTP = 'https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html';
const str: NotationType = { kind: 'primitive', type: 'string' };

/** Move every ref offset in `type` by `by` (a printed type placed after `by` characters). */
function shift(type: NotationType, by: number): NotationType {
  switch (type.kind) {
    case 'ref':
      return { ...type, offset: type.offset + by };
    case 'array':
      return { kind: 'array', items: shift(type.items, by) };
    case 'map':
      return { kind: 'map', values: shift(type.values, by) };
    case 'nullable':
      return { ...type, inner: shift(type.inner, by) };
    default:
      return type;
  }
}

describe('Java notation', () => {
  it.each([
    ['*String*', str],
    ['*Long*', { kind: 'primitive', type: 'integer' }],
    ['*long*', { kind: 'primitive', type: 'integer' }],
    ['*Integer*', { kind: 'primitive', type: 'integer' }],
    ['*int*', { kind: 'primitive', type: 'integer' }],
    ['*Short*', { kind: 'primitive', type: 'integer' }],
    ['*BigInteger*', { kind: 'primitive', type: 'integer' }],
    ['*Double*', { kind: 'primitive', type: 'number' }],
    ['*double*', { kind: 'primitive', type: 'number' }],
    ['*Float*', { kind: 'primitive', type: 'number' }],
    ['*float*', { kind: 'primitive', type: 'number' }],
    ['*BigDecimal*', { kind: 'primitive', type: 'number' }],
    ['*Boolean*', { kind: 'primitive', type: 'boolean' }],
    ['*boolean*', { kind: 'primitive', type: 'boolean' }],
    ['*Object*', { kind: 'primitive', type: 'unknown' }],
    ['*byte[]*', { kind: 'binary', name: 'byte[]' }],
    ['*InputStream*', { kind: 'binary', name: 'InputStream' }],
    ['*Optional<String>*', { kind: 'nullable', strength: 'optional', inner: str }],
    ['*Optional<? extends String>*', { kind: 'nullable', strength: 'optional', inner: str }],
    ['*JsonNullable<String>*', { kind: 'nullable', strength: 'nullable', inner: str }],
    ['*JsonNullable<? extends Double>*', { kind: 'nullable', strength: 'nullable', inner: { kind: 'primitive', type: 'number' } }],
    ['List<*Long*>', { kind: 'array', items: { kind: 'primitive', type: 'integer' } }],
    ['*List<String>*', { kind: 'array', items: str }],
    ['*String[]*', { kind: 'array', items: str }],
    ['Map<String, *Object*>', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    ['*Map<String, ? extends Object>*', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    [`[OffsetDateTime](${ODT})`, { kind: 'primitive', type: 'date-time' }],
    [`[LocalDate](${LD})`, { kind: 'primitive', type: 'date' }],
    [`[Optional<OffsetDateTime>](${ODT})`, { kind: 'nullable', strength: 'optional', inner: { kind: 'primitive', type: 'date-time' } }],
    [`[HttpResponse<byte[]>](${HTTP})`, { kind: 'transport', name: 'HttpResponse<byte[]>' }],
    [`[HttpResponse<InputStream>](${HTTP})`, { kind: 'transport', name: 'HttpResponse<InputStream>' }],
    ['*HttpResponse<Map<String, List<String>>>*', { kind: 'transport', name: 'HttpResponse<Map<String, List<String>>>' }],
  ])('reads %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('reads a fully qualified model name as a ref to the enclosing link', () => {
    expect(ok(`[${PET}](${LINK})`)).toEqual({ kind: 'ref', name: PET, target: LINK, offset: 1 });
    expect(ok(`[Optional<? extends ${PET}>](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'ref', name: PET, target: LINK, offset: 20 },
    });
    expect(ok(`[JsonNullable<${PET}>](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'nullable',
      inner: { kind: 'ref', name: PET, target: LINK, offset: 14 },
    });
    // A model doc link wins over a library name: this `LocalDate` is a model.
    expect(ok('[LocalDate](../../models/shared/LocalDate.md)')).toEqual({
      kind: 'ref',
      name: 'LocalDate',
      target: '../../models/shared/LocalDate.md',
      offset: 1,
    });
  });

  it('reads generics escaped for Markdown (\\< once or doubly), as corpus-wild java trees of 2025–26 write them', () => {
    const ORG = '../../models/components/Organization.md';
    expect(ok('*Optional\\<String>*')).toEqual({ kind: 'nullable', strength: 'optional', inner: str });
    expect(ok('*JsonNullable\\<Integer>*')).toEqual({ kind: 'nullable', strength: 'nullable', inner: { kind: 'primitive', type: 'integer' } });
    expect(ok(`[Optional\\<Organization>](${ORG})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'ref', name: 'Organization', target: ORG, offset: 11 },
    });
    expect(ok(`List\\<[Organization](${ORG})>`)).toEqual({ kind: 'array', items: { kind: 'ref', name: 'Organization', target: ORG, offset: 7 } });
    expect(ok(`Map\\<String, [Organization](${ORG})>`)).toEqual({ kind: 'map', values: { kind: 'ref', name: 'Organization', target: ORG, offset: 14 } });
    expect(ok('Map\\<String, List\\\\<*String*>>')).toEqual({ kind: 'map', values: { kind: 'array', items: str } });
    expect(ok('*Optional\\<String\\>*')).toEqual({ kind: 'nullable', strength: 'optional', inner: str });
    // The transport name is the type as it reads, without the escapes.
    expect(ok(`[HttpResponse\\<?>](${HTTP})`)).toEqual({ kind: 'transport', name: 'HttpResponse<?>' });
    expect(ok(`[HttpResponse\\<InputStream>](${HTTP})`)).toEqual({ kind: 'transport', name: 'HttpResponse<InputStream>' });
    // An escaped bracket starts no link: `String\[]` is an array.
    expect(ok('*String\\[\\]*')).toEqual({ kind: 'array', items: str });
  });

  it('reads fully qualified Java platform names as the scalar or library type they name', () => {
    const unknown: NotationType = { kind: 'primitive', type: 'unknown' };
    expect(ok('*Optional<? extends java.lang.Object>*')).toEqual({ kind: 'nullable', strength: 'optional', inner: unknown });
    expect(ok('List<*java.lang.Object*>')).toEqual({ kind: 'array', items: unknown });
    expect(ok('*java.lang.String*')).toEqual(str);
    expect(ok('*java.math.BigDecimal*')).toEqual({ kind: 'primitive', type: 'number' });
    expect(ok('java.util.List<java.lang.Long>')).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'integer' } });
    expect(ok('java.util.Optional<java.time.OffsetDateTime>')).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'primitive', type: 'date-time' },
    });
    // Inside a link to a model doc, a qualified platform name is still the platform's type.
    expect(ok(`[java.time.LocalDate](${LINK})`)).toEqual({ kind: 'primitive', type: 'date' });
    expect(ok('*java.io.InputStream*')).toEqual({ kind: 'binary', name: 'InputStream' });
  });

  it('reads the HTTP request and response of java.net.http as transport, linked, italic or qualified', () => {
    const REQ = 'https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpRequest.html';
    expect(ok('*HttpRequest*')).toEqual({ kind: 'transport', name: 'HttpRequest' });
    expect(ok(`[HttpRequest](${REQ})`)).toEqual({ kind: 'transport', name: 'HttpRequest' });
    expect(ok('*HttpResponse*')).toEqual({ kind: 'transport', name: 'HttpResponse' });
    expect(ok('*HttpRequest<?>*')).toEqual({ kind: 'transport', name: 'HttpRequest<?>' });
    expect(ok('*java.net.http.HttpHeaders*')).toEqual({ kind: 'transport', name: 'java.net.http.HttpHeaders' });
    expect(ok('java.net.http.HttpResponse<byte[]>')).toEqual({ kind: 'transport', name: 'java.net.http.HttpResponse<byte[]>' });
  });

  it('reads generics around links and nested combinations', () => {
    expect(ok(`List<[${PET}](${LINK})>`)).toEqual({ kind: 'array', items: { kind: 'ref', name: PET, target: LINK, offset: 6 } });
    expect(ok(`Map<String, List<[${PET}](${LINK})>>`)).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'ref', name: PET, target: LINK, offset: 18 } },
    });
    expect(ok(`List<Map<String, [${PET}](${LINK})>>`)).toEqual({
      kind: 'array',
      items: { kind: 'map', values: { kind: 'ref', name: PET, target: LINK, offset: 18 } },
    });
    expect(ok(`List<List<*String*>>`)).toEqual({ kind: 'array', items: { kind: 'array', items: str } });
    expect(ok(`Map<String, [LocalDate](${LD})>`)).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'date' } });
    expect(ok(`[Optional<? extends List<${PET}>>](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'array', items: { kind: 'ref', name: PET, target: LINK, offset: 25 } },
    });
  });

  it.each([
    ['*Strng*', 1, /not a Java scalar/],
    ['Map<Long, *String*>', 4, /keys must be `String`/],
    ['Set<*String*>', 0, /not a Java generic/],
    ['*Optional<? super String>*', 10, /Expected `\? extends`/],
    ['*Optional<String*', 16, /Expected `>`/],
    ['[HttpResponse<byte[]](https://example.com)', 20, /Expected `>`/],
    ['*String* extra', 9, /Unexpected `extra`/],
    ['*String?*', 7, /Expected `\*` but found `\?`/],
    ['List<*String*>?', 14, /Unexpected `\?`/],
    [PET, 0, /needs a link/],
    ['*byte*', 1, /not a Java scalar/],
    [`[${PET}](https://example.com/x)`, 1, /external page/],
    ['*Str#ng*', 4, /Unexpected character/],
    ['', 0, /Expected a type/],
    ['*java.util.UUID*', 1, /Java platform type docs2ts does not read/],
    ['java.util.Set<*String*>', 0, /not a Java generic/],
    ['*Optional\\<String*', 17, /Expected `>`/],
  ])('rejects %s with an error at offset %i', (raw, offset, message) => {
    const result = java.parseType(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.offset).toBe(offset);
      expect(result.error.message).toMatch(message);
    }
  });

  it('reads back every type it can print (property)', () => {
    type Printed = [string, NotationType];
    const leaf = fc.constantFrom<Printed>(
      ['*String*', str],
      ['*Long*', { kind: 'primitive', type: 'integer' }],
      ['*long*', { kind: 'primitive', type: 'integer' }],
      ['*Integer*', { kind: 'primitive', type: 'integer' }],
      ['*Double*', { kind: 'primitive', type: 'number' }],
      ['*Float*', { kind: 'primitive', type: 'number' }],
      ['*Boolean*', { kind: 'primitive', type: 'boolean' }],
      ['*Object*', { kind: 'primitive', type: 'unknown' }],
      ['*byte[]*', { kind: 'binary', name: 'byte[]' }],
      [`[OffsetDateTime](${ODT})`, { kind: 'primitive', type: 'date-time' }],
      [`[LocalDate](${LD})`, { kind: 'primitive', type: 'date' }],
      [`[${PET}](${LINK})`, { kind: 'ref', name: PET, target: LINK, offset: 1 }],
      [`[Optional<? extends ${PET}>](${LINK})`, { kind: 'nullable', strength: 'optional', inner: { kind: 'ref', name: PET, target: LINK, offset: 20 } }],
    );
    const wrap =
      (before: string, after: string, build: (t: NotationType) => NotationType) =>
      ([s, t]: Printed): Printed => [`${before}${s}${after}`, build(shift(t, before.length))];
    const tree = fc.letrec<{ t: Printed }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('t').map(wrap('Optional<', '>', (inner) => ({ kind: 'nullable', strength: 'optional', inner }))),
        tie('t').map(wrap('Optional<? extends ', '>', (inner) => ({ kind: 'nullable', strength: 'optional', inner }))),
        tie('t').map(wrap('JsonNullable<? extends ', '>', (inner) => ({ kind: 'nullable', strength: 'nullable', inner }))),
        tie('t').map(wrap('List<', '>', (items) => ({ kind: 'array', items }))),
        tie('t').map(wrap('', '[]', (items) => ({ kind: 'array', items }))),
        tie('t').map(wrap('Map<String, ', '>', (values) => ({ kind: 'map', values }))),
      ),
    })).t;
    fc.assert(
      fc.property(tree, ([text, type]) => {
        expect(ok(text)).toEqual(type);
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });

  it('never throws, whatever the cell holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'*[]()<>,.? extends Optional JsonNullable List Map String org.X|"`\\'.split('')) }), (raw) => {
        const result = java.parseType(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
