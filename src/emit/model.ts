/**
 * One model → the structures of its output file (`./code.ts`): the interface, enum or type alias, and
 * its `isX`, `validateX`, `assertX` and (internal) `checkX` functions; with `dates: "Date"` also
 * `parseX` and the internal JSON-form functions (`isX$json`, `checkX$json`, `toX$json`).
 *
 * @module
 */

import type {
  EnumDeclaration,
  FunctionDeclaration,
  ImportDeclaration,
  InterfaceDeclaration,
  JSDoc,
  PropertySignature,
  SourceFile,
  Statement,
  TypeAliasDeclaration,
  VariableStatement,
} from './code.js';
import type { EnumModel, Field, Model, ObjectModel, TypeRef, UnionModel } from '../core/ir.js';
import { propertyKey } from '../model/naming.js';
import { jsDoc, modelDocs } from './jsdoc.js';
import { tsType } from './types.js';
import { DEFAULT_VALIDATOR_OPTIONS, enumExpected, escapePointer, isObjectExpr, not, openEnumExtras, openEnumType, ValidatorWriter, type Form, type ValidatorOptions } from './validators.js';

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
 * @returns the source file structure (statements as structures; function bodies as text)
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
    model.kind === 'object' ? objectDeclarations(model, writer) : model.kind === 'enum' ? enumDeclarations(model, options.enumStyle) : unionDeclarations(model, writer);
  declarations.push(...commonFunctions(model, writer));
  for (const helper of writer.helpers) declarations.push(helper.source);

  const imports: ImportDeclaration[] = [{ kind: 'import', moduleSpecifier: runtimeImport, namespaceImport: 'rt' }];
  for (const id of [...writer.imports.keys()].sort()) {
    if (id === model.id) continue;
    const target = models.get(id)!;
    const names = [...writer.imports.get(id)!].sort();
    imports.push({
      kind: 'import',
      moduleSpecifier: `./${fileOf(id).replace(/\.ts$/, '.js')}`,
      namedImports: names.map((name) => ({ name, isTypeOnly: name === target.tsName })),
    });
  }
  return { statements: [...imports, ...declarations] };
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
export function objectShape(model: ObjectModel, nameOf: (id: string) => string, options: ValidatorOptions): { properties: PropertyShape[]; index: string | null } {
  const properties = model.fields.map((field): PropertyShape => {
    const type = tsType(field.type, nameOf, options.dates);
    const tags: [string, string?][] = [];
    if (field.example !== null) tags.push(['example', field.example]);
    if (field.deprecated) tags.push(['deprecated']);
    return { name: propertyKey(field.name), type: acceptsNull(field, options) && !admitsNull(field) ? `${type} | null` : type, optional: !field.required, docs: jsDoc(field.description, tags) };
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
  const shape = objectShape(model, (id) => writer.use(id, ''), writer.options);
  const iface: InterfaceDeclaration = {
    kind: 'interface',
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
function objectBodies(model: ObjectModel, writer: ValidatorWriter, form: Form): { guard: string[]; check: string[] } {
  const options = writer.options;
  const guard: string[] = [];
  const check: string[] = [];
  for (const field of model.fields) {
    const key = JSON.stringify(field.name);
    const fieldPath = `path + ${JSON.stringify(`/${escapePointer(field.name)}`)}`;
    const ok = writer.guard(field.type, 'x', form);
    const orNull = acceptsNull(field, options) && ok !== 'true';
    const expected = JSON.stringify(writer.expected(field.type, form) + (acceptsNull(field, options) && !admitsNull(field) ? ' | null' : ''));
    const read = `x = v[${key}];`;
    if (field.required) {
      // `undefined` is never a value of a required property (JSON has none; TS forbids it).
      const bad = ok === 'true' ? '' : orNull ? ` || (x !== null && ${not(ok)})` : ` || ${not(ok)}`;
      // A defined value is own when the prototype is Object.prototype and that does not have the key:
      // hasOwn (a lookup, not inlined) only for other objects and keys Object.prototype has.
      const notOwn = field.name in Object.prototype ? `!rt.hasOwn(v, ${key})` : `((!plain || ${key} in rt.objectPrototype) && !rt.hasOwn(v, ${key}))`;
      // Most guards refuse `undefined` already; `unknown` and nullable ones need the test.
      const undef = ok === 'true' || orNull || !refusesUndefined(field.type, writer.models) ? 'x === undefined || ' : '';
      guard.push(`${read} if (${undef}${bad.replace(/^ \|\| /, '')}${bad === '' ? '' : ' || '}${notOwn}) return false;`);
      const report = ok === 'true' ? '' : ` else { ${writer.report(field.type, 'x', fieldPath, form)} }`;
      check.push(`${read} if (x === undefined${bad} || ${notOwn}) { if (!rt.hasOwn(v, ${key})) rt.missing(errors, ${fieldPath}, ${expected}); else if (x === undefined) rt.mismatch(errors, ${fieldPath}, ${expected}, x);${report} }`);
    } else if (ok !== 'true') {
      // An optional property may be absent, or present as `undefined` (as TypeScript's `?` allows).
      const cond = `x !== undefined && ${orNull ? 'x !== null && ' : ''}${not(ok)} && rt.hasOwn(v, ${key})`;
      guard.push(`${read} if (${cond}) return false;`);
      check.push(`${read} if (${cond}) { ${writer.report(field.type, 'x', fieldPath, form)} }`);
    }
  }
  const extra = model.additionalProperties;
  const known = model.fields.map((f) => `case ${JSON.stringify(f.name)}:`).join(' ');
  const skip = known === '' ? '' : `switch (key) { ${known} continue; }`;
  const keyPath = 'path + "/" + rt.pointer(key)';
  if (extra) {
    // Keys the table does not list must match the additionalProperties type.
    const ok = writer.guard(extra, 'x', form);
    if (ok !== 'true') {
      guard.push(`for (const key in v) { ${skip} x = v[key]; if (${not(ok)} && rt.hasOwn(v, key)) return false; }`);
      check.push(`for (const key in v) { ${skip} x = v[key]; if (${not(ok)} && rt.hasOwn(v, key)) { ${writer.report(extra, 'x', keyPath, form)} } }`);
    }
  } else if (options.additionalProperties === 'reject' && model.fields.length > 0) {
    // Strict mode: every own key the table does not list is an error at its own pointer.
    guard.push(`for (const key in v) { ${skip} if (rt.hasOwn(v, key)) return false; }`);
    check.push(`for (const key in v) { ${skip} if (rt.hasOwn(v, key)) rt.unknownKey(errors, ${keyPath}, ${JSON.stringify(model.tsName)}, v[key]); }`);
  }
  return { guard, check };
}

/** Field entries per function: TypeScript gives up control-flow analysis of very large bodies (TS2563). */
const CHUNK = 75;

/** The declarations a body of field entries needs: `v` (the object), `plain` and `x` where used. */
function prologue(body: string[], withV = true): string[] {
  if (body.length === 0) return [];
  const lines = withV ? ['const v = value as Record<string, unknown>;'] : [];
  if (body.some((s) => /\bplain\b/.test(s))) lines.push('const plain = rt.isPlain(v);');
  if (body.some((s) => /\bx\b/.test(s))) lines.push('let x: unknown;');
  return lines;
}

/**
 * The guard and check functions of an object; beyond {@link CHUNK} entries their bodies are
 * split into hoisted part functions (`isX$part1`, …) called in order.
 */
function chunked(model: ObjectModel, guard: string[], check: string[], writer: ValidatorWriter, form: Form): FunctionDeclaration[] {
  const suffix = form === 'json' ? '$json' : '';
  const guardHead = `if (!(${isObjectExpr('value')})) return false;`;
  const checkHead = `if (!(${isObjectExpr('value')})) { rt.mismatch(errors, path, ${JSON.stringify(model.tsName)}, value); return; }`;
  if (guard.length <= CHUNK) {
    return [guardFunction(model, [guardHead, ...prologue(guard), ...guard, 'return true;'], suffix), checkFunction(model, [checkHead, ...prologue(check), ...check], suffix)];
  }
  const guardCalls: string[] = [guardHead, 'const v = value as Record<string, unknown>;'];
  const checkCalls: string[] = [checkHead, 'const v = value as Record<string, unknown>;'];
  for (let i = 0; i < guard.length; i += CHUNK) {
    const part = `is${model.tsName}${suffix}$part${i / CHUNK + 1}`;
    const partGuard = guard.slice(i, i + CHUNK);
    writer.helpers.push({ name: part, source: `function ${part}(v: Record<string, unknown>): boolean {\n${[...prologue(partGuard, false), ...partGuard].join('\n')}\nreturn true;\n}` });
    guardCalls.push(`if (!${part}(v)) return false;`);
  }
  for (let i = 0; i < check.length; i += CHUNK) {
    const part = `check${model.tsName}${suffix}$part${i / CHUNK + 1}`;
    const partCheck = check.slice(i, i + CHUNK);
    writer.helpers.push({ name: part, source: `function ${part}(v: Record<string, unknown>, path: string, errors: rt.ValidationError[]): void {\n${[...prologue(partCheck, false), ...partCheck].join('\n')}\n}` });
    checkCalls.push(`${part}(v, path, errors);`);
  }
  guardCalls.push('return true;');
  return [guardFunction(model, guardCalls, suffix), checkFunction(model, checkCalls, suffix)];
}

/** The body of `toX$json` for an object: a shallow copy with the date-holding properties converted. */
function objectConverterBody(model: ObjectModel, writer: ValidatorWriter): string[] {
  const lines = ['const v = value as Record<string, unknown>;', 'const out: Record<string, unknown> = { ...v };'];
  let usesX = false;
  for (const field of model.fields) {
    if (!writer.hasDates(field.type)) continue;
    usesX = true;
    const key = JSON.stringify(field.name);
    const set = field.name === '__proto__' ? `rt.define(out, ${key}, ${writer.convert(field.type, 'x')})` : `out[${key}] = ${writer.convert(field.type, 'x')}`;
    lines.push(`x = v[${key}]; if (x !== undefined && x !== null && rt.hasOwn(v, ${key})) ${set};`);
  }
  const extra = model.additionalProperties;
  if (extra && writer.hasDates(extra)) {
    const known = model.fields.map((f) => `case ${JSON.stringify(f.name)}:`).join(' ');
    lines.push(`for (const key in v) { ${known === '' ? '' : `switch (key) { ${known} continue; }`} if (rt.hasOwn(v, key)) rt.define(out, key, ${writer.convert(extra, 'v[key]')}); }`);
  }
  if (usesX) lines.splice(2, 0, 'let x: unknown;');
  lines.push(`return out as unknown as ${model.tsName};`);
  return lines;
}

function converter(model: Model, writer: ValidatorWriter, body: string[]): FunctionDeclaration {
  return {
    kind: 'function',
    name: `to${model.tsName}$json`,
    isExported: true,
    docs: [{ description: `Convert a valid JSON form of {@link ${model.tsName}} (dates as RFC 3339 strings) to its in-memory form (dates as \`Date\`); the input is not changed.`, tags: [{ tagName: 'internal' }] }],
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: model.tsName,
    statements: body.join('\n'),
  };
}

function enumDeclarations(model: EnumModel, style: ModelFileOptions['enumStyle']): Statement[] {
  const literals = model.values.map((v) => JSON.stringify(v.value));
  const memberDocs = (v: EnumModel['values'][number]): JSDoc[] => (v.name !== v.memberName ? jsDoc(`Documented as \`${v.name}\`.`) : []);
  // Boolean and mixed enums cannot be TypeScript enums: a union of literals instead. Nor can open
  // ones (other values are valid too): their known values stay in the type beside
  // `(string & {})` / `(number & {})`, which keeps editors suggesting them; with the enum and const
  // styles the known values are also a const object, as the const style writes them.
  const alias = (type: string): TypeAliasDeclaration => ({ kind: 'typeAlias', name: model.tsName, isExported: true, docs: modelDocs(model), type });
  const open = openEnumType(model);
  const other = open ? [`(${open} & {})`] : [];
  const statements: Statement[] = [];
  if (model.valueType === 'boolean' || model.valueType === 'mixed' || model.values.length === 0 || style === 'union') statements.push(alias([...literals, ...other].join(' | ') || 'never'));
  else if (style === 'const' || open) {
    const members = model.values.map((v) => `${docComment(memberDocs(v))}${v.memberName}: ${JSON.stringify(v.value)},`).join('\n');
    statements.push({
      kind: 'variable',
      declarationKind: 'const',
      isExported: true,
      docs: modelDocs(model),
      declarations: [{ name: model.tsName, initializer: `{\n${members}\n} as const` }],
    } satisfies VariableStatement);
    statements.push(alias([`(typeof ${model.tsName})[keyof typeof ${model.tsName}]`, ...other].join(' | ')));
  } else {
    statements.push({
      kind: 'enum',
      name: model.tsName,
      isExported: true,
      docs: modelDocs(model),
      members: model.values.map((v) => ({ name: v.memberName, value: v.value as string | number, docs: memberDocs(v) })),
    } satisfies EnumDeclaration);
  }
  let test: string;
  if (open) test = [open === 'number' ? 'Number.isFinite(value)' : 'typeof value === "string"', ...openEnumExtras(model).map((v) => `value === ${JSON.stringify(v)}`)].join(' || ');
  else if (literals.length === 0) test = 'false';
  else if (literals.length > SET_THRESHOLD) {
    const setName = `${model.tsName}$values`;
    statements.push({
      kind: 'variable',
      declarationKind: 'const',
      declarations: [{ name: setName, initializer: `new Set<unknown>([${literals.join(', ')}])` }],
    } satisfies VariableStatement);
    test = `${setName}.has(value)`;
  } else test = literals.map((l) => `value === ${l}`).join(' || ');
  const expected = enumExpected(model);
  statements.push(guardFunction(model, [`return ${test};`]));
  statements.push(checkFunction(model, [`if (!is${model.tsName}(value)) rt.mismatch(errors, path, ${JSON.stringify(expected)}, value);`]));
  return statements;
}

/** A JSDoc structure as comment text (for members written inside an initializer). */
function docComment(docs: JSDoc[]): string {
  const text = docs.map((d) => (typeof d === 'string' ? d : String(d.description ?? ''))).join('\n');
  return text === '' ? '' : `/** ${text.replace(/\n/g, '\n * ')} */\n`;
}

function unionDeclarations(model: UnionModel, writer: ValidatorWriter): Statement[] {
  const alias: TypeAliasDeclaration = {
    kind: 'typeAlias',
    name: model.tsName,
    isExported: true,
    docs: modelDocs(model),
    type: model.members.map((m) => tsType(m, (id) => writer.use(id, ''), writer.options.dates)).join(' | ') || 'never',
  };
  const out: Statement[] = [alias, ...unionFunctions(model, writer, 'memory')];
  if (writer.withDates.has(model.id)) {
    out.push(...unionFunctions(model, writer, 'json'));
    out.push(converter(model, writer, [`return ${writer.convert({ kind: 'union', members: model.members }, 'value')} as ${model.tsName};`]));
  }
  return out;
}

function unionFunctions(model: UnionModel, writer: ValidatorWriter, form: Form): FunctionDeclaration[] {
  const suffix = form === 'json' ? '$json' : '';
  const report = writer.unionReport(model.members, 'value', 'path', model.tsName, form);
  return [guardFunction(model, [writer.unionGuardBody(model.members, form)], suffix), checkFunction(model, [`if (is${model.tsName}${suffix}(value)) return;`, report], suffix)];
}

function guardFunction(model: Model, body: string[], suffix = ''): FunctionDeclaration {
  const json = suffix !== '';
  return {
    kind: 'function',
    name: `is${model.tsName}${suffix}`,
    isExported: true,
    docs: json
      ? [{ description: `True when \`value\` is the JSON form of a valid {@link ${model.tsName}} (dates as RFC 3339 strings). Allocates nothing.`, tags: [{ tagName: 'internal' }] }]
      : [{ description: `True when \`value\` is a valid {@link ${model.tsName}}. Allocates nothing; use {@link validate${model.tsName}} to learn why a value is not.` }],
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: json ? 'boolean' : `value is ${model.tsName}`,
    statements: body.join('\n'),
  };
}

function checkFunction(model: Model, body: string[], suffix = ''): FunctionDeclaration {
  return {
    kind: 'function',
    name: `check${model.tsName}${suffix}`,
    isExported: true,
    docs: [{ description: `Push every error of \`value\`${suffix === '' ? '' : ' (the JSON form)'} (at JSON Pointer \`path\`) onto \`errors\`.`, tags: [{ tagName: 'internal' }] }],
    parameters: [
      { name: 'value', type: 'unknown' },
      { name: 'path', type: 'string' },
      { name: 'errors', type: 'rt.ValidationError[]' },
    ],
    returnType: 'void',
    statements: body.join('\n'),
  };
}

function commonFunctions(model: Model, writer: ValidatorWriter): FunctionDeclaration[] {
  const name = model.tsName;
  const functions: FunctionDeclaration[] = [
    {
      kind: 'function',
      name: `validate${name}`,
      isExported: true,
      docs: [{ description: `Validate \`value\` as a {@link ${name}}, collecting every error (each with a JSON Pointer \`path\`).` }],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `rt.ValidationResult<${name}>`,
      // One pass: checkX asks each property's guard first, so a valid value costs about what isX costs.
      statements: [
        'const errors: rt.ValidationError[] = [];',
        `check${name}(value, "", errors);`,
        `return errors.length === 0 ? { success: true, value: value as ${name} } : { success: false, errors };`,
      ],
    },
    {
      kind: 'function',
      name: `assert${name}`,
      isExported: true,
      docs: [{ description: `Throw a {@link rt.ValidationFailedError} carrying every error unless \`value\` is a valid {@link ${name}}.` }],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `asserts value is ${name}`,
      statements: [
        `if (is${name}(value)) return;`,
        'const errors: rt.ValidationError[] = [];',
        `check${name}(value, "", errors);`,
        `if (errors.length > 0) throw new rt.ValidationFailedError(${JSON.stringify(name)}, errors);`,
      ],
    },
  ];
  if (writer.options.dates === 'Date') {
    const withDates = writer.withDates.has(model.id);
    functions.push({
      kind: 'function',
      name: `parse${name}`,
      isExported: true,
      docs: [
        {
          description: withDates
            ? `Validate \`json\` (parsed JSON: dates as RFC 3339 strings) as a {@link ${name}}, collecting every error, and convert it: dates become \`Date\` objects in a copy; \`json\` is not changed.`
            : `Validate \`json\` (parsed JSON) as a {@link ${name}}, collecting every error; the value holds no dates, so it is returned as it is.`,
        },
      ],
      parameters: [{ name: 'json', type: 'unknown' }],
      returnType: `rt.ValidationResult<${name}>`,
      statements: withDates
        ? [
            `if (!is${name}$json(json)) {`,
            'const errors: rt.ValidationError[] = [];',
            `check${name}$json(json, "", errors);`,
            'if (errors.length > 0) return { success: false, errors };',
            '}',
            `return { success: true, value: to${name}$json(json) };`,
          ]
        : [`return validate${name}(json);`],
    });
  }
  return functions;
}
