/**
 * Java Type-cell grammar, as Speakeasy's Java SDK generator writes it (2023–2025 docs; measured in
 * NOTATION.md §2, Java row, and in the `gt-java` tree). A recursive-descent parser over the shared
 * tokens:
 *
 * ```text
 * type    := primary {'[' ']'}                  `byte[]` is binary; any other `X[]` an array
 * primary := '*' type '*'                       italics: no meaning of their own
 *          | LINK                               [text](target): `text` is a type; the target
 *                                               belongs to the model named inside it
 *          | 'Optional' '<' arg '>'             may be absent   (strength 'optional')
 *          | 'JsonNullable' '<' arg '>'         may be null     (strength 'nullable')
 *          | 'List' '<' arg '>'                 array
 *          | 'Map' '<' 'String' ',' arg '>'     map (keys are always `String`)
 *          | 'HttpResponse' ['<' ... '>']       transport; the type argument is skipped
 *          | 'HttpRequest' ['<' ... '>']        (likewise)
 *          | NAME {'.' NAME}                    scalar, library or (fully qualified) model name
 * arg     := ['?' 'extends'] type               `Optional<? extends X>` reads as `Optional<X>`
 * ```
 *
 * Generic and library names may be fully qualified in a Java platform package
 * (`java.util.List<X>`, `java.lang.Object`): they read as their simple name. Markdown escapes
 * (`Optional\<String>`, `[Optional\<X>](…)`, `List\<[X](…)>`) are read by the shared tokenizer.
 *
 * Sources: NOTATION.md §2 (Java row: scalars, `Optional<X>`, `JsonNullable<X>`, `List<X>`,
 * `Map<String, X>`, fully qualified refs, `OffsetDateTime`, `LocalDate`, `byte[]`; transport
 * `HttpResponse<...>`), §3 (`JsonNullable` always allows null); the `gt-java` corpus
 * (`[HttpResponse<byte[]>](url)`, `*Float*`); Speakeasy Java docs (`Optional<? extends X>`,
 * `JsonNullable<? extends X>`).
 *
 * Scalars: `String`, `Long`/`long`, `Integer`/`int`, `Short`/`short`, `BigInteger` (integers),
 * `Double`/`double`, `Float`/`float`, `BigDecimal` (numbers), `Boolean`/`boolean`, `Object` (any
 * value). Library types: `OffsetDateTime` = date-time, `LocalDate` = date (the labels are not
 * swapped in Java), `InputStream` = binary, `HttpResponse` = transport; they read so when unlinked
 * or linked to an external page; inside a link to a model doc the name is the model's.
 * A model name needs a link to its doc: Java docs never write unlinked model names.
 *
 * @module
 */

import type { PrimitiveType } from '../core/ir.js';
import { NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

/** Java scalar names (boxed and primitive) and what they read as. */
const SCALARS: Record<string, PrimitiveType> = {
  String: 'string',
  Long: 'integer',
  long: 'integer',
  Integer: 'integer',
  int: 'integer',
  Short: 'integer',
  short: 'integer',
  BigInteger: 'integer',
  Double: 'number',
  double: 'number',
  Float: 'number',
  float: 'number',
  BigDecimal: 'number',
  Boolean: 'boolean',
  boolean: 'boolean',
  Object: 'unknown',
};

/**
 * Library types the docs link to external pages (java.time, java.io, java.net.http). The HTTP
 * request and response of `java.net.http` belong to SDK response wrappers, not to wire data
 * (seen with and without type arguments, linked to the JDK docs or italic, in gt-java and
 * corpus-wild java-*, 2024–26).
 */
const LIBRARY: Record<string, NotationType> = {
  OffsetDateTime: { kind: 'primitive', type: 'date-time' },
  LocalDate: { kind: 'primitive', type: 'date' },
  InputStream: { kind: 'binary', name: 'InputStream' },
  HttpResponse: { kind: 'transport', name: 'HttpResponse' },
  HttpRequest: { kind: 'transport', name: 'HttpRequest' },
};

/** Transport generics: their type arguments are skipped. */
const TRANSPORT = new Set(['HttpResponse', 'HttpRequest']);

/** Generic type names and what they build. */
const GENERICS = new Set(['Optional', 'JsonNullable', 'List', 'Map', ...TRANSPORT]);

/**
 * Java platform packages whose classes the docs may name fully qualified: such a name reads as its
 * simple name, so `java.lang.Object` is the scalar `Object` (seen in corpus-wild
 * java-goshippo-shippo-java-sdk, 2024: `Optional<? extends java.lang.Object>`,
 * `List<*java.lang.Object*>`). Every class of `java.net.http` is transport. A platform name that is
 * no scalar or library type is an error, never a model.
 */
const PLATFORM_PACKAGES = new Set(['java.lang', 'java.math', 'java.time', 'java.io', 'java.util', 'java.net.http']);

class Parser extends TokenCursor {
  /**
   * @param tokens the tokens of `source`
   * @param source the text being read (the cell or a link's text), for transport names
   * @param base offset of `source` in the cell
   * @param target the enclosing link's target, or null outside links
   * @param bareNames read unlinked model names as refs
   */
  constructor(
    tokens: Token[],
    private readonly source: string,
    private readonly base: number,
    target: string | null,
    bareNames: boolean,
  ) {
    super(tokens, target, bareNames);
  }

  parseAll(): NotationType {
    const type = this.type();
    this.expectEnd();
    return type;
  }

  /** `primary {'[' ']'}`: Java array suffixes. */
  type(): NotationType {
    let type = this.primary();
    while (this.isPunct('[') && this.isPunct(']', 1)) {
      this.next();
      this.next();
      type = { kind: 'array', items: type };
    }
    return type;
  }

  private primary(): NotationType {
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
    return this.named();
  }

  /**
   * `Optional<X>`, `JsonNullable<X>`, `List<X>`, `Map<String, X>`, `HttpResponse<...>`,
   * `HttpRequest<...>`, after their (possibly fully qualified) name.
   *
   * @param name the generic's simple name (`java.util.List` already read as `List`)
   * @param start the name's first token
   */
  private generic(name: string, start: Token): NotationType {
    if (!GENERICS.has(name)) throw new NotationSyntaxError(`\`${name}<...>\` is not a Java generic the docs use`, start.offset);
    if (TRANSPORT.has(name)) return this.transport(start);
    this.expectPunct('<');
    let type: NotationType;
    if (name === 'Map') {
      const key = this.peek();
      const keyType = this.type();
      if (keyType.kind !== 'primitive' || keyType.type !== 'string') throw new NotationSyntaxError('`Map` keys must be `String`', key.offset);
      this.expectPunct(',');
      type = { kind: 'map', values: this.argument() };
    } else if (name === 'List') {
      type = { kind: 'array', items: this.argument() };
    } else {
      type = { kind: 'nullable', inner: this.argument(), strength: name === 'Optional' ? 'optional' : 'nullable' };
    }
    this.expectPunct('>');
    return type;
  }

  /** A type argument: `['?' 'extends'] type`. */
  private argument(): NotationType {
    if (this.isPunct('?')) {
      const wildcard = this.next();
      const bound = this.next();
      if (bound.kind !== 'ident' || bound.value !== 'extends') throw new NotationSyntaxError('Expected `? extends` and a type', wildcard.offset);
    }
    return this.type();
  }

  /**
   * `HttpResponse<...>`: transport-only, so its type argument is skipped (brackets balanced). The
   * name is the text as written, without Markdown escapes (`HttpResponse\\<?>` → `HttpResponse<?>`).
   */
  private transport(name: Token): NotationType {
    this.expectPunct('<');
    let depth = 1;
    for (;;) {
      const token = this.next();
      if (token.kind === 'end') throw new NotationSyntaxError('Expected `>` but found the end of the cell', token.offset);
      if (token.kind !== 'punct') continue;
      if (token.value === '<') depth++;
      else if (token.value === '>' && --depth === 0) {
        const text = this.source.slice(name.offset - this.base, token.offset + 1 - this.base);
        return { kind: 'transport', name: text.replace(/\\+(?=[!-/:-@[-`{-~])/g, '') };
      }
    }
  }

  /**
   * A scalar, library or model name: `NAME {'.' NAME}`, or `byte[]`; a generic when `<` follows.
   * A name in a Java platform package reads as its simple name (`java.lang.Object` as `Object`,
   * `java.util.List<X>` as `List<X>`), and any class of `java.net.http` as transport.
   */
  private named(): NotationType {
    const start = this.peek();
    const parts = this.nameParts('.', true);
    const qualified = parts.join('.');
    const pkg = parts.slice(0, -1).join('.');
    const platform = PLATFORM_PACKAGES.has(pkg);
    const name = platform ? parts[parts.length - 1]! : qualified;
    if (this.isPunct('<')) return this.generic(name, start);
    if (pkg === 'java.net.http') return { kind: 'transport', name: qualified };
    if (name === 'byte' && this.isPunct('[') && this.isPunct(']', 1)) {
      this.next();
      this.next();
      return { kind: 'binary', name: 'byte[]' };
    }
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    const external = this.external;
    const library = LIBRARY[name];
    if (library && (this.target === null || external || platform)) return library;
    if (platform) throw new NotationSyntaxError(`\`${qualified}\` is a Java platform type docs2ts does not read`, start.offset);
    return this.modelRef(name, start.offset, 'Java');
  }
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: Extract<Token, { kind: 'link' }>, bareNames: boolean): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.text, link.textOffset, link.target, bareNames).parseAll();
}

/** The Java notation. */
export const java: Notation = {
  id: 'java',
  label: 'Java',
  scalars: Object.keys(SCALARS),
  parseType(raw: string, options?: ParseOptions): NotationResult {
    return runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, raw, 0, null, bareNames).parseAll());
  },
};
