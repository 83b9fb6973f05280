/**
 * Python Type-cell grammar, as Speakeasy's Python SDK generator writes it (NOTATION.md §2, Python
 * row; measured on `gt-python` and `livepeer-python`). A recursive-descent parser over the shared
 * tokens:
 *
 * ```text
 * cell    := '`' type '`' | type                 a whole-cell code span (`utils/retryconfig.md`)
 * type    := '*' type '*'                        italics: no meaning of their own
 *          | LINK                                [text](target): `text` is a type; the target
 *                                                belongs to the model named inside it
 *          | 'Optional' '[' type ']'             may be absent            (§2 optional marker)
 *          | 'OptionalNullable' '[' type ']'     may be absent or null    (§2 optional marker)
 *          | 'Nullable' '[' type ']'             may be null              (2024+ docs)
 *          | 'List' '[' type ']'                 array                    (§2 array)
 *          | 'Dict' '[' type ',' type ']'        map; the key is `str`    (§2 map)
 *          | 'Union' '[' type {',' type} ']'     union; one member is itself (§2 other)
 *          | 'Literal' '[' lit {',' lit} ']'     const values             (2024+ docs)
 *          | 'IO' '[' 'bytes' ']'                binary stream            (2024+ docs)
 *          | NAME {'.' NAME}                     scalar, library or model name
 * lit     := STRING | NUMBER | 'True' | 'False' | 'None'
 * ```
 *
 * Scalars (§2): `str`, `int`, `float`, `bool`, `Any`, `Decimal`, `bytes` (binary), `None` (null).
 * Dates: an external link labelled `[date](url)` reads as **date-time** and `[datetime](url)` as
 * **date**: the generator swaps the labels (§2, checked against the `gt-python` oracle). A bare
 * `datetime` / `date` (inside a union's link text, `[Optional[Union[datetime, int]]](...)`) keeps
 * its Python meaning, date-time / date (checked against the `livepeer-python` oracle).
 * `requests.Response`, `requests_http.Response` and `httpx.Response` are transport-only;
 * `io.IOBase`, `io.BufferedReader` and `IO[bytes]` are binary. A model name needs a link to its
 * doc: Python docs never write unlinked model names.
 *
 * @module
 */

import type { LiteralValue, PrimitiveType } from '../core/ir.js';
import { describeToken, NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

const SCALARS: Record<string, PrimitiveType> = {
  str: 'string',
  int: 'integer',
  float: 'number',
  Decimal: 'number',
  bool: 'boolean',
  Any: 'unknown',
};

/** Binary payloads: raw bytes or file-like objects (a string on the JSON wire). */
const BINARY = new Set(['bytes', 'io.IOBase', 'io.BufferedReader']);

/** Transport-only types (HTTP response objects): never wire data. */
const TRANSPORT = new Set(['requests.Response', 'requests_http.Response', 'httpx.Response']);

/** Link labels that point at Python's datetime docs: the generator swaps them. */
const EXTERNAL_DATES: Record<string, PrimitiveType> = { date: 'date-time', datetime: 'date' };

/** `date` / `datetime` written without an external link: their Python meaning. */
const BARE_DATES: Record<string, PrimitiveType> = { date: 'date', datetime: 'date-time' };

/** The one-argument wrappers and the strength of their "may be null". */
const WRAPPERS: Record<string, 'optional' | 'nullable'> = {
  Optional: 'optional',
  OptionalNullable: 'nullable',
  Nullable: 'nullable',
};

/** Every name that takes `[...]` arguments. */
const GENERICS = new Set([...Object.keys(WRAPPERS), 'List', 'Dict', 'Union', 'Literal', 'IO']);

type IdentToken = Extract<Token, { kind: 'ident' }>;
type LinkToken = Extract<Token, { kind: 'link' }>;

class Parser extends TokenCursor {
  /** The whole token list as one type. */
  parseAll(): NotationType {
    const type = this.type();
    this.expectEnd();
    return type;
  }

  /** `type` in the grammar above. */
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
    if (token.kind !== 'ident') throw new NotationSyntaxError(`Expected a type but found ${describeToken(token)}`, token.offset);
    const { name, start } = this.dottedName();
    if (this.isPunct('[')) return this.generic(name, start);
    return this.named(name, start);
  }

  /** `NAME {'.' NAME}`. */
  private dottedName(): { name: string; start: IdentToken } {
    const start = this.next() as IdentToken;
    const parts = [start.value];
    while (this.isPunct('.')) {
      this.next();
      const part = this.next();
      if (part.kind !== 'ident') throw new NotationSyntaxError(`Expected a name after \`.\` but found ${describeToken(part)}`, part.offset);
      parts.push(part.value);
    }
    return { name: parts.join('.'), start };
  }

  /** `Optional[X]`, `OptionalNullable[X]`, `Nullable[X]`, `List[X]`, `Dict[str, X]`, `Union[...]`, `Literal[...]`, `IO[bytes]`. */
  private generic(name: string, start: IdentToken): NotationType {
    if (!GENERICS.has(name)) throw new NotationSyntaxError(`Unknown Python generic \`${name}[...]\``, start.offset);
    this.expectPunct('[');
    if (name === 'Literal') return this.literal();
    const keyOffset = this.peek().offset;
    const args = [this.type()];
    while (this.isPunct(',')) {
      this.next();
      args.push(this.type());
    }
    this.expectPunct(']');
    if (name === 'Union') return args.length === 1 ? args[0]! : { kind: 'union', members: args };
    if (name === 'Dict') return dict(args, start, keyOffset);
    if (args.length !== 1) throw new NotationSyntaxError(`\`${name}\` takes one type`, start.offset);
    const arg = args[0]!;
    const strength = WRAPPERS[name];
    if (strength) return { kind: 'nullable', inner: arg, strength };
    if (name === 'List') return { kind: 'array', items: arg };
    // IO[bytes]
    if (arg.kind !== 'binary' || arg.name !== 'bytes') throw new NotationSyntaxError('`IO` takes `bytes`', start.offset);
    return { kind: 'binary', name: 'IO[bytes]' };
  }

  /** The values of `Literal[...]` after its `[`: one is a literal, several are a union of literals. */
  private literal(): NotationType {
    const members: NotationType[] = [{ kind: 'literal', value: this.literalValue() }];
    while (this.isPunct(',')) {
      this.next();
      members.push({ kind: 'literal', value: this.literalValue() });
    }
    this.expectPunct(']');
    return members.length === 1 ? members[0]! : { kind: 'union', members };
  }

  /** `lit`: a string, a number, `True`, `False` or `None`. */
  private literalValue(): LiteralValue {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'ident' && token.value === 'True') return true;
    if (token.kind === 'ident' && token.value === 'False') return false;
    if (token.kind === 'ident' && token.value === 'None') return null;
    throw new NotationSyntaxError(`Expected a literal value but found ${describeToken(token)}`, token.offset);
  }

  /** A scalar, date, binary, transport or model name. */
  private named(name: string, start: IdentToken): NotationType {
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    if (name === 'None') return { kind: 'literal', value: null };
    if (BINARY.has(name)) return { kind: 'binary', name };
    if (TRANSPORT.has(name)) return { kind: 'transport', name };
    const external = this.external;
    if (external && EXTERNAL_DATES[name]) return { kind: 'primitive', type: EXTERNAL_DATES[name] };
    if (BARE_DATES[name]) return { kind: 'primitive', type: BARE_DATES[name] };
    return this.modelRef(name, start.offset, 'Python');
  }
}

/** `Dict[K, V]` from its arguments (the key written at `keyOffset`): a map, keys `str`. */
function dict(args: NotationType[], start: IdentToken, keyOffset: number): NotationType {
  if (args.length !== 2) throw new NotationSyntaxError('`Dict` takes a key and a value type', start.offset);
  const [key, values] = args as [NotationType, NotationType];
  if (key.kind !== 'primitive' || key.type !== 'string') throw new NotationSyntaxError('`Dict` keys must be `str`', keyOffset);
  return { kind: 'map', values };
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: LinkToken, bareNames: boolean): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.target, bareNames).parseAll();
}

/**
 * Tokenize a cell, reading a whole-cell code span (`` `*str*` ``, seen in `utils/retryconfig.md`)
 * as its content: the shared tokenizer does not know backticks.
 */
function tokenizeCell(raw: string): Token[] {
  const span = /^`([^`]*)`$/.exec(raw);
  return span ? tokenize(span[1]!, 1) : tokenize(raw);
}

/** The Python notation (Speakeasy Python SDKs). */
export const python: Notation = {
  id: 'python',
  label: 'Python',
  scalars: Object.keys(SCALARS),
  parseType(raw: string, options?: ParseOptions): NotationResult {
    return runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, null, bareNames).parseAll(), tokenizeCell);
  },
};
