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
import { describeToken, NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

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
    if (method.kind !== 'ident') throw new NotationSyntaxError(`Expected a Sorbet method after \`T.\``, method.offset);
    if (method.value === 'untyped') return { kind: 'primitive', type: 'unknown' };
    if (method.value !== 'nilable' && method.value !== 'any') throw new NotationSyntaxError(`Unknown Sorbet construct \`T.${method.value}\``, start.offset);
    this.expectPunct('(');
    const members = [this.type()];
    while (this.isPunct(',')) {
      this.next();
      members.push(this.type());
    }
    this.expectPunct(')');
    if (method.value === 'nilable') {
      if (members.length !== 1) throw new NotationSyntaxError('`T.nilable` takes one type', start.offset);
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
    if (key.kind !== 'primitive' || key.type !== 'string') throw new NotationSyntaxError('`T::Hash` keys must be `Symbol` or `String`', generic.offset);
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
      if (token.kind !== 'ident') throw new NotationSyntaxError(`Expected a type but found ${describeToken(token)}`, token.offset);
      parts.push(token.value);
      if (!this.isPunct('::')) break;
      this.next();
    }
    const name = parts.join('::');
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    if (name === 'NilClass') return { kind: 'literal', value: null };
    if (TRANSPORT.has(name)) return { kind: 'transport', name };
    if (this.external && EXTERNAL_DATES[name]) return { kind: 'primitive', type: EXTERNAL_DATES[name] };
    return this.modelRef(name, start.offset, 'Ruby');
  }
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: Extract<Token, { kind: 'link' }>, bareNames: boolean): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.target, bareNames).parseAll();
}

/** The Ruby (Sorbet) notation. */
export const ruby: Notation = {
  id: 'ruby',
  label: 'Ruby (Sorbet)',
  parseType(raw: string, options?: ParseOptions): NotationResult {
    return runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, null, bareNames).parseAll());
  },
};
