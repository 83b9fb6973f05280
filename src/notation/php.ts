/**
 * PHP Type-cell grammar, as Speakeasy's PHP SDK generator writes it (NOTATION.md §2, PHP row;
 * measured on `gt-php`, unions from 2024+ PHP docs). A recursive-descent parser over the shared
 * tokens:
 *
 * ```text
 * type    := member {'|' member}                  union; a `null` member means nullable
 *                                                 (§2 other: `[string\|float\|null](...)`)
 * member  := '*' type '*'                         italics: no meaning of their own
 *          | LINK                                 [text](target): `text` is a type; the target
 *                                                 belongs to the model named inside it
 *          | '?' member                           may be absent              (§2 optional marker)
 *          | 'array' '<' type '>'                 array                      (§2 array)
 *          | 'array' '<' type ',' type '>'        map; the key is `string`   (§2 map)
 *          | 'array'                              a list or a map of anything (union member
 *                                                 headings: the fence's `@var` says which)
 *          | ['\'] NAME {'\' NAME}                scalar, library or model name
 * ```
 *
 * Scalars (§2): `string`, `int`, `float`, `bool`, `mixed` (any value), `null`. `\DateTime` is both
 * date and date-time in PHP docs; it reads as **date-time** (the wider of the two).
 * `\Brick\Math\BigInteger` / `\Brick\Math\BigDecimal` (2024+ big numbers) read as integer / number,
 * `\Brick\DateTime\LocalDate` as date. `\Psr\Http\Message\ResponseInterface` is transport-only and
 * `\Psr\Http\Message\StreamInterface` binary. Library names are matched with or without their
 * leading `\`. A model name, fully qualified (`\OpenAPI\OpenAPI\Models\Shared\Pet`,
 * `\Clerk\Backend\Models\Components\X`, up to late 2024) or relative (`Components\Pet`, later),
 * needs a link to its doc, except with the `bareNames` option (field cells as the model stage
 * reads them, union member headings and `@var` annotations: `` ### `Components\Otp` `` in
 * corpus-wild php-clerk-clerk-sdk-php 2024, `@var \Gando\Partner\Models\Components\X` in
 * php-gando-solutions-gando-partner-php 2026), where an unlinked name is a `ref` with a null
 * target, resolved by its last segment.
 *
 * @module
 */

import type { PrimitiveType } from '../core/ir.js';
import { NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

const SCALARS: Record<string, PrimitiveType> = {
  string: 'string',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
  mixed: 'unknown',
  DateTime: 'date-time',
  'Brick\\DateTime\\LocalDate': 'date',
  'Brick\\Math\\BigInteger': 'integer',
  'Brick\\Math\\BigDecimal': 'number',
};

/** Binary payloads (a string on the JSON wire). */
const BINARY = new Set(['Psr\\Http\\Message\\StreamInterface']);

/** Transport-only types (PSR-7 HTTP responses): never wire data. */
const TRANSPORT = new Set(['Psr\\Http\\Message\\ResponseInterface']);

type LinkToken = Extract<Token, { kind: 'link' }>;

/**
 * A bare `array`: PHP's one array type is a list or a string-keyed map, and the docs say which
 * only in a generic (`array<X>`, `array<string, X>`) or a fence's `@var` annotation. Read as
 * either, of unknown values. Seen as union member headings (`` ### `array` `` over a fence with
 * `@var array<string, mixed>` or `@var array<Components\X>`, Speakeasy PHP 2024+ docs).
 */
const BARE_ARRAY: NotationType = {
  kind: 'union',
  members: [
    { kind: 'array', items: { kind: 'primitive', type: 'unknown' } },
    { kind: 'map', values: { kind: 'primitive', type: 'unknown' } },
  ],
};

class Parser extends TokenCursor {
  /** The whole token list as one type. */
  parseAll(): NotationType {
    const type = this.type();
    this.expectEnd();
    return type;
  }

  /** `type`: members joined by `|`; a `null` member makes the rest nullable. */
  type(): NotationType {
    const members = [this.member()];
    while (this.isPunct('|')) {
      this.next();
      members.push(this.member());
    }
    return unionOf(members);
  }

  /** `member` in the grammar above. */
  private member(): NotationType {
    const token = this.peek();
    if (token.kind === 'punct' && token.value === '*') {
      this.next();
      const inner = this.type();
      this.expectPunct('*');
      return inner;
    }
    if (token.kind === 'punct' && token.value === '?') {
      this.next();
      return { kind: 'nullable', inner: this.member(), strength: 'optional' };
    }
    if (token.kind === 'link') {
      this.next();
      return parseLink(token, this.bareNames);
    }
    if (token.kind === 'ident' && token.value === 'array') {
      this.next();
      return this.isPunct('<') ? this.array() : BARE_ARRAY;
    }
    return this.named();
  }

  /** `array<X>` or `array<string, X>`, after `array`. */
  private array(): NotationType {
    this.expectPunct('<');
    const keyOffset = this.peek().offset;
    const first = this.type();
    if (!this.isPunct(',')) {
      this.expectPunct('>');
      return { kind: 'array', items: first };
    }
    this.next();
    const values = this.type();
    this.expectPunct('>');
    if (first.kind !== 'primitive' || first.type !== 'string') throw new NotationSyntaxError('`array<K, V>` keys must be `string`', keyOffset);
    return { kind: 'map', values };
  }

  /** `['\'] NAME {'\' NAME}`: a scalar, library or model name. */
  private named(): NotationType {
    const start = this.peek();
    const rooted = this.isPunct('\\');
    if (rooted) this.next();
    const parts = this.nameParts('\\');
    if (this.isPunct('<')) throw new NotationSyntaxError(`Unknown PHP generic \`${parts.join('\\')}<...>\``, start.offset);
    return this.resolve(parts.join('\\'), rooted, start.offset);
  }

  /** What a name means; `rooted` when written with a leading `\`. */
  private resolve(name: string, rooted: boolean, offset: number): NotationType {
    const written = rooted ? `\\${name}` : name;
    if (name === 'null') return { kind: 'literal', value: null };
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    if (BINARY.has(name)) return { kind: 'binary', name: written };
    if (TRANSPORT.has(name)) return { kind: 'transport', name: written };
    return this.modelRef(written, offset, 'PHP');
  }
}

/**
 * The type of `A|B|...`: one member is itself; a `null` member (`string|null`) wraps the others in
 * an optional-strength nullable, like `?string`.
 */
function unionOf(members: NotationType[]): NotationType {
  if (members.length === 1) return members[0]!;
  const isNull = (m: NotationType): boolean => m.kind === 'literal' && m.value === null;
  // Nested unions (a bare `array` member) are flattened: `string|array` has three members.
  const rest = members.flatMap((m) => (m.kind === 'union' ? m.members : isNull(m) ? [] : [m]));
  if (rest.length === 0) return { kind: 'literal', value: null };
  const inner: NotationType = rest.length === 1 ? rest[0]! : { kind: 'union', members: rest };
  return members.some(isNull) ? { kind: 'nullable', inner, strength: 'optional' } : inner;
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: LinkToken, bareNames: boolean): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.target, bareNames).parseAll();
}

/** The PHP notation (Speakeasy PHP SDKs). */
export const php: Notation = {
  id: 'php',
  label: 'PHP',
  scalars: Object.keys(SCALARS),
  parseType(raw: string, options?: ParseOptions): NotationResult {
    return runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, null, bareNames).parseAll());
  },
};
