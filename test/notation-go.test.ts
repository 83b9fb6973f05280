import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { go } from '../src/notation/go.js';
import type { NotationType } from '../src/notation/types.js';

const ok = (raw: string): NotationType => {
  const result = go.parseType(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
  return result.type;
};
const LINK = '../../../pkg/models/shared/simpleobject.md';
const optional = (inner: NotationType): NotationType => ({ kind: 'nullable', strength: 'optional', inner });

/**
 * Drop `ref` offsets so trees compare by shape; with `raw`, first check that each offset points at
 * the ref's name in the cell.
 */
function withoutOffsets(raw: string | null, type: NotationType): unknown {
  switch (type.kind) {
    case 'ref':
      if (raw !== null) expect(raw.slice(type.offset).startsWith(type.name)).toBe(true);
      return { kind: 'ref', name: type.name, target: type.target };
    case 'array':
      return { kind: 'array', items: withoutOffsets(raw, type.items) };
    case 'map':
      return { kind: 'map', values: withoutOffsets(raw, type.values) };
    case 'nullable':
      return { ...type, inner: withoutOffsets(raw, type.inner) };
    case 'union':
      return { kind: 'union', members: type.members.map((member) => withoutOffsets(raw, member)) };
    default:
      return type;
  }
}

describe('Go notation', () => {
  it('has its id and label', () => {
    expect(go.id).toBe('go');
    expect(go.label).toBe('Go');
  });

  it.each<[string, NotationType]>([
    // scalars
    ['*string*', { kind: 'primitive', type: 'string' }],
    ['*int*', { kind: 'primitive', type: 'integer' }],
    ['*int64*', { kind: 'primitive', type: 'integer' }],
    ['*int32*', { kind: 'primitive', type: 'integer' }],
    ['*float32*', { kind: 'primitive', type: 'number' }],
    ['*float64*', { kind: 'primitive', type: 'number' }],
    ['*bool*', { kind: 'primitive', type: 'boolean' }],
    ['*any*', { kind: 'primitive', type: 'unknown' }],
    ['*interface{}*', { kind: 'primitive', type: 'unknown' }],
    // pointers: Go's optional marker
    ['**string*', optional({ kind: 'primitive', type: 'string' })],
    ['**int64*', optional({ kind: 'primitive', type: 'integer' })],
    ['**float64*', optional({ kind: 'primitive', type: 'number' })],
    ['**bool*', optional({ kind: 'primitive', type: 'boolean' })],
    // arrays
    ['[]*string*', { kind: 'array', items: { kind: 'primitive', type: 'string' } }],
    ['[][]*string*', { kind: 'array', items: { kind: 'array', items: { kind: 'primitive', type: 'string' } } }],
    // maps
    ['map[string]*string*', { kind: 'map', values: { kind: 'primitive', type: 'string' } }],
    ['map[string]*interface{}*', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    ['map[string]map[string]*string*', { kind: 'map', values: { kind: 'map', values: { kind: 'primitive', type: 'string' } } }],
    ['map[string][]*string*', { kind: 'map', values: { kind: 'array', items: { kind: 'primitive', type: 'string' } } }],
    // library types
    ['[time.Time](https://pkg.go.dev/time#Time)', { kind: 'primitive', type: 'date-time' }],
    ['[*time.Time](https://pkg.go.dev/time#Time)', optional({ kind: 'primitive', type: 'date-time' })],
    ['[types.Date](../../types/date.md)', { kind: 'primitive', type: 'date' }],
    ['[*types.Date](../../types/date.md)', optional({ kind: 'primitive', type: 'date' })],
    ['[*big.Int](https://pkg.go.dev/math/big#Int)', { kind: 'primitive', type: 'integer' }],
    ['[*decimal.Big](https://pkg.go.dev/github.com/ericlagergren/decimal#Big)', { kind: 'primitive', type: 'number' }],
    ['*[]byte*', { kind: 'binary', name: '[]byte' }],
    ['*io.ReadCloser*', { kind: 'binary', name: 'io.ReadCloser' }],
    ['[*http.Response](https://pkg.go.dev/net/http#Response)', { kind: 'transport', name: '*http.Response' }],
  ])('reads %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('attaches a link target to the model named inside the link, pointer or not', () => {
    expect(ok(`[shared.SimpleObject](${LINK})`)).toEqual({ kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 1 });
    expect(ok(`[*components.PlaybackPolicy](${LINK})`)).toEqual(optional({ kind: 'ref', name: 'components.PlaybackPolicy', target: LINK, offset: 2 }));
  });

  it('reads array and map prefixes before links and nested combinations', () => {
    expect(ok(`[][shared.SimpleObject](${LINK})`)).toEqual({
      kind: 'array',
      items: { kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 3 },
    });
    expect(ok(`[][][shared.SimpleObject](${LINK})`)).toEqual({
      kind: 'array',
      items: { kind: 'array', items: { kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 5 } },
    });
    expect(ok(`map[string][shared.SimpleObject](${LINK})`)).toEqual({
      kind: 'map',
      values: { kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 12 },
    });
    expect(ok(`map[string][][shared.SimpleObject](${LINK})`)).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 14 } },
    });
    expect(ok(`[]map[string][shared.SimpleObject](${LINK})`)).toEqual({
      kind: 'array',
      items: { kind: 'map', values: { kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 14 } },
    });
    expect(ok(`map[string]map[string][shared.SimpleObject](${LINK})`)).toEqual({
      kind: 'map',
      values: { kind: 'map', values: { kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 23 } },
    });
    expect(ok(`[]map[string][*shared.X](${LINK})`)).toEqual({
      kind: 'array',
      items: { kind: 'map', values: optional({ kind: 'ref', name: 'shared.X', target: LINK, offset: 15 }) },
    });
    expect(ok('[][*big.Int](https://pkg.go.dev/math/big#Int)')).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'integer' } });
    expect(ok('map[string][*decimal.Big](https://pkg.go.dev/github.com/ericlagergren/decimal#Big)')).toEqual({
      kind: 'map',
      values: { kind: 'primitive', type: 'number' },
    });
    expect(ok('[][types.Date](../../types/date.md)')).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'date' } });
    expect(ok('map[string][time.Time](https://pkg.go.dev/time#Time)')).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'date-time' } });
  });

  it('reads Go syntax inside italics, where `*` is a pointer', () => {
    expect(ok('*[]map[string]*int64*')).toEqual({ kind: 'array', items: { kind: 'map', values: optional({ kind: 'primitive', type: 'integer' }) } });
    expect(ok('**[]*string*')).toEqual(optional({ kind: 'array', items: optional({ kind: 'primitive', type: 'string' }) }));
  });

  it('reads code from union member fences with the bareNames option: `*` is a pointer, names are refs', () => {
    const code = (raw: string) => go.parseType(raw, { bareNames: true });
    expect(code('shared.ExampleBoat')).toEqual({ ok: true, type: { kind: 'ref', name: 'shared.ExampleBoat', target: null, offset: 0 } });
    expect(code('*big.Int')).toEqual({ ok: true, type: { kind: 'primitive', type: 'integer' } });
    expect(code('*decimal.Big')).toEqual({ ok: true, type: { kind: 'primitive', type: 'number' } });
    expect(code('time.Time')).toEqual({ ok: true, type: { kind: 'primitive', type: 'date-time' } });
    expect(code('int64')).toEqual({ ok: true, type: { kind: 'primitive', type: 'integer' } });
    expect(code('*string')).toEqual({ ok: true, type: optional({ kind: 'primitive', type: 'string' }) });
    expect(code('[]map[string]any')).toEqual({
      ok: true,
      type: { kind: 'array', items: { kind: 'map', values: { kind: 'primitive', type: 'unknown' } } },
    });
    expect(go.parseType('*big.Int').ok).toBe(false);
  });

  it('reads every net/http type as transport, pointer or not, linked to pkg.go.dev or not', () => {
    expect(ok('[*http.Request](https://pkg.go.dev/net/http#Request)')).toEqual({ kind: 'transport', name: '*http.Request' });
    expect(ok('[*http.Response](https://pkg.go.dev/net/http#Response)')).toEqual({ kind: 'transport', name: '*http.Response' });
    expect(ok('[http.Header](https://pkg.go.dev/net/http#Header)')).toEqual({ kind: 'transport', name: 'http.Header' });
    expect(ok('*http.Header*')).toEqual({ kind: 'transport', name: 'http.Header' });
    expect(go.parseType('*http.Request', { bareNames: true })).toEqual({ ok: true, type: { kind: 'transport', name: '*http.Request' } });
    // Only the package's exported names: `http.header` is no Go library type.
    expect(go.parseType('*http.header*').ok).toBe(false);
  });

  it('reads field cells with bareNames (the model stage): italics stay italics, unlinked names are refs', () => {
    const cell = (raw: string) => go.parseType(raw, { bareNames: true });
    expect(cell('*string*')).toEqual({ ok: true, type: { kind: 'primitive', type: 'string' } });
    expect(cell('**string*')).toEqual({ ok: true, type: optional({ kind: 'primitive', type: 'string' }) });
    expect(cell('[]*string*')).toEqual({ ok: true, type: { kind: 'array', items: { kind: 'primitive', type: 'string' } } });
    expect(cell('map[string]**int64*')).toEqual({ ok: true, type: { kind: 'map', values: optional({ kind: 'primitive', type: 'integer' }) } });
    expect(cell('**shared.Pet*')).toEqual({ ok: true, type: optional({ kind: 'ref', name: 'shared.Pet', target: null, offset: 2 }) });
    // Library types win over the link, whatever it points at.
    expect(cell('[*types.Date](../../types/date.md)')).toEqual({ ok: true, type: optional({ kind: 'primitive', type: 'date' }) });
    expect(cell('[types.Date](types/date.md)')).toEqual({ ok: true, type: { kind: 'primitive', type: 'date' } });
    expect(cell('*time.Time*')).toEqual({ ok: true, type: { kind: 'primitive', type: 'date-time' } });
    // Neither reading: the error of the one that got further.
    const bad = cell('*string* extra');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.offset).toBe(9);
  });

  it.each([
    ['*strng*', 1, /not a Go scalar/],
    ['shared.SimpleObject', 0, /needs a link/],
    ['*shared.SimpleObject*', 1, /needs a link/],
    ['[shared.X](https://example.com/x)', 1, /external page/],
    ['map[int]*string*', 4, /keys must be `string`/],
    ['map[string*string*', 10, /Expected `\]`/],
    ['**string', 8, /Expected `\*`/],
    ['*[]*', 4, /Expected a type/],
    ['[]', 2, /Expected a type/],
    ['[](../x.md)', 1, /Expected a type/],
    ['*interface{*', 11, /Expected `\}`/],
    ['*string* extra', 9, /Unexpected `extra`/],
    ['*str#ng*', 4, /Unexpected character/],
    ['', 0, /Expected a type/],
  ])('rejects %s with an error at offset %i', (raw, offset, message) => {
    const result = go.parseType(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.offset).toBe(offset);
      expect(result.error.message).toMatch(message);
    }
  });

  it('reads back every type it can print (property)', () => {
    type Printed = [string, NotationType];
    const scalar = fc.constantFrom<Printed>(
      ['string', { kind: 'primitive', type: 'string' }],
      ['int', { kind: 'primitive', type: 'integer' }],
      ['int64', { kind: 'primitive', type: 'integer' }],
      ['float32', { kind: 'primitive', type: 'number' }],
      ['float64', { kind: 'primitive', type: 'number' }],
      ['bool', { kind: 'primitive', type: 'boolean' }],
      ['any', { kind: 'primitive', type: 'unknown' }],
      ['interface{}', { kind: 'primitive', type: 'unknown' }],
      ['[]byte', { kind: 'binary', name: '[]byte' }],
      ['io.ReadCloser', { kind: 'binary', name: 'io.ReadCloser' }],
    );
    // Go syntax as written inside italics or link text, where `*` is a pointer.
    const goType = fc.letrec<{ t: Printed }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar,
        tie('t').map(([s, t]) => [`*${s}`, optional(t)] as Printed),
        tie('t').map(([s, t]) => [`[]${s}`, { kind: 'array', items: t }] as Printed),
        tie('t').map(([s, t]) => [`map[string]${s}`, { kind: 'map', values: t }] as Printed),
      ),
    })).t;
    const modelName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,8}$/);
    const link = fc.oneof(
      fc.tuple(modelName, fc.boolean()).map(([name, pointer]): Printed => {
        const target = `../../models/components/${name.toLowerCase()}.md`;
        const ref: NotationType = { kind: 'ref', name: `components.${name}`, target, offset: -1 };
        return [`[${pointer ? '*' : ''}components.${name}](${target})`, pointer ? optional(ref) : ref];
      }),
      fc.constantFrom<Printed>(
        ['[time.Time](https://pkg.go.dev/time#Time)', { kind: 'primitive', type: 'date-time' }],
        ['[*time.Time](https://pkg.go.dev/time#Time)', optional({ kind: 'primitive', type: 'date-time' })],
        ['[types.Date](../../types/date.md)', { kind: 'primitive', type: 'date' }],
        ['[*big.Int](https://pkg.go.dev/math/big#Int)', { kind: 'primitive', type: 'integer' }],
        ['[*decimal.Big](https://pkg.go.dev/github.com/ericlagergren/decimal#Big)', { kind: 'primitive', type: 'number' }],
      ),
    );
    // Cell level: italic leaves and links, with slice and map prefixes outside them.
    const cell = fc.letrec<{ t: Printed }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        goType.map(([s, t]) => [`*${s}*`, t] as Printed),
        link,
        tie('t').map(([s, t]) => [`[]${s}`, { kind: 'array', items: t }] as Printed),
        tie('t').map(([s, t]) => [`map[string]${s}`, { kind: 'map', values: t }] as Printed),
      ),
    })).t;
    fc.assert(
      fc.property(cell, ([text, type]) => {
        expect(withoutOffsets(text, ok(text))).toEqual(withoutOffsets(null, type));
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });

  it('never throws, whatever the cell holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'*[]()<>{},. map string interface shared.X big.Int`\\'.split('')) }), (raw) => {
        const result = go.parseType(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
