/**
 * A small typed code builder for the validator functions, in the manner of ajv's codegen: code is a
 * tree of expressions and statements, printed to TypeScript text only at the end.
 *
 * - Only two things reach the text from outside: identifiers, made by {@link name} (which refuses
 *   anything that is not one), and literal values, made by {@link lit} (printed as JSON, so any
 *   string is escaped). Every other token comes from the printer.
 * - Choices are made on the tree, not on text: {@link not} writes a negation as a person would
 *   (`typeof x !== "string"`, `!isX(x)`, `!(a && b)`), {@link and} / {@link or} fold constants
 *   (`x || true` is `true`), {@link ifStmt} drops a branch that can never run, {@link block} drops the
 *   statements after a `return`, and {@link uses} tells whether a name occurs in a tree.
 * - Parentheses come from operator precedence.
 * - {@link Scope} hands out names that are not taken yet.
 *
 * @module
 */

import { isIdentifier } from '../model/naming.js';

/** An identifier (made by {@link name} only). */
export interface Name {
  readonly kind: 'name';
  readonly text: string;
}

/** Words that are no identifiers (ECMAScript reserved words, strict mode's included). */
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for function if implements ' +
    'import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield'
  ).split(' '),
);

/**
 * An identifier.
 *
 * @throws {Error} when `text` is not an identifier or is a reserved word
 */
export function name(text: string): Name {
  if (!isIdentifier(text) || RESERVED.has(text)) throw new Error(`docs2ts: not an identifier: ${JSON.stringify(text)}`);
  return { kind: 'name', text };
}

/** A literal value: printed as JSON (`undefined` as the identifier `undefined`). */
export type LiteralValue = string | number | boolean | null | undefined;

/** A type annotation. */
export type TypeNode =
  | { kind: 'typeKeyword'; keyword: 'unknown' | 'string' | 'boolean' | 'void' | 'number' }
  | { kind: 'typeRef'; path: readonly Name[]; args: readonly TypeNode[] }
  | { kind: 'arrayType'; element: TypeNode };

/** The binary operators the validators use. */
export type BinaryOp = '===' | '!==' | '<' | '>' | 'in' | 'instanceof' | '+';

/** An expression. */
export type Expr =
  | { kind: 'id'; name: Name }
  | { kind: 'lit'; value: LiteralValue }
  | { kind: 'member'; object: Expr; property: Name }
  | { kind: 'index'; object: Expr; index: Expr }
  | { kind: 'call'; callee: Expr; args: readonly Expr[] }
  | { kind: 'new'; callee: Expr; typeArgs: readonly TypeNode[]; args: readonly Expr[] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'typeof'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'logical'; op: '&&' | '||'; operands: readonly Expr[] }
  | { kind: 'cond'; test: Expr; then: Expr; else: Expr }
  | { kind: 'as'; expr: Expr; type: TypeNode }
  | { kind: 'arrow'; params: readonly Name[]; body: Expr }
  | { kind: 'object'; props: readonly ({ key: string; value: Expr } | { spread: Expr })[] }
  | { kind: 'array'; items: readonly Expr[] }
  | { kind: 'assign'; target: Expr; value: Expr }
  | { kind: 'increment'; target: Name };

/** A statement. */
export type Stmt =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'return'; value: Expr | null }
  | { kind: 'throw'; value: Expr }
  | { kind: 'if'; test: Expr; then: Stmt; else: Stmt | null }
  | { kind: 'block'; body: readonly Stmt[] }
  | { kind: 'var'; declKind: 'const' | 'let'; name: Name; type: TypeNode | null; init: Expr | null }
  | { kind: 'for'; init: Stmt; test: Expr; update: Expr; body: Stmt }
  | { kind: 'forIn'; name: Name; object: Expr; body: Stmt }
  | { kind: 'switch'; discriminant: Expr; cases: readonly { tests: readonly Expr[]; body: readonly Stmt[] }[]; default: readonly Stmt[] | null }
  | { kind: 'break' }
  | { kind: 'continue' };

// ——— Types ———

/** A keyword type (`unknown`, `string`, …). */
export function keywordType(keyword: Extract<TypeNode, { kind: 'typeKeyword' }>['keyword']): TypeNode {
  return { kind: 'typeKeyword', keyword };
}

/** A named type, possibly qualified (`rt.ValidationError`) and generic (`Record<string, unknown>`). */
export function typeRef(path: Name | readonly Name[], args: readonly TypeNode[] = []): TypeNode {
  return { kind: 'typeRef', path: Array.isArray(path) ? path : [path as Name], args };
}

/** `T[]`. */
export function arrayType(element: TypeNode): TypeNode {
  return { kind: 'arrayType', element };
}

// ——— Expressions ———

/** A reference to a name. */
export function id(n: Name): Expr {
  return { kind: 'id', name: n };
}

/** A literal value. */
export function lit(value: LiteralValue): Expr {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`docs2ts: no literal for ${value}`);
  return { kind: 'lit', value };
}

/** The literal `true`. */
export const TRUE: Expr = lit(true);
/** The literal `false`. */
export const FALSE: Expr = lit(false);

/** True when `e` is the literal `value` (`true` or `false`): a fact the tree knows, not the text. */
export function isConst(e: Expr, value: boolean): boolean {
  return e.kind === 'lit' && e.value === value;
}

/** `object.property`. */
export function member(object: Expr | Name, property: Name | string): Expr {
  return { kind: 'member', object: asExpr(object), property: typeof property === 'string' ? name(property) : property };
}

/** `object[index]`. */
export function index(object: Expr | Name, key: Expr): Expr {
  return { kind: 'index', object: asExpr(object), index: key };
}

/** `callee(args)`. */
export function call(callee: Expr | Name, ...args: (Expr | Name)[]): Expr {
  return { kind: 'call', callee: asExpr(callee), args: args.map(asExpr) };
}

/** `new callee<typeArgs>(args)`. */
export function newExpr(callee: Expr | Name, typeArgs: readonly TypeNode[], ...args: (Expr | Name)[]): Expr {
  return { kind: 'new', callee: asExpr(callee), typeArgs, args: args.map(asExpr) };
}

/** `typeof operand`. */
export function typeOf(operand: Expr | Name): Expr {
  return { kind: 'typeof', operand: asExpr(operand) };
}

/** A binary expression. */
export function binary(left: Expr | Name, op: BinaryOp, right: Expr | Name): Expr {
  return { kind: 'binary', op, left: asExpr(left), right: asExpr(right) };
}

/** `left === right`. */
export function eq(left: Expr | Name, right: Expr | Name): Expr {
  return binary(left, '===', right);
}

/** `left !== right`. */
export function ne(left: Expr | Name, right: Expr | Name): Expr {
  return binary(left, '!==', right);
}

/** `expr as type`. */
export function as(expr: Expr | Name, type: TypeNode): Expr {
  return { kind: 'as', expr: asExpr(expr), type };
}

/** `(params) => body`. */
export function arrow(params: readonly Name[], body: Expr): Expr {
  return { kind: 'arrow', params, body };
}

/** An object literal: `{ key: value, ...spread }` (keys printed bare when they are identifiers). */
export function object(props: readonly ({ key: string; value: Expr } | { spread: Expr })[]): Expr {
  return { kind: 'object', props };
}

/** An array literal. */
export function array(items: readonly Expr[]): Expr {
  return { kind: 'array', items };
}

/** `test ? then : else`. */
export function cond(test: Expr, then: Expr, otherwise: Expr): Expr {
  if (isConst(test, true)) return then;
  if (isConst(test, false)) return otherwise;
  return { kind: 'cond', test, then, else: otherwise };
}

/** `target = value`. */
export function assign(target: Expr, value: Expr): Expr {
  return { kind: 'assign', target, value };
}

/** `target++`. */
function increment(target: Name): Expr {
  return { kind: 'increment', target };
}

/**
 * The conjunction of the operands, folded: `true` operands go, a `false` one makes it `false`, one
 * operand is itself, none is `true`. Nested conjunctions are kept as written (`a && (b && c)`).
 */
export function and(...operands: Expr[]): Expr {
  return logical('&&', operands);
}

/** The disjunction of the operands, folded as {@link and} does (with `true` and `false` swapped). */
export function or(...operands: Expr[]): Expr {
  return logical('||', operands);
}

function logical(op: '&&' | '||', operands: readonly Expr[]): Expr {
  const absorbing = op === '||';
  const kept: Expr[] = [];
  for (const operand of operands) {
    if (isConst(operand, absorbing)) return operand;
    if (!isConst(operand, !absorbing)) kept.push(operand);
  }
  if (kept.length === 0) return lit(!absorbing);
  return kept.length === 1 ? kept[0]! : { kind: 'logical', op, operands: kept };
}

/**
 * The negation of a condition, written the way a person would: a constant flips, a double negation
 * goes, `typeof x === "t"` becomes `typeof x !== "t"`, anything else gets a `!` (and parentheses
 * where precedence needs them: `!isX(x)`, `!(a && b)`).
 */
export function not(e: Expr): Expr {
  if (e.kind === 'lit' && typeof e.value === 'boolean') return lit(!e.value);
  if (e.kind === 'not') return e.operand;
  if (e.kind === 'binary' && (e.op === '===' || e.op === '!==') && e.left.kind === 'typeof') return { ...e, op: e.op === '===' ? '!==' : '===' };
  return { kind: 'not', operand: e };
}

function asExpr(e: Expr | Name): Expr {
  return e.kind === 'name' ? id(e) : e;
}

// ——— Statements ———

/** An expression statement. */
export function exprStmt(expr: Expr): Stmt {
  return { kind: 'expr', expr };
}

/** `return value;` (or `return;`). */
export function ret(value: Expr | Name | null = null): Stmt {
  return { kind: 'return', value: value === null ? null : asExpr(value) };
}

/** `throw value;`. */
export function throwStmt(value: Expr): Stmt {
  return { kind: 'throw', value };
}

/** `break;`. */
export const BREAK: Stmt = { kind: 'break' };
/** `continue;`. */
export const CONTINUE: Stmt = { kind: 'continue' };

/** Statements to write in sequence: arrays flattened, `null`s dropped. */
export type Stmts = Stmt | null | readonly Stmts[];

/**
 * A statement list: nested lists flattened, `null`s and empty lists dropped, and nothing after a
 * statement that never completes (`return`, `throw`, `break`, `continue`, or an `if` of two such).
 */
export function statements(...parts: Stmts[]): Stmt[] {
  const out: Stmt[] = [];
  const add = (part: Stmts): boolean => {
    if (part === null) return true;
    if (Array.isArray(part)) {
      for (const p of part as readonly Stmts[]) if (!add(p)) return false;
      return true;
    }
    const s = part as Stmt;
    out.push(s);
    return !exits(s);
  };
  for (const part of parts) if (!add(part)) break;
  return out;
}

/** True when control never goes past the statement. */
function exits(s: Stmt): boolean {
  switch (s.kind) {
    case 'return':
    case 'throw':
    case 'break':
    case 'continue':
      return true;
    case 'if':
      return s.else !== null && exits(s.then) && exits(s.else);
    case 'block':
      return s.body.some(exits);
    default:
      return false;
  }
}

/** `{ … }`: a block of {@link statements}. */
export function block(...parts: Stmts[]): Stmt {
  return { kind: 'block', body: statements(...parts) };
}

/**
 * `if (test) then else otherwise`, folded: a constant test keeps the branch that runs (null when
 * that is none). `then` is written as given: a {@link block} with braces, another statement without.
 */
export function ifStmt(test: Expr, then: Stmt, otherwise: Stmt): Stmt;
export function ifStmt(test: Expr, then: Stmt, otherwise?: Stmt | null): Stmt | null;
export function ifStmt(test: Expr, then: Stmt, otherwise: Stmt | null = null): Stmt | null {
  if (isConst(test, true)) return then;
  if (isConst(test, false)) return otherwise;
  return { kind: 'if', test, then, else: otherwise };
}

/** `const name: type = init;`. */
export function constStmt(n: Name, init: Expr, type: TypeNode | null = null): Stmt {
  return { kind: 'var', declKind: 'const', name: n, type, init };
}

/** `let name: type = init;` (or without an initializer). */
export function letStmt(n: Name, type: TypeNode | null = null, init: Expr | null = null): Stmt {
  return { kind: 'var', declKind: 'let', name: n, type, init };
}

/** `for (let i = 0; i < length; i++) body`. */
export function forIndex(i: Name, length: Expr, body: Stmt): Stmt {
  return { kind: 'for', init: letStmt(i, null, lit(0)), test: binary(i, '<', length), update: increment(i), body };
}

/** `for (const name in object) body`. */
export function forIn(n: Name, obj: Expr | Name, body: Stmt): Stmt {
  return { kind: 'forIn', name: n, object: asExpr(obj), body };
}

/** `switch (discriminant) { case …: …; default: … }`. */
export function switchStmt(discriminant: Expr, cases: readonly { tests: readonly Expr[]; body: Stmts }[], otherwise: Stmts | null = null): Stmt {
  return {
    kind: 'switch',
    discriminant,
    cases: cases.map((c) => ({ tests: c.tests, body: statements(c.body) })),
    default: otherwise === null ? null : statements(otherwise),
  };
}

// ——— Names ———

/**
 * True when the name occurs in the statements or expressions (as a reference, a declaration, or a
 * type's name): what a function's prologue asks before declaring a local.
 */
export function uses(n: Name, ...nodes: (Stmt | Expr | TypeNode)[]): boolean {
  const seen = (node: Stmt | Expr | TypeNode | null): boolean => (node === null ? false : visit(node));
  const visit = (node: Stmt | Expr | TypeNode): boolean => {
    switch (node.kind) {
      case 'id':
        return node.name.text === n.text;
      case 'lit':
      case 'break':
      case 'continue':
      case 'typeKeyword':
        return false;
      case 'member':
        return visit(node.object);
      case 'index':
        return visit(node.object) || visit(node.index);
      case 'call':
        return visit(node.callee) || node.args.some(visit);
      case 'new':
        return visit(node.callee) || node.typeArgs.some(visit) || node.args.some(visit);
      case 'not':
      case 'typeof':
        return visit(node.operand);
      case 'binary':
        return visit(node.left) || visit(node.right);
      case 'logical':
        return node.operands.some(visit);
      case 'cond':
        return visit(node.test) || visit(node.then) || visit(node.else);
      case 'as':
        return visit(node.expr) || visit(node.type);
      case 'arrow':
        return node.params.some((p) => p.text === n.text) || visit(node.body);
      case 'object':
        return node.props.some((p) => visit('spread' in p ? p.spread : p.value));
      case 'array':
        return node.items.some(visit);
      case 'assign':
        return visit(node.target) || visit(node.value);
      case 'increment':
        return node.target.text === n.text;
      case 'expr':
        return visit(node.expr);
      case 'return':
        return seen(node.value);
      case 'throw':
        return visit(node.value);
      case 'if':
        return visit(node.test) || visit(node.then) || seen(node.else);
      case 'block':
        return node.body.some(visit);
      case 'var':
        return node.name.text === n.text || seen(node.type) || seen(node.init);
      case 'for':
        return visit(node.init) || visit(node.test) || visit(node.update) || visit(node.body);
      case 'forIn':
        return node.name.text === n.text || visit(node.object) || visit(node.body);
      case 'switch':
        return visit(node.discriminant) || node.cases.some((c) => c.tests.some(visit) || c.body.some(visit)) || (node.default?.some(visit) ?? false);
      case 'typeRef':
        return node.path[0]!.text === n.text || node.args.some(visit);
      case 'arrayType':
        return visit(node.element);
    }
  };
  return nodes.some(visit);
}

/**
 * The names of one scope (a module's functions, or a function's locals): a name is handed out
 * once. {@link Scope.take} keeps the wanted name when it is free (`x`, then `x2`, …);
 * {@link Scope.numbered} numbers every name (`isTask$1`, `checkTask$2`, …, one counter).
 */
export class Scope {
  private readonly taken = new Set<string>();
  private counter = 0;

  /** @param reserved names already in use (parameters, imports) */
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }

  /** The wanted name, or the first free `${wanted}${n}` (n from 2). */
  take(wanted: string): Name {
    let text = wanted;
    for (let n = 2; this.taken.has(text); n++) text = `${wanted}${n}`;
    this.taken.add(text);
    return name(text);
  }

  /** `${stem}$${n}` with the next free number. */
  numbered(stem: string): Name {
    let text: string;
    do text = `${stem}$${++this.counter}`;
    while (this.taken.has(text));
    this.taken.add(text);
    return name(text);
  }
}

// ——— Printing ———

/** Precedence levels (higher binds tighter). */
const P = { Assign: 2, Cond: 3, Or: 4, And: 5, Equality: 10, Relational: 11, Additive: 13, Unary: 15, Postfix: 16, Call: 18, Primary: 20 } as const;

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'assign':
    case 'arrow':
      return P.Assign;
    case 'cond':
      return P.Cond;
    case 'logical':
      return e.op === '||' ? P.Or : P.And;
    case 'binary':
      return e.op === '===' || e.op === '!==' ? P.Equality : e.op === '+' ? P.Additive : P.Relational;
    case 'as':
      return P.Relational;
    case 'not':
    case 'typeof':
      return P.Unary;
    case 'increment':
      return P.Postfix;
    case 'member':
    case 'index':
    case 'call':
    case 'new':
      return P.Call;
    default:
      return P.Primary;
  }
}

/** An expression as TypeScript text (parenthesized where precedence needs it). */
export function printExpr(e: Expr, min: number = P.Assign): string {
  const text = exprText(e);
  return precedence(e) < min ? `(${text})` : text;
}

function exprText(e: Expr): string {
  switch (e.kind) {
    case 'id':
      return e.name.text;
    case 'lit':
      return e.value === undefined ? 'undefined' : JSON.stringify(e.value);
    case 'member':
      return `${printExpr(e.object, P.Call)}.${e.property.text}`;
    case 'index':
      return `${printExpr(e.object, P.Call)}[${printExpr(e.index)}]`;
    case 'call':
      return `${printExpr(e.callee, P.Call)}(${e.args.map((a) => printExpr(a)).join(', ')})`;
    case 'new':
      return `new ${printExpr(e.callee, P.Primary)}${e.typeArgs.length === 0 ? '' : `<${e.typeArgs.map(printType).join(', ')}>`}(${e.args.map((a) => printExpr(a)).join(', ')})`;
    case 'not':
      return `!${printExpr(e.operand, P.Unary)}`;
    case 'typeof':
      return `typeof ${printExpr(e.operand, P.Unary)}`;
    case 'binary': {
      const p = precedence(e);
      return `${printExpr(e.left, p)} ${e.op} ${printExpr(e.right, p + 1)}`;
    }
    case 'logical': {
      // Each operand after the first nests to the right, as prettier reads it; `&&` inside `||` is
      // parenthesized as prettier writes it.
      const p = precedence(e);
      return e.operands.map((o, i) => (o.kind === 'logical' && o.op !== e.op ? `(${exprText(o)})` : printExpr(o, i === 0 ? p : p + 1))).join(` ${e.op} `);
    }
    case 'cond':
      return `${printExpr(e.test, P.Or)} ? ${printExpr(e.then)} : ${printExpr(e.else)}`;
    case 'as':
      return `${printExpr(e.expr, P.Relational)} as ${printType(e.type)}`;
    case 'arrow':
      return `(${e.params.map((p) => p.text).join(', ')}) => ${e.body.kind === 'object' ? `(${printExpr(e.body)})` : printExpr(e.body)}`;
    case 'object':
      return e.props.length === 0 ? '{}' : `{ ${e.props.map(propText).join(', ')} }`;
    case 'array':
      return `[${e.items.map((i) => printExpr(i)).join(', ')}]`;
    case 'assign':
      return `${printExpr(e.target, P.Call)} = ${printExpr(e.value)}`;
    case 'increment':
      return `${e.target.text}++`;
  }
}

/** An object literal's property: `...spread`, `key` when its value is the name `key`, else `key: value`. */
function propText(p: { key: string; value: Expr } | { spread: Expr }): string {
  if ('spread' in p) return `...${printExpr(p.spread)}`;
  if (p.value.kind === 'id' && p.value.name.text === p.key) return p.key;
  return `${isIdentifier(p.key) ? p.key : JSON.stringify(p.key)}: ${printExpr(p.value)}`;
}

/** A type as TypeScript text. */
export function printType(t: TypeNode): string {
  switch (t.kind) {
    case 'typeKeyword':
      return t.keyword;
    case 'typeRef':
      return `${t.path.map((p) => p.text).join('.')}${t.args.length === 0 ? '' : `<${t.args.map(printType).join(', ')}>`}`;
    case 'arrayType':
      return `${printType(t.element)}[]`;
  }
}

/** Statements as TypeScript text, one a line (prettier lays them out). */
export function printStatements(list: readonly Stmt[]): string {
  return list.map(printStmt).join('\n');
}

function printStmt(s: Stmt): string {
  switch (s.kind) {
    case 'expr':
      return `${printExpr(s.expr)};`;
    case 'return':
      return s.value === null ? 'return;' : `return ${printExpr(s.value)};`;
    case 'throw':
      return `throw ${printExpr(s.value)};`;
    case 'if': {
      const head = `if (${printExpr(s.test)}) ${printStmt(s.then)}`;
      return s.else === null ? head : `${head} else ${printStmt(s.else)}`;
    }
    case 'block':
      return s.body.length === 0 ? '{}' : `{\n${printStatements(s.body)}\n}`;
    case 'var':
      return `${s.declKind} ${s.name.text}${s.type === null ? '' : `: ${printType(s.type)}`}${s.init === null ? '' : ` = ${printExpr(s.init)}`};`;
    case 'for':
      return `for (${printStmt(s.init)} ${printExpr(s.test)}; ${printExpr(s.update)}) ${printStmt(s.body)}`;
    case 'forIn':
      return `for (const ${s.name.text} in ${printExpr(s.object)}) ${printStmt(s.body)}`;
    case 'switch': {
      const cases = s.cases.map((c) => `${c.tests.map((t) => `case ${printExpr(t)}:`).join(' ')} ${printStatements(c.body)}`);
      if (s.default !== null) cases.push(`default: ${printStatements(s.default)}`);
      return `switch (${printExpr(s.discriminant)}) {\n${cases.join('\n')}\n}`;
    }
    case 'break':
      return 'break;';
    case 'continue':
      return 'continue;';
  }
}
