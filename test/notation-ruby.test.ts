import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruby } from '../src/notation/ruby.js';
import type { NotationType } from '../src/notation/types.js';

const ok = (raw: string): NotationType => {
  const result = ruby.parseType(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
  return result.type;
};
const LINK = '../../models/shared/taskparams.md';

describe('Ruby (Sorbet) notation', () => {
  it.each([
    ['*String*', { kind: 'primitive', type: 'string' }],
    ['*Integer*', { kind: 'primitive', type: 'integer' }],
    ['*Float*', { kind: 'primitive', type: 'number' }],
    ['*T::Boolean*', { kind: 'primitive', type: 'boolean' }],
    ['*Object*', { kind: 'primitive', type: 'unknown' }],
    ['*::String*', { kind: 'primitive', type: 'string' }],
    ['*T.nilable(String)*', { kind: 'nullable', strength: 'optional', inner: { kind: 'primitive', type: 'string' } }],
    ['*T.nilable(T::Boolean)*', { kind: 'nullable', strength: 'optional', inner: { kind: 'primitive', type: 'boolean' } }],
    ['T::Hash[Symbol, *Object*]', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    ['T::Array<*String*>', { kind: 'array', items: { kind: 'primitive', type: 'string' } }],
    ['T::Array[*Integer*]', { kind: 'array', items: { kind: 'primitive', type: 'integer' } }],
    ['[Date](https://ruby-doc.org/stdlib/libdoc/date/rdoc/Date.html)', { kind: 'primitive', type: 'date-time' }],
    ['[DateTime](https://ruby-doc.org/stdlib/libdoc/date/rdoc/DateTime.html)', { kind: 'primitive', type: 'date' }],
    ['[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)', { kind: 'transport', name: 'Faraday::Response' }],
  ])('reads %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('attaches a link target to the model named inside the link', () => {
    expect(ok(`[T.nilable(Shared::TaskParams)](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'ref', name: 'Shared::TaskParams', target: LINK, offset: 11 },
    });
    expect(ok(`[Shared::TaskPhase](${LINK})`)).toEqual({ kind: 'ref', name: 'Shared::TaskPhase', target: LINK, offset: 1 });
  });

  it('reads generics around links and nested combinations', () => {
    expect(ok(`T::Array<[Shared::FfmpegProfile](${LINK})>`)).toEqual({
      kind: 'array',
      items: { kind: 'ref', name: 'Shared::FfmpegProfile', target: LINK, offset: 10 },
    });
    expect(ok(`T::Hash[Symbol, T::Array<[T.nilable(Shared::X)](${LINK})>]`)).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'nullable', strength: 'optional', inner: { kind: 'ref', name: 'Shared::X', target: LINK, offset: 36 } } },
    });
    expect(ok(`T.any(*String*, [Shared::X](${LINK}))`)).toMatchObject({ kind: 'union', members: [{ kind: 'primitive' }, { kind: 'ref' }] });
  });

  it.each([
    // corpus-wild ruby-clerk-clerk-sdk-ruby 2026
    ['*Crystalline::Nilable.new(::String)*', { kind: 'nullable', strength: 'optional', inner: { kind: 'primitive', type: 'string' } }],
    ['*Crystalline::Nilable.new(Crystalline::Boolean.new)*', { kind: 'nullable', strength: 'optional', inner: { kind: 'primitive', type: 'boolean' } }],
    ['*Crystalline::Boolean.new*', { kind: 'primitive', type: 'boolean' }],
    ['Crystalline::Array<*::String*>', { kind: 'array', items: { kind: 'primitive', type: 'string' } }],
    ['Crystalline::Hash[Symbol, *::Object*]', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    [
      '*Crystalline::Union.new(::String, ::Integer)*',
      {
        kind: 'union',
        members: [
          { kind: 'primitive', type: 'string' },
          { kind: 'primitive', type: 'integer' },
        ],
      },
    ],
    // ruby-dubinc-dub-ruby 2026
    ['*T.nilable(::Float)*', { kind: 'nullable', strength: 'optional', inner: { kind: 'primitive', type: 'number' } }],
    [
      '*T.any(::String, T::Array[::String])*',
      {
        kind: 'union',
        members: [
          { kind: 'primitive', type: 'string' },
          { kind: 'array', items: { kind: 'primitive', type: 'string' } },
        ],
      },
    ],
    // dates outside a link to a URL keep their Ruby meaning
    ['*::DateTime*', { kind: 'primitive', type: 'date-time' }],
    ['*::Date*', { kind: 'primitive', type: 'date' }],
    [
      '*T.any(::DateTime, ::Integer)*',
      {
        kind: 'union',
        members: [
          { kind: 'primitive', type: 'date-time' },
          { kind: 'primitive', type: 'integer' },
        ],
      },
    ],
    ['*T::Boolean*', { kind: 'primitive', type: 'boolean' }],
    ['*NilClass*', { kind: 'literal', value: null }],
  ])('reads the 2026 spelling %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('reads `Date` / `DateTime` in a link to a doc (not a URL) with their Ruby meaning', () => {
    // gt-ruby docs/sdks: `[Date](../../models//.md)` for union_date_null, whose oracle says `format: date`
    expect(ok('[Date](../../models//.md)')).toEqual({ kind: 'primitive', type: 'date' });
    expect(ok('[T::Hash[Symbol, Date]](../../models//.md)')).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'date' } });
    expect(ok(`[T.nilable(T.any(::DateTime, Shared::X))](${LINK})`)).toMatchObject({
      inner: { members: [{ kind: 'primitive', type: 'date-time' }, { kind: 'ref' }] },
    });
  });

  it('reads Crystalline constructs around links the way it reads Sorbet ones', () => {
    const sorbet = ok(`[T.nilable(T.any(Models::Components::A, Models::Components::B))](${LINK})`);
    const crystalline = ok(`[Crystalline::Nilable.new(Crystalline::Union.new(Models::Components::A, Models::Components::B))](${LINK})`);
    expect(crystalline).toMatchObject({
      kind: 'nullable',
      inner: {
        kind: 'union',
        members: [
          { kind: 'ref', name: 'Models::Components::A', target: LINK },
          { kind: 'ref', name: 'Models::Components::B', target: LINK },
        ],
      },
    });
    expect(JSON.stringify(crystalline).replace(/"offset":\d+/g, '')).toBe(JSON.stringify(sorbet).replace(/"offset":\d+/g, ''));
    expect(ok(`Crystalline::Array<[Models::Components::User](${LINK})>`)).toEqual({
      kind: 'array',
      items: { kind: 'ref', name: 'Models::Components::User', target: LINK, offset: 20 },
    });
  });

  it('reads an unlinked model name with a leading `::` as a ref by name with bareNames only', () => {
    expect(ruby.parseType('[::Clerk::Models::Components::User](../x.md)')).toMatchObject({
      ok: true,
      type: { kind: 'ref', name: 'Clerk::Models::Components::User', offset: 1 },
    });
    expect(ruby.parseType('::OpenApiSDK::Operations::X', { bareNames: true })).toEqual({
      ok: true,
      type: { kind: 'ref', name: 'OpenApiSDK::Operations::X', target: null, offset: 0 },
    });
    expect(ruby.parseType('T.nilable(::OpenApiSDK::Operations::X)', { bareNames: true })).toMatchObject({
      ok: true,
      type: { kind: 'nullable', inner: { kind: 'ref', target: null, offset: 10 } },
    });
    expect(ruby.parseType('::OpenApiSDK::Operations::X')).toMatchObject({ ok: false, error: { offset: 0, message: expect.stringMatching(/needs a link/) } });
  });

  it.each([
    ['*Strng*', 1, /not a Ruby scalar/],
    ['*T.nilable(String*', 17, /Expected `\)`/],
    ['T::Hash[Integer, *String*]', 8, /keys must be/],
    ['Crystalline::Hash[*::Integer*, *::String*]', 18, /keys must be/],
    ['*String* extra', 9, /Unexpected `extra`/],
    ['Shared::X', 0, /needs a link/],
    ['[Shared::X](https://example.com/x)', 1, /external page/],
    ['*T.cast(String)*', 1, /Unknown Ruby type construct `T.cast`/],
    ['*Crystalline::Nilable.create(::String)*', 1, /Unknown Ruby type construct/],
    ['[models.Pet](../../models/pet.md)', 1, /Unknown Ruby type construct `models.Pet`/],
    ['*Crystalline::Nilable.new*', 25, /takes types in `\(\)`/],
    ['Crystalline::Array(*::String*)', 18, /takes types in `<>` or `\[\]`/],
    ['*Crystalline::Nilable.new(::String, ::Integer)*', 1, /takes one type/],
    ['Crystalline::Hash[Symbol]', 0, /a key and a value/],
    ['Crystalline::Array<*::String*, *::Integer*>', 29, /Expected `>`/],
    ['[List<String>](x.md)', 5, /Unexpected `<`/],
    ['*Str#ng*', 4, /Unexpected character/],
    ['', 0, /Expected a type/],
  ])('rejects %s with an error at offset %i', (raw, offset, message) => {
    const result = ruby.parseType(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.offset).toBe(offset);
      expect(result.error.message).toMatch(message);
    }
  });

  it('reads back every type it can print (property)', () => {
    const leaf = fc.constantFrom<[string, NotationType]>(
      ['String', { kind: 'primitive', type: 'string' }],
      ['Integer', { kind: 'primitive', type: 'integer' }],
      ['Float', { kind: 'primitive', type: 'number' }],
      ['T::Boolean', { kind: 'primitive', type: 'boolean' }],
      ['Object', { kind: 'primitive', type: 'unknown' }],
      ['::String', { kind: 'primitive', type: 'string' }],
      ['Crystalline::Boolean.new', { kind: 'primitive', type: 'boolean' }],
    );
    const tree = fc.letrec<{ t: [string, NotationType] }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf.map(([s, t]) => [`*${s}*`, t] as [string, NotationType]),
        tie('t').map(([s, t]) => [`T.nilable(${s})`, { kind: 'nullable', strength: 'optional', inner: t }] as [string, NotationType]),
        tie('t').map(([s, t]) => [`T::Array<${s}>`, { kind: 'array', items: t }] as [string, NotationType]),
        tie('t').map(([s, t]) => [`T::Hash[Symbol, ${s}]`, { kind: 'map', values: t }] as [string, NotationType]),
        tie('t').map(([s, t]) => [`Crystalline::Nilable.new(${s})`, { kind: 'nullable', strength: 'optional', inner: t }] as [string, NotationType]),
        tie('t').map(([s, t]) => [`Crystalline::Array<${s}>`, { kind: 'array', items: t }] as [string, NotationType]),
        tie('t').map(([s, t]) => [`Crystalline::Hash[Symbol, ${s}]`, { kind: 'map', values: t }] as [string, NotationType]),
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
      fc.property(fc.string({ unit: fc.constantFrom(...'*[]()<>,:.T Shared::StringInteger|"`\\'.split('')) }), (raw) => {
        const result = ruby.parseType(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
