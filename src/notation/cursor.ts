/**
 * What every notation grammar shares: a cursor over the shared tokens, the syntax error carrying an
 * offset, the reading of a name as a model reference, and the wrapper that turns a parse into a
 * {@link NotationResult}. Each language module only adds its own grammar rules.
 *
 * @module
 */

import { QuietError } from '../core/quiet-error.js';
import { tokenize, TokenizeError, type Token } from './tokenize.js';
import type { NotationResult, NotationType, ParseOptions } from './types.js';

/**
 * A syntax error at a 0-based offset in the Type cell. It carries no stack trace: notation
 * detection tries every grammar on hundreds of cells, and capturing a stack for each failure was
 * a measurable part of a run.
 */
export class NotationSyntaxError extends QuietError {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/** True when a link target is a URL (`https:`, `mailto:`): a library type's page, not a model doc. */
export function isExternalTarget(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** A token as error messages quote it. */
export function describeToken(token: Token): string {
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

/**
 * A recursive-descent parser's position in a token list, and the context of the text it reads:
 * the target of the link it is inside (null outside links) and whether unlinked model names are
 * allowed (`bareNames`, for union member headings).
 */
export class TokenCursor {
  protected pos = 0;

  constructor(
    protected readonly tokens: Token[],
    /** The enclosing link's target as written, or null outside a link. */
    protected readonly target: string | null,
    /** Read an unlinked model name as a ref with a null target instead of an error. */
    protected readonly bareNames: boolean,
  ) {}

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  protected next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.pos++;
    return token;
  }

  protected isPunct(value: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'punct' && token.value === value;
  }

  protected isIdent(value: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'ident' && token.value === value;
  }

  protected expectPunct(value: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value) throw new NotationSyntaxError(`Expected \`${value}\` but found ${describeToken(token)}`, token.offset);
  }

  /** Throw unless every token was read. */
  protected expectEnd(): void {
    const next = this.peek();
    if (next.kind !== 'end') throw new NotationSyntaxError(`Unexpected ${describeToken(next)} after the type`, next.offset);
  }

  /**
   * A name of identifiers joined by `separator`, read from here: `java.lang.Object` (`.`),
   * `\Vendor\Models\X` (`\`). With `identAfter`, a separator not followed by an identifier ends
   * the name and is left unread (Java and C#: `X.` then something else); without it, that is an error.
   *
   * @returns the parts, at least one
   * @throws {NotationSyntaxError} when a part is not an identifier
   */
  protected nameParts(separator: string, identAfter = false): string[] {
    const parts: string[] = [];
    for (;;) {
      const token = this.next();
      if (token.kind !== 'ident') throw new NotationSyntaxError(`Expected a type but found ${describeToken(token)}`, token.offset);
      parts.push(token.value);
      if (!this.isPunct(separator) || (identAfter && this.peek(1).kind !== 'ident')) return parts;
      this.next();
    }
  }

  /** True when this text sits inside a link to a URL. */
  protected get external(): boolean {
    return this.target !== null && isExternalTarget(this.target);
  }

  /**
   * A name no scalar, library or transport rule matched, read as a model: a ref to the enclosing
   * link's target; unlinked only with `bareNames`.
   *
   * @param language the notation's label, for the error (`Ruby`)
   * @throws {NotationSyntaxError} for an unlinked name (without `bareNames`) or a name in a link to a URL
   */
  protected modelRef(name: string, offset: number, language: string): NotationType {
    if (this.target === null) {
      if (this.bareNames) return { kind: 'ref', name, target: null, offset };
      throw new NotationSyntaxError(`\`${name}\` is not a ${language} scalar, and a model name needs a link to its doc`, offset);
    }
    if (this.external) throw new NotationSyntaxError(`\`${name}\` links to an external page (${this.target}), not to a model doc`, offset);
    return { kind: 'ref', name, target: this.target, offset };
  }
}

/**
 * Run a grammar over a cell and package the outcome: the type, or the syntax / tokenize error
 * with its offset. Other exceptions are bugs and propagate.
 *
 * @param raw the cell text
 * @param parse reads a whole token list, outside any link, with the `bareNames` option
 * @param lex the tokenizer (default: the shared one)
 */
export function runGrammar(
  raw: string,
  options: ParseOptions | undefined,
  parse: (tokens: Token[], bareNames: boolean) => NotationType,
  lex: (raw: string) => Token[] = tokenize,
): NotationResult {
  try {
    return { ok: true, type: parse(lex(raw), options?.bareNames === true) };
  } catch (error) {
    if (error instanceof NotationSyntaxError || error instanceof TokenizeError) {
      return { ok: false, error: { message: error.message, offset: error.offset } };
    }
    throw error;
  }
}
