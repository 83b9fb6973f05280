/**
 * TypeScript Type-cell grammar, as Speakeasy's TypeScript SDK generator writes it (2023 to 2026
 * docs; measured in NOTATION.md §2, TypeScript row, and over the `gt-typescript`, `livepeer-js` and
 * `vercel` trees). A recursive-descent parser over the shared tokens:
 *
 * ```text
 * cell    := type END
 * type    := postfix {'|' postfix}                 union `A | B` (§2 "other": unions)
 * postfix := primary {'[' ']'}                     array `X[]`, `*string*[][]`, `[models.X](…)[]` (§2 "array")
 * primary := '*' type '*'                          italics: no meaning of their own (§2 leaves)
 *          | LINK                                  [text](target): `text` is a type; the target
 *                                                  belongs to the model named inside it (§2 leaves)
 *          | '(' type ')'                          grouping, `(A | B)[]`
 *          | 'Record' '<' type ',' type '>'        map; the key must read as `string` (§2 "map")
 *          | '{' '[' NAME ':' type ']' ':' type '}'
 *                                                  index signature, the same map (§1 union
 *                                                  member headings `{ [k: string]: models.X }`)
 *          | 'ReadableStream' '<' 'Uint8Array' '>' binary (§2 "other")
 *          | STRING | NUMBER | 'true' | 'false' | 'null'
 *                                                  literal types `*"host"*`, `*true*` (§2 "scalars")
 *          | NAME {'.' NAME}                       scalar, library, or model name
 * ```
 *
 * Scalars (§2 "scalars"): `string`, `number`, `boolean`, `any` / `unknown` (any value), `bigint`
 * (integer). TypeScript has no optional or nullable marker in Type cells (§2: "none").
 * Library types: `Date` reads as **date-time** and `RFCDate` (Speakeasy's date class, linked to a
 * local `types/rfcdate.md`, whatever the link points at) as **date**; `Uint8Array`,
 * `ReadableStream<Uint8Array>`, `File`, `Blob` are binary; `AxiosResponse`, `Response` (fetch),
 * `JsonLStream<T>` and `EventStream<T>` are transport-only (§2 "other" and the transport paragraph).
 *
 * Model names: a name inside a link to a model doc is a `ref` with that target. 2026 docs also
 * write unlinked, namespace-qualified names (`*models.X*`, §2 "other"): those are `ref`s with a
 * null target, resolved by name later. An unlinked, unqualified unknown name is an error, except
 * with the `bareNames` option (union member headings, §1), where any unlinked name is a `ref`.
 *
 * @module
 */

import type { PrimitiveType } from '../core/ir.js';
import { describeToken, NotationSyntaxError, runGrammar, TokenCursor } from './cursor.js';
import { tokenize, type Token } from './tokenize.js';
import type { Notation, NotationResult, NotationType, ParseOptions } from './types.js';

const SCALARS: Record<string, PrimitiveType> = {
  string: 'string',
  number: 'number',
  bigint: 'integer',
  boolean: 'boolean',
  any: 'unknown',
  unknown: 'unknown',
  Date: 'date-time',
  RFCDate: 'date',
};

/** Literal keywords: `*true*`, `*false*`, `*null*`. */
const KEYWORD_LITERALS: Record<string, boolean | null> = { true: true, false: false, null: null };

/** Raw-bytes types. `ReadableStream<Uint8Array>` is read by its own rule. */
const BINARY = new Set(['Uint8Array', 'File', 'Blob']);

/** Transport-only types (HTTP response objects): never wire data. */
const TRANSPORT = new Set(['AxiosResponse', 'Response']);

/**
 * Generic streams of a streaming response body, transport-only whatever they carry: `JsonLStream<T>`
 * (JSON lines) and `EventStream<T>` (server-sent events; union member headings
 * `` ### `EventStream<operations.CreateResponsesResponseBody>` `` in corpus-wild
 * typescript-openrouterteam-typescript-sdk 2026).
 */
const STREAMS = new Set(['JsonLStream', 'EventStream']);

class Parser extends TokenCursor {
  /** `cell := type END`. */
  parseAll(): NotationType {
    const type = this.type();
    this.expectEnd();
    return type;
  }

  /** `type := postfix {'|' postfix}`. */
  private type(): NotationType {
    const members = [this.postfix()];
    while (this.isPunct('|')) {
      this.next();
      members.push(this.postfix());
    }
    return members.length === 1 ? members[0]! : { kind: 'union', members };
  }

  /** `postfix := primary {'[' ']'}`. */
  private postfix(): NotationType {
    let type = this.primary();
    while (this.isPunct('[')) {
      this.next();
      this.expectPunct(']');
      type = { kind: 'array', items: type };
    }
    return type;
  }

  private primary(): NotationType {
    const token = this.peek();
    if (token.kind === 'punct' && token.value === '*') return this.italics();
    if (token.kind === 'punct' && token.value === '(') {
      this.next();
      const inner = this.type();
      this.expectPunct(')');
      return inner;
    }
    if (token.kind === 'link') {
      this.next();
      return parseLink(token, this.bareNames);
    }
    if (token.kind === 'string' || token.kind === 'number') {
      this.next();
      return { kind: 'literal', value: token.value };
    }
    if (token.kind === 'ident' && token.value in KEYWORD_LITERALS) {
      this.next();
      return { kind: 'literal', value: KEYWORD_LITERALS[token.value]! };
    }
    if (token.kind === 'punct' && token.value === '{') return this.indexSignature();
    if (this.isIdent('Record') && this.isPunct('<', 1)) return this.record();
    if (this.isIdent('ReadableStream') && this.isPunct('<', 1)) return this.readableStream();
    return this.named();
  }

  /** `'*' type '*'`: italics wrap scalar and model names; they mean nothing. */
  private italics(): NotationType {
    this.next();
    const inner = this.type();
    this.expectPunct('*');
    return inner;
  }

  /** `Record<K, V>`: a map; TypeScript docs only write string keys. */
  private record(): NotationType {
    this.next(); // 'Record'
    this.next(); // '<'
    const keyStart = this.peek();
    const key = this.type();
    if (key.kind !== 'primitive' || key.type !== 'string') throw new NotationSyntaxError('`Record` keys must be `string`', keyStart.offset);
    this.expectPunct(',');
    const values = this.type();
    this.expectPunct('>');
    return { kind: 'map', values };
  }

  /** `{ [k: string]: V }`: the same map as `Record<string, V>`. */
  private indexSignature(): NotationType {
    this.next(); // '{'
    this.expectPunct('[');
    const key = this.next();
    if (key.kind !== 'ident') throw new NotationSyntaxError(`Expected a key name but found ${describeToken(key)}`, key.offset);
    this.expectPunct(':');
    const keyStart = this.peek();
    const keyType = this.type();
    if (keyType.kind !== 'primitive' || keyType.type !== 'string') throw new NotationSyntaxError('Index signature keys must be `string`', keyStart.offset);
    this.expectPunct(']');
    this.expectPunct(':');
    const values = this.type();
    this.expectPunct('}');
    return { kind: 'map', values };
  }

  /** `ReadableStream<Uint8Array>`: a byte stream. */
  private readableStream(): NotationType {
    this.next(); // 'ReadableStream'
    this.next(); // '<'
    const item = this.next();
    if (item.kind !== 'ident' || item.value !== 'Uint8Array') {
      throw new NotationSyntaxError(`Expected \`Uint8Array\` in \`ReadableStream<…>\` but found ${describeToken(item)}`, item.offset);
    }
    this.expectPunct('>');
    return { kind: 'binary', name: 'ReadableStream<Uint8Array>' };
  }

  /** A scalar, library or model name: `NAME {'.' NAME}`. */
  private named(): NotationType {
    const start = this.peek();
    const parts = this.nameParts('.');
    const name = parts.join('.');
    if (STREAMS.has(name) && this.isPunct('<')) {
      // A stream of events (a streaming response body): not one JSON value, so transport-only.
      this.next();
      this.type();
      this.expectPunct('>');
      return { kind: 'transport', name };
    }
    const scalar = SCALARS[name];
    if (scalar) return { kind: 'primitive', type: scalar };
    if (BINARY.has(name)) return { kind: 'binary', name };
    if (TRANSPORT.has(name)) return { kind: 'transport', name };
    // TypeScript docs name models without links when qualified (`*models.Pet*`, NOTATION.md §2).
    if (this.target === null && parts.length > 1) return { kind: 'ref', name, target: null, offset: start.offset };
    if (this.target === null && !this.bareNames) {
      throw new NotationSyntaxError(`\`${name}\` is not a TypeScript scalar, and an unlinked model name must be qualified (\`models.${name}\`)`, start.offset);
    }
    return this.modelRef(name, start.offset, 'TypeScript');
  }
}

/** A link's text is a type of its own; the link's target belongs to the model named inside. */
function parseLink(link: Extract<Token, { kind: 'link' }>, bareNames: boolean): NotationType {
  return new Parser(tokenize(link.text, link.textOffset), link.target, bareNames).parseAll();
}

/** The TypeScript notation. */
export const typescript: Notation = {
  id: 'typescript',
  label: 'TypeScript',
  scalars: Object.keys(SCALARS),
  parseType(raw: string, options?: ParseOptions): NotationResult {
    return runGrammar(raw, options, (tokens, bareNames) => new Parser(tokens, null, bareNames).parseAll());
  },
};
