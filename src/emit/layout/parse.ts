/**
 * A recursive-descent parser for the TypeScript docs2ts generates, to an ESTree-like tree the
 * layout printer walks. The subset: imports and re-exports; interfaces, type aliases, enums,
 * functions and `const`/`let` declarations (exported or not); `if`/`else`, `for` (C-style and
 * `in`), `switch`, `return`, `throw`, `break`, `continue`, blocks and expression statements;
 * literals, names, member access, calls, `new`, unary, binary, logical, conditional, assignment,
 * `as`, arrow functions with an expression body, object and array literals, spread; types made of
 * names, literals, arrays, unions, intersections, object types, `typeof`, `keyof`, indexed access,
 * type arguments and type predicates. Anything else throws {@link Unsupported}.
 *
 * @module
 */

import { tokenize, Unsupported, type Comment, type Token } from './lex.js';

export type { Comment };

/** Comments and spacing a node carries from the source. */
export interface Leading {
  comments: Comment[];
  /** An empty line before the node (or its first comment). */
  blankBefore: boolean;
  /** An empty line between the last comment and the node. */
  blankAfterComments?: boolean;
}

export type TypeNode =
  | { type: 'TypeName'; name: string; args: TypeNode[] | null }
  | { type: 'TypeLiteralValue'; raw: string; kind: 'string' | 'number' | 'other' }
  | { type: 'ArrayType'; element: TypeNode }
  | { type: 'UnionType'; types: TypeNode[] }
  | { type: 'IntersectionType'; types: TypeNode[] }
  | { type: 'TypeOperator'; operator: 'keyof' | 'typeof' | 'unique' | 'readonly'; target: TypeNode | string }
  | { type: 'IndexedAccessType'; object: TypeNode; index: TypeNode }
  | { type: 'ObjectType'; members: Member[]; broken: boolean }
  | { type: 'Predicate'; asserts: boolean; name: string; target: TypeNode | null };

/** A member of an interface or object type. */
export type Member =
  | (Leading & { type: 'Property'; key: Key; optional: boolean; readonly: boolean; value: TypeNode })
  | (Leading & { type: 'Index'; name: string; keyType: TypeNode; value: TypeNode; readonly: boolean });

/** A property key: a name, or a string or number literal (raw). */
export interface Key {
  kind: 'name' | 'string' | 'number';
  raw: string;
}

export type Expr =
  | { type: 'Name'; name: string }
  | { type: 'Literal'; raw: string; kind: 'string' | 'number' | 'other' }
  | { type: 'Member'; object: Expr; property: string; computed: false; optional: boolean }
  | { type: 'Index'; object: Expr; index: Expr; optional: boolean }
  | { type: 'Call'; callee: Expr; args: Expr[]; typeArgs: TypeNode[] | null; isNew: boolean }
  | { type: 'Unary'; operator: string; argument: Expr }
  | { type: 'Update'; operator: string; argument: Expr; prefix: boolean }
  | { type: 'Binary'; operator: string; left: Expr; right: Expr; logical: boolean }
  | { type: 'Assign'; operator: string; left: Expr; right: Expr }
  | { type: 'Conditional'; test: Expr; consequent: Expr; alternate: Expr }
  | { type: 'As'; expression: Expr; typeAnnotation: TypeNode | 'const' }
  | { type: 'Arrow'; params: Param[]; body: Expr }
  | { type: 'Object'; properties: ObjectProperty[]; broken: boolean }
  | { type: 'Array'; elements: Expr[] }
  | { type: 'Spread'; argument: Expr };

export type ObjectProperty = Leading & ({ type: 'Property'; key: Key; value: Expr; shorthand: boolean } | { type: 'Spread'; argument: Expr });

export interface Param {
  name: string;
  optional: boolean;
  typeAnnotation: TypeNode | null;
}

export interface EnumMember extends Leading {
  key: Key;
  init: Expr | null;
}

export interface Specifier {
  name: string;
  alias: string | null;
  isType: boolean;
}

export type Stmt = Leading &
  (
    | { type: 'Import'; typeOnly: boolean; namespace: string | null; defaultName: string | null; specifiers: Specifier[] | null; source: string }
    | { type: 'ExportFrom'; typeOnly: boolean; star: boolean; specifiers: Specifier[] | null; source: string }
    | { type: 'Interface'; exported: boolean; name: string; members: Member[] }
    | { type: 'TypeAlias'; exported: boolean; name: string; value: TypeNode }
    | { type: 'Enum'; exported: boolean; isConst: boolean; name: string; members: EnumMember[] }
    | { type: 'Function'; exported: boolean; name: string; params: Param[]; returnType: TypeNode | null; body: Stmt[] }
    | { type: 'Var'; exported: boolean; kind: 'const' | 'let'; name: string; typeAnnotation: TypeNode | null; init: Expr | null }
    | { type: 'If'; test: Expr; consequent: Stmt; alternate: Stmt | null }
    | { type: 'ForIn'; kind: 'const' | 'let'; name: string; object: Expr; body: Stmt }
    | { type: 'For'; init: Stmt | null; test: Expr | null; update: Expr | null; body: Stmt }
    | { type: 'Switch'; discriminant: Expr; cases: SwitchCase[] }
    | { type: 'Return'; argument: Expr | null }
    | { type: 'Throw'; argument: Expr }
    | { type: 'Break' }
    | { type: 'Continue' }
    | { type: 'Block'; body: Stmt[]; dangling: Comment[] }
    | { type: 'Expression'; expression: Expr }
  );

export interface SwitchCase extends Leading {
  test: Expr | null;
  consequent: Stmt[];
}

/** A parsed file: its statements (with their source ranges, comments included) and the comments after the last one. */
export interface Program {
  body: Stmt[];
  ranges: [number, number][];
  trailing: Comment[];
}

/** Binary operator precedence (higher binds tighter); `as` sits with the relational operators. */
export const PRECEDENCE: Record<string, number> = {
  '??': 1,
  '||': 2,
  '&&': 3,
  '|': 4,
  '^': 5,
  '&': 6,
  '==': 7,
  '!=': 7,
  '===': 7,
  '!==': 7,
  '<': 8,
  '>': 8,
  '<=': 8,
  '>=': 8,
  in: 8,
  instanceof: 8,
  as: 8,
  '<<': 9,
  '>>': 9,
  '>>>': 9,
  '+': 10,
  '-': 10,
  '*': 11,
  '/': 11,
  '%': 11,
  '**': 12,
};

const LOGICAL = new Set(['&&', '||', '??']);

// Word and operator sets (module constants: an array literal in a hot path is built on every call).
const TYPE_KEYWORD_VALUES = new Set(['true', 'false', 'null', 'undefined']);
const ASSIGN_OPERATORS = new Set(['=', '+=', '-=']);
const UNARY_PUNCTUATORS = new Set(['!', '-', '+', '~']);
const UNARY_KEYWORDS = new Set(['typeof', 'void', 'delete']);
const UNSUPPORTED_EXPRESSION_KEYWORDS = new Set(['function', 'class', 'async', 'await', 'yield', 'this', 'super', 'import']);
const LITERAL_KEYWORDS = new Set(['true', 'false', 'null']);

/** `a && (b && c)` as `(a && b) && c`: prettier rebalances chains of one logical operator so. */
function rebalance(op: string, left: Expr, right: Expr): Expr {
  if (right.type === 'Binary' && right.operator === op) return { type: 'Binary', operator: op, left: rebalance(op, left, right.left), right: right.right, logical: true };
  return { type: 'Binary', operator: op, left, right, logical: true };
}

/**
 * `node` with the comments and spacing of `lead`, set in place (an object spread here costs a
 * tenth of the parse: V8 copies spreads of varied shapes slowly in code that has not warmed up).
 */
function withLead<T extends object>(lead: Leading, node: T): T & Leading {
  const led = node as T & Leading;
  led.comments = lead.comments;
  led.blankBefore = lead.blankBefore;
  led.blankAfterComments = lead.blankAfterComments;
  return led;
}

/**
 * Parse generated TypeScript.
 *
 * @throws {Unsupported} when the text leaves the subset (see the module's description)
 */
export function parseProgram(text: string): Program {
  return new Parser(tokenize(text)).program();
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i]!;
  }

  private peek(k = 1): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }

  private fail(what: string): never {
    throw new Unsupported(`${what} (found ${JSON.stringify(this.tok.text)})`, this.tok.start);
  }

  private is(text: string): boolean {
    return (this.tok.kind === 'punct' || this.tok.kind === 'name') && this.tok.text === text;
  }

  private eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }

  private expect(text: string): Token {
    if (!this.is(text)) this.fail(`expected ${text}`);
    return this.next();
  }

  private next(): Token {
    const t = this.tok;
    if (t.kind === 'eof') this.fail('unexpected end');
    // Comments are only kept where they lead a statement or member: others are not in the subset.
    if (this.i > 0 && t.comments.length > 0 && !this.commentsTaken.has(this.i)) this.fail('comment inside an expression');
    this.i++;
    return t;
  }

  private readonly commentsTaken = new Set<number>();

  /** Take the comments before the current token (it starts a statement or member). */
  private leading(): Leading {
    const t = this.tok;
    // Prettier keeps code on the line a block comment ends on; only comments on lines of their own are in the subset.
    if (t.afterCommentOnLine) this.fail('code on the line of a comment');
    this.commentsTaken.add(this.i);
    return { comments: t.comments, blankBefore: t.blankBefore, blankAfterComments: t.blankAfterComments };
  }

  private name(): string {
    if (this.tok.kind !== 'name') this.fail('expected a name');
    return this.next().text;
  }

  program(): Program {
    const body: Stmt[] = [];
    const ranges: [number, number][] = [];
    while (this.tok.kind !== 'eof') {
      const start = this.tok.comments[0]?.start ?? this.tok.start;
      body.push(this.statement());
      ranges.push([start, this.tokens[this.i - 1]!.end]);
    }
    return { body, ranges, trailing: this.tok.comments };
  }

  private semicolon(): void {
    this.expect(';');
  }

  private statement(): Stmt {
    const lead = this.leading();
    const t = this.tok;
    if (t.kind === 'name') {
      switch (t.text) {
        case 'import':
          return withLead(lead, this.importDeclaration());
        case 'export':
          return withLead(lead, this.exportDeclaration());
        case 'interface':
        case 'type':
        case 'enum':
        case 'function':
          if (t.text !== 'type' || this.peek().kind === 'name') return withLead(lead, this.declaration(false));
          break;
        case 'const':
          if (this.peek().text === 'enum') return withLead(lead, this.declaration(false));
        // falls through
        case 'let':
          return withLead(lead, this.variable(false));
        case 'if': {
          this.next();
          this.expect('(');
          const test = this.expression();
          this.expect(')');
          const consequent = this.statement();
          const alternate = this.eat('else') ? this.statement() : null;
          return withLead(lead, { type: 'If', test, consequent, alternate });
        }
        case 'for':
          return withLead(lead, this.forStatement());
        case 'switch':
          return withLead(lead, this.switchStatement());
        case 'return': {
          this.next();
          const argument = this.is(';') ? null : this.expression();
          this.semicolon();
          return withLead(lead, { type: 'Return', argument });
        }
        case 'throw': {
          this.next();
          const argument = this.expression();
          this.semicolon();
          return withLead(lead, { type: 'Throw', argument });
        }
        case 'break':
        case 'continue':
          this.next();
          this.semicolon();
          return withLead(lead, { type: t.text === 'break' ? 'Break' : 'Continue' });
      }
    }
    if (this.is('{')) return withLead(lead, this.block());
    const expression = this.expression();
    this.semicolon();
    return withLead(lead, { type: 'Expression', expression });
  }

  private block(): Stmt & { type: 'Block' } {
    this.expect('{');
    const body: Stmt[] = [];
    while (!this.is('}')) body.push(this.statement());
    const dangling = this.tok.comments;
    if (this.tok.afterCommentOnLine) this.fail('code on the line of a comment');
    this.commentsTaken.add(this.i);
    this.next();
    return { comments: [], blankBefore: false, type: 'Block', body, dangling };
  }

  private forStatement(): Stmt {
    this.expect('for');
    this.expect('(');
    if ((this.is('const') || this.is('let')) && this.peek(2).text === 'in') {
      const kind = this.next().text as 'const' | 'let';
      const name = this.name();
      this.expect('in');
      const object = this.expression();
      this.expect(')');
      return { comments: [], blankBefore: false, type: 'ForIn', kind, name, object, body: this.statement() };
    }
    let init: Stmt | null = null;
    if (this.is('const') || this.is('let')) init = this.variable(false);
    else if (!this.eat(';')) {
      init = { comments: [], blankBefore: false, type: 'Expression', expression: this.expression() };
      this.semicolon();
    }
    const test = this.is(';') ? null : this.expression();
    this.semicolon();
    const update = this.is(')') ? null : this.expression();
    this.expect(')');
    return { comments: [], blankBefore: false, type: 'For', init, test, update, body: this.statement() };
  }

  private switchStatement(): Stmt {
    this.expect('switch');
    this.expect('(');
    const discriminant = this.expression();
    this.expect(')');
    this.expect('{');
    const cases: SwitchCase[] = [];
    while (!this.is('}')) {
      const lead = this.leading();
      let test: Expr | null = null;
      if (this.eat('case')) test = this.expression();
      else this.expect('default');
      this.expect(':');
      const consequent: Stmt[] = [];
      while (!this.is('case') && !this.is('default') && !this.is('}')) consequent.push(this.statement());
      cases.push(withLead(lead, { test, consequent }));
    }
    if (this.tok.comments.length > 0) this.fail('comment at the end of a switch');
    this.next();
    return { comments: [], blankBefore: false, type: 'Switch', discriminant, cases };
  }

  private specifiers(): Specifier[] {
    this.expect('{');
    const out: Specifier[] = [];
    while (!this.is('}')) {
      let isType = false;
      if (this.is('type') && this.peek().kind === 'name' && this.peek().text !== 'as') {
        this.next();
        isType = true;
      }
      const name = this.name();
      const alias = this.eat('as') ? this.name() : null;
      out.push({ name, alias, isType });
      if (!this.eat(',')) break;
    }
    this.expect('}');
    return out;
  }

  private stringToken(): string {
    if (this.tok.kind !== 'string') this.fail('expected a string');
    return this.next().text;
  }

  private importDeclaration(): Stmt {
    this.expect('import');
    const typeOnly = this.is('type') && this.peek().text !== 'from' && this.peek().text !== ',' ? (this.next(), true) : false;
    let namespace: string | null = null;
    let defaultName: string | null = null;
    let specifiers: Specifier[] | null = null;
    if (this.eat('*')) {
      this.expect('as');
      namespace = this.name();
    } else {
      if (this.tok.kind === 'name') {
        defaultName = this.name();
        if (this.eat(',')) {
          if (this.is('{')) specifiers = this.specifiers();
          else this.fail('import form');
        }
      } else specifiers = this.specifiers();
    }
    this.expect('from');
    const source = this.stringToken();
    this.semicolon();
    return { comments: [], blankBefore: false, type: 'Import', typeOnly, namespace, defaultName, specifiers, source };
  }

  private exportDeclaration(): Stmt {
    this.expect('export');
    if (this.is('type') && this.peek().text === '{') {
      this.next();
      const specifiers = this.specifiers();
      this.expect('from');
      const source = this.stringToken();
      this.semicolon();
      return { comments: [], blankBefore: false, type: 'ExportFrom', typeOnly: true, star: false, specifiers, source };
    }
    if (this.eat('*')) {
      this.expect('from');
      const source = this.stringToken();
      this.semicolon();
      return { comments: [], blankBefore: false, type: 'ExportFrom', typeOnly: false, star: true, specifiers: null, source };
    }
    if (this.is('{')) {
      const specifiers = this.specifiers();
      this.expect('from');
      const source = this.stringToken();
      this.semicolon();
      return { comments: [], blankBefore: false, type: 'ExportFrom', typeOnly: false, star: false, specifiers, source };
    }
    if (this.is('const') && this.peek().text !== 'enum') return this.variable(true);
    if (this.is('let')) return this.variable(true);
    return this.declaration(true);
  }

  private declaration(exported: boolean): Stmt {
    const base = { comments: [], blankBefore: false };
    if (this.eat('interface')) {
      const name = this.name();
      if (!this.is('{')) this.fail('interface heritage or type parameters');
      return { ...base, type: 'Interface', exported, name, members: this.objectTypeMembers() };
    }
    if (this.eat('type')) {
      const name = this.name();
      this.expect('=');
      const value = this.type();
      this.semicolon();
      return { ...base, type: 'TypeAlias', exported, name, value };
    }
    const isConst = this.eat('const');
    if (this.eat('enum')) {
      const name = this.name();
      this.expect('{');
      const members: EnumMember[] = [];
      while (!this.is('}')) {
        const lead = this.leading();
        const key = this.key();
        const init = this.eat('=') ? this.expression() : null;
        members.push(withLead(lead, { key, init }));
        if (!this.eat(',')) break;
      }
      if (this.tok.comments.length > 0) this.fail('comment at the end of an enum');
      this.expect('}');
      return { ...base, type: 'Enum', exported, isConst, name, members };
    }
    if (isConst) this.fail('const enum');
    this.expect('function');
    const name = this.name();
    if (this.is('<')) this.fail('type parameters');
    const params = this.params();
    let returnType: TypeNode | null = null;
    if (this.eat(':')) returnType = this.returnType();
    const body = this.block().body;
    return { ...base, type: 'Function', exported, name, params, returnType, body };
  }

  private params(): Param[] {
    this.expect('(');
    const params: Param[] = [];
    while (!this.is(')')) {
      const name = this.name();
      const optional = this.eat('?');
      const typeAnnotation = this.eat(':') ? this.type() : null;
      if (this.is('=')) this.fail('default parameter');
      params.push({ name, optional, typeAnnotation });
      if (!this.eat(',')) break;
    }
    this.expect(')');
    return params;
  }

  private returnType(): TypeNode {
    if (this.is('asserts') && this.peek().kind === 'name') {
      this.next();
      const name = this.name();
      const target = this.eat('is') ? this.type() : null;
      return { type: 'Predicate', asserts: true, name, target };
    }
    if (this.tok.kind === 'name' && this.peek().text === 'is') {
      const name = this.name();
      this.expect('is');
      return { type: 'Predicate', asserts: false, name, target: this.type() };
    }
    return this.type();
  }

  private variable(exported: boolean): Stmt {
    const kind = this.next().text as 'const' | 'let';
    const name = this.name();
    const typeAnnotation = this.eat(':') ? this.type() : null;
    const init = this.eat('=') ? this.expression() : null;
    if (this.is(',')) this.fail('several declarators');
    this.semicolon();
    return { comments: [], blankBefore: false, type: 'Var', exported, kind, name, typeAnnotation, init };
  }

  private key(): Key {
    const t = this.tok;
    if (t.kind === 'name') return { kind: 'name', raw: this.next().text };
    if (t.kind === 'string') return { kind: 'string', raw: this.next().text };
    if (t.kind === 'number') return { kind: 'number', raw: this.next().text };
    return this.fail('expected a key');
  }

  // Types.

  private type(): TypeNode {
    this.eat('|');
    const first = this.intersectionType();
    if (!this.is('|')) return first;
    const types = [first];
    while (this.eat('|')) types.push(this.intersectionType());
    return { type: 'UnionType', types };
  }

  private intersectionType(): TypeNode {
    this.eat('&');
    const first = this.postfixType();
    if (!this.is('&')) return first;
    const types = [first];
    while (this.eat('&')) types.push(this.postfixType());
    return { type: 'IntersectionType', types };
  }

  private postfixType(): TypeNode {
    let t = this.primaryType();
    while (this.is('[') && !this.tok.newlineBefore) {
      this.next();
      if (this.eat(']')) t = { type: 'ArrayType', element: t };
      else {
        const index = this.type();
        this.expect(']');
        t = { type: 'IndexedAccessType', object: t, index };
      }
    }
    return t;
  }

  private primaryType(): TypeNode {
    const t = this.tok;
    if (t.kind === 'string' || t.kind === 'number') return { type: 'TypeLiteralValue', raw: this.next().text, kind: t.kind };
    if (this.is('-') && this.peek().kind === 'number') {
      this.next();
      return { type: 'TypeLiteralValue', raw: `-${this.next().text}`, kind: 'number' };
    }
    if (this.eat('(')) {
      const inner = this.type();
      this.expect(')');
      return inner;
    }
    if (this.is('{')) return { type: 'ObjectType', broken: this.peek().newlineBefore, members: this.objectTypeMembers() };
    if (t.kind !== 'name') this.fail('expected a type');
    if (t.text === 'keyof' || t.text === 'unique' || t.text === 'readonly') {
      this.next();
      return { type: 'TypeOperator', operator: t.text, target: this.postfixType() };
    }
    if (t.text === 'typeof') {
      this.next();
      let name = this.name();
      while (this.is('.')) {
        this.next();
        name += `.${this.name()}`;
      }
      return { type: 'TypeOperator', operator: 'typeof', target: name };
    }
    if (TYPE_KEYWORD_VALUES.has(t.text) && this.peek().text !== '.') {
      if (t.text === 'undefined') return { type: 'TypeName', name: this.next().text, args: null };
      return { type: 'TypeLiteralValue', raw: this.next().text, kind: 'other' };
    }
    let name = this.name();
    while (this.is('.')) {
      this.next();
      name += `.${this.name()}`;
    }
    let args: TypeNode[] | null = null;
    if (this.is('<')) {
      this.next();
      args = [];
      while (!this.is('>')) {
        args.push(this.type());
        if (!this.eat(',')) break;
      }
      this.expect('>');
    }
    return { type: 'TypeName', name, args };
  }

  private objectTypeMembers(): Member[] {
    this.expect('{');
    const members: Member[] = [];
    while (!this.is('}')) {
      const lead = this.leading();
      const readonly = this.is('readonly') && this.peek().text !== ':' && this.peek().text !== '?' ? (this.next(), true) : false;
      if (this.is('[')) {
        this.next();
        const name = this.name();
        this.expect(':');
        const keyType = this.type();
        this.expect(']');
        this.expect(':');
        members.push(withLead(lead, { type: 'Index', name, keyType, value: this.type(), readonly }));
      } else {
        const key = this.key();
        const optional = this.eat('?');
        if (this.is('(')) this.fail('method signature');
        this.expect(':');
        members.push(withLead(lead, { type: 'Property', key, optional, readonly, value: this.type() }));
      }
      if (!this.eat(';') && !this.eat(',')) break;
    }
    if (this.tok.comments.length > 0) this.fail('comment at the end of a type');
    this.expect('}');
    return members;
  }

  // Expressions.

  expression(): Expr {
    return this.assignment();
  }

  private assignment(): Expr {
    if (this.isArrow()) return this.arrow();
    const left = this.conditional();
    if (this.tok.kind === 'punct' && ASSIGN_OPERATORS.has(this.tok.text)) {
      const operator = this.next().text;
      return { type: 'Assign', operator, left, right: this.assignment() };
    }
    return left;
  }

  private isArrow(): boolean {
    if (!this.is('(')) return false;
    let depth = 0;
    for (let k = this.i; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      if (t.text === '(' && t.kind === 'punct') depth++;
      else if (t.text === ')' && t.kind === 'punct' && --depth === 0) return this.tokens[k + 1]?.text === '=>';
      else if (t.kind === 'eof') return false;
    }
    return false;
  }

  private arrow(): Expr {
    const params = this.params();
    if (this.is(':')) this.fail('arrow return type');
    this.expect('=>');
    if (this.is('{')) this.fail('arrow with a block body');
    return { type: 'Arrow', params, body: this.assignment() };
  }

  private conditional(): Expr {
    const test = this.binary(0);
    if (!this.eat('?')) return test;
    const consequent = this.assignment();
    this.expect(':');
    return { type: 'Conditional', test, consequent, alternate: this.assignment() };
  }

  private binaryOperator(): string | null {
    const t = this.tok;
    if (t.kind === 'name' && (t.text === 'in' || t.text === 'instanceof' || t.text === 'as')) return t.text;
    if (t.kind === 'punct' && t.text in PRECEDENCE) return t.text;
    if (t.kind === 'punct' && t.text === '>' ) return '>';
    return null;
  }

  private binary(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.binaryOperator();
      if (op === null) return left;
      const prec = PRECEDENCE[op]!;
      if (prec <= minPrec) return left;
      this.next();
      if (op === 'as') {
        if (this.eat('const')) left = { type: 'As', expression: left, typeAnnotation: 'const' };
        else left = { type: 'As', expression: left, typeAnnotation: this.type() };
        continue;
      }
      // `**` is right-associative; the others left-associative.
      const right = this.binary(op === '**' ? prec - 1 : prec);
      left = LOGICAL.has(op) ? rebalance(op, left, right) : { type: 'Binary', operator: op, left, right, logical: false };
    }
  }

  private unary(): Expr {
    const t = this.tok;
    if ((t.kind === 'punct' && UNARY_PUNCTUATORS.has(t.text)) || (t.kind === 'name' && UNARY_KEYWORDS.has(t.text) && this.peek().kind !== 'punct')) {
      this.next();
      return { type: 'Unary', operator: t.text, argument: this.unary() };
    }
    if (t.kind === 'name' && (t.text === 'typeof' || t.text === 'void')) {
      this.next();
      return { type: 'Unary', operator: t.text, argument: this.unary() };
    }
    if (t.kind === 'punct' && (t.text === '++' || t.text === '--')) {
      this.next();
      return { type: 'Update', operator: t.text, argument: this.unary(), prefix: true };
    }
    const expr = this.postfix();
    if (this.tok.kind === 'punct' && (this.tok.text === '++' || this.tok.text === '--') && !this.tok.newlineBefore) {
      return { type: 'Update', operator: this.next().text, argument: expr, prefix: false };
    }
    return expr;
  }

  private args(): Expr[] {
    this.expect('(');
    const args: Expr[] = [];
    while (!this.is(')')) {
      args.push(this.is('...') ? (this.next(), { type: 'Spread', argument: this.assignment() }) : this.assignment());
      if (!this.eat(',')) break;
    }
    this.expect(')');
    return args;
  }

  private postfix(): Expr {
    let expr: Expr;
    if (this.eat('new')) {
      let callee: Expr = { type: 'Name', name: this.name() };
      while (this.is('.')) {
        this.next();
        callee = { type: 'Member', object: callee, property: this.name(), computed: false, optional: false };
      }
      let typeArgs: TypeNode[] | null = null;
      if (this.is('<')) {
        this.next();
        typeArgs = [];
        while (!this.is('>')) {
          typeArgs.push(this.type());
          if (!this.eat(',')) break;
        }
        this.expect('>');
      }
      if (!this.is('(')) this.fail('new without arguments');
      expr = { type: 'Call', callee, args: this.args(), typeArgs, isNew: true };
    } else expr = this.primary();
    for (;;) {
      if (this.is('.') || this.is('?.')) {
        const optional = this.next().text === '?.';
        if (optional && (this.is('(') || this.is('['))) this.fail('optional call');
        expr = { type: 'Member', object: expr, property: this.name(), computed: false, optional };
      } else if (this.is('[')) {
        this.next();
        const index = this.expression();
        this.expect(']');
        expr = { type: 'Index', object: expr, index, optional: false };
      } else if (this.is('(')) {
        expr = { type: 'Call', callee: expr, args: this.args(), typeArgs: null, isNew: false };
      } else if (this.is('!') && !this.tok.newlineBefore && this.peek().kind === 'punct' && ['.', ')', ';', ','].includes(this.peek().text)) {
        this.fail('non-null assertion');
      } else return expr;
    }
  }

  private primary(): Expr {
    const t = this.tok;
    if (t.kind === 'string' || t.kind === 'number') {
      this.next();
      return { type: 'Literal', raw: t.text, kind: t.kind };
    }
    if (t.kind === 'name') {
      if (UNSUPPORTED_EXPRESSION_KEYWORDS.has(t.text)) this.fail(`${t.text} expression`);
      this.next();
      if (LITERAL_KEYWORDS.has(t.text)) return { type: 'Literal', raw: t.text, kind: 'other' };
      return { type: 'Name', name: t.text };
    }
    if (this.eat('(')) {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (this.is('[')) {
      this.next();
      const elements: Expr[] = [];
      while (!this.is(']')) {
        if (this.is(',')) this.fail('array hole');
        elements.push(this.is('...') ? (this.next(), { type: 'Spread', argument: this.assignment() }) : this.assignment());
        if (!this.eat(',')) break;
      }
      this.expect(']');
      return { type: 'Array', elements };
    }
    if (this.is('{')) {
      this.next();
      const broken = this.tok.newlineBefore;
      const properties: ObjectProperty[] = [];
      while (!this.is('}')) {
        const lead = this.leading();
        if (this.eat('...')) properties.push(withLead(lead, { type: 'Spread', argument: this.assignment() }));
        else {
          if (this.is('[')) this.fail('computed key');
          const key = this.key();
          if (this.is('(')) this.fail('method');
          if (key.kind === 'name' && (this.is(',') || this.is('}'))) properties.push(withLead(lead, { type: 'Property', key, value: { type: 'Name', name: key.raw }, shorthand: true }));
          else {
            this.expect(':');
            properties.push(withLead(lead, { type: 'Property', key, value: this.assignment(), shorthand: false }));
          }
        }
        if (!this.eat(',')) break;
      }
      if (this.tok.comments.length > 0) this.fail('comment at the end of an object');
      this.expect('}');
      return { type: 'Object', properties, broken };
    }
    return this.fail('expected an expression');
  }
}
