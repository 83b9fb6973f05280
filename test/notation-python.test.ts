import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { python } from '../src/notation/python.js';
import type { NotationType } from '../src/notation/types.js';

const ok = (raw: string): NotationType => {
  const result = python.parseType(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
  return result.type;
};
const LINK = '../../models/shared/pet.md';
const DATE_URL = 'https://docs.python.org/3/library/datetime.html#date-objects';
const DATETIME_URL = 'https://docs.python.org/3/library/datetime.html#datetime-objects';

const str = { kind: 'primitive', type: 'string' } as const;
const int = { kind: 'primitive', type: 'integer' } as const;

/** Every ref in a tree. */
function refs(type: NotationType): Extract<NotationType, { kind: 'ref' }>[] {
  switch (type.kind) {
    case 'ref':
      return [type];
    case 'array':
      return refs(type.items);
    case 'map':
      return refs(type.values);
    case 'nullable':
      return refs(type.inner);
    case 'union':
      return type.members.flatMap(refs);
    default:
      return [];
  }
}

/** The tree without ref offsets (checked separately). */
function withoutOffsets(type: NotationType): unknown {
  return JSON.parse(JSON.stringify(type, (key, value: unknown) => (key === 'offset' ? undefined : value)));
}

describe('Python notation', () => {
  it.each([
    // NOTATION.md §2, Python row: scalars
    ['*str*', str],
    ['*int*', int],
    ['*float*', { kind: 'primitive', type: 'number' }],
    ['*bool*', { kind: 'primitive', type: 'boolean' }],
    ['*Any*', { kind: 'primitive', type: 'unknown' }],
    ['*Decimal*', { kind: 'primitive', type: 'number' }],
    ['*bytes*', { kind: 'binary', name: 'bytes' }],
    // optional / nullable markers
    ['*Optional[str]*', { kind: 'nullable', strength: 'optional', inner: str }],
    ['*OptionalNullable[int]*', { kind: 'nullable', strength: 'nullable', inner: int }],
    ['*Nullable[str]*', { kind: 'nullable', strength: 'nullable', inner: str }],
    ['*Optional[bytes]*', { kind: 'nullable', strength: 'optional', inner: { kind: 'binary', name: 'bytes' } }],
    // array, map
    ['List[*str*]', { kind: 'array', items: str }],
    ['List[List[*str*]]', { kind: 'array', items: { kind: 'array', items: str } }],
    ['Dict[str, *Any*]', { kind: 'map', values: { kind: 'primitive', type: 'unknown' } }],
    ['Dict[str, List[*str*]]', { kind: 'map', values: { kind: 'array', items: str } }],
    // other: unions, dates (swapped labels on external links), transport, literals, binary streams
    ['*Union[str, int]*', { kind: 'union', members: [str, int] }],
    [`[date](${DATE_URL})`, { kind: 'primitive', type: 'date-time' }],
    [`[datetime](${DATETIME_URL})`, { kind: 'primitive', type: 'date' }],
    ['[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)', { kind: 'transport', name: 'requests.Response' }],
    ['[httpx.Response](https://www.python-httpx.org/api/#response)', { kind: 'transport', name: 'httpx.Response' }],
    ['*Optional[requests_http.Response]*', { kind: 'nullable', strength: 'optional', inner: { kind: 'transport', name: 'requests_http.Response' } }],
    ['*Literal["custom"]*', { kind: 'literal', value: 'custom' }],
    ['*Optional[Literal["bank"]]*', { kind: 'nullable', strength: 'optional', inner: { kind: 'literal', value: 'bank' } }],
    [
      '*Literal["a", 1, True, None]*',
      {
        kind: 'union',
        members: [
          { kind: 'literal', value: 'a' },
          { kind: 'literal', value: 1 },
          { kind: 'literal', value: true },
          { kind: 'literal', value: null },
        ],
      },
    ],
    [
      '*Union[bytes, IO[bytes], io.BufferedReader]*',
      {
        kind: 'union',
        members: [
          { kind: 'binary', name: 'bytes' },
          { kind: 'binary', name: 'IO[bytes]' },
          { kind: 'binary', name: 'io.BufferedReader' },
        ],
      },
    ],
    ['*io.IOBase*', { kind: 'binary', name: 'io.IOBase' }],
    // a whole-cell code span (utils/retryconfig.md)
    ['`*str*`', str],
  ])('reads %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('reads the 2025-26 forms of the corpus-wild Python trees (regression guard)', () => {
    // python-agentset-ai-agentset-python 2026
    expect(ok('*Nullable[str]*')).toEqual({ kind: 'nullable', strength: 'nullable', inner: str });
    expect(ok(`[Nullable[models.Pet]](${LINK})`)).toMatchObject({
      kind: 'nullable',
      strength: 'nullable',
      inner: { kind: 'ref', name: 'models.Pet', target: LINK },
    });
    expect(ok('*Literal["TEXT"]*')).toEqual({ kind: 'literal', value: 'TEXT' });
    expect(ok('*Literal[True]*')).toEqual({ kind: 'literal', value: true });
    // python-mistralai-client-python 2026, python-unstructured-io-unstructured-python-client 2025
    expect(ok('*Optional[Literal["session.updated"]]*')).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'literal', value: 'session.updated' },
    });
    expect(ok('*Union[bytes, IO[bytes], io.BufferedReader]*')).toMatchObject({
      kind: 'union',
      members: [{ kind: 'binary' }, { kind: 'binary' }, { kind: 'binary' }],
    });
    expect(ok('[httpx.Response](https://www.python-httpx.org/api/#response)')).toEqual({ kind: 'transport', name: 'httpx.Response' });
    // union member headings (bareNames)
    const heading = (raw: string): NotationType => {
      const result = python.parseType(raw, { bareNames: true });
      if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
      return result.type;
    };
    expect(heading('Dict[str, Any]')).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'unknown' } });
    expect(heading('List[List[models.Pet]]')).toEqual({
      kind: 'array',
      items: { kind: 'array', items: { kind: 'ref', name: 'models.Pet', target: null, offset: 10 } },
    });
    expect(heading('shared.MongoDBConnectorConfigInput')).toEqual({ kind: 'ref', name: 'shared.MongoDBConnectorConfigInput', target: null, offset: 0 });
    expect(heading('datetime')).toEqual({ kind: 'primitive', type: 'date-time' });
  });

  it('attaches a link target to the model named inside the link', () => {
    expect(ok(`[shared.Pet](${LINK})`)).toEqual({ kind: 'ref', name: 'shared.Pet', target: LINK, offset: 1 });
    expect(ok(`[Optional[components.Pet]](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'ref', name: 'components.Pet', target: LINK, offset: 10 },
    });
    expect(ok(`[OptionalNullable[models.Pet]](${LINK})`)).toMatchObject({ kind: 'nullable', strength: 'nullable', inner: { kind: 'ref', offset: 18 } });
    expect(ok('[BackoffStrategy](#backoffstrategy)')).toEqual({ kind: 'ref', name: 'BackoffStrategy', target: '#backoffstrategy', offset: 1 });
  });

  it('reads unions inside links: every member of the link text shares its target', () => {
    expect(ok(`[Optional[Union[Union[components.CreatorID1], str]]](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'union', members: [{ kind: 'ref', name: 'components.CreatorID1', target: LINK, offset: 22 }, str] },
    });
    expect(ok(`[Union[shared.A, shared.B]](${LINK})`)).toEqual({
      kind: 'union',
      members: [
        { kind: 'ref', name: 'shared.A', target: LINK, offset: 7 },
        { kind: 'ref', name: 'shared.B', target: LINK, offset: 17 },
      ],
    });
    // a bare `datetime` keeps its Python meaning (date-time); only external link labels are swapped
    expect(ok(`[Optional[Union[datetime, int]]](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'union', members: [{ kind: 'primitive', type: 'date-time' }, int] },
    });
    expect(ok(`[Union[str, List[str]]](${LINK})`)).toEqual({ kind: 'union', members: [str, { kind: 'array', items: str }] });
  });

  it('reads generics around links and nested combinations', () => {
    expect(ok(`List[[shared.Pet](${LINK})]`)).toEqual({ kind: 'array', items: { kind: 'ref', name: 'shared.Pet', target: LINK, offset: 6 } });
    expect(ok(`Dict[str, List[[shared.Pet](${LINK})]]`)).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'ref', name: 'shared.Pet', target: LINK, offset: 16 } },
    });
    expect(ok(`List[Dict[str, [shared.Pet](${LINK})]]`)).toEqual({
      kind: 'array',
      items: { kind: 'map', values: { kind: 'ref', name: 'shared.Pet', target: LINK, offset: 16 } },
    });
    expect(ok(`Dict[str, [Optional[shared.Pet]](${LINK})]`)).toEqual({
      kind: 'map',
      values: { kind: 'nullable', strength: 'optional', inner: { kind: 'ref', name: 'shared.Pet', target: LINK, offset: 20 } },
    });
    expect(ok(`List[[datetime](${DATETIME_URL})]`)).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'date' } });
    expect(ok(`Dict[str, [date](${DATE_URL})]`)).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'date-time' } });
  });

  it.each([
    ['*string*', 1, /not a Python scalar/],
    ['*Optional[str*', 13, /Expected `\]`/],
    ['Dict[int, *str*]', 5, /keys must be `str`/],
    ['Dict[str]', 0, /takes a key and a value/],
    ['*Optional[str, int]*', 1, /takes one type/],
    ['*str* extra', 6, /Unexpected `extra`/],
    ['shared.Pet', 0, /needs a link/],
    ['[shared.Pet](https://example.com/pet)', 1, /external page/],
    ['*Set[str]*', 1, /Unknown Python generic/],
    ['*Literal[str]*', 9, /Expected a literal value/],
    ['*IO[str]*', 1, /`IO` takes `bytes`/],
    ['*shared.*', 8, /Expected a name after `\.`/],
    ['*st#r*', 3, /Unexpected character/],
    ['`*str*', 0, /Unexpected character/],
    ['', 0, /Expected a type/],
    [`List[[shared.Pet](${LINK})`, 45, /Expected `\]`/],
  ])('rejects %s with an error at offset %i', (raw, offset, message) => {
    const result = python.parseType(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.offset).toBe(offset);
      expect(result.error.message).toMatch(message);
    }
  });

  it('reads back every type it can print (property)', () => {
    type Printed = [string, NotationType];
    const leaf = fc.constantFrom<Printed>(
      ['*str*', str],
      ['*int*', int],
      ['*float*', { kind: 'primitive', type: 'number' }],
      ['*bool*', { kind: 'primitive', type: 'boolean' }],
      ['*Any*', { kind: 'primitive', type: 'unknown' }],
      ['*Decimal*', { kind: 'primitive', type: 'number' }],
      ['*bytes*', { kind: 'binary', name: 'bytes' }],
      [`[date](${DATE_URL})`, { kind: 'primitive', type: 'date-time' }],
      [`[datetime](${DATETIME_URL})`, { kind: 'primitive', type: 'date' }],
      [`[shared.Pet](${LINK})`, { kind: 'ref', name: 'shared.Pet', target: LINK, offset: 0 }],
      [
        `[Optional[components.Pet]](${LINK})`,
        { kind: 'nullable', strength: 'optional', inner: { kind: 'ref', name: 'components.Pet', target: LINK, offset: 0 } },
      ],
      [`[Union[shared.A, str]](${LINK})`, { kind: 'union', members: [{ kind: 'ref', name: 'shared.A', target: LINK, offset: 0 }, str] }],
    );
    const tree = fc.letrec<{ t: Printed }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('t').map(([s, t]): Printed => [`Optional[${s}]`, { kind: 'nullable', strength: 'optional', inner: t }]),
        tie('t').map(([s, t]): Printed => [`OptionalNullable[${s}]`, { kind: 'nullable', strength: 'nullable', inner: t }]),
        tie('t').map(([s, t]): Printed => [`List[${s}]`, { kind: 'array', items: t }]),
        tie('t').map(([s, t]): Printed => [`Dict[str, ${s}]`, { kind: 'map', values: t }]),
        fc.tuple(tie('t'), tie('t')).map(([[a, ta], [b, tb]]): Printed => [`Union[${a}, ${b}]`, { kind: 'union', members: [ta, tb] }]),
      ),
    })).t;
    fc.assert(
      fc.property(tree, ([text, type]) => {
        const parsed = ok(text);
        expect(withoutOffsets(parsed)).toEqual(withoutOffsets(type));
        for (const ref of refs(parsed)) expect(text.slice(ref.offset, ref.offset + ref.name.length)).toBe(ref.name);
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });

  it('never throws, whatever the cell holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'*[](),.`" OptionalListDictUnionLiteralstrint|\\'.split('')) }), (raw) => {
        const result = python.parseType(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
