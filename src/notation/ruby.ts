/**
 * Ruby (Sorbet) Type-cell grammar, as Speakeasy's Ruby SDK generator writes it (2023 docs; measured
 * in NOTATION.md §2, Ruby row). A recursive-descent parser over the shared tokens:
 *
 * ```text
 * type    := '*' type '*'                      italics: no meaning of its own
 *          | LINK                               [text](target): `text` is a type; the target
 *                                               belongs to the model named inside it
 *          | 'T' '.' 'nilable' '(' type ')'     nilable
 *          | 'T' '.' 'any' '(' type {',' type} ')'
 *          | 'T' '::' 'Array' ('<' type '>' | '[' type ']')
 *          | 'T' '::' 'Hash' '[' type ',' type ']'   keys are `Symbol` / `String`
 *          | 'T' '::' 'Boolean'
 *          | ['::'] NAME {'::' NAME}            scalar, transport or model name
 * ```
 *
 * Scalars: `String`, `Integer`, `Float`, `T::Boolean`, `Object` (any value), `Symbol`, `NilClass`.
 * External links `[Date](url)` read as **date-time** and `[DateTime](url)` as **date**: the
 * generator swaps the labels (NOTATION.md §2, checked against livepeer's OpenAPI oracle).
 * `Faraday::Response` is transport-only.
 *
 * @module
 */

import type { PrimitiveType } from '../model/ir.js';
import { tokenize, TokenizeError, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

/** Set for the duration of one synchronous parseType call: read unlinked model names as refs. */
let bareNames = false;

const SCALARS: Record<string, PrimitiveType> = {
  String: 'string',
  Symbol: 'string',
  Integer: 'integer',
  Float: 'number',
  Numeric: 'number',
  BigDecimal: 'string',
  Object: 'unknown',
  Boolean: 'boolean',
  'T::Boolean': 'boolean',
  'T.untyped': 'unknown',
};

/** Transport-only types (HTTP response objects): never wire data. */
const TRANSPORT = new Set(['Faraday::Response']);

/** Link labels that point at external docs of date types: the generator swaps them. */
const EXTERNAL_DATES: Record<string, PrimitiveType> = { Date: 'date-time', DateTime: 'date' };

/** A syntax error at an offset in the cell. */
class SyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Parser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly target: string | null,
  ) {}

  parseAll(): NotationType {
    const type = this.type();
    const next = this.peek();
    if (next.kind !== 'end') throw new SyntaxError(`Unexpected ${describe(next)} after the type`, next.offset);
    return type;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.pos++;
    return token;
  }

  private isPunct(value: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'punct' && token.value === value;
  }

  private expectPunct(value: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value) throw new SyntaxError(`Expected \`${value}\` but found ${describe(token)}`, token.offset);
  }

  private isIdent(value: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'ident' && token.value === value;
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
      return parseLink(token);
    }
    if (this.isIdent('T') && this.isPunct('.', 1)) return this.sorbetCall();
    if (this.isIdent('T') && this.isPunct('::', 1)) {
      const generic = this.peek(2);
      if (generic.kind === 'ident' && (generic.value === 'Array' || generic.value === 'Hash')) return this.sorbetGeneric();
    }
    return this.named();
  }

  /** `T.nilable(X)`, `T.any(A, B)`, `T.untyped`. */
  private sorbetCall(): NotationType {
    const start = this.next();
    this.next(); // '.'
    const method = this.next();
    if (method.kind !== 'ident') throw new SyntaxError(`Expected a Sorbet method after \`T.\``, method.offset);
    if (method.value === 'untyped') return { kind: 'primitive', type: 'unknown' };
    if (method.value !== 'nilable' && method.value !== 'any') throw new SyntaxError(`Unknown Sorbet construct \`T.${method.value}\``, start.offset);
    this.expectPunct('(');
    const members = [this.type()];
    while (this.isPunct(',')) {
      this.next();
      members.push(this.type());
    }
    this.expectPunct(')');
    if (method.value === 'nilable') {
      if (members.length !== 1) throw new SyntaxError('`T.nilable` takes one type', start.offset);
      return { kind: 'nullable', inner: members[0]!, strength: 'optional' };
    }
    return members.length === 1 ? members[0]! : { kind: 'union', members };
  }

  /** `T::Array<X>`, `T::Array[X]`, `T::Hash[K, V]`. */
  private sorbetGeneric(): NotationType {
    this.next(); // T
    this.next(); // ::
    const generic = this.next() as Extract<Token, { kind: 'ident' }>;
    if (generic.value === 'Array') {
      const close = this.isPunct('<') ? '>' : ']';
      this.expectPunct(close === '>' ? '<' : '[');
      const items = this.type();
      this.expectPunct(close);
      return { kind: 'array', items };
    }
    this.expectPunct('[');
    const key = this.type();
    if (key.kind !== 'primitive' || key.type !== 'string') throw new SyntaxError('`T::Hash` keys must be `Symbol` or `String`', generic.offset);
    this.expectPunct(',');
    const values = this.type();
    this.expectPunct(']');
    return { kind: 'map', values };
  }

  /** A scalar, transport or model name: `['::'] NAME {'::' NAME}`. */
  private named(): NotationType {
    const start = this.peek();
    if (this.isPunct('::')) this.next();
    const parts: string[] = [];
    for (;;) {
      const token = this.next();
      if (token.kind !== 'ident') throw new SyntaxError(`Expected a type but found ${describe(token)}`, token.offset);
      parts.push(token.value);
      if (!this.isPunct('::')) break;
      this.next();
    }
    const name = parts.join('::');
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    if (name === 'NilClass') return { kind: 'literal', value: null };
    if (TRANSPORT.has(name)) return { kind: 'transport', name };
    const external = this.target !== null && isExternal(this.target);
    if (external && EXTERNAL_DATES[name]) return { kind: 'primitive', type: EXTERNAL_DATES[name] };
    if (this.target === null && bareNames) return { kind: 'ref', name, target: null, offset: start.offset };
    if (this.target === null) {
      throw new SyntaxError(`\`${name}\` is not a Ruby scalar, and a model name needs a link to its doc`, start.offset);
    }
    if (external) throw new SyntaxError(`\`${name}\` links to an external page (${this.target}), not to a model doc`, start.offset);
    return { kind: 'ref', name, target: this.target, offset: start.offset };
  }
}

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the cell';
    case 'link':
      return `a link \`[${token.text}](${token.target})\``;
    case 'ident':
    case 'punct':
      return `\`${token.value}\``;
    default:
      return `\`${JSON.stringify(token.value)}\``;
  }
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: Extract<Token, { kind: 'link' }>): NotationType {
  const inner = new Parser(tokenize(link.text, link.textOffset), link.target);
  return inner.parseAll();
}

/** The Ruby (Sorbet) notation. */
export const ruby: Notation = {
  id: 'ruby',
  label: 'Ruby (Sorbet)',
  parseType(raw: string, options?: ParseOptions): NotationResult {
    bareNames = options?.bareNames === true;
    try {
      return { ok: true, type: new Parser(tokenize(raw), null).parseAll() };
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof TokenizeError) {
        return { ok: false, error: { message: error.message, offset: error.offset } };
      }
      throw error;
    } finally {
      bareNames = false;
    }
  },
};
