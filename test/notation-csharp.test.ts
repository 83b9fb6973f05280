import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/build.js';
import { csharp } from '../src/notation/csharp.js';
import { memoryDocSource } from '../src/parse/files.js';
import type { NotationType } from '../src/notation/types.js';

const ok = (raw: string): NotationType => {
  const result = csharp.parseType(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
  return result.type;
};
const LINK = '../../Models/Shared/SimpleObject.md';
const LIST = '../../Models/Shared/List.md';
const DT = 'https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0';
const LD = 'https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html';
const HRM = 'https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage?view=net-5.0';
const str: NotationType = { kind: 'primitive', type: 'string' };
const int: NotationType = { kind: 'primitive', type: 'integer' };

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

describe('C# notation', () => {
  it.each([
    ['*string*', str],
    ['*long*', int],
    ['*int*', int],
    ['*BigInteger*', int],
    ['*double*', { kind: 'primitive', type: 'number' }],
    ['*float*', { kind: 'primitive', type: 'number' }],
    ['*decimal*', { kind: 'primitive', type: 'number' }],
    ['*bool*', { kind: 'primitive', type: 'boolean' }],
    ['*object*', { kind: 'primitive', type: 'unknown' }],
    ['*byte[]*', { kind: 'binary', name: 'byte[]' }],
    ['*Stream*', { kind: 'binary', name: 'Stream' }],
    ['*long?*', { kind: 'nullable', strength: 'optional', inner: int }],
    ['*bool?*', { kind: 'nullable', strength: 'optional', inner: { kind: 'primitive', type: 'boolean' } }],
    ['*string[]*', { kind: 'array', items: str }],
    ['*long?[]*', { kind: 'array', items: { kind: 'nullable', strength: 'optional', inner: int } }],
    ['List<*string*>', { kind: 'array', items: str }],
    ['List<*long?*>', { kind: 'array', items: { kind: 'nullable', strength: 'optional', inner: int } }],
    ['Dictionary<String, *object*>', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    ['Dictionary<string, *BigInteger*>', { kind: 'map', values: int }],
    [`[DateTime](${DT})`, { kind: 'primitive', type: 'date-time' }],
    [`[LocalDate](${LD})`, { kind: 'primitive', type: 'date' }],
    [`[HttpResponseMessage](${HRM})`, { kind: 'transport', name: 'HttpResponseMessage' }],
    // Transport, as csharp-walker-tx-ynab-csharp `Components/HTTPMetadata.md` writes it (2025).
    ['*HttpRequestMessage*', { kind: 'transport', name: 'HttpRequestMessage' }],
    [
      '[HttpRequestMessage](https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httprequestmessage)',
      { kind: 'transport', name: 'HttpRequestMessage' },
    ],
    ['*System.Net.Http.HttpResponseMessage*', { kind: 'transport', name: 'System.Net.Http.HttpResponseMessage' }],
    ['*System.Net.Http.HttpMethod*', { kind: 'transport', name: 'System.Net.Http.HttpMethod' }],
    // Fully qualified .NET names read as the scalar or library type they name.
    ['*System.Object*', { kind: 'primitive', type: 'unknown' }],
    ['*System.String*', str],
    ['*System.Int16*', int],
    ['*System.Single*', { kind: 'primitive', type: 'number' }],
    ['*System.Numerics.BigInteger*', int],
    ['*System.DateTime*', { kind: 'primitive', type: 'date-time' }],
    ['*NodaTime.LocalDate*', { kind: 'primitive', type: 'date' }],
    ['*System.IO.Stream*', { kind: 'binary', name: 'Stream' }],
    ['System.Collections.Generic.List<*System.String*>', { kind: 'array', items: str }],
    ['System.Collections.Generic.Dictionary<System.String, *System.Object*>', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    [`[System.DateTime](${LINK})`, { kind: 'primitive', type: 'date-time' }],
    // Markdown escapes of generics.
    ['List\\<*string*>', { kind: 'array', items: str }],
  ])('reads %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('reads a linked model name as a ref to the link target', () => {
    expect(ok(`[SimpleObject](${LINK})`)).toEqual({ kind: 'ref', name: 'SimpleObject', target: LINK, offset: 1 });
    expect(ok(`[SimpleObject?](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'ref', name: 'SimpleObject', target: LINK, offset: 1 },
    });
    // A model doc link wins over a library name: this `DateTime` is a model.
    expect(ok('[DateTime](../../Models/Shared/DateTime.md)')).toEqual({ kind: 'ref', name: 'DateTime', target: '../../Models/Shared/DateTime.md', offset: 1 });
  });

  it('reads a model named List as a ref, not as the generic', () => {
    expect(ok(`[List](${LIST})`)).toEqual({ kind: 'ref', name: 'List', target: LIST, offset: 1 });
    expect(ok(`List<[List](${LIST})>`)).toEqual({ kind: 'array', items: { kind: 'ref', name: 'List', target: LIST, offset: 6 } });
    expect(ok(`Dictionary<String, List<[List](${LIST})>>`)).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'ref', name: 'List', target: LIST, offset: 25 } },
    });
    expect(ok(`[List<List>](${LIST})`)).toEqual({ kind: 'array', items: { kind: 'ref', name: 'List', target: LIST, offset: 6 } });
  });

  it('reads generics around links and nested combinations', () => {
    expect(ok(`List<[SimpleObject](${LINK})>`)).toEqual({ kind: 'array', items: { kind: 'ref', name: 'SimpleObject', target: LINK, offset: 6 } });
    expect(ok(`Dictionary<String, List<[SimpleObject](${LINK})>>`)).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'ref', name: 'SimpleObject', target: LINK, offset: 25 } },
    });
    expect(ok(`List<Dictionary<String, [SimpleObject](${LINK})>>`)).toEqual({
      kind: 'array',
      items: { kind: 'map', values: { kind: 'ref', name: 'SimpleObject', target: LINK, offset: 25 } },
    });
    expect(ok('List<List<*string*>>')).toEqual({ kind: 'array', items: { kind: 'array', items: str } });
    expect(ok(`Dictionary<String, [DateTime](${DT})>`)).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'date-time' } });
    expect(ok(`List<[LocalDate](${LD})>`)).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'date' } });
  });

  it.each([
    ['*strng*', 1, /not a C# scalar/],
    ['Dictionary<int, *string*>', 11, /keys must be `String`/],
    ['HashSet<*string*>', 0, /not a C# generic/],
    ['List<*string*', 13, /Expected `>`/],
    ['*string* extra', 9, /Unexpected `extra`/],
    ['List', 0, /needs a link/],
    ['SimpleObject', 0, /needs a link/],
    ['*byte*', 1, /not a C# scalar/],
    ['[SimpleObject](https://example.com/x)', 1, /external page/],
    ['*str#ng*', 4, /Unexpected character/],
    ['', 0, /Expected a type/],
    ['*System.Guid*', 1, /\.NET type docs2ts does not read/],
  ])('rejects %s with an error at offset %i', (raw, offset, message) => {
    const result = csharp.parseType(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.offset).toBe(offset);
      expect(result.error.message).toMatch(message);
    }
  });

  it('reads back every type it can print (property)', () => {
    type Printed = [string, NotationType];
    const leaf = fc.constantFrom<Printed>(
      ['*string*', str],
      ['*long*', int],
      ['*int*', int],
      ['*BigInteger*', int],
      ['*double*', { kind: 'primitive', type: 'number' }],
      ['*decimal*', { kind: 'primitive', type: 'number' }],
      ['*bool*', { kind: 'primitive', type: 'boolean' }],
      ['*object*', { kind: 'primitive', type: 'unknown' }],
      ['*byte[]*', { kind: 'binary', name: 'byte[]' }],
      [`[DateTime](${DT})`, { kind: 'primitive', type: 'date-time' }],
      [`[LocalDate](${LD})`, { kind: 'primitive', type: 'date' }],
      [`[SimpleObject](${LINK})`, { kind: 'ref', name: 'SimpleObject', target: LINK, offset: 1 }],
      [`[List](${LIST})`, { kind: 'ref', name: 'List', target: LIST, offset: 1 }],
    );
    const wrap =
      (before: string, after: string, build: (t: NotationType) => NotationType) =>
      ([s, t]: Printed): Printed => [`${before}${s}${after}`, build(shift(t, before.length))];
    const tree = fc.letrec<{ t: Printed }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('t').map(wrap('List<', '>', (items) => ({ kind: 'array', items }))),
        tie('t').map(wrap('Dictionary<String, ', '>', (values) => ({ kind: 'map', values }))),
        tie('t').map(wrap('', '?', (inner) => ({ kind: 'nullable', strength: 'optional', inner }))),
        tie('t').map(wrap('', '[]', (items) => ({ kind: 'array', items }))),
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
      fc.property(fc.string({ unit: fc.constantFrom(...'*[]()<>,.? List Dictionary string long byte Shared.X|"`\\'.split('')) }), (raw) => {
        const result = csharp.parseType(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  describe('union members named by variant (corpus-wild csharp-novuhq-novu-csharp, 2025)', () => {
    const member = (heading: string, fence: string | null = `X.Create${heading}(/* values here */);`) => {
      const result = csharp.readUnionMember!({ heading, fence });
      if (result === null || !result.ok) throw new Error(`${heading}: ${JSON.stringify(result)}`);
      return result.type;
    };
    const ref = (name: string): NotationType => ({ kind: 'ref', name, target: null, offset: 0 });

    it.each<[string, NotationType]>([
      ['Str', str],
      ['Number', { kind: 'primitive', type: 'number' }],
      ['Integer', int],
      ['Boolean', { kind: 'primitive', type: 'boolean' }],
      ['Any', { kind: 'primitive', type: 'unknown' }],
      ['DateTime', { kind: 'primitive', type: 'date-time' }],
      ['ArrayOfAny', { kind: 'array', items: { kind: 'primitive', type: 'unknown' } }],
      ['ArrayOfStr', { kind: 'array', items: str }],
      ['MapOfAny', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
      ['ArrayOfArrayOfStr', { kind: 'array', items: { kind: 'array', items: str } }],
      ['MapOfArrayOfInteger', { kind: 'map', values: { kind: 'array', items: int } }],
      ['SubscriberPayloadDto', ref('SubscriberPayloadDto')],
      ['ArrayOfEmailBlock', { kind: 'array', items: ref('EmailBlock') }],
      ['ArrayOf5', { kind: 'array', items: ref('Five') }],
      ['ArrayOf21', { kind: 'array', items: ref('TwentyOne') }],
    ])('reads variant %s', (heading, expected) => {
      expect(member(heading)).toEqual(expected);
    });

    it('takes the variant from the fence, reads a heading alone, and leaves other fences to the model stage', () => {
      expect(member('Whatever', 'Union.CreateStr(/* values here */);')).toEqual(str);
      expect(member('ArrayOfStr', null)).toEqual({ kind: 'array', items: str });
      expect(csharp.readUnionMember!({ heading: 'Str', fence: 'const value: string = "x";' })).toBeNull();
      expect(csharp.readUnionMember!({ heading: 'Not a name', fence: null })).toBeNull();
    });

    it('builds a union doc of variant members, resolving model variants by heading', () => {
      const ir = buildModel(
        memoryDocSource({
          'Components/Content.md':
            '# Content\n\n## Supported Types\n\n### ArrayOfEmailBlock\n\n```csharp\nContent.CreateArrayOfEmailBlock(/* values here */);\n```\n\n### Str\n\n```csharp\nContent.CreateStr(/* values here */);\n```\n\n### MapOfAny\n\n```csharp\nContent.CreateMapOfAny(/* values here */);\n```\n\n### ArrayOf1\n\n```csharp\nContent.CreateArrayOf1(/* values here */);\n```',
          'Components/EmailBlock.md':
            '# EmailBlock\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `Type` | *string* | :heavy_check_mark: | N/A |',
          'Components/One.md':
            '# One\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `Id` | *long* | :heavy_check_mark: | N/A |',
        }),
        { roots: ['Content'], notation: csharp },
      );
      expect(ir.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(ir.models.find((m) => m.name === 'Content')).toMatchObject({
        kind: 'union',
        members: [
          { kind: 'array', items: { kind: 'ref', model: 'Components/EmailBlock.md' } },
          { kind: 'primitive', type: 'string' },
          { kind: 'map', values: { kind: 'primitive', type: 'unknown' } },
          { kind: 'array', items: { kind: 'ref', model: 'Components/One.md' } },
        ],
      });
    });

    it('leaves the HTTP request and response of a response wrapper out, as transport', () => {
      const ir = buildModel(
        memoryDocSource({
          'Components/HTTPMetadata.md': `# HTTPMetadata\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`Response\` | [HttpResponseMessage](${HRM}) | :heavy_check_mark: | N/A |\n| \`Request\` | *HttpRequestMessage* | :heavy_check_mark: | N/A |`,
        }),
        { roots: [], notation: csharp },
      );
      expect(ir.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(ir.diagnostics.filter((d) => d.ruleId === 'transport-field')).toHaveLength(2);
      expect(ir.models[0]).toMatchObject({ kind: 'object', fields: [] });
    });
  });
});
