/**
 * The code builder (src/emit/builder.ts): names and literals are the only way in, choices are made
 * on the tree, and the printer parenthesizes by precedence.
 */
import { describe, expect, it } from 'vitest';
import {
  and,
  arrayType,
  arrow,
  as,
  binary,
  block,
  BREAK,
  call,
  cond,
  constStmt,
  eq,
  exprStmt,
  FALSE,
  forIn,
  forIndex,
  id,
  ifStmt,
  index,
  isConst,
  keywordType,
  letStmt,
  lit,
  member,
  name,
  ne,
  newExpr,
  not,
  object,
  or,
  printExpr,
  printStatements,
  printType,
  ret,
  Scope,
  statements,
  switchStmt,
  throwStmt,
  TRUE,
  typeOf,
  typeRef,
  uses,
} from '../src/emit/builder.js';

const x = name('x');
const v = name('v');
const f = name('f');

describe('names and literals', () => {
  it.each(['x', '$x', '_1', 'isTask$json', 'über', '数据'])('name(%j) is an identifier', (text) => {
    expect(name(text).text).toBe(text);
  });

  it.each(['', '1x', 'a b', 'a.b', 'a-b', 'x)', 'if', 'typeof', 'return', 'a;b', '"a"'])('name(%j) throws', (text) => {
    expect(() => name(text)).toThrow(/not an identifier/);
  });

  it('literals are JSON: any string is escaped', () => {
    expect(printExpr(lit('a"b\\c\n*/'))).toBe(JSON.stringify('a"b\\c\n*/'));
    expect(printExpr(lit(-1.5))).toBe('-1.5');
    expect(printExpr(lit(null))).toBe('null');
    expect(printExpr(lit(undefined))).toBe('undefined');
    expect(() => lit(Number.NaN)).toThrow();
    expect(() => lit(Infinity)).toThrow();
  });

  it('object keys that are no identifiers are quoted; a key equal to its value name is shorthand', () => {
    expect(printExpr(object([{ key: 'a b', value: lit(1) }, { key: 'x', value: id(x) }, { spread: id(v) }]))).toBe('{ "a b": 1, x, ...v }');
    expect(printExpr(object([]))).toBe('{}');
  });
});

describe('negation', () => {
  it('flips constants and typeof comparisons, drops double negation', () => {
    expect(not(TRUE)).toEqual(FALSE);
    expect(not(FALSE)).toEqual(TRUE);
    expect(printExpr(not(eq(typeOf(x), lit('string'))))).toBe('typeof x !== "string"');
    expect(printExpr(not(ne(typeOf(x), lit('string'))))).toBe('typeof x === "string"');
    const test = call(f, x);
    expect(not(not(test))).toBe(test);
  });

  it('writes ! before a call and !(…) around a wider expression', () => {
    expect(printExpr(not(call(member(name('rt'), 'hasOwn'), v, lit('k'))))).toBe('!rt.hasOwn(v, "k")');
    expect(printExpr(not(eq(x, lit(1))))).toBe('!(x === 1)');
    expect(printExpr(not(and(call(f, x), call(f, v))))).toBe('!(f(x) && f(v))');
    expect(printExpr(not(binary(x, 'instanceof', name('Date'))))).toBe('!(x instanceof Date)');
  });
});

describe('constant folding', () => {
  const a = call(f, x);
  const b = call(f, v);

  it('and / or drop neutral constants and stop at absorbing ones', () => {
    expect(and(TRUE, a, TRUE)).toBe(a);
    expect(and(a, FALSE, b)).toEqual(FALSE);
    expect(and()).toEqual(TRUE);
    expect(or(FALSE, a)).toBe(a);
    expect(or(a, TRUE, b)).toEqual(TRUE);
    expect(or()).toEqual(FALSE);
    expect(isConst(or(a, not(TRUE)), false)).toBe(false);
    expect(isConst(and(a, not(TRUE)), false)).toBe(true);
  });

  it('if keeps the branch a constant test runs', () => {
    const then = ret(TRUE);
    const otherwise = ret(FALSE);
    expect(ifStmt(TRUE, then, otherwise)).toBe(then);
    expect(ifStmt(FALSE, then, otherwise)).toBe(otherwise);
    expect(ifStmt(FALSE, then)).toBeNull();
    expect(ifStmt(a, then)).toEqual({ kind: 'if', test: a, then, else: null });
    expect(cond(TRUE, a, b)).toBe(a);
  });

  it('statement lists drop nulls and everything after a statement that never completes', () => {
    const list = statements(exprStmt(a), null, [ifStmt(TRUE, ret(x)), exprStmt(b)], ret(v));
    expect(printStatements(list)).toBe('f(x);\nreturn x;');
    const both = ifStmt(a, ret(x), throwStmt(newExpr(name('Error'), [])));
    expect(statements(both, exprStmt(b))).toEqual([both]);
    expect(statements(ifStmt(a, ret(x)), exprStmt(b))).toHaveLength(2);
  });
});

describe('printing', () => {
  it('parenthesizes by precedence, and && inside || as prettier does', () => {
    const a = call(f, x);
    expect(printExpr(or(eq(x, lit(null)), and(eq(typeOf(x), lit('string')), a)))).toBe('x === null || (typeof x === "string" && f(x))');
    expect(printExpr(and(or(a, a), a))).toBe('(f(x) || f(x)) && f(x)');
    // A nested disjunction keeps the side it was written on.
    expect(printExpr(or(or(a, a), a))).toBe('f(x) || f(x) || f(x)');
    expect(printExpr(or(a, or(a, a)))).toBe('f(x) || (f(x) || f(x))');
    expect(printExpr(binary(binary(name('path'), '+', lit('/')), '+', name('i')))).toBe('path + "/" + i');
    expect(printExpr(binary(name('path'), '+', binary(lit('/'), '+', name('i'))))).toBe('path + ("/" + i)');
    expect(printExpr(index(as(x, typeRef(name('Record'), [keywordType('string'), keywordType('unknown')])), lit('k')))).toBe(
      '(x as Record<string, unknown>)["k"]',
    );
    expect(printExpr(as(as(x, keywordType('unknown')), typeRef(name('Task'))))).toBe('x as unknown as Task');
    expect(printExpr(call(member(as(x, arrayType(keywordType('unknown'))), 'map'), arrow([v], object([{ key: 'v', value: id(v) }]))))).toBe(
      '(x as unknown[]).map((v) => ({ v }))',
    );
    expect(printExpr(cond(eq(x, lit(0)), lit('a'), lit('b')))).toBe('x === 0 ? "a" : "b"');
    expect(printExpr(newExpr(name('Set'), [keywordType('unknown')], lit(1)))).toBe('new Set<unknown>(1)');
  });

  it('types', () => {
    expect(printType(arrayType(typeRef([name('rt'), name('ValidationError')])))).toBe('rt.ValidationError[]');
    expect(printType(typeRef(name('Record'), [keywordType('string'), keywordType('unknown')]))).toBe('Record<string, unknown>');
  });

  it('statements: braces only where a block is given', () => {
    const i = name('i');
    const key = name('key');
    const text = printStatements([
      letStmt(x, keywordType('unknown')),
      forIndex(i, member(v, 'length'), block(constStmt(x, index(v, id(i))), ifStmt(not(call(f, x)), ret(FALSE)))),
      forIn(key, v, switchStmt(id(key), [{ tests: [lit('a'), lit('b')], body: [exprStmt(call(f, key)), BREAK] }], ret())),
    ]);
    expect(text).toBe(
      [
        'let x: unknown;',
        'for (let i = 0; i < v.length; i++) {\nconst x = v[i];\nif (!f(x)) return false;\n}',
        'for (const key in v) switch (key) {\ncase "a": case "b": f(key);\nbreak;\ndefault: return;\n}',
      ].join('\n'),
    );
  });
});

describe('names in use', () => {
  it('uses finds a name in references, declarations and nested statements, not in literals', () => {
    const plain = name('plain');
    const s = ifStmt(and(not(id(plain)), call(f, x)), block(ret(FALSE)))!;
    expect(uses(plain, s)).toBe(true);
    expect(uses(v, s)).toBe(false);
    expect(uses(name('plain'), exprStmt(call(f, lit('plain'))))).toBe(false);
    expect(uses(x, forIn(name('key'), v, exprStmt(index(v, id(name('key'))))))).toBe(false);
    expect(uses(x, constStmt(x, lit(1)))).toBe(true);
  });

  it('Scope hands out each name once', () => {
    const scope = new Scope(['value']);
    expect(scope.take('value').text).toBe('value2');
    expect(scope.take('x').text).toBe('x');
    expect(scope.take('x').text).toBe('x2');
    expect(scope.numbered('isTask').text).toBe('isTask$1');
    expect(scope.numbered('checkTask').text).toBe('checkTask$2');
  });
});
