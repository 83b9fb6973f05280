/**
 * Go Type-cell grammar, as Speakeasy's Go SDK generator writes it (2023 to 2024 docs; measured in
 * NOTATION.md §2, Go row, and over the `gt-go` and `livepeer-go` trees). A recursive-descent parser
 * over the shared tokens:
 *
 * ```text
 * cell   := type END
 * type   := '*' type '*'                     italics, only where no italics or link is open
 *                                            (§2 leaves): inside, `*` is a Go pointer
 *         | '*' type                         pointer `**string*`, `[*components.X](…)`: inside
 *                                            italics or link text (§2 "optional / nullable")
 *         | '[' ']' 'byte'                   raw bytes `*[]byte*` (§2 "other")
 *         | '[' ']' type                     slice `[]*string*`, `[][shared.X](…)` (§2 "array")
 *         | 'map' '[' type ']' type          map; the key must read as `string` (§2 "map")
 *         | 'interface' '{' '}'              any value (§2 "scalars")
 *         | LINK                             [text](target): `text` is a type; the target
 *                                            belongs to the model named inside it (§2 leaves)
 *         | NAME {'.' NAME}                  scalar, library or model name
 * ```
 *
 * Italics and pointers share the `*` token. Markdown italics only wrap a whole leaf and never
 * nest, and the generator writes pointers only inside them or inside link text; so a `*` met
 * where neither is open starts italics, and any other `*` is a pointer.
 *
 * Scalars (§2 "scalars"): `string`, `bool`, `int` / `int8`…`int64` / `uint`…`uint64` / `byte` /
 * `rune` (integer), `float32` / `float64` (number), `any` and `interface{}` (any value).
 * A pointer is Go's optional marker: `{ kind: 'nullable', strength: 'optional' }`.
 * Library types (§2 "other"), read by name whatever the link target (`types.Date` links to a local
 * `types/date.md`): `time.Time` = **date-time**, `types.Date` = **date**, `big.Int` = integer,
 * `decimal.Big` = number, `[]byte` and `io.ReadCloser` = binary. Any `net/http` type
 * (`*http.Response`, `*http.Request`, `http.Header`) is transport: the field is left out.
 * `*big.Int`, `*decimal.Big` and `*http.Response` are how Go always spells those types, on
 * required fields too: that pointer is part of the name and carries no optionality. Library names
 * win over the link around them: `[types.Date](../../types/date.md)` is a date whether or not
 * the linked page is in the input.
 * Models are always linked; without `bareNames` an unlinked unknown name is an error.
 *
 * With the `bareNames` option an unlinked unknown name is a model (`ref` with a null target,
 * resolved by name later: `*shared.X*` in a field cell), and text that does not read as a Markdown
 * cell is read as code from a union member heading or fence (§1), such as `shared.ExampleBoat` or
 * `*big.Int`, where `*` is always a pointer. Where both readings succeed they agree (they differ
 * only on `*`: italics must close, code never closes one), so the cell reading is tried first;
 * when both fail, the error that got further is reported.
 *
 * @module
 */

import type { PrimitiveType } from '../core/ir.js';
import { describeToken, NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

const SCALARS: Record<string, PrimitiveType> = {
  string: 'string',
  bool: 'boolean',
  int: 'integer',
  int8: 'integer',
  int16: 'integer',
  int32: 'integer',
  int64: 'integer',
  uint: 'integer',
  uint8: 'integer',
  uint16: 'integer',
  uint32: 'integer',
  uint64: 'integer',
  byte: 'integer',
  rune: 'integer',
  float32: 'number',
  float64: 'number',
  any: 'unknown',
};

/** Library types named by a (qualified) name, inside or outside links. */
const LIBRARY: Record<string, NotationType> = {
  'time.Time': { kind: 'primitive', type: 'date-time' },
  'types.Date': { kind: 'primitive', type: 'date' },
  'big.Int': { kind: 'primitive', type: 'integer' },
  'decimal.Big': { kind: 'primitive', type: 'number' },
  'io.ReadCloser': { kind: 'binary', name: 'io.ReadCloser' },
  'io.Reader': { kind: 'binary', name: 'io.Reader' },
};

/** Library types Go always handles by pointer: `*name` is the type itself, not an optional one. */
const POINTER_LIBRARY: Record<string, NotationType> = {
  'big.Int': { kind: 'primitive', type: 'integer' },
  'decimal.Big': { kind: 'primitive', type: 'number' },
};

/**
 * Transport and SDK-runtime types: anything of Go's `net/http` package (`*http.Response`,
 * `*http.Request`, `http.Header`, …), pointer or not, linked to pkg.go.dev or not. Response
 * wrappers hold them (`RawResponse`, 2024+ `HTTPMeta` docs with `Request` / `Response`); they are
 * never wire data.
 */
function transport(name: string, pointer: boolean): NotationType | null {
  return /^http\.[A-Z]\w*$/.test(name) ? { kind: 'transport', name: pointer ? `*${name}` : name } : null;
}

class Parser extends TokenCursor {
  /**
   * @param tokens the tokens of the cell or of a link's text
   * @param target the enclosing link's target, or null outside links
   * @param pointers whether `*` is a Go pointer here (inside italics or link text) rather than
   *   the start of italics
   * @param bareNames whether an unlinked unknown name is a model (`ref`) too
   */
  constructor(
    tokens: Token[],
    target: string | null,
    private pointers: boolean,
    bareNames = false,
  ) {
    super(tokens, target, bareNames);
  }

  /** `cell := type END`. */
  parseAll(): NotationType {
    const type = this.type();
    this.expectEnd();
    return type;
  }

  private type(): NotationType {
    const token = this.peek();
    if (token.kind === 'punct' && token.value === '*') return this.pointers ? this.pointer() : this.italics();
    if (token.kind === 'punct' && token.value === '[') return this.slice();
    if (token.kind === 'link') {
      this.next();
      return parseLink(token);
    }
    if (this.isIdent('map') && this.isPunct('[', 1)) return this.map();
    if (this.isIdent('interface') && this.isPunct('{', 1)) {
      this.next();
      this.next();
      this.expectPunct('}');
      return { kind: 'primitive', type: 'unknown' };
    }
    return this.named();
  }

  /** `'*' type '*'`: italics mean nothing, but inside them `*` is a pointer. */
  private italics(): NotationType {
    this.next();
    this.pointers = true;
    const inner = this.type();
    this.expectPunct('*');
    this.pointers = false;
    return inner;
  }

  /** `'*' type`: Go's optional marker, except in the names of pointer-only library types. */
  private pointer(): NotationType {
    this.next();
    const save = this.pos;
    const name = this.qualifiedName();
    if (name !== null && POINTER_LIBRARY[name]) return { ...POINTER_LIBRARY[name] };
    const http = name === null ? null : transport(name, true);
    if (http) return http;
    this.pos = save;
    return { kind: 'nullable', inner: this.type(), strength: 'optional' };
  }

  /** `NAME {'.' NAME}` when one follows (consumed), else null (nothing consumed). */
  private qualifiedName(): string | null {
    if (this.peek().kind !== 'ident') return null;
    const parts = [(this.next() as Extract<Token, { kind: 'ident' }>).value];
    while (this.isPunct('.') && this.peek(1).kind === 'ident') {
      this.next();
      parts.push((this.next() as Extract<Token, { kind: 'ident' }>).value);
    }
    return parts.join('.');
  }

  /** `'[' ']' type`: a slice; `[]byte` is raw bytes. */
  private slice(): NotationType {
    this.next();
    this.expectPunct(']');
    if (this.isIdent('byte') && !this.isPunct('.', 1)) {
      this.next();
      return { kind: 'binary', name: '[]byte' };
    }
    return { kind: 'array', items: this.type() };
  }

  /** `map[K]V`: a map; Go docs only write string keys. */
  private map(): NotationType {
    this.next(); // 'map'
    this.next(); // '['
    const keyStart = this.peek();
    const key = this.type();
    if (key.kind !== 'primitive' || key.type !== 'string') throw new NotationSyntaxError('`map` keys must be `string`', keyStart.offset);
    this.expectPunct(']');
    return { kind: 'map', values: this.type() };
  }

  /** A scalar, library or model name: `NAME {'.' NAME}`. */
  private named(): NotationType {
    const start = this.peek();
    const name = this.qualifiedName();
    if (name === null) throw new NotationSyntaxError(`Expected a type but found ${describeToken(start)}`, start.offset);
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    if (LIBRARY[name]) return { ...LIBRARY[name] };
    const http = transport(name, false);
    if (http) return http;
    return this.modelRef(name, start.offset, 'Go');
  }
}

/** A link's text is a type of its own (where `*` is a pointer); the target belongs to the model named inside. */
function parseLink(link: Extract<Token, { kind: 'link' }>): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.target, true).parseAll();
}

/** The Go notation. */
export const go: Notation = {
  id: 'go',
  label: 'Go',
  scalars: Object.keys(SCALARS),
  parseType(raw: string, options?: ParseOptions): NotationResult {
    const cell = runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, null, false, bareNames).parseAll());
    if (cell.ok || options?.bareNames !== true) return cell;
    // Not Markdown: code from a union member heading or fence, where `*` is always a pointer.
    const code = runGrammar(raw, options, (tokens) => new Parser(tokens, null, true, true).parseAll());
    return code.ok || code.error.offset > cell.error.offset ? code : cell;
  },
};
