/**
 * C# Type-cell grammar, as Speakeasy's C# SDK generator writes it (2023–2025 docs; measured in
 * NOTATION.md §2, C# row, and in the `gt-csharp` tree). A recursive-descent parser over the shared
 * tokens:
 *
 * ```text
 * type    := primary {'?' | '[' ']'}            `long?` may be absent or null; `byte[]` is
 *                                               binary; any other `X[]` an array
 * primary := '*' type '*'                       italics: no meaning of their own
 *          | LINK                               [text](target): `text` is a type; the target
 *                                               belongs to the model named inside it
 *          | 'List' '<' type '>'                array
 *          | 'Dictionary' '<' key ',' type '>'  map; key is `String` or `string`
 *          | NAME {'.' NAME}                    scalar, library or model name
 * ```
 *
 * Generic, scalar and library names may be fully qualified in a .NET namespace
 * (`System.Object`, `System.Collections.Generic.List<X>`): they read as their simple name.
 *
 * `List` and `Dictionary` are generics only when `<` follows: a model may itself be named `List`
 * (`[List](../../Models/Shared/List.md)` is a ref, `List<[List](...)>` an array of it).
 *
 * Sources: NOTATION.md §2 (C# row: scalars, `List<X>`, `Dictionary<String, X>`, `DateTime`,
 * `LocalDate`, models named `List`; transport `HttpResponseMessage`); the `gt-csharp` corpus
 * (`*float*`, `*byte[]*`, `[HttpResponseMessage](url)`, `[LocalDate](nodatime url)`); C# syntax for
 * nullable value types (`long?`) and arrays (`X[]`).
 *
 * Scalars: `string`, `long`, `int`, `short`, `BigInteger` (integers), `double`, `float`, `decimal`
 * (numbers), `bool`, `object` (any value), and the `System` names `String`, `Int64`, `Int32`,
 * `Int16`, `Double`, `Single`, `Decimal`, `Boolean`, `Object`. Library types: `DateTime`,
 * `DateTimeOffset` = date-time, `LocalDate` (NodaTime), `DateOnly` = date, `Stream` = binary,
 * `HttpResponseMessage` and `HttpRequestMessage` = transport; they read so when unlinked or linked
 * to an external page; inside a link to a model doc the name is the model's. A model name needs a link to its doc: C# docs never write unlinked model names.
 *
 * @module
 */

import type { PrimitiveType } from '../core/ir.js';
import { NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions, UnionMemberSource } from './types.js';

/** C# scalar names (keywords and their `System` types) and what they read as. */
const SCALARS: Record<string, PrimitiveType> = {
  string: 'string',
  String: 'string',
  long: 'integer',
  Int64: 'integer',
  int: 'integer',
  Int32: 'integer',
  short: 'integer',
  Int16: 'integer',
  BigInteger: 'integer',
  double: 'number',
  Double: 'number',
  float: 'number',
  Single: 'number',
  decimal: 'number',
  Decimal: 'number',
  bool: 'boolean',
  Boolean: 'boolean',
  object: 'unknown',
  Object: 'unknown',
};

/** Library types the docs link to external pages (System, NodaTime, System.Net.Http). */
const LIBRARY: Record<string, NotationType> = {
  DateTime: { kind: 'primitive', type: 'date-time' },
  DateTimeOffset: { kind: 'primitive', type: 'date-time' },
  LocalDate: { kind: 'primitive', type: 'date' },
  DateOnly: { kind: 'primitive', type: 'date' },
  Stream: { kind: 'binary', name: 'Stream' },
  HttpResponseMessage: { kind: 'transport', name: 'HttpResponseMessage' },
  HttpRequestMessage: { kind: 'transport', name: 'HttpRequestMessage' },
};

/**
 * .NET namespaces whose types the docs may name fully qualified: such a name reads as its simple
 * name (`System.String` is the scalar `String`, `System.Collections.Generic.List<X>` an array).
 * Every type of `System.Net.Http` is transport (`HttpRequestMessage` seen italic, unlinked, in the
 * response wrapper `Components/HTTPMetadata.md` of corpus-wild csharp-walker-tx-ynab-csharp and
 * csharp-novuhq-novu-csharp, 2025). A platform name that is no scalar or library type is an
 * error, never a model.
 */
const PLATFORM_NAMESPACES = new Set(['System', 'System.Numerics', 'System.IO', 'System.Collections.Generic', 'System.Net.Http', 'NodaTime']);

class Parser extends TokenCursor {
  parseAll(): NotationType {
    const type = this.type();
    this.expectEnd();
    return type;
  }

  /** `primary {'?' | '[' ']'}`: nullable and array suffixes. */
  type(): NotationType {
    let type = this.primary();
    for (;;) {
      if (this.isPunct('?')) {
        this.next();
        type = { kind: 'nullable', inner: type, strength: 'optional' };
      } else if (this.isPunct('[') && this.isPunct(']', 1)) {
        this.next();
        this.next();
        type = { kind: 'array', items: type };
      } else {
        return type;
      }
    }
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
   * `List<X>`, `Dictionary<String, X>`, after their (possibly fully qualified) name.
   *
   * @param name the generic's simple name (`System.Collections.Generic.List` already read as `List`)
   * @param start the name's first token
   */
  private generic(name: string, start: Token): NotationType {
    if (name !== 'List' && name !== 'Dictionary') throw new NotationSyntaxError(`\`${name}<...>\` is not a C# generic the docs use`, start.offset);
    this.expectPunct('<');
    let type: NotationType;
    if (name === 'Dictionary') {
      const key = this.peek();
      const keyType = this.type();
      if (keyType.kind !== 'primitive' || keyType.type !== 'string') throw new NotationSyntaxError('`Dictionary` keys must be `String`', key.offset);
      this.expectPunct(',');
      type = { kind: 'map', values: this.type() };
    } else {
      type = { kind: 'array', items: this.type() };
    }
    this.expectPunct('>');
    return type;
  }

  /**
   * A scalar, library or model name: `NAME {'.' NAME}`, or `byte[]`; a generic when `<` follows.
   * A name in a .NET namespace of {@link PLATFORM_NAMESPACES} reads as its simple name
   * (`System.Object` as `Object`), and any class of `System.Net.Http` as transport.
   */
  private named(): NotationType {
    const start = this.peek();
    const parts = this.nameParts('.', true);
    const qualified = parts.join('.');
    const namespace = parts.slice(0, -1).join('.');
    const platform = PLATFORM_NAMESPACES.has(namespace);
    const name = platform ? parts[parts.length - 1]! : qualified;
    if (this.isPunct('<')) return this.generic(name, start);
    if (namespace === 'System.Net.Http') return { kind: 'transport', name: qualified };
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
    if (platform) throw new NotationSyntaxError(`\`${qualified}\` is a .NET type docs2ts does not read`, start.offset);
    return this.modelRef(name, start.offset, 'C#');
  }
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: Extract<Token, { kind: 'link' }>, bareNames: boolean): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.target, bareNames).parseAll();
}

/**
 * The fence of a C# union member: `Union.CreateVariant(/* values here *\/);` (the variant name is
 * the method's name after `Create`).
 */
const MEMBER_FENCE = /^\s*[\w.]+\.Create(\w+)\(\s*\/\*\s*values here\s*\*\/\s*\)\s*;?\s*$/;

/**
 * Variant names of scalars (case-insensitive), as Speakeasy names union members (`CreateStr`,
 * `CreateNumber`; the Go SDKs use the same names: `CreateXInteger`, `CreateXDateTime`).
 */
const VARIANT_SCALARS: Record<string, PrimitiveType> = {
  str: 'string',
  string: 'string',
  number: 'number',
  float32: 'number',
  float64: 'number',
  float: 'number',
  double: 'number',
  decimal: 'number',
  integer: 'integer',
  int32: 'integer',
  int64: 'integer',
  long: 'integer',
  bigint: 'integer',
  boolean: 'boolean',
  bool: 'boolean',
  any: 'unknown',
  datetime: 'date-time',
  date: 'date',
};

/**
 * A union member's variant name read as its type: a scalar name (`Str` → string, `Number`,
 * `Integer`, `Boolean`, `Any`, `DateTime`, …), `ArrayOf<variant>` (`ArrayOfAny` → unknown[],
 * `ArrayOfEmailBlock` → EmailBlock[]), `MapOf<variant>` (`MapOfAny` → map of unknown), or a model
 * name (a ref with a null target, resolved by heading). Inline objects are named by number words
 * (`One`, `Five`) but their array variants by digits: `ArrayOf5` is an array of `Five`.
 *
 * Seen in corpus-wild csharp-novuhq-novu-csharp (2025: `Components/Actor.md`, `Content.md`,
 * `To.md`, `Value.md`); NOTATION.md §1 and §5.
 */
function variantType(variant: string): NotationType {
  const scalar = VARIANT_SCALARS[variant.toLowerCase()];
  if (scalar) return { kind: 'primitive', type: scalar };
  const array = /^ArrayOf(\w+)$/i.exec(variant);
  if (array) return { kind: 'array', items: variantType(array[1]!) };
  const map = /^MapOf(\w+)$/i.exec(variant);
  if (map) return { kind: 'map', values: variantType(map[1]!) };
  return { kind: 'ref', name: /^\d+$/.test(variant) ? numberWords(Number(variant)) : variant, target: null, offset: 0 };
}

const ONES = [
  'Zero',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** `5` → `Five`, `21` → `TwentyOne`: the class name of an inline object numbered `n` (digits from 100 on). */
function numberWords(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 === 0 ? '' : ONES[n % 10]!);
  return String(n);
}

/**
 * A C# `## Supported Types` member: the `###` heading is a variant name and the fence, when there
 * is one, only says `Union.CreateVariant(/* values here *\/);`. The fence's variant wins over the
 * heading. A member with a fence of any other form is not C#'s own (null).
 */
function readUnionMember(member: UnionMemberSource): NotationResult | null {
  const fence = member.fence === null ? null : MEMBER_FENCE.exec(member.fence);
  if (member.fence !== null && fence === null) return null;
  const variant = fence?.[1] ?? member.heading.trim();
  if (!/^\w+$/.test(variant)) return null;
  return { ok: true, type: variantType(variant) };
}

/** The C# notation. */
export const csharp: Notation = {
  id: 'csharp',
  label: 'C#',
  scalars: Object.keys(SCALARS),
  parseType(raw: string, options?: ParseOptions): NotationResult {
    return runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, null, bareNames).parseAll());
  },
  readUnionMember,
};
