/**
 * Ruby Type-cell grammar, as Speakeasy's Ruby SDK generator writes it: Sorbet signatures (2023–25
 * docs; measured in NOTATION.md §2, Ruby row) and the 2026 `Crystalline::` runtime types
 * (NOTATION.md §5, seen in corpus-wild ruby-clerk-clerk-sdk-ruby 2026). A recursive-descent
 * parser over the shared tokens:
 *
 * ```text
 * type    := '*' type '*'                      italics: no meaning of their own
 *          | LINK                               [text](target): `text` is a type; the target
 *                                               belongs to the model named inside it
 *          | path [args]                        a construct, scalar, transport or model name
 * path    := ['::'] NAME {'::' NAME} ['.' NAME] `Shared::X`, `::String`, `T.nilable`,
 *                                               `Crystalline::Nilable.new`
 * args    := '(' type {',' type} ')' | '<' type '>' | '[' type {',' type} ']'
 * ```
 *
 * A path followed by arguments is one of a few constructs (nilable, array, hash, union), each with
 * several spellings: the {@link CONSTRUCTS} table maps a spelling (`T.nilable`,
 * `Crystalline::Nilable.new`) to its construct and the brackets it takes, so a new spelling is a
 * row there. A path with a `.` must be a known spelling; a model name is `::`-separated only.
 *
 * Scalars: `String`, `Integer`, `Float`, `T::Boolean` / `Crystalline::Boolean.new`, `Object` (any
 * value), `Symbol`, `NilClass`, `T.untyped`; a leading `::` (`::String`, 2026) changes nothing.
 * External links `[Date](url)` read as **date-time** and `[DateTime](url)` as **date**: the
 * generator swaps the labels (NOTATION.md §2, checked against livepeer's OpenAPI oracle). Outside
 * a link to a URL, `Date` / `::Date` and `DateTime` / `::DateTime` keep their Ruby meaning, date and
 * date-time. `Faraday::Response` is transport-only.
 *
 * @module
 */

import type { PrimitiveType } from '../core/ir.js';
import { describeToken, NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

/** Scalar names, as written after an optional leading `::`. */
const SCALARS: Record<string, PrimitiveType> = {
  String: 'string',
  Symbol: 'string',
  Integer: 'integer',
  Float: 'number',
  Numeric: 'number',
  BigDecimal: 'string',
  Object: 'unknown',
  Boolean: 'boolean',
  /** Sorbet (livepeer-ruby 2023, ruby-dubinc-dub-ruby 2026). */
  'T::Boolean': 'boolean',
  /** 2026 runtime types (corpus-wild ruby-clerk-clerk-sdk-ruby 2026): `*Crystalline::Boolean.new*`. */
  'Crystalline::Boolean.new': 'boolean',
  'T.untyped': 'unknown',
};

/** Transport-only types (HTTP response objects): never wire data. */
const TRANSPORT = new Set(['Faraday::Response']);

/** Link labels that point at external docs of date types: the generator swaps them. */
const EXTERNAL_DATES: Record<string, PrimitiveType> = { Date: 'date-time', DateTime: 'date' };

/** `Date` / `DateTime` outside a link to a URL (`::DateTime`, `T.any(::Date, …)`): their Ruby meaning. */
const BARE_DATES: Record<string, PrimitiveType> = { Date: 'date', DateTime: 'date-time' };

/** What a spelling of {@link CONSTRUCTS} builds from its arguments. */
type Construct = 'nilable' | 'array' | 'map' | 'union';

/** A spelling of a construct and the brackets around its arguments (opening bracket → closing). */
interface Spelling {
  construct: Construct;
  brackets: Record<string, string>;
}

const PARENS = { '(': ')' };
const SQUARE = { '[': ']' };

/**
 * Every spelling of a type constructor, by path (leading `::` dropped):
 * - nilable (one type; "may be absent", or null on a required field): Sorbet `T.nilable(X)`
 *   (livepeer-ruby 2023), `Crystalline::Nilable.new(X)` (ruby-clerk-clerk-sdk-ruby 2026);
 * - array (one type): `T::Array<X>`, and `T::Array[X]` inside `T.any` (ruby-dubinc-dub-ruby 2026),
 *   `Crystalline::Array<X>` (ruby-clerk 2026);
 * - map (a `Symbol` / `String` key, a value type): `T::Hash[Symbol, X]` (livepeer-ruby),
 *   `Crystalline::Hash[Symbol, X]` (ruby-clerk 2026);
 * - union (one or more types): `T.any(A, B)` (ruby-dubinc 2026), `Crystalline::Union.new(A, B)`
 *   (ruby-clerk 2026).
 */
const CONSTRUCTS: Record<string, Spelling> = {
  'T.nilable': { construct: 'nilable', brackets: PARENS },
  'Crystalline::Nilable.new': { construct: 'nilable', brackets: PARENS },
  'T::Array': { construct: 'array', brackets: { '<': '>', '[': ']' } },
  'Crystalline::Array': { construct: 'array', brackets: { '<': '>', '[': ']' } },
  'T::Hash': { construct: 'map', brackets: SQUARE },
  'Crystalline::Hash': { construct: 'map', brackets: SQUARE },
  'T.any': { construct: 'union', brackets: PARENS },
  'Crystalline::Union.new': { construct: 'union', brackets: PARENS },
};

class Parser extends TokenCursor {
  parseAll(): NotationType {
    const type = this.type();
    this.expectEnd();
    return type;
  }

  type(): NotationType {
    const token = this.peek();
    if (token.kind === 'punct' && token.value === '*') {
      this.next();
      const inner = this.type();
      this.expectPunct('*');
      return inner;
    }
    if (token.kind === 'link') {
      this.next();
      return parseLink(token, this.bareNames);
    }
    const { name, method } = this.path();
    const spelling = CONSTRUCTS[name];
    if (spelling) return this.construct(name, spelling, token.offset);
    return this.named(name, method, token.offset);
  }

  /** `['::'] NAME {'::' NAME} ['.' NAME]`, the leading `::` dropped; `method` tells a `.` was read. */
  private path(): { name: string; method: boolean } {
    if (this.isPunct('::')) this.next();
    const parts: string[] = [];
    for (;;) {
      parts.push(this.ident());
      if (!this.isPunct('::')) break;
      this.next();
    }
    let name = parts.join('::');
    if (!this.isPunct('.')) return { name, method: false };
    this.next();
    name += `.${this.ident()}`;
    return { name, method: true };
  }

  private ident(): string {
    const token = this.next();
    if (token.kind !== 'ident') throw new NotationSyntaxError(`Expected a type but found ${describeToken(token)}`, token.offset);
    return token.value;
  }

  /**
   * The arguments of a construct and what they build.
   *
   * @throws {NotationSyntaxError} without arguments in one of the spelling's brackets, with a
   *   wrong number of them, or with a hash key other than `Symbol` / `String`
   */
  private construct(name: string, spelling: Spelling, offset: number): NotationType {
    const open = this.peek();
    const close = open.kind === 'punct' ? spelling.brackets[open.value] : undefined;
    if (close === undefined) {
      throw new NotationSyntaxError(
        `\`${name}\` takes types in ${Object.keys(spelling.brackets)
          .map((b) => `\`${b}${spelling.brackets[b]}\``)
          .join(' or ')}`,
        open.offset,
      );
    }
    this.next();
    const keyOffset = this.peek().offset;
    const args = [this.type()];
    while (close !== '>' && this.isPunct(',')) {
      this.next();
      args.push(this.type());
    }
    this.expectPunct(close);
    switch (spelling.construct) {
      case 'union':
        return args.length === 1 ? args[0]! : { kind: 'union', members: args };
      case 'map': {
        if (args.length !== 2) throw new NotationSyntaxError(`\`${name}\` takes a key and a value type`, offset);
        const [key, values] = args as [NotationType, NotationType];
        if (key.kind !== 'primitive' || key.type !== 'string') throw new NotationSyntaxError(`\`${name}\` keys must be \`Symbol\` or \`String\``, keyOffset);
        return { kind: 'map', values };
      }
      case 'nilable':
      case 'array':
        if (args.length !== 1) throw new NotationSyntaxError(`\`${name}\` takes one type`, offset);
        return spelling.construct === 'array' ? { kind: 'array', items: args[0]! } : { kind: 'nullable', inner: args[0]!, strength: 'optional' };
    }
  }

  /**
   * A scalar, date, transport or model name (`method`: the path held a `.`, which only known
   * spellings do).
   *
   * @throws {NotationSyntaxError} for an unknown `.` path, or a model name {@link TokenCursor.modelRef} refuses
   */
  private named(name: string, method: boolean, offset: number): NotationType {
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    if (method) throw new NotationSyntaxError(`Unknown Ruby type construct \`${name}\``, offset);
    if (name === 'NilClass') return { kind: 'literal', value: null };
    if (TRANSPORT.has(name)) return { kind: 'transport', name };
    const dates = this.external ? EXTERNAL_DATES : BARE_DATES;
    if (dates[name]) return { kind: 'primitive', type: dates[name] };
    return this.modelRef(name, offset, 'Ruby');
  }
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: Extract<Token, { kind: 'link' }>, bareNames: boolean): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.target, bareNames).parseAll();
}

/** The Ruby notation (Sorbet and 2026 `Crystalline::` spellings). */
export const ruby: Notation = {
  id: 'ruby',
  label: 'Ruby (Sorbet)',
  scalars: Object.keys(SCALARS),
  parseType(raw: string, options?: ParseOptions): NotationResult {
    return runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, null, bareNames).parseAll());
  },
};
