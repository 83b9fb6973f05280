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
    ['*Strng*', 1, /not a Ruby scalar/],
    ['*T.nilable(String*', 17, /Expected `\)`/],
    ['T::Hash[Integer, *String*]', 3, /keys must be/],
    ['*String* extra', 9, /Unexpected `extra`/],
    ['Shared::X', 0, /needs a link/],
    ['[Shared::X](https://example.com/x)', 1, /external page/],
    ['*T.cast(String)*', 1, /Unknown Sorbet construct/],
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
    );
    const tree = fc.letrec<{ t: [string, NotationType] }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf.map(([s, t]) => [`*${s}*`, t] as [string, NotationType]),
        tie('t').map(([s, t]) => [`T.nilable(${s})`, { kind: 'nullable', strength: 'optional', inner: t }] as [string, NotationType]),
        tie('t').map(([s, t]) => [`T::Array<${s}>`, { kind: 'array', items: t }] as [string, NotationType]),
        tie('t').map(([s, t]) => [`T::Hash[Symbol, ${s}]`, { kind: 'map', values: t }] as [string, NotationType]),
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
