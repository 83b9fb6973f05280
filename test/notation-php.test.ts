import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/build.js';
import { php } from '../src/notation/php.js';
import { memoryDocSource } from '../src/parse/files.js';
import type { NotationType } from '../src/notation/types.js';

const ok = (raw: string): NotationType => {
  const result = php.parseType(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error.message}`);
  return result.type;
};
const LINK = '../../Models/Shared/Pet.md';
const PET = '\\OpenAPI\\OpenAPI\\Models\\Shared\\Pet';
const DATETIME = '[\\DateTime](https://www.php.net/manual/en/class.datetime.php)';

const str = { kind: 'primitive', type: 'string' } as const;
const int = { kind: 'primitive', type: 'integer' } as const;
const num = { kind: 'primitive', type: 'number' } as const;
const unknown = { kind: 'primitive', type: 'unknown' } as const;

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

describe('PHP notation', () => {
  it.each([
    // NOTATION.md §2, PHP row: scalars
    ['*string*', str],
    ['*int*', int],
    ['*float*', num],
    ['*bool*', { kind: 'primitive', type: 'boolean' }],
    ['*mixed*', unknown],
    // optional marker
    ['*?string*', { kind: 'nullable', strength: 'optional', inner: str }],
    ['*?int*', { kind: 'nullable', strength: 'optional', inner: int }],
    // array, map
    ['array<*string*>', { kind: 'array', items: str }],
    ['array<array<*string*>>', { kind: 'array', items: { kind: 'array', items: str } }],
    ['array<string, *mixed*>', { kind: 'map', values: unknown }],
    ['array<string, array<string, *string*>>', { kind: 'map', values: { kind: 'map', values: str } }],
    // other: dates (both read as date-time), transport, unions, big numbers
    [DATETIME, { kind: 'primitive', type: 'date-time' }],
    ['*\\DateTime*', { kind: 'primitive', type: 'date-time' }],
    [
      '[\\Psr\\Http\\Message\\ResponseInterface](https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface)',
      { kind: 'transport', name: '\\Psr\\Http\\Message\\ResponseInterface' },
    ],
    ['*\\Psr\\Http\\Message\\StreamInterface*', { kind: 'binary', name: '\\Psr\\Http\\Message\\StreamInterface' }],
    ['*\\Brick\\Math\\BigInteger*', int],
    ['*\\Brick\\Math\\BigDecimal*', num],
    ['*\\Brick\\DateTime\\LocalDate*', { kind: 'primitive', type: 'date' }],
    ['*string|int*', { kind: 'union', members: [str, int] }],
    ['*string*|*int*', { kind: 'union', members: [str, int] }],
    ['*string|null*', { kind: 'nullable', strength: 'optional', inner: str }],
    ['*null*', { kind: 'literal', value: null }],
  ])('reads %s', (raw, expected) => {
    expect(ok(raw)).toEqual(expected);
  });

  it('attaches a link target to the model named inside the link', () => {
    expect(ok(`[${PET}](${LINK})`)).toEqual({ kind: 'ref', name: PET, target: LINK, offset: 1 });
    expect(ok(`[?${PET}](${LINK})`)).toEqual({ kind: 'nullable', strength: 'optional', inner: { kind: 'ref', name: PET, target: LINK, offset: 2 } });
    expect(ok(`[?Components\\Pet](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'ref', name: 'Components\\Pet', target: LINK, offset: 2 },
    });
  });

  it('reads unions in link text (`\\|` already read as `|`); a `null` member means nullable', () => {
    expect(ok(`[string|float|null](${LINK})`)).toEqual({ kind: 'nullable', strength: 'optional', inner: { kind: 'union', members: [str, num] } });
    expect(ok(`[string|array|null](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: { kind: 'union', members: [str, { kind: 'array', items: unknown }, { kind: 'map', values: unknown }] },
    });
    expect(ok(`[Components\\A|Components\\B|null](${LINK})`)).toEqual({
      kind: 'nullable',
      strength: 'optional',
      inner: {
        kind: 'union',
        members: [
          { kind: 'ref', name: 'Components\\A', target: LINK, offset: 1 },
          { kind: 'ref', name: 'Components\\B', target: LINK, offset: 14 },
        ],
      },
    });
    expect(ok(`[\\Brick\\Math\\BigInteger|\\Brick\\Math\\BigDecimal](${LINK})`)).toEqual({ kind: 'union', members: [int, num] });
  });

  it('reads generics around links and nested combinations', () => {
    expect(ok(`array<[${PET}](${LINK})>`)).toEqual({ kind: 'array', items: { kind: 'ref', name: PET, target: LINK, offset: 7 } });
    expect(ok(`array<string, array<[${PET}](${LINK})>>`)).toEqual({
      kind: 'map',
      values: { kind: 'array', items: { kind: 'ref', name: PET, target: LINK, offset: 21 } },
    });
    expect(ok(`array<array<string, [${PET}](${LINK})>>`)).toEqual({
      kind: 'array',
      items: { kind: 'map', values: { kind: 'ref', name: PET, target: LINK, offset: 21 } },
    });
    expect(ok(`array<string, [?${PET}](${LINK})>`)).toEqual({
      kind: 'map',
      values: { kind: 'nullable', strength: 'optional', inner: { kind: 'ref', name: PET, target: LINK, offset: 16 } },
    });
    expect(ok(`array<${DATETIME}>`)).toEqual({ kind: 'array', items: { kind: 'primitive', type: 'date-time' } });
    expect(ok(`array<string, ${DATETIME}>`)).toEqual({ kind: 'map', values: { kind: 'primitive', type: 'date-time' } });
  });

  it('reads a bare `array` as a list or a map of unknown values (PHP arrays are both)', () => {
    const either = {
      kind: 'union',
      members: [
        { kind: 'array', items: unknown },
        { kind: 'map', values: unknown },
      ],
    };
    expect(php.parseType('array', { bareNames: true })).toEqual({ ok: true, type: either });
    expect(ok('*array*')).toEqual(either);
    expect(ok('?array')).toEqual({ kind: 'nullable', strength: 'optional', inner: either });
  });

  it('reads unlinked model names, fully qualified or relative, as refs with bareNames (headings, `@var`)', () => {
    const code = (raw: string) => php.parseType(raw, { bareNames: true });
    expect(code('\\Clerk\\Backend\\Models\\Components\\Otp')).toEqual({
      ok: true,
      type: { kind: 'ref', name: '\\Clerk\\Backend\\Models\\Components\\Otp', target: null, offset: 0 },
    });
    expect(code('Components\\Otp')).toEqual({ ok: true, type: { kind: 'ref', name: 'Components\\Otp', target: null, offset: 0 } });
    expect(code('array<Components\\Pdf|Components\\Mock>')).toEqual({
      ok: true,
      type: {
        kind: 'array',
        items: {
          kind: 'union',
          members: [
            { kind: 'ref', name: 'Components\\Pdf', target: null, offset: 6 },
            { kind: 'ref', name: 'Components\\Mock', target: null, offset: 21 },
          ],
        },
      },
    });
    // Library names still win.
    expect(code('\\Brick\\Math\\BigInteger')).toEqual({ ok: true, type: int });
  });

  it("takes a union member's type from its fence's `@var` annotation, over an `array` heading", () => {
    const member = (heading: string, type: string) => `### \`${heading}\`\n\n\`\`\`php\n/**\n* @var ${type}\n*/\n${heading} $value = /* values here */\n\`\`\``;
    const source = memoryDocSource({
      'Components/Body.md': [
        '# Body',
        '',
        '## Supported Types',
        '',
        member('array', 'array<string, mixed>'),
        '',
        member('array', 'array<Components\\Pet>'),
        '',
        member('string', 'string'),
        '',
        member('Components\\Pet', '\\Acme\\Models\\Components\\Pet'),
      ].join('\n'),
      'Components/Pet.md':
        '# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `name` | *string* | :heavy_check_mark: | N/A |',
    });
    const ir = buildModel(source, { notation: php, roots: ['Body'] });
    expect(ir.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const body = ir.models.find((m) => m.name === 'Body');
    expect(body).toMatchObject({
      kind: 'union',
      members: [
        { kind: 'map', values: { kind: 'primitive', type: 'unknown' } },
        { kind: 'array', items: { kind: 'ref', model: 'Components/Pet.md' } },
        { kind: 'primitive', type: 'string' },
        { kind: 'ref', model: 'Components/Pet.md' },
      ],
    });
  });

  it.each([
    ['*String*', 1, /not a PHP scalar/],
    ['*?string', 8, /Expected `\*`/],
    ['array<int, *string*>', 6, /keys must be `string`/],
    ['array<*string*', 14, /Expected `>`/],
    ['*string* extra', 9, /Unexpected `extra`/],
    [PET, 0, /needs a link/],
    [`[${PET}](https://example.com/pet)`, 1, /external page/],
    ['*list<string>*', 1, /Unknown PHP generic/],
    ['*string|*', 9, /Expected a type/],
    ['*\\*', 2, /Expected a type/],
    ['*str#ng*', 4, /Unexpected character/],
    ['', 0, /Expected a type/],
  ])('rejects %s with an error at offset %i', (raw, offset, message) => {
    const result = php.parseType(raw);
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
      ['*int*', int],
      ['*float*', num],
      ['*bool*', { kind: 'primitive', type: 'boolean' }],
      ['*mixed*', unknown],
      ['*?string*', { kind: 'nullable', strength: 'optional', inner: str }],
      [DATETIME, { kind: 'primitive', type: 'date-time' }],
      [`[${PET}](${LINK})`, { kind: 'ref', name: PET, target: LINK, offset: 0 }],
      [`[?${PET}](${LINK})`, { kind: 'nullable', strength: 'optional', inner: { kind: 'ref', name: PET, target: LINK, offset: 0 } }],
      [`[string|float|null](${LINK})`, { kind: 'nullable', strength: 'optional', inner: { kind: 'union', members: [str, num] } }],
      [`[Components\\A|int](${LINK})`, { kind: 'union', members: [{ kind: 'ref', name: 'Components\\A', target: LINK, offset: 0 }, int] }],
    );
    const tree = fc.letrec<{ t: Printed }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('t').map(([s, t]): Printed => [`array<${s}>`, { kind: 'array', items: t }]),
        tie('t').map(([s, t]): Printed => [`array<string, ${s}>`, { kind: 'map', values: t }]),
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
      fc.property(fc.string({ unit: fc.constantFrom(...'*[]()<>,?|\\ arraystringintnullComponents"'.split('')) }), (raw) => {
        const result = php.parseType(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
