import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typescript } from '../src/notation/typescript.js';
import type { NotationType } from '../src/notation/types.js';

const ok = (raw: string): NotationType => {
  const result = typescript.parseType(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
  return result.type;
};
const LINK = '../models/scheduledblock.md';
const MDN_DATE = 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date';

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

describe('TypeScript notation', () => {
  it('has its id and label', () => {
    expect(typescript.id).toBe('typescript');
    expect(typescript.label).toBe('TypeScript');
  });

  it.each([
    // scalars
    ['*string*', { kind: 'primitive', type: 'string' }],
    ['*number*', { kind: 'primitive', type: 'number' }],
    ['*boolean*', { kind: 'primitive', type: 'boolean' }],
    ['*any*', { kind: 'primitive', type: 'unknown' }],
    ['string', { kind: 'primitive', type: 'string' }],
    // literal types (2026 docs)
    ['*"host"*', { kind: 'literal', value: 'host' }],
    ['*"dns-01"*', { kind: 'literal', value: 'dns-01' }],
    ['*true*', { kind: 'literal', value: true }],
    ['*false*', { kind: 'literal', value: false }],
    ['*404*', { kind: 'literal', value: 404 }],
    ['*-1.5*', { kind: 'literal', value: -1.5 }],
    ['*null*', { kind: 'literal', value: null }],
    // arrays
    ['*string*[]', { kind: 'array', items: { kind: 'primitive', type: 'string' } }],
    ['*string*[][]', { kind: 'array', items: { kind: 'array', items: { kind: 'primitive', type: 'string' } } }],
    ['*any*[]', { kind: 'array', items: { kind: 'primitive', type: 'unknown' } }],
    // maps
    ['Record<string, *string*>', { kind: 'map', values: { kind: 'primitive', type: 'string' } }],
    ['Record<string, *any*>', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    ['Record<*string*, *number*>', { kind: 'map', values: { kind: 'primitive', type: 'number' } }],
    // dates (external MDN link and the local RFCDate doc)
    [`[Date](${MDN_DATE})`, { kind: 'primitive', type: 'date-time' }],
    ['[RFCDate](../../types/rfcdate.md)', { kind: 'primitive', type: 'date' }],
    // binary
    ['*Uint8Array*', { kind: 'binary', name: 'Uint8Array' }],
    ['*ReadableStream<Uint8Array>*', { kind: 'binary', name: 'ReadableStream<Uint8Array>' }],
    ['*File*', { kind: 'binary', name: 'File' }],
    ['*Blob*', { kind: 'binary', name: 'Blob' }],
    // transport
    ['[AxiosResponse](https://axios-http.com/docs/res_schema)', { kind: 'transport', name: 'AxiosResponse' }],
    ['[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)', { kind: 'transport', name: 'Response' }],
  ])('reads %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('has no optional or nullable marker: null only appears as a union member', () => {
    expect(ok('*string* | *null*')).toEqual({
      kind: 'union',
      members: [
        { kind: 'primitive', type: 'string' },
        { kind: 'literal', value: null },
      ],
    });
  });

  it('attaches a link target to the model named inside the link', () => {
    expect(ok(`[models.ScheduledBlock](${LINK})`)).toEqual({ kind: 'ref', name: 'models.ScheduledBlock', target: LINK, offset: 1 });
    expect(ok(`[components.Asset](${LINK})[]`)).toEqual({
      kind: 'array',
      items: { kind: 'ref', name: 'components.Asset', target: LINK, offset: 1 },
    });
    expect(ok(`[Pet](${LINK})`)).toEqual({ kind: 'ref', name: 'Pet', target: LINK, offset: 1 });
  });

  it('reads unlinked, qualified model names as refs with a null target', () => {
    expect(ok('*models.GetSecurityFirewallConfigRulesets*')).toEqual({
      kind: 'ref',
      name: 'models.GetSecurityFirewallConfigRulesets',
      target: null,
      offset: 1,
    });
    expect(ok('*models.Rules*[]')).toEqual({ kind: 'array', items: { kind: 'ref', name: 'models.Rules', target: null, offset: 1 } });
    expect(ok('Record<string, *models.Bypass*>')).toEqual({
      kind: 'map',
      values: { kind: 'ref', name: 'models.Bypass', target: null, offset: 16 },
    });
  });

  it('reads index signatures, as union member headings write maps', () => {
    expect(ok('{ [k: string]: models.Rulesets }')).toEqual({
      kind: 'map',
      values: { kind: 'ref', name: 'models.Rulesets', target: null, offset: 15 },
    });
    expect(ok('{ [k: string]: models.Rules[] }')).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'ref', name: 'models.Rules', target: null, offset: 15 } },
    });
    expect(ok('{ [k: string]: any }')).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'unknown' } });
  });

  it('reads unqualified unlinked names as refs only with the bareNames option', () => {
    expect(typescript.parseType('Pet', { bareNames: true })).toEqual({ ok: true, type: { kind: 'ref', name: 'Pet', target: null, offset: 0 } });
    expect(typescript.parseType('models.Pet[]', { bareNames: true })).toEqual({
      ok: true,
      type: { kind: 'array', items: { kind: 'ref', name: 'models.Pet', target: null, offset: 0 } },
    });
    expect(typescript.parseType('string', { bareNames: true })).toEqual({ ok: true, type: { kind: 'primitive', type: 'string' } });
    expect(typescript.parseType('Pet').ok).toBe(false);
    // A stream of JSON lines is not JSON: no reading of it is guessed.
    expect(typescript.parseType('JsonLStream<models.X>', { bareNames: true })).toEqual({ ok: true, type: { kind: 'transport', name: 'JsonLStream' } });
  });

  it('reads the transport, binary and library types the trees write, in cells and with bareNames', () => {
    const code = (raw: string) => typescript.parseType(raw, { bareNames: true });
    // Server-sent events (openrouter 2026 union member headings): transport, whatever they carry.
    expect(code('EventStream<operations.CreateResponsesResponseBody>')).toEqual({ ok: true, type: { kind: 'transport', name: 'EventStream' } });
    expect(ok('EventStream<[models.X](../models/x.md)>')).toEqual({ kind: 'transport', name: 'EventStream' });
    expect(code('ReadableStream<Uint8Array>')).toEqual({ ok: true, type: { kind: 'binary', name: 'ReadableStream<Uint8Array>' } });
    expect(ok('*ReadableStream<Uint8Array>*')).toEqual({ kind: 'binary', name: 'ReadableStream<Uint8Array>' });
    expect(code('Blob')).toEqual({ ok: true, type: { kind: 'binary', name: 'Blob' } });
    expect(ok('[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)')).toEqual({ kind: 'transport', name: 'Response' });
    expect(ok('[AxiosResponse](https://axios-http.com/docs/res_schema)')).toEqual({ kind: 'transport', name: 'AxiosResponse' });
    // A library date wins over its link, wherever it points.
    expect(code('[RFCDate](../../types/rfcdate.md)')).toEqual({ ok: true, type: { kind: 'primitive', type: 'date' } });
    expect(code('[RFCDate](../../types/rfcdate.md)[]')).toEqual({ ok: true, type: { kind: 'array', items: { kind: 'primitive', type: 'date' } } });
    // Unlinked `errors.X` like `models.X`.
    expect(ok('*errors.NotFound*')).toEqual({ kind: 'ref', name: 'errors.NotFound', target: null, offset: 1 });
    expect(code('models.ChatMessageContentItemFile')).toEqual({
      ok: true,
      type: { kind: 'ref', name: 'models.ChatMessageContentItemFile', target: null, offset: 0 },
    });
  });

  it('reads unions, with or without italics around the members', () => {
    expect(ok('*"dns-01"* | *"http-01"*')).toEqual({
      kind: 'union',
      members: [
        { kind: 'literal', value: 'dns-01' },
        { kind: 'literal', value: 'http-01' },
      ],
    });
    expect(ok(`*string* | [models.A](${LINK}) | *number*[]`)).toEqual({
      kind: 'union',
      members: [
        { kind: 'primitive', type: 'string' },
        { kind: 'ref', name: 'models.A', target: LINK, offset: 12 },
        { kind: 'array', items: { kind: 'primitive', type: 'number' } },
      ],
    });
    expect(ok('*File | Blob*')).toEqual({
      kind: 'union',
      members: [
        { kind: 'binary', name: 'File' },
        { kind: 'binary', name: 'Blob' },
      ],
    });
    expect(ok('(*string* | *number*)[]')).toEqual({
      kind: 'array',
      items: {
        kind: 'union',
        members: [
          { kind: 'primitive', type: 'string' },
          { kind: 'primitive', type: 'number' },
        ],
      },
    });
  });

  it('reads generics around links and nested combinations', () => {
    expect(ok(`Record<string, Record<string, Record<string, [models.CreateFlagTargets](${LINK})[]>>>`)).toEqual({
      kind: 'map',
      values: {
        kind: 'map',
        values: { kind: 'map', values: { kind: 'array', items: { kind: 'ref', name: 'models.CreateFlagTargets', target: LINK, offset: 46 } } },
      },
    });
    expect(ok(`Record<string, [shared.SimpleObject](${LINK})>[]`)).toEqual({
      kind: 'array',
      items: { kind: 'map', values: { kind: 'ref', name: 'shared.SimpleObject', target: LINK, offset: 16 } },
    });
    expect(ok(`Record<string, [Date](${MDN_DATE})>`)).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'date-time' } });
    expect(ok('[RFCDate](../../types/rfcdate.md)[]')).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'date' } });
    expect(ok('Record<string, *any*>[]')).toEqual({ kind: 'array', items: { kind: 'map', values: { kind: 'primitive', type: 'unknown' } } });
    expect(ok('Record<string, *string*[]>')).toEqual({ kind: 'map', values: { kind: 'array', items: { kind: 'primitive', type: 'string' } } });
  });

  it.each([
    ['*strng*', 1, /not a TypeScript scalar/],
    ['*Pet*', 1, /must be qualified/],
    ['Record<number, *string*>', 7, /keys must be `string`/],
    ['Record<string *string*>', 14, /Expected `,`/],
    ['Record<string, *string*', 23, /Expected `>`/],
    ['*string*[', 9, /Expected `\]`/],
    ['*string', 7, /Expected `\*`/],
    ['*string* extra', 9, /Unexpected `extra`/],
    ['*string* |', 10, /Expected a type/],
    ['(*string*', 9, /Expected `\)`/],
    ['[models.X](https://example.com/x)', 1, /external page/],
    ['ReadableStream<string>', 15, /Expected `Uint8Array`/],
    ['{ [k: number]: *string* }', 6, /keys must be `string`/],
    ['{ [k: string] *string* }', 14, /Expected `:`/],
    ['{ [k: string]: *string*', 23, /Expected `\}`/],
    ['JsonLStream<models.X', 20, /Expected `>`/],
    ['*str#ng*', 4, /Unexpected character/],
    ['*"host*', 1, /Unterminated string literal/],
    ['', 0, /Expected a type/],
  ])('rejects %s with an error at offset %i', (raw, offset, message) => {
    const result = typescript.parseType(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.offset).toBe(offset);
      expect(result.error.message).toMatch(message);
    }
  });

  it('reads back every type it can print (property)', () => {
    type Printed = [string, NotationType, 'atom' | 'union'];
    const modelName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,8}$/);
    const stringLiteral = fc.string({ maxLength: 8 });
    const numberLiteral = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    );
    const leaf = fc
      .oneof(
        fc
          .constantFrom<[string, NotationType]>(
            ['string', { kind: 'primitive', type: 'string' }],
            ['number', { kind: 'primitive', type: 'number' }],
            ['boolean', { kind: 'primitive', type: 'boolean' }],
            ['any', { kind: 'primitive', type: 'unknown' }],
            ['true', { kind: 'literal', value: true }],
            ['false', { kind: 'literal', value: false }],
            ['Uint8Array', { kind: 'binary', name: 'Uint8Array' }],
            ['ReadableStream<Uint8Array>', { kind: 'binary', name: 'ReadableStream<Uint8Array>' }],
          )
          .map(([s, t]) => [`*${s}*`, t]),
        stringLiteral.map((value) => [`*${JSON.stringify(value)}*`, { kind: 'literal', value }]),
        numberLiteral.map((value) => [`*${String(value)}*`, { kind: 'literal', value }]),
        modelName.map((name) => [`*models.${name}*`, { kind: 'ref', name: `models.${name}`, target: null, offset: -1 }]),
        modelName.map((name) => [
          `[models.${name}](../models/${name.toLowerCase()}.md)`,
          { kind: 'ref', name: `models.${name}`, target: `../models/${name.toLowerCase()}.md`, offset: -1 },
        ]),
        fc.constant([`[Date](${MDN_DATE})`, { kind: 'primitive', type: 'date-time' }]),
        fc.constant(['[RFCDate](../../types/rfcdate.md)', { kind: 'primitive', type: 'date' }]),
      )
      .map(([s, t]) => [s, t, 'atom'] as Printed);
    const tree = fc.letrec<{ t: Printed }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('t').map(([s, t, shape]) => [shape === 'union' ? `(${s})[]` : `${s}[]`, { kind: 'array', items: t }, 'atom'] as Printed),
        tie('t').map(([s, t]) => [`Record<string, ${s}>`, { kind: 'map', values: t }, 'atom'] as Printed),
        fc
          .array(tie('t'), { minLength: 2, maxLength: 3 })
          .map(
            (members) =>
              [
                members.map(([s, , shape]) => (shape === 'union' ? `(${s})` : s)).join(' | '),
                { kind: 'union', members: members.map(([, t]) => t) },
                'union',
              ] as Printed,
          ),
      ),
    })).t;
    fc.assert(
      fc.property(tree, ([text, type]) => {
        expect(withoutOffsets(text, ok(text))).toEqual(withoutOffsets(null, type));
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });

  it('never throws, whatever the cell holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'*[]()<>,|."1 models.Record string number ReadableStream Uint8Array`\\'.split('')) }), (raw) => {
        const result = typescript.parseType(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
