/**
 * One model → the structures of its output file (`./code.ts`): the interface, enum or type alias, and
 * its `isX`, `validateX`, `assertX` and (internal) `checkX` functions; with `dates: "Date"` also
 * `parseX` and the internal JSON-form functions (`isX$json`, `checkX$json`, `toX$json`).
 *
 * @module
 */

import {
  CONST,
  Kind,
  sourceFile,
  type EnumDeclaration,
  type FunctionDeclaration,
  type ImportDeclaration,
  type InterfaceDeclaration,
  type JSDoc,
  type PropertySignature,
  type SourceFile,
  type Statement,
  type TypeAliasDeclaration,
  type VariableStatement,
} from './code.js';
import type { EnumModel, Field, Model, ObjectModel, TypeRef, UnionModel } from '../core/ir.js';
import { propertyKey } from '../model/naming.js';
import { jsDoc, modelDocs } from './jsdoc.js';
import { tsType } from './types.js';
import {
  and,
  array,
  as,
  assign,
  binary,
  block,
  call,
  cond,
  constStmt,
  CONTINUE,
  eq,
  exprStmt,
  FALSE,
  forIn,
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
  ret,
  statements,
  switchStmt,
  throwStmt,
  TRUE,
  typeOf,
  typeRef,
  uses,
  type Expr,
  type Name,
  type Stmt,
  type Stmts,
} from './builder.js';
import {
  CHECK_PARAMETERS,
  DEFAULT_VALIDATOR_OPTIONS,
  enumExpected,
  ERROR_LIST,
  ERRORS,
  escapePointer,
  helperFunction,
  isObjectExpr,
  KEY,
  mismatch,
  openEnumExtras,
  openEnumType,
  PATH,
  RECORD,
  rt,
  UNKNOWN,
  V,
  ValidatorWriter,
  VALUE,
  X,
  type Form,
  type ValidatorOptions,
} from './validators.js';

/** `plain`: the local that says whether the object's prototype is Object.prototype. */
const PLAIN = name('plain');
const BOOLEAN = keywordType('boolean');
const VOID = keywordType('void');

/** Enums with more values than this are checked with a `Set` lookup instead of `===` chains. */
const SET_THRESHOLD = 8;

/** Options of the TypeScript target beyond what validators accept. */
export interface ModelFileOptions extends ValidatorOptions {
  /** How enums are written: `enum`, `const` (an object `as const` and a union type), or `union`. */
  enumStyle: 'enum' | 'const' | 'union';
}

/** The defaults: the output docs2ts wrote before the options existed. */
export const DEFAULT_MODEL_FILE_OPTIONS: ModelFileOptions = { ...DEFAULT_VALIDATOR_OPTIONS, enumStyle: 'enum' };

/**
 * Build the structure of a model's file.
 *
 * @param model the model
 * @param models every model of the IR by id (to name referenced models)
 * @param fileOf the output file name (`task-status.ts`) of a model id
 * @param runtimeImport module specifier of the runtime file (`./_runtime.js`)
 * @param options validator and enum options
 * @param withDates ids of the models holding dates (see `modelsWithDates`), computed once per IR
 * @returns the source file structure (statements as structures; function bodies as text printed from the code builder's tree)
 */
export function modelFile(
  model: Model,
  models: ReadonlyMap<string, Model>,
  fileOf: (id: string) => string,
  runtimeImport: string,
  options: ModelFileOptions = DEFAULT_MODEL_FILE_OPTIONS,
  withDates?: ReadonlySet<string>,
): SourceFile {
  const writer = new ValidatorWriter(models, model.tsName, options, withDates);
  const declarations: Statement[] =
    model.kind === 'object'
      ? objectDeclarations(model, writer)
      : model.kind === 'enum'
        ? enumDeclarations(model, options.enumStyle)
        : unionDeclarations(model, writer);
  declarations.push(...commonFunctions(model, writer));
  declarations.push(...writer.helpers);

  const imports: ImportDeclaration[] = [{ kind: Kind.ImportDeclaration, moduleSpecifier: runtimeImport, namespaceImport: 'rt' }];
  for (const id of [...writer.imports.keys()].sort()) {
    if (id === model.id) continue;
    const target = models.get(id)!;
    const names = [...writer.imports.get(id)!].sort();
    imports.push({
      kind: Kind.ImportDeclaration,
      moduleSpecifier: `./${fileOf(id).replace(/\.ts$/, '.js')}`,
      namedImports: names.map((name) => ({ name, isTypeOnly: name === target.tsName })),
    });
  }
  return sourceFile([...imports, ...declarations]);
}

/** One property of an object model's TypeScript type. */
export interface PropertyShape {
  /** The key as written in TypeScript (quoted when not an identifier). */
  name: string;
  type: string;
  optional: boolean;
  docs: JSDoc[];
}

/**
 * The TypeScript shape of an object model: its properties and its index signature's value type
 * (for an `additionalProperties` type, or `unknown` for an empty table: any object), or null.
 *
 * @param nameOf the TypeScript name of a model id (records the use, for imports)
 */
export function objectShape(
  model: ObjectModel,
  nameOf: (id: string) => string,
  options: ValidatorOptions,
): { properties: PropertyShape[]; index: string | null } {
  const properties = model.fields.map((field): PropertyShape => {
    const type = tsType(field.type, nameOf, options.dates);
    const tags: [string, string?][] = [];
    if (field.example !== null) tags.push(['example', field.example]);
    if (field.deprecated) tags.push(['deprecated']);
    return {
      name: propertyKey(field.name),
      type: acceptsNull(field, options) && !admitsNull(field) ? `${type} | null` : type,
      optional: !field.required,
      docs: jsDoc(field.description, tags),
    };
  });
  let index: string | null = null;
  if (model.additionalProperties) {
    // An index signature must admit every declared property's type too (TS2411).
    const types = new Set([tsType(model.additionalProperties, nameOf, options.dates)]);
    for (const p of properties) types.add(`${p.type}${p.optional ? ' | undefined' : ''}`);
    index = [...types].join(' | ');
  } else if (model.fields.length === 0) {
    // An empty table is a free-form object: `{}` would admit strings and numbers too.
    index = 'unknown';
  }
  return { properties, index };
}

/** True when a field's value may be `null`: a nullable field, or an optional one with `nullableOptionals`. */
export function acceptsNull(field: Field, options: ValidatorOptions): boolean {
  return field.nullable || (!field.required && options.nullableOptionals);
}

/** True when no value of the type is `undefined` (its guard refuses it): all but `unknown` and unions with it. */
function refusesUndefined(type: TypeRef, models: ReadonlyMap<string, Model>, seen: ReadonlySet<string> = new Set()): boolean {
  switch (type.kind) {
    case 'primitive':
      return type.type !== 'unknown';
    case 'union':
      return type.members.every((m) => refusesUndefined(m, models, seen));
    case 'ref': {
      const model = models.get(type.model);
      if (model?.kind !== 'union') return true;
      return seen.has(model.id) || model.members.every((m) => refusesUndefined(m, models, new Set([...seen, model.id])));
    }
    default:
      return true;
  }
}

function admitsNull(field: Field): boolean {
  return field.type.kind === 'union' && field.type.members.some((m) => m.kind === 'literal' && m.value === null);
}

function objectDeclarations(model: ObjectModel, writer: ValidatorWriter): Statement[] {
  const shape = objectShape(model, (id) => writer.use(id, '').text, writer.options);
  const iface: InterfaceDeclaration = {
    kind: Kind.Interface,
    name: model.tsName,
    isExported: true,
    docs: modelDocs(model),
    properties: shape.properties.map((p): PropertySignature => ({ name: p.name, hasQuestionToken: p.optional, type: p.type, docs: p.docs })),
  };
  if (shape.index !== null) iface.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType: shape.index }];
  const out: Statement[] = [iface, ...objectFunctions(model, writer, 'memory')];
  if (writer.withDates.has(model.id)) out.push(...objectFunctions(model, writer, 'json'), converter(model, writer, objectConverterBody(model, writer)));
  return out;
}

/** The guard and check functions of an object model for one form. */
function objectFunctions(model: ObjectModel, writer: ValidatorWriter, form: Form): FunctionDeclaration[] {
  const { guard, check } = objectBodies(model, writer, form);
  return chunked(model, guard, check, writer, form);
}

/**
 * The statements of an object's guard and check, one entry per field (then one for other keys).
 * A guard reads each property once and asks whether it is own only when it must: for an optional
 * property only when its value fails; for a required one once its value passed (inherited values
 * never count), and then, for an object whose prototype is Object.prototype, a key that prototype
 * lacks is own when defined, so hasOwnProperty (a lookup V8 does not inline) is left for the rest.
 */
function objectBodies(model: ObjectModel, writer: ValidatorWriter, form: Form): { guard: Stmt[][]; check: Stmt[][] } {
  const options = writer.options;
  const guard: Stmt[][] = [];
  const check: Stmt[][] = [];
  const hasOwn = (key: Expr): Expr => call(rt('hasOwn'), V, key);
  for (const field of model.fields) {
    const key = lit(field.name);
    const fieldPath = binary(PATH, '+', lit(`/${escapePointer(field.name)}`));
    const ok = writer.guard(field.type, X, form);
    const anything = isConst(ok, true);
    const orNull = acceptsNull(field, options) && !anything;
    const expected = writer.expected(field.type, form) + (acceptsNull(field, options) && !admitsNull(field) ? ' | null' : '');
    const read = exprStmt(assign(id(X), index(V, key)));
    const undef = eq(X, lit(undefined));
    if (field.required) {
      // `undefined` is never a value of a required property (JSON has none; TS forbids it).
      const bad = orNull ? and(ne(X, lit(null)), not(ok)) : not(ok);
      // A defined value is own when the prototype is Object.prototype and that does not have the key:
      // hasOwn (a lookup, not inlined) only for other objects and keys Object.prototype has.
      const notOwn = field.name in Object.prototype ? not(hasOwn(key)) : and(or(not(id(PLAIN)), binary(key, 'in', rt('objectPrototype'))), not(hasOwn(key)));
      // Most guards refuse `undefined` already; `unknown` and nullable ones need the test.
      const testUndefined = anything || orNull || !refusesUndefined(field.type, writer.models);
      guard.push(statements(read, ifStmt(or(testUndefined ? undef : FALSE, bad, notOwn), ret(FALSE))));
      const report = ifStmt(
        not(hasOwn(key)),
        exprStmt(call(rt('missing'), ERRORS, fieldPath, lit(expected))),
        ifStmt(undef, mismatch(fieldPath, expected, X), anything ? null : block(writer.report(field.type, X, fieldPath, form))),
      );
      check.push(statements(read, ifStmt(or(undef, bad, notOwn), block(report))));
    } else if (!anything) {
      // An optional property may be absent, or present as `undefined` (as TypeScript's `?` allows).
      const cond = and(ne(X, lit(undefined)), orNull ? ne(X, lit(null)) : TRUE, not(ok), hasOwn(key));
      guard.push(statements(read, ifStmt(cond, ret(FALSE))));
      check.push(statements(read, ifStmt(cond, block(writer.report(field.type, X, fieldPath, form)))));
    }
  }
  const extra = model.additionalProperties;
  const skip = model.fields.length === 0 ? null : switchStmt(id(KEY), [{ tests: model.fields.map((f) => lit(f.name)), body: CONTINUE }]);
  const keyPath = binary(binary(PATH, '+', lit('/')), '+', call(rt('pointer'), KEY));
  const readKey = exprStmt(assign(id(X), index(V, id(KEY))));
  if (extra) {
    // Keys the table does not list must match the additionalProperties type.
    const bad = and(not(writer.guard(extra, X, form)), hasOwn(id(KEY)));
    if (!isConst(bad, false)) {
      guard.push([forIn(KEY, V, block(skip, readKey, ifStmt(bad, ret(FALSE))))]);
      check.push([forIn(KEY, V, block(skip, readKey, ifStmt(bad, block(writer.report(extra, X, keyPath, form)))))]);
    }
  } else if (options.additionalProperties === 'reject' && model.fields.length > 0) {
    // Strict mode: every own key the table does not list is an error at its own pointer.
    guard.push([forIn(KEY, V, block(skip, ifStmt(hasOwn(id(KEY)), ret(FALSE))))]);
    check.push([forIn(KEY, V, block(skip, ifStmt(hasOwn(id(KEY)), exprStmt(call(rt('unknownKey'), ERRORS, keyPath, lit(model.tsName), index(V, id(KEY)))))))]);
  }
  return { guard, check };
}

/** Field entries per function: TypeScript gives up control-flow analysis of very large bodies (TS2563). */
const CHUNK = 75;

/** The declarations a body of field entries needs: `v` (the object), then `plain` and `x` where used. */
function prologue(entries: readonly Stmt[][], withV = true): Stmt[] {
  if (entries.length === 0) return [];
  const body = entries.flat();
  return statements(
    withV ? constStmt(V, as(VALUE, RECORD)) : null,
    uses(PLAIN, ...body) ? constStmt(PLAIN, call(rt('isPlain'), V)) : null,
    uses(X, ...body) ? letStmt(X, UNKNOWN) : null,
  );
}

/** `if (!(typeof value === "object" && …)) …`: the head of an object's guard or check. */
function objectHead(model: ObjectModel, check: boolean): Stmts {
  return ifStmt(not(isObjectExpr(VALUE)), check ? block(mismatch(id(PATH), model.tsName, VALUE), ret()) : ret(FALSE));
}

/**
 * The guard and check functions of an object; beyond {@link CHUNK} entries their bodies are
 * split into hoisted part functions (`isX$part1`, …) called in order.
 */
function chunked(model: ObjectModel, guard: Stmt[][], check: Stmt[][], writer: ValidatorWriter, form: Form): FunctionDeclaration[] {
  const suffix = form === 'json' ? '$json' : '';
  if (guard.length <= CHUNK) {
    return [
      guardFunction(model, statements(objectHead(model, false), prologue(guard), guard, ret(TRUE)), suffix),
      checkFunction(model, statements(objectHead(model, true), prologue(check), check), suffix),
    ];
  }
  const record = [V, RECORD] as const;
  const guardCalls: Stmts[] = [objectHead(model, false), constStmt(V, as(VALUE, RECORD))];
  const checkCalls: Stmts[] = [objectHead(model, true), constStmt(V, as(VALUE, RECORD))];
  for (let i = 0; i < guard.length; i += CHUNK) {
    const part = writer.scope.take(`is${model.tsName}${suffix}$part${i / CHUNK + 1}`);
    const entries = guard.slice(i, i + CHUNK);
    writer.helpers.push(helperFunction(part, [record], BOOLEAN, statements(prologue(entries, false), entries, ret(TRUE))));
    guardCalls.push(ifStmt(not(call(part, V)), ret(FALSE)));
  }
  for (let i = 0; i < check.length; i += CHUNK) {
    const part = writer.scope.take(`check${model.tsName}${suffix}$part${i / CHUNK + 1}`);
    const entries = check.slice(i, i + CHUNK);
    writer.helpers.push(helperFunction(part, [record, CHECK_PARAMETERS[1], CHECK_PARAMETERS[2]], VOID, statements(prologue(entries, false), entries)));
    checkCalls.push(exprStmt(call(part, V, PATH, ERRORS)));
  }
  guardCalls.push(ret(TRUE));
  return [guardFunction(model, statements(guardCalls), suffix), checkFunction(model, statements(checkCalls), suffix)];
}

/** The body of `toX$json` for an object: a shallow copy with the date-holding properties converted. */
function objectConverterBody(model: ObjectModel, writer: ValidatorWriter): Stmt[] {
  const out = name('out');
  const fields: Stmts[] = [];
  for (const field of model.fields) {
    if (!writer.hasDates(field.type)) continue;
    const key = lit(field.name);
    const value = writer.convert(field.type, id(X));
    const set = field.name === '__proto__' ? call(rt('define'), out, key, value) : assign(index(out, key), value);
    fields.push(exprStmt(assign(id(X), index(V, key))), ifStmt(and(ne(X, lit(undefined)), ne(X, lit(null)), call(rt('hasOwn'), V, key)), exprStmt(set)));
  }
  const extra = model.additionalProperties;
  const rest =
    extra && writer.hasDates(extra)
      ? forIn(
          KEY,
          V,
          block(
            model.fields.length === 0 ? null : switchStmt(id(KEY), [{ tests: model.fields.map((f) => lit(f.name)), body: CONTINUE }]),
            ifStmt(call(rt('hasOwn'), V, KEY), exprStmt(call(rt('define'), out, KEY, writer.convert(extra, index(V, id(KEY)))))),
          ),
        )
      : null;
  return statements(
    constStmt(V, as(VALUE, RECORD)),
    constStmt(out, object([{ spread: id(V) }]), RECORD),
    fields.length > 0 ? letStmt(X, UNKNOWN) : null,
    fields,
    rest,
    ret(as(as(out, UNKNOWN), typeRef(name(model.tsName)))),
  );
}

function converter(model: Model, writer: ValidatorWriter, body: Stmt[]): FunctionDeclaration {
  return {
    kind: Kind.Function,
    name: `to${model.tsName}$json`,
    isExported: true,
    docs: [
      {
        description: `Convert a valid JSON form of {@link ${model.tsName}} (dates as RFC 3339 strings) to its in-memory form (dates as \`Date\`); the input is not changed.`,
        tags: [{ tagName: 'internal' }],
      },
    ],
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: model.tsName,
    statements: printStatements(body),
  };
}

function enumDeclarations(model: EnumModel, style: ModelFileOptions['enumStyle']): Statement[] {
  const literals = model.values.map((v) => JSON.stringify(v.value));
  const memberDocs = (v: EnumModel['values'][number]): JSDoc[] => (v.name !== v.memberName ? jsDoc(`Documented as \`${v.name}\`.`) : []);
  // Boolean and mixed enums cannot be TypeScript enums: a union of literals instead. Nor can open
  // ones (other values are valid too): their known values stay in the type beside
  // `(string & {})` / `(number & {})`, which keeps editors suggesting them; with the enum and const
  // styles the known values are also a const object, as the const style writes them.
  const alias = (type: string): TypeAliasDeclaration => ({ kind: Kind.TypeAlias, name: model.tsName, isExported: true, docs: modelDocs(model), type });
  const open = openEnumType(model);
  const other = open ? [`(${open} & {})`] : [];
  const out: Statement[] = [];
  if (model.valueType === 'boolean' || model.valueType === 'mixed' || model.values.length === 0 || style === 'union')
    out.push(alias([...literals, ...other].join(' | ') || 'never'));
  else if (style === 'const' || open) {
    const members = model.values.map((v) => `${docComment(memberDocs(v))}${v.memberName}: ${JSON.stringify(v.value)},`).join('\n');
    out.push({
      kind: Kind.VariableStatement,
      declarationKind: CONST,
      isExported: true,
      docs: modelDocs(model),
      declarations: [{ name: model.tsName, initializer: `{\n${members}\n} as const` }],
    } satisfies VariableStatement);
    out.push(alias([`(typeof ${model.tsName})[keyof typeof ${model.tsName}]`, ...other].join(' | ')));
  } else {
    out.push({
      kind: Kind.Enum,
      name: model.tsName,
      isExported: true,
      docs: modelDocs(model),
      members: model.values.map((v) => ({ name: v.memberName, initializer: JSON.stringify(v.value), docs: memberDocs(v) })),
    } satisfies EnumDeclaration);
  }
  let test: Expr;
  if (open)
    test = or(
      open === 'number' ? call(member(name('Number'), 'isFinite'), VALUE) : eq(typeOf(VALUE), lit('string')),
      ...openEnumExtras(model).map((v) => eq(VALUE, lit(v))),
    );
  else if (literals.length > SET_THRESHOLD) {
    const setName = name(`${model.tsName}$values`);
    out.push({
      kind: Kind.VariableStatement,
      declarationKind: CONST,
      declarations: [{ name: setName.text, initializer: printExpr(newExpr(name('Set'), [UNKNOWN], array(model.values.map((v) => lit(v.value))))) }],
    } satisfies VariableStatement);
    test = call(member(setName, 'has'), VALUE);
  } else test = or(FALSE, ...model.values.map((v) => eq(VALUE, lit(v.value))));
  out.push(guardFunction(model, [ret(test)]));
  out.push(checkFunction(model, statements(ifStmt(not(call(name(`is${model.tsName}`), VALUE)), mismatch(id(PATH), enumExpected(model), VALUE)))));
  return out;
}

/** A JSDoc structure as comment text (for members written inside an initializer). */
function docComment(docs: JSDoc[]): string {
  const text = docs.map((d) => (typeof d === 'string' ? d : String(d.description ?? ''))).join('\n');
  return text === '' ? '' : `/** ${text.replace(/\n/g, '\n * ')} */\n`;
}

function unionDeclarations(model: UnionModel, writer: ValidatorWriter): Statement[] {
  const alias: TypeAliasDeclaration = {
    kind: Kind.TypeAlias,
    name: model.tsName,
    isExported: true,
    docs: modelDocs(model),
    type: tsType({ kind: 'union', members: model.members }, (id) => writer.use(id, '').text, writer.options.dates),
  };
  const out: Statement[] = [alias, ...unionFunctions(model, writer, 'memory')];
  if (writer.withDates.has(model.id)) {
    out.push(...unionFunctions(model, writer, 'json'));
    out.push(converter(model, writer, [ret(as(writer.convert({ kind: 'union', members: model.members }, id(VALUE)), typeRef(name(model.tsName))))]));
  }
  return out;
}

function unionFunctions(model: UnionModel, writer: ValidatorWriter, form: Form): FunctionDeclaration[] {
  const suffix = form === 'json' ? '$json' : '';
  const report = writer.unionReport(model.members, VALUE, id(PATH), model.tsName, form);
  return [
    guardFunction(model, writer.unionGuardBody(model.members, form), suffix),
    checkFunction(model, statements(ifStmt(call(name(`is${model.tsName}${suffix}`), VALUE), ret()), report), suffix),
  ];
}

function guardFunction(model: Model, body: Stmt[], suffix = ''): FunctionDeclaration {
  const json = suffix !== '';
  return {
    kind: Kind.Function,
    name: `is${model.tsName}${suffix}`,
    isExported: true,
    docs: json
      ? [
          {
            description: `True when \`value\` is the JSON form of a valid {@link ${model.tsName}} (dates as RFC 3339 strings). Allocates nothing.`,
            tags: [{ tagName: 'internal' }],
          },
        ]
      : [
          {
            description: `True when \`value\` is a valid {@link ${model.tsName}}. Allocates nothing; use {@link validate${model.tsName}} to learn why a value is not.`,
          },
        ],
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: json ? 'boolean' : `value is ${model.tsName}`,
    statements: printStatements(body),
  };
}

function checkFunction(model: Model, body: Stmt[], suffix = ''): FunctionDeclaration {
  return {
    kind: Kind.Function,
    name: `check${model.tsName}${suffix}`,
    isExported: true,
    docs: [
      {
        description: `Push every error of \`value\`${suffix === '' ? '' : ' (the JSON form)'} (at JSON Pointer \`path\`) onto \`errors\`.`,
        tags: [{ tagName: 'internal' }],
      },
    ],
    parameters: [
      { name: 'value', type: 'unknown' },
      { name: 'path', type: 'string' },
      { name: 'errors', type: 'rt.ValidationError[]' },
    ],
    returnType: 'void',
    statements: printStatements(body),
  };
}

/** `const errors: rt.ValidationError[] = []; checkX(input, "", errors);`: how `validateX`, `assertX` and `parseX` collect errors. */
function collect(check: Name, input: Name): Stmt[] {
  return [constStmt(ERRORS, array([]), ERROR_LIST), exprStmt(call(check, input, lit(''), ERRORS))];
}

const JSON_ = name('json');

/** `errors.length > 0`. */
const HAS_ERRORS = binary(member(ERRORS, 'length'), '>', lit(0));

function commonFunctions(model: Model, writer: ValidatorWriter): FunctionDeclaration[] {
  const tsName = model.tsName;
  const fn = (prefix: string, suffix = ''): Name => name(`${prefix}${tsName}${suffix}`);
  const check = fn('check');
  const type = typeRef(fn(''));
  const functions: FunctionDeclaration[] = [
    {
      kind: Kind.Function,
      name: `validate${tsName}`,
      isExported: true,
      docs: [{ description: `Validate \`value\` as a {@link ${tsName}}, collecting every error (each with a JSON Pointer \`path\`).` }],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `rt.ValidationResult<${tsName}>`,
      // One pass: checkX asks each property's guard first, so a valid value costs about what isX costs.
      statements: printStatements([
        ...collect(check, VALUE),
        ret(
          cond(
            eq(member(ERRORS, 'length'), lit(0)),
            object([
              { key: 'success', value: TRUE },
              { key: 'value', value: as(VALUE, type) },
            ]),
            object([
              { key: 'success', value: FALSE },
              { key: 'errors', value: id(ERRORS) },
            ]),
          ),
        ),
      ]),
    },
    {
      kind: Kind.Function,
      name: `assert${tsName}`,
      isExported: true,
      docs: [{ description: `Throw a {@link rt.ValidationFailedError} carrying every error unless \`value\` is a valid {@link ${tsName}}.` }],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `asserts value is ${tsName}`,
      statements: printStatements(
        statements(
          ifStmt(call(fn('is'), VALUE), ret()),
          collect(check, VALUE),
          ifStmt(HAS_ERRORS, throwStmt(newExpr(rt('ValidationFailedError'), [], lit(tsName), ERRORS))),
        ),
      ),
    },
  ];
  if (writer.options.dates === 'Date') {
    const withDates = writer.withDates.has(model.id);
    functions.push({
      kind: Kind.Function,
      name: `parse${tsName}`,
      isExported: true,
      docs: [
        {
          description: withDates
            ? `Validate \`json\` (parsed JSON: dates as RFC 3339 strings) as a {@link ${tsName}}, collecting every error, and convert it: dates become \`Date\` objects in a copy; \`json\` is not changed.`
            : `Validate \`json\` (parsed JSON) as a {@link ${tsName}}, collecting every error; the value holds no dates, so it is returned as it is.`,
        },
      ],
      parameters: [{ name: 'json', type: 'unknown' }],
      returnType: `rt.ValidationResult<${tsName}>`,
      statements: printStatements(
        withDates
          ? statements(
              ifStmt(
                not(call(fn('is', '$json'), JSON_)),
                block(
                  collect(fn('check', '$json'), JSON_),
                  ifStmt(
                    HAS_ERRORS,
                    ret(
                      object([
                        { key: 'success', value: FALSE },
                        { key: 'errors', value: id(ERRORS) },
                      ]),
                    ),
                  ),
                ),
              ),
              ret(
                object([
                  { key: 'success', value: TRUE },
                  { key: 'value', value: call(fn('to', '$json'), JSON_) },
                ]),
              ),
            )
          : [ret(call(fn('validate'), JSON_))],
      ),
    });
  }
  return functions;
}
