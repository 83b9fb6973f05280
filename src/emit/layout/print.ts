/**
 * The layout printer: the tree of `./parse.ts` → prettier documents built the way prettier's
 * estree printer builds them for these node kinds (prettier 3, `printWidth` from the options,
 * `tabWidth: 2`, double quotes, semicolons, `trailingComma: "all"`, `quoteProps: "as-needed"`),
 * printed by prettier's own document printer (`prettier/doc`, which loads in milliseconds where
 * prettier's parsers and printers take most of a run).
 *
 * Constructs whose broken layout prettier chooses by rules not mirrored here (assignments, calls
 * whose last argument could hug, long union types, …) are printed flat; a statement holding a line
 * wider than the print width is then handed to prettier itself (see `./index.ts`), so the output
 * is prettier's in every case. The tests compare both on every corpus tree.
 *
 * @module
 */

import { QuietError } from '../../core/quiet-error.js';
import { builders } from 'prettier/doc';

type Doc = builders.Doc;
import { PRECEDENCE, type Comment, type EnumMember, type Expr, type Key, type Leading, type Member, type ObjectProperty, type Param, type Specifier, type Stmt, type TypeNode } from './parse.js';

const { group, indent, line, softline, hardline, ifBreak, join } = builders;

/** A string literal as prettier writes it: double quotes unless the text holds more of them than single quotes. */
export function printString(raw: string): string {
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (const ch of content) {
    if (ch === '"') doubles++;
    else if (ch === "'") singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(.)|(["'])/gs, (match, escaped: string | undefined, bare: string | undefined) => {
    if (escaped === other) return escaped;
    if (bare === quote) return `\\${bare}`;
    if (bare) return bare;
    return match;
  });
  return quote + body + quote;
}

/** A number literal as prettier writes it (lower case, no `+` or leading zeros in exponents, no trailing zeros). */
export function printNumber(raw: string): string {
  let text = raw.toLowerCase();
  if (/^0[box]/.test(text)) return text.replace(/n$/, 'n');
  text = text
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, '$1$2$3')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/^([+-])?\./, '$10.')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '');
  return text;
}

const IDENTIFIER_ES5 = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Could be an identifier by some Unicode version (prettier's ES5 table is an older one). */
const IDENTIFIER_UNICODE = /^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\u200C\u200D]*$/u;

/**
 * A property key; a quoted key that is an identifier loses its quotes (`quoteProps: "as-needed"`).
 *
 * @throws {FlatOnly} for a quoted key with letters outside ASCII that may be an identifier:
 *   prettier decides those by its own (ES5) Unicode table
 */
function printKey(key: Key): string {
  if (key.kind === 'string') {
    const value = key.raw.slice(1, -1);
    if (!value.includes('\\')) {
      if (IDENTIFIER_ES5.test(value)) return value;
      if (/[^\x00-\x7f]/.test(value) && IDENTIFIER_UNICODE.test(value)) throw new FlatOnly();
    }
    return printString(key.raw);
  }
  if (key.kind === 'number') return printNumber(key.raw);
  return key.raw;
}

/**
 * The label of a block comment re-indented line by line: `['/*', join(hardline, lines), '*\/']`,
 * always followed by a line break (see `flattenStatements` in `./index.ts`).
 */
export const COMMENT = 'docs2ts-comment';

function printComment(comment: Comment): Doc {
  if (!comment.block) return comment.text;
  const value = comment.text.slice(2, -2);
  // An "indentable" block comment (every line, the closing one included, starts with `*`) is re-indented.
  if (value.includes('\n') && `*${value}*`.split('\n').every((l) => l.trimStart().startsWith('*'))) {
    const lines = value.split('\n');
    return builders.label(COMMENT, ['/*', join(hardline, lines.map((l, i) => (i === 0 ? l.trimEnd() : ` ${i < lines.length - 1 ? l.trim() : l.trimStart()}`))), '*/']);
  }
  return comment.text;
}

/** Leading comments, each on its own line (an empty line kept where the source had one). */
function withComments(lead: Leading, doc: Doc): Doc {
  if (lead.comments.length === 0) return doc;
  const parts: Doc[] = [];
  lead.comments.forEach((c, i) => {
    if (i > 0 && c.blankBefore) parts.push(hardline);
    parts.push(printComment(c), hardline);
  });
  if (lead.blankAfterComments) parts.push(hardline);
  return [...parts, doc];
}

/**
 * The label of the document of a statement or member that starts a line (after a line break, at
 * the indentation) and ends one (a line break follows): see `flattenStatements` in `./index.ts`.
 */
export const LINE = 'docs2ts-line';

/** Statements joined by line breaks, an empty line kept where the source had one. */
export function printStatements(body: readonly Stmt[]): Doc {
  const parts: Doc[] = [];
  body.forEach((s, i) => {
    if (i > 0) parts.push(hardline, s.blankBefore ? hardline : '');
    parts.push(printLineStatement(s));
  });
  return parts;
}

function block(body: readonly Stmt[], dangling: readonly Comment[] = []): Doc {
  if (body.length === 0 && dangling.length === 0) return '{}';
  if (body.length === 0) return ['{', indent([hardline, join(hardline, dangling.map(printComment))]), hardline, '}'];
  return ['{', indent([hardline, printStatements(body)]), hardline, '}'];
}

/** The clause of `if`, `else`, `for`: a block after a space, another statement indented on a line of its own when too long. */
function clause(s: Stmt, forceSpace = false): Doc {
  if (s.type === 'Block' || forceSpace) return [' ', printStatement(s)];
  return indent([line, printStatement(s)]);
}

const exportPrefix = (exported: boolean): string => (exported ? 'export ' : '');

/** One statement with its leading comments. */
export function printStatement(s: Stmt): Doc {
  return withComments(s, printStatementBody(s));
}

/**
 * A {@link LINE} label whose document is built later (`flattenStatements` in `./index.ts`): from
 * {@link fastLine} when that line fits, else by {@link printStatementBody}.
 */
export interface DeferredLine {
  type: 'label';
  label: typeof LINE;
  contents: Doc;
  statement?: Stmt;
}

/**
 * A statement that starts a line and is followed by a line break, its comments apart: the
 * statement labelled {@link LINE}, its document deferred ({@link DeferredLine}).
 */
export function printLineStatement(s: Stmt): Doc {
  const deferred: DeferredLine = { type: 'label', label: LINE, contents: '', statement: s };
  return withComments(s, deferred as unknown as Doc);
}

/** Statements whose document is one line when flat, with nothing that forces a break (see {@link fastLine}). */
const SIMPLE_CLAUSE = new Set<Stmt['type']>(['Return', 'Throw', 'Expression', 'Break', 'Continue']);

/**
 * The line a statement prints as when flat, from the tree, without building its document; for
 * the statements whose document has at most one group at its top and no forced line break (so
 * prettier prints this line whenever it fits: see `flatLine` in `./index.ts`): `break;`,
 * `continue;`, `return`/`throw` with nothing, a name, literal or member, or a binary expression,
 * expression statements, and `if` without `else` whose clause is one of these. Null for others.
 *
 * @throws {FlatOnly} where building the document would
 */
export function fastLine(s: Stmt): string | null {
  switch (s.type) {
    case 'Break':
      return 'break;';
    case 'Continue':
      return 'continue;';
    case 'Return':
    case 'Throw':
      return jumpLine(s, false);
    case 'Expression':
      return `${flatText(s.expression)};`;
    case 'If': {
      const clause = s.consequent;
      if (s.alternate !== null || clause.comments.length > 0 || !SIMPLE_CLAUSE.has(clause.type)) return null;
      negatedLogical(s.test); // throws where `parenthesized` would
      // Inside the statement's one group, any argument prints flat with the rest.
      const body = clause.type === 'Return' || clause.type === 'Throw' ? jumpLine(clause, true) : fastLine(clause);
      return body === null ? null : `if (${flatText(s.test)}) ${body}`;
    }
    default:
      return null;
  }
}

/**
 * `return …;` or `throw …;` as one line: any argument inside a group (`anyArgument`), else only
 * arguments whose document has at most one group (a binary expression, a name, literal or member).
 */
function jumpLine(s: Stmt & { type: 'Return' | 'Throw' }, anyArgument: boolean): string | null {
  const keyword = s.type === 'Return' ? 'return' : 'throw';
  const arg = s.argument;
  if (arg === null) return `${keyword};`;
  if (anyArgument || (arg.type === 'Binary' && arg.operator !== 'as') || arg.type === 'Name' || arg.type === 'Literal' || arg.type === 'Member') return `${keyword} ${flatText(arg)};`;
  return null;
}

/** A statement's document, its comments apart. */
export function printStatementBody(s: Stmt): Doc {
  switch (s.type) {
    case 'Import': {
      const head: Doc[] = ['import ', s.typeOnly ? 'type ' : ''];
      if (s.namespace !== null) head.push('* as ', s.namespace);
      else {
        if (s.defaultName !== null) head.push(s.defaultName, s.specifiers ? ', ' : '');
        if (s.specifiers) head.push(printSpecifiers(s.specifiers, s.defaultName !== null));
      }
      return [...head, ' from ', printString(s.source), ';'];
    }
    case 'ExportFrom':
      if (s.star) return ['export * from ', printString(s.source), ';'];
      return ['export ', s.typeOnly ? 'type ' : '', printSpecifiers(s.specifiers!, false), ' from ', printString(s.source), ';'];
    case 'Interface':
      return [exportPrefix(s.exported), 'interface ', s.name, ' ', printMembers(s.members, true)];
    case 'TypeAlias': {
      const name = group(['type ', s.name]);
      // A union that does not hug: a line after `=` when it does not fit there, then `| ` before each member if needed.
      if (s.value.type === 'UnionType' && !hugs(s.value)) return [exportPrefix(s.exported), group([name, ' =', group(indent([line, unionDoc(s.value)]))]), ';'];
      // Object types and type arguments choose other layouts (not mirrored): flat, or prettier.
      if (!fluidType(s.value)) return [LOOSE, exportPrefix(s.exported), 'type ', s.name, ' = ', typeText(s.value), ';'];
      // Other types: prettier's "fluid" assignment layout.
      const id = Symbol('assignment');
      return [exportPrefix(s.exported), group([name, ' =', group(indent(line), { id }), builders.lineSuffixBoundary, builders.indentIfBreak(printType(s.value), { groupId: id })]), ';'];
    }
    case 'Enum': {
      const head = [exportPrefix(s.exported), s.isConst ? 'const ' : '', 'enum ', s.name, ' '];
      if (s.members.length === 0) return [...head, '{}'];
      return [...head, '{', indent([hardline, join(hardline, s.members.map(printEnumMember))]), hardline, '}'];
    }
    case 'Function': {
      const signature = group([exportPrefix(s.exported), 'function ', s.name, printParams(s.params), s.returnType ? [': ', printType(s.returnType)] : '']);
      return [signature, ' ', block(s.body)];
    }
    case 'Var':
      return [exportPrefix(s.exported), forInit(s), ';'];
    case 'If': {
      const opening = group(['if (', parenthesized(s.test), ')', clause(s.consequent)]);
      if (!s.alternate) return opening;
      const elseOnSameLine = s.consequent.type === 'Block';
      return [opening, elseOnSameLine ? ' ' : hardline, 'else', group(clause(s.alternate, s.alternate.type === 'If'))];
    }
    case 'ForIn':
      return group(['for (', s.kind, ' ', s.name, ' in ', flat(s.object), ')', clause(s.body)]);
    case 'For': {
      const init = s.init === null ? '' : s.init.type === 'Var' ? forInit(s.init) : flat((s.init as Stmt & { type: 'Expression' }).expression);
      if (s.init === null && s.test === null && s.update === null) return ['for (;;)', clause(s.body)];
      return ['for (', group([indent([softline, init, ';', line, s.test ? flat(s.test) : '', ';', line, s.update ? flat(s.update) : '']), softline]), ')', clause(s.body)];
    }
    case 'Switch': {
      const cases = s.cases.map((c, i) => {
        const head = c.test === null ? 'default:' : ['case ', flat(c.test), ':'];
        const consequent = c.consequent.filter((x) => x.type !== 'Block' || x.body.length > 0 || x.dangling.length > 0);
        let body: Doc = '';
        if (consequent.length === 1 && consequent[0]!.type === 'Block') body = [' ', printStatement(consequent[0]!)];
        else if (consequent.length > 0) body = indent([hardline, printStatements(consequent)]);
        return [i > 0 && c.blankBefore ? hardline : '', withComments(c, [head, body])];
      });
      return ['switch (', group([indent([softline, printTest(s.discriminant)]), softline]), ') {', cases.length > 0 ? indent([hardline, join(hardline, cases)]) : '', hardline, '}'];
    }
    case 'Return':
    case 'Throw': {
      const keyword = s.type === 'Return' ? 'return' : 'throw';
      if (s.argument === null) return `${keyword};`;
      if (s.argument.type === 'Binary' && s.argument.operator !== 'as') {
        return [keyword, ' ', group([ifBreak('('), indent([softline, printBinary(s.argument, 'return')]), softline, ifBreak(')')]), ';'];
      }
      if (s.argument.type === 'Conditional') return [keyword, ' ', printConditional(s.argument), ';'];
      return [keyword, ' ', printExpr(s.argument, null, 'top'), ';'];
    }
    case 'Break':
      return 'break;';
    case 'Continue':
      return 'continue;';
    case 'Block':
      return block(s.body, s.dangling);
    case 'Expression':
      return [expressionStatement(s.expression), ';'];
  }
}

function forInit(s: Stmt & { type: 'Var' }): Doc {
  // Prettier may break after `=` (its assignment layouts, not mirrored): marked, so a long line goes to it.
  return [s.kind, ' ', s.name, s.typeAnnotation ? [': ', printType(s.typeAnnotation)] : '', s.init ? [' = ', LOOSE, initializer(s.init)] : ''];
}

/**
 * A type alias value prettier lays out with the "fluid" assignment layout checked here: names
 * without type arguments, literals, arrays of them, `typeof` / `keyof` and indexed access.
 */
function fluidType(t: TypeNode): boolean {
  switch (t.type) {
    case 'TypeName':
      return t.args === null;
    case 'TypeLiteralValue':
      return true;
    case 'ArrayType':
      return fluidType(t.element);
    case 'TypeOperator':
      return typeof t.target === 'string' || fluidType(t.target);
    case 'IndexedAccessType':
      return fluidType(t.object) && fluidType(t.index);
    default:
      return false;
  }
}

/**
 * A declaration's value: an object the source broke over lines stays broken (`{ … } as const`
 * too); `new X<T>([...])` with literals other than numbers hugs its array (prettier's
 * last-argument expansion: `new Set<unknown>([` then one element a line).
 */
function initializer(e: Expr): Doc {
  // Only `new X<T>([...])`: prettier lays out other calls here (`z.enum([...])`) by assignment rules not mirrored.
  if (e.type === 'Call' && e.isNew && e.args.length === 1 && e.callee.type === 'Name') {
    const array = e.args[0]!;
    if (array.type === 'Array' && array.elements.length > 0 && array.elements.every((x) => x.type === 'Literal' && x.kind !== 'number')) {
      const head = callHead(e);
      const elements = array.elements.map((x) => flatText(x));
      return [head, '(', group(['[', indent([softline, join([',', line], elements)]), ifBreak(','), softline, ']']), ')'];
    }
  }
  if (e.type === 'Object' && e.broken && e.properties.length > 0) return brokenObject(e);
  if (e.type === 'As' && e.expression.type === 'Object' && e.expression.broken && e.expression.properties.length > 0) {
    return [brokenObject(e.expression), ' as ', e.typeAnnotation === 'const' ? 'const' : printType(e.typeAnnotation)];
  }
  return flat(e);
}

/** An expression statement: calls get prettier's argument layout, other expressions are flat. */
function expressionStatement(e: Expr): Doc {
  if (e.type === 'Call') return printCall(e);
  return flat(e);
}

function printSpecifiers(specifiers: readonly Specifier[], hasDefault: boolean): Doc {
  if (specifiers.length === 0) return '{}';
  const printed = specifiers.map((s) => `${s.isType ? 'type ' : ''}${s.name}${s.alias === null ? '' : ` as ${s.alias}`}`);
  // One specifier alone never breaks (prettier keeps `{ A }` on the line however long it is).
  if (printed.length === 1 && !hasDefault) return ['{ ', printed[0]!, ' }'];
  return group(['{', indent([line, join([',', line], printed)]), ifBreak(','), line, '}']);
}

function printEnumMember(m: EnumMember): Doc {
  return withComments(m, builders.label(LINE, [printKey(m.key), m.init ? [' = ', flat(m.init)] : '', ',']));
}

/** Members of an interface (always one a line) or object type (one line when the source had one). */
function printMembers(members: readonly Member[], forceBreak: boolean): Doc {
  if (members.length === 0) return '{}';
  const broken = forceBreak || members.some((m) => m.comments.length > 0);
  if (broken) return ['{', indent([hardline, join(hardline, members.map((m) => withComments(m, builders.label(LINE, [printMember(m), ';']))))]), hardline, '}'];
  return ['{ ', join('; ', members.map((m) => withComments(m, printMember(m)))), ' }'];
}

function printMember(m: Member): Doc {
  if (m.type === 'Index') return [LOOSE, printMemberText(m)];
  return group([m.readonly ? 'readonly ' : '', printKey(m.key), m.optional ? '?' : '', ': ', annotation(m.value)]);
}

/**
 * A type after `: `: a union that does not hug moves to the next line, indented, and breaks
 * before each `|` when it does not fit; other types flat.
 */
function annotation(t: TypeNode): Doc {
  return t.type === 'UnionType' && !hugs(t) ? group(indent([softline, unionDoc(t)])) : printType(t);
}

/**
 * A union prettier keeps on one line whatever its width: one named or object type, the other
 * members `null` or `void` (`Foo | null`).
 */
function hugs(t: TypeNode & { type: 'UnionType' }): boolean {
  const named = t.types.filter((m) => m.type === 'TypeName' || m.type === 'ObjectType');
  const empty = t.types.filter((m) => (m.type === 'TypeLiteralValue' && m.raw === 'null') || (m.type === 'TypeName' && m.name === 'void' && m.args === null));
  return named.length === 1 && named.length + empty.length === t.types.length && !(named[0]!.type === 'TypeName' && named[0]!.name === 'void');
}

/** A union type (prettier's `printUnionType`): `| ` before each member, one a line, when it does not fit. */
function unionDoc(t: TypeNode & { type: 'UnionType' }): Doc {
  const members = t.types.map((m) => builders.align(2, typeNeedsParens(m, 'union') ? [LOOSE, `(${typeText(m)})`] : printType(m)));
  return group([ifBreak('| '), join([line, '| '], members)]);
}

function printMemberText(m: Member): string {
  const ro = m.readonly ? 'readonly ' : '';
  if (m.type === 'Index') return `${ro}[${m.name}: ${typeText(m.keyType)}]: ${typeText(m.value)}`;
  return `${ro}${printKey(m.key)}${m.optional ? '?' : ''}: ${typeText(m.value)}`;
}

function printParams(params: readonly Param[]): Doc {
  if (params.length === 0) return '()';
  const printed = params.map((p) => [p.name, p.optional ? '?' : '', p.typeAnnotation ? [': ', printType(p.typeAnnotation)] : '']);
  return group(['(', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ')']);
}

// Types (flat).

function typeNeedsParens(t: TypeNode, parent: 'array' | 'union' | 'intersection' | 'operator' | 'indexed-object'): boolean {
  switch (t.type) {
    case 'UnionType':
      return parent !== 'union';
    case 'IntersectionType':
      return parent !== 'intersection';
    case 'TypeOperator':
      return parent === 'array' || parent === 'indexed-object';
    default:
      return false;
  }
}

function wrapType(t: TypeNode, parent: Parameters<typeof typeNeedsParens>[1]): string {
  const text = typeText(t);
  return typeNeedsParens(t, parent) ? `(${text})` : text;
}

/** A type, flat. */
export function typeText(t: TypeNode): string {
  switch (t.type) {
    case 'TypeName':
      return t.args ? `${t.name}<${t.args.map(typeText).join(', ')}>` : t.name;
    case 'TypeLiteralValue':
      return t.kind === 'string' ? printString(t.raw) : t.kind === 'number' ? printNumber(t.raw) : t.raw;
    case 'ArrayType':
      return `${wrapType(t.element, 'array')}[]`;
    case 'UnionType':
      return t.types.map((m) => wrapType(m, 'union')).join(' | ');
    case 'IntersectionType':
      return t.types.map((m) => wrapType(m, 'intersection')).join(' & ');
    case 'TypeOperator':
      return `${t.operator} ${typeof t.target === 'string' ? t.target : wrapType(t.target, 'operator')}`;
    case 'IndexedAccessType':
      return `${wrapType(t.object, 'indexed-object')}[${typeText(t.index)}]`;
    case 'ObjectType':
      if (t.broken && t.members.length > 0) throw new FlatOnly();
      return t.members.length === 0 ? '{}' : `{ ${t.members.map((m) => docText(withComments(m, printMemberText(m)))).join('; ')} }`;
    case 'Predicate':
      return `${t.asserts ? 'asserts ' : ''}${t.name}${t.target ? ` is ${typeText(t.target)}` : ''}`;
  }
}

/** A layout this printer does not mirror was needed: the caller formats the statement with prettier. */
export class FlatOnly extends QuietError {
  constructor() {
    super('layout not mirrored');
    this.name = 'FlatOnly';
  }
}

/** The text of a document that holds no line breaks (strings and arrays of them). */
function docText(doc: Doc): string {
  if (typeof doc === 'string') return doc;
  if (Array.isArray(doc)) return doc.map(docText).join('');
  throw new FlatOnly();
}

// Expressions.

function isBinaryish(e: Expr): e is Expr & { type: 'Binary' } {
  return e.type === 'Binary';
}

const EQUALITY = new Set(['==', '!=', '===', '!==']);
const MULTIPLICATIVE = new Set(['*', '/', '%']);
const SHIFT = new Set(['<<', '>>', '>>>']);
const BITWISE = new Set(['|', '^', '&', '<<', '>>', '>>>']);

/** True when `a op1 b op2 c` prints as one chain (prettier's `shouldFlatten`). */
function shouldFlatten(parentOp: string, nodeOp: string): boolean {
  if (PRECEDENCE[nodeOp] !== PRECEDENCE[parentOp]) return false;
  if (parentOp === '**') return false;
  if (EQUALITY.has(parentOp) && EQUALITY.has(nodeOp)) return false;
  if ((nodeOp === '%' && MULTIPLICATIVE.has(parentOp)) || (parentOp === '%' && MULTIPLICATIVE.has(nodeOp))) return false;
  if (nodeOp !== parentOp && MULTIPLICATIVE.has(nodeOp) && MULTIPLICATIVE.has(parentOp)) return false;
  if (SHIFT.has(parentOp) && SHIFT.has(nodeOp)) return false;
  return true;
}

type Position = 'left' | 'right' | 'operand' | 'object' | 'callee' | 'test' | 'branch' | 'arg' | 'top' | 'as' | 'arrow-body';

/** Parentheses prettier writes around `e` at `position` of `parent` (its `needsParens`, for this subset). */
function needsParens(e: Expr, parent: Expr | null, position: Position): boolean {
  if (parent === null) return false;
  switch (e.type) {
    case 'Binary': {
      if (position === 'operand' || position === 'object' || position === 'callee') return true;
      if (parent.type === 'As') return true;
      if (parent.type === 'Binary' && (position === 'left' || position === 'right')) {
        const po = parent.operator;
        const no = e.operator;
        const pp = PRECEDENCE[po]!;
        const np = PRECEDENCE[no]!;
        if (parent.operator === 'as') return true;
        if (pp > np) return true;
        if (position === 'right' && pp === np) return true;
        if (pp === np && !shouldFlatten(po, no)) return true;
        if (pp < np && no === '%') return po === '+' || po === '-';
        if (BITWISE.has(po)) return true;
        // Mixed `&&` / `||` / `??` are parenthesised for clarity.
        if (parent.logical && e.logical && po !== no) return true;
        return false;
      }
      return false;
    }
    case 'As':
      if (position === 'object' || position === 'callee' || position === 'operand' || position === 'test') return true;
      if (parent.type === 'Binary' && parent.operator !== 'as') return true;
      return false;
    case 'Conditional':
    case 'Arrow':
    case 'Assign':
      return position === 'left' || position === 'right' || position === 'operand' || position === 'object' || position === 'callee' || position === 'test' || (e.type !== 'Arrow' && position === 'as') || (e.type === 'Arrow' && parent.type === 'As');
    case 'Unary':
      return position === 'object' || position === 'callee' || (position === 'left' && parent.type === 'Binary' && ['**', 'in', 'instanceof'].includes(parent.operator));
    case 'Object':
      return position === 'arrow-body';
    case 'Call':
      return e.isNew && position === 'callee';
    default:
      return false;
  }
}

function subText(e: Expr, parent: Expr | null, position: Position): string {
  const text = flatText(e, parent, position);
  return needsParens(e, parent, position) ? `(${text})` : text;
}

/**
 * An expression printed flat (no line breaks).
 *
 * @throws {FlatOnly} for an object literal the source wrote over several lines (prettier keeps it so)
 */
export function flatText(e: Expr, _parent: Expr | null = null, _position: Position = 'top'): string {
  switch (e.type) {
    case 'Name':
      return e.name;
    case 'Literal':
      return e.kind === 'string' ? printString(e.raw) : e.kind === 'number' ? printNumber(e.raw) : e.raw;
    case 'Member':
      return `${subText(e.object, e, 'object')}${e.optional ? '?.' : '.'}${e.property}`;
    case 'Index':
      return `${subText(e.object, e, 'object')}${e.optional ? '?.' : ''}[${flatText(e.index, e, 'arg')}]`;
    case 'Call':
      return `${e.isNew ? 'new ' : ''}${subText(e.callee, e, 'callee')}${e.typeArgs ? `<${e.typeArgs.map(typeText).join(', ')}>` : ''}(${e.args.map((a) => flatText(a, e, 'arg')).join(', ')})`;
    case 'Unary': {
      const space = /^[a-z]/.test(e.operator) ? ' ' : '';
      return `${e.operator}${space}${subText(e.argument, e, 'operand')}`;
    }
    case 'Update':
      return e.prefix ? `${e.operator}${subText(e.argument, e, 'operand')}` : `${subText(e.argument, e, 'operand')}${e.operator}`;
    case 'Binary':
      return `${subText(e.left, e, 'left')} ${e.operator} ${subText(e.right, e, 'right')}`;
    case 'Assign':
      return `${subText(e.left, e, 'left')} ${e.operator} ${flatText(e.right, e, 'branch')}`;
    case 'Conditional':
      return `${subText(e.test, e, 'test')} ? ${subText(e.consequent, e, 'branch')} : ${subText(e.alternate, e, 'branch')}`;
    case 'As':
      return `${subText(e.expression, e, 'as')} as ${e.typeAnnotation === 'const' ? 'const' : typeText(e.typeAnnotation)}`;
    case 'Arrow':
      return `(${e.params.map((p) => `${p.name}${p.optional ? '?' : ''}${p.typeAnnotation ? `: ${typeText(p.typeAnnotation)}` : ''}`).join(', ')}) => ${subText(e.body, e, 'arrow-body')}`;
    case 'Object':
      if (e.properties.length === 0) return '{}';
      if (e.broken || e.properties.some((p) => p.comments.length > 0)) throw new FlatOnly();
      return `{ ${e.properties.map(printProperty).join(', ')} }`;
    case 'Array':
      return `[${e.elements.map((x) => flatText(x, e, 'arg')).join(', ')}]`;
    case 'Spread':
      return `...${flatText(e.argument, e, 'arg')}`;
  }
}

function printProperty(p: ObjectProperty): string {
  if (p.type === 'Spread') return `...${flatText(p.argument)}`;
  if (p.shorthand) return p.key.raw;
  return `${printKey(p.key)}: ${flatText(p.value)}`;
}

/** An object literal the source wrote on one line: so while it fits, else one property a line with a trailing comma. */
function objectDoc(e: Expr & { type: 'Object' }): Doc {
  const props = e.properties.map((p): Doc => (p.type === 'Spread' ? ['...', flat(p.argument)] : p.shorthand ? p.key.raw : [LOOSE, printProperty(p)]));
  return group(['{', indent([line, join([',', line], props)]), ifBreak(','), line, '}']);
}

/** An object literal the source wrote over several lines: one property a line, trailing comma (prettier keeps the break). */
export function brokenObject(e: Expr & { type: 'Object' }): Doc {
  // A long `key: value` breaks after the colon in prettier (its assignment layouts): marked, so prettier gets it.
  const props = e.properties.map((p) => withComments(p, builders.label(LINE, [p.type === 'Spread' ? ['...', flat(p.argument)] : p.shorthand ? p.key.raw : [LOOSE, printProperty(p)], ','])));
  return ['{', indent([hardline, join(hardline, props)]), hardline, '}'];
}

/**
 * What goes between `if (` and `)`: on a line of its own, indented, when it does
 * not fit; except `!(a && b)` and `!!(a && b)`, which break inside their own parentheses.
 */
function parenthesized(test: Expr): Doc {
  if (negatedLogical(test)) return printExpr(test, null, 'top');
  return group([indent([softline, printTest(test)]), softline]);
}

/**
 * True for a test `!(a && b)` or `!!(a && b)` (printed without the test's own group).
 *
 * @throws {FlatOnly} for other unary operators over a logical chain (not mirrored)
 */
function negatedLogical(test: Expr): boolean {
  if (test.type !== 'Unary') return false;
  const inner = test.argument.type === 'Unary' ? test.argument.argument : test.argument;
  if (inner.type !== 'Binary' || !inner.logical) return false;
  if (test.operator !== '!' || (test.argument.type === 'Unary' && test.argument.operator !== '!')) throw new FlatOnly();
  return true;
}

/** The test of an `if` or `switch`: a binary chain breaks before each operand, without its own indent (prettier's "inside parenthesis" case). */
function printTest(e: Expr): Doc {
  if (isBinaryish(e) && e.operator !== 'as') return binaryParts(e, true);
  return printExpr(e, null, 'top');
}

/** An expression with the breaking layouts mirrored here (calls, binary chains), else flat. */
function printExpr(e: Expr, parent: Expr | null, position: Position): Doc {
  const parens = needsParens(e, parent, position);
  let doc: Doc;
  if (isBinaryish(e) && e.operator !== 'as') {
    // Under a unary operator (or as an object or callee) the chain breaks inside its parentheses.
    if (parens && (position === 'operand' || position === 'object' || position === 'callee')) doc = ['(', group([indent([softline, ...binaryParts(e, false, parent)]), softline]), ')'];
    else doc = parens ? ['(', printBinary(e, 'other', parent), ')'] : printBinary(e, position === 'arg' ? 'arg' : 'other', parent);
  }
  else if (e.type === 'Call' && !parens) doc = printCall(e);
  else if (e.type === 'Unary' && !parens) doc = [e.operator, /^[a-z]/.test(e.operator) ? ' ' : '', printExpr(e.argument, e, 'operand')];
  else if (e.type === 'Object' && !parens && !e.broken && e.properties.length > 0 && e.properties.every((p) => p.comments.length === 0)) doc = objectDoc(e);
  else doc = sub(e, parent, position);
  return doc;
}

/**
 * The parts of a binary chain (prettier's `printBinaryishExpressions`): operands of the same
 * precedence flattened, a line after each operator, groups where prettier makes them.
 */
function binaryParts(e: Expr & { type: 'Binary' }, insideParens: boolean, parent: Expr | null = null): Doc[] {
  const parts: Doc[] = [];
  const left = e.left;
  if (isBinaryish(left) && left.operator !== 'as' && shouldFlatten(e.operator, left.operator) && !needsParens(left, e, 'left')) parts.push(...binaryParts(left, insideParens, e));
  else parts.push(group(printExpr(left, e, 'left')));
  const right: Doc[] = [e.operator, line, printExpr(e.right, e, 'right')];
  const sameType = (x: Expr | null): boolean => x !== null && x.type === 'Binary' && x.operator !== 'as' && x.logical === e.logical;
  const shouldGroup = !(insideParens && e.logical) && !sameType(parent) && !sameType(e.left) && !sameType(e.right);
  parts.push(' ', shouldGroup ? group(right) : right);
  return parts;
}

/** A binary chain outside parentheses: grouped, the rest indented (prettier's `printBinaryishExpression`). */
function printBinary(e: Expr & { type: 'Binary' }, context: 'return' | 'arg' | 'other', parent: Expr | null = null): Doc {
  const parts = binaryParts(e, false, parent);
  if (context === 'return') return group(parts);
  const firstGroup = parts.findIndex((p) => typeof p === 'object' && !Array.isArray(p) && p.type === 'group');
  const head = parts.slice(0, firstGroup === -1 ? 1 : firstGroup + 1);
  const rest = parts.slice(head.length);
  return group([...head, indent(rest)]);
}

/**
 * A call with prettier's argument layout: flat, or one argument a line with a trailing comma.
 * Calls prettier lays out by other rules (a last argument that could hug: object, array, arrow
 * function; member chains of more than one call) are printed flat.
 */
function printCall(e: Expr & { type: 'Call' }): Doc {
  const last = e.args.at(-1);
  const simpleCallee = isSimpleCallee(e.callee);
  if (!simpleCallee || (last && (last.type === 'Object' || last.type === 'Array' || last.type === 'Arrow' || last.type === 'As' || last.type === 'Conditional'))) return flat(e);
  if (e.args.some((a) => a.type === 'Call' && a.args.length > 0 && !isSimpleCallee(a.callee))) return flat(e);
  const head = callHead(e);
  if (e.args.length === 0) return `${head}()`;
  const printed = e.args.map((a) => printExpr(a, e, 'arg'));
  return [head, group(['(', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ')'])];
}

/**
 * A conditional expression (prettier's `printTernary` for one level): the test, then `? a` and
 * `: b` each on a line of their own, indented, when it does not fit.
 */
function printConditional(e: Expr & { type: 'Conditional' }): Doc {
  if ([e.consequent, e.alternate].some((x) => x.type === 'Conditional')) return flat(e);
  const test = e.test.type === 'Binary' ? printBinary(e.test, 'other') : sub(e.test, e, 'test');
  const branch = (x: Expr): Doc => builders.align(2, printExpr(x, e, 'branch'));
  return group([test, indent([line, '? ', branch(e.consequent), line, ': ', branch(e.alternate)])]);
}

/** `new X<T>` / `f`: the part of a call before its arguments. */
function callHead(e: Expr & { type: 'Call' }): Doc {
  const text = `${e.isNew ? 'new ' : ''}${flatText(e.callee)}${e.typeArgs ? `<${e.typeArgs.map(typeText).join(', ')}>` : ''}`;
  return e.typeArgs ? [LOOSE, text] : text;
}

/**
 * Marks text printed flat where prettier might break it (a call, a binary expression, a union
 * type, …). Prettier measures control characters as zero wide, so the mark changes no layout; a
 * line wider than the print width that holds one goes to prettier, a line without one is exactly
 * prettier's (what breaks there is mirrored). `./index.ts` removes the marks.
 */
export const LOOSE = '\u0001';

/** True when prettier prints the expression on one line whatever the width (names, literals, `a.b`, `!a`). */
function isAtomic(e: Expr): boolean {
  switch (e.type) {
    case 'Name':
    case 'Literal':
      return true;
    case 'Member':
      return isAtomic(e.object);
    case 'Unary':
    case 'Update':
      return isAtomic(e.argument);
    default:
      return false;
  }
}

function isAtomicType(t: TypeNode): boolean {
  return (t.type === 'TypeName' && t.args === null) || t.type === 'TypeLiteralValue' || (t.type === 'Predicate' && (t.target === null || isAtomicType(t.target)));
}

/** An expression printed flat, marked {@link LOOSE} unless it cannot break. */
export function flat(e: Expr, parent: Expr | null = null, position: Position = 'top'): Doc {
  const text = flatText(e, parent, position);
  return isAtomic(e) ? text : [LOOSE, text];
}

function sub(e: Expr, parent: Expr | null, position: Position): Doc {
  const text = subText(e, parent, position);
  return isAtomic(e) ? text : [LOOSE, text];
}

/** A type printed flat, marked {@link LOOSE} unless it cannot break. */
export function printType(t: TypeNode): Doc {
  const text = typeText(t);
  return isAtomicType(t) ? text : [LOOSE, text];
}

/** A name or a chain of property names (`rt.mismatch`, `Number.isFinite`). */
function isSimpleCallee(e: Expr): boolean {
  return e.type === 'Name' || (e.type === 'Member' && !e.optional && isSimpleCallee(e.object) && (e.object.type === 'Name' || e.object.type === 'Member'));
}

export { group, hardline };
