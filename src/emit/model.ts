/**
 * One model → the ts-morph structure of its output file: the interface, enum or type alias, and
 * its `isX`, `validateX`, `assertX` and (internal) `checkX` functions.
 *
 * @module
 */

import {
  StructureKind,
  VariableDeclarationKind,
  type EnumDeclarationStructure,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type SourceFileStructure,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from 'ts-morph';
import type { EnumModel, Model, ObjectModel, UnionModel } from '../model/ir.js';
import { propertyKey } from '../model/naming.js';
import { jsDoc, modelDocs } from './jsdoc.js';
import { tsType } from './types.js';
import { ValidatorWriter } from './validators.js';

/** Enums with more values than this are checked with a `Set` lookup instead of `===` chains. */
const SET_THRESHOLD = 8;

/**
 * Build the structure of a model's file.
 *
 * @param model the model
 * @param models every model of the IR by id (to name referenced models)
 * @param fileOf the output file name (`task-status.ts`) of a model id
 * @param runtimeImport module specifier of the runtime file (`./_runtime.js`)
 * @returns the source file structure (statements as structures; function bodies as text)
 */
export function modelFile(model: Model, models: ReadonlyMap<string, Model>, fileOf: (id: string) => string, runtimeImport: string): SourceFileStructure {
  const writer = new ValidatorWriter(models, model.tsName);
  const declarations: (StatementStructures | string)[] =
    model.kind === 'object' ? objectDeclarations(model, writer) : model.kind === 'enum' ? enumDeclarations(model) : unionDeclarations(model, writer);
  declarations.push(...commonFunctions(model));
  for (const helper of writer.helpers) declarations.push(helper.source);

  const imports: ImportDeclarationStructure[] = [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: runtimeImport, namespaceImport: 'rt' }];
  for (const id of [...writer.imports.keys()].sort()) {
    if (id === model.id) continue;
    const target = models.get(id)!;
    const names = [...writer.imports.get(id)!].sort();
    imports.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `./${fileOf(id).replace(/\.ts$/, '.js')}`,
      namedImports: names.map((name) => ({ name, isTypeOnly: name === target.tsName })),
    });
  }
  return { kind: StructureKind.SourceFile, statements: [...imports, ...declarations] };
}

function objectDeclarations(model: ObjectModel, writer: ValidatorWriter): StatementStructures[] {
  const properties: OptionalKind<PropertySignatureStructure>[] = model.fields.map((field) => {
    const type = tsType(field.type, (id) => writer.use(id, ''));
    const tags: [string, string?][] = [];
    if (field.example !== null) tags.push(['example', field.example]);
    if (field.deprecated) tags.push(['deprecated']);
    const docs = jsDoc(field.description, tags);
    const admitsNull = field.type.kind === 'union' && field.type.members.some((m) => m.kind === 'literal' && m.value === null);
    return {
      name: propertyKey(field.name),
      hasQuestionToken: !field.required,
      type: field.nullable && !admitsNull ? `${type} | null` : type,
      docs,
    };
  });
  const iface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: model.tsName,
    isExported: true,
    docs: modelDocs(model),
    properties,
  };
  const extra = model.additionalProperties;
  if (extra) {
    // An index signature must admit every declared property's type too (TS2411).
    const types = new Set([tsType(extra, (id) => writer.use(id, ''))]);
    for (const p of properties) types.add(`${p.type as string}${p.hasQuestionToken ? ' | undefined' : ''}`);
    iface.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType: [...types].join(' | ') }];
  }

  const guard: string[] = ['if (!rt.isObject(value)) return false;'];
  const check: string[] = [`if (!rt.isObject(value)) { rt.mismatch(errors, path, ${JSON.stringify(model.tsName)}, value); return; }`];
  for (const field of model.fields) {
    const key = JSON.stringify(field.name);
    const fieldPath = `path + ${JSON.stringify(`/${field.name.replace(/~/g, '~0').replace(/\//g, '~1')}`)}`;
    const isOk = writer.guard(field.type, 'x');
    const okExpr = field.nullable ? `x === null || (${isOk})` : isOk;
    const checks = writer.check(field.type, 'x', fieldPath);
    const checkStmt = checks === '' ? '' : field.nullable ? `if (x !== null) { ${checks} }` : checks;
    const expected = JSON.stringify(writer.expected(field.type) + (field.nullable ? ' | null' : ''));
    if (field.required) {
      // `undefined` is never a value of a required property (JSON has none; TS forbids it).
      guard.push(`if (!rt.hasOwn(value, ${key})) return false;`);
      guard.push(okExpr === 'true' ? `if (value[${key}] === undefined) return false;` : `{ const x = value[${key}]; if (x === undefined || !(${okExpr})) return false; }`);
      check.push(`if (!rt.hasOwn(value, ${key})) rt.missing(errors, ${fieldPath}, ${expected});`);
      check.push(`else { const x = value[${key}]; if (x === undefined) rt.mismatch(errors, ${fieldPath}, ${expected}, x); else { ${checkStmt} } }`);
    } else if (okExpr !== 'true') {
      // An optional property may be absent, or present as `undefined` (as TypeScript's `?` allows).
      guard.push(`if (rt.hasOwn(value, ${key})) { const x = value[${key}]; if (x !== undefined && !(${okExpr})) return false; }`);
      if (checkStmt !== '') check.push(`if (rt.hasOwn(value, ${key})) { const x = value[${key}]; if (x !== undefined) { ${checkStmt} } }`);
    }
  }
  if (extra) {
    // Keys the table does not list must match the additionalProperties type.
    const known = model.fields.map((f) => `case ${JSON.stringify(f.name)}:`).join(' ');
    const skip = known === '' ? '' : `switch (key) { ${known} continue; }`;
    guard.push(`for (const key in value) { if (!rt.hasOwn(value, key)) continue; ${skip} const x = value[key]; if (!(${writer.guard(extra, 'x')})) return false; }`);
    const extraCheck = writer.check(extra, 'x', 'path + "/" + rt.pointer(key)');
    if (extraCheck !== '') check.push(`for (const key in value) { if (!rt.hasOwn(value, key)) continue; ${skip} const x = value[key]; ${extraCheck} }`);
  }
  guard.push('return true;');
  return [iface, ...chunked(model, guard, check, writer)];
}

/** Field checks per function: TypeScript gives up control-flow analysis of very large bodies (TS2563). */
const CHUNK = 150;

/**
 * The guard and check functions of an object; beyond {@link CHUNK} statements their bodies are
 * split into hoisted part functions (`isX$part1`, …) called in order.
 */
function chunked(model: ObjectModel, guard: string[], check: string[], writer: ValidatorWriter): FunctionDeclarationStructure[] {
  if (guard.length <= CHUNK && check.length <= CHUNK) return [guardFunction(model, guard), checkFunction(model, check)];
  const [guardHead, ...guardBody] = guard.slice(0, -1); // isObject test … `return true;`
  const [checkHead, ...checkBody] = check;
  const guardCalls: string[] = [guardHead!];
  for (let i = 0; i < guardBody.length; i += CHUNK) {
    const name = `is${model.tsName}$part${i / CHUNK + 1}`;
    writer.helpers.push({ name, source: `function ${name}(value: Record<string, unknown>): boolean {\n${guardBody.slice(i, i + CHUNK).join('\n')}\nreturn true;\n}` });
    guardCalls.push(`if (!${name}(value)) return false;`);
  }
  guardCalls.push('return true;');
  const checkCalls: string[] = [checkHead!];
  for (let i = 0; i < checkBody.length; i += CHUNK) {
    const name = `check${model.tsName}$part${i / CHUNK + 1}`;
    writer.helpers.push({ name, source: `function ${name}(value: Record<string, unknown>, path: string, errors: rt.ValidationError[]): void {\n${checkBody.slice(i, i + CHUNK).join('\n')}\n}` });
    checkCalls.push(`${name}(value, path, errors);`);
  }
  return [guardFunction(model, guardCalls), checkFunction(model, checkCalls)];
}

function enumDeclarations(model: EnumModel): StatementStructures[] {
  const enumDecl: EnumDeclarationStructure = {
    kind: StructureKind.Enum,
    name: model.tsName,
    isExported: true,
    docs: modelDocs(model),
    members: model.values.map((v) => ({ name: v.memberName, value: v.value as string | number, docs: v.name !== v.memberName ? jsDoc(`Documented as \`${v.name}\`.`) : [] })),
  };
  const literals = model.values.map((v) => JSON.stringify(v.value));
  // Boolean and mixed enums cannot be TypeScript enums, nor can open ones (any string is valid):
  // a union of literals instead, with `(string & {})` for the open case.
  const alias = (type: string): TypeAliasDeclarationStructure => ({ kind: StructureKind.TypeAlias, name: model.tsName, isExported: true, docs: modelDocs(model), type });
  const declaration: StatementStructures =
    model.open
      ? alias([...literals.filter((l) => !l.startsWith('"')), '(string & {})'].join(' | '))
      : model.valueType === 'boolean' || model.valueType === 'mixed' || model.values.length === 0
        ? alias(literals.join(' | ') || 'never')
        : enumDecl;
  const statements: StatementStructures[] = [declaration];
  let test: string;
  if (model.open) test = ['typeof value === "string"', ...literals.filter((l) => !l.startsWith('"')).map((l) => `value === ${l}`)].join(' || ');
  else if (literals.length === 0) test = 'false';
  else if (literals.length > SET_THRESHOLD) {
    const setName = `${model.tsName}$values`;
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: setName, initializer: `new Set<unknown>([${literals.join(', ')}])` }],
    } satisfies VariableStatementStructure);
    test = `${setName}.has(value)`;
  } else test = literals.map((l) => `value === ${l}`).join(' || ');
  const expected = model.open ? 'string' : literals.length === 0 ? 'never' : literals.length <= 10 ? literals.join(' | ') : `one of the ${literals.length} values of ${model.tsName}`;
  statements.push(guardFunction(model, [`return ${test};`]));
  statements.push(checkFunction(model, [`if (!is${model.tsName}(value)) rt.mismatch(errors, path, ${JSON.stringify(expected)}, value);`]));
  return statements;
}

function unionDeclarations(model: UnionModel, writer: ValidatorWriter): StatementStructures[] {
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: model.tsName,
    isExported: true,
    docs: modelDocs(model),
    type: model.members.map((m) => tsType(m, (id) => writer.use(id, ''))).join(' | ') || 'never',
  };
  const test = model.members.map((m) => `(${writer.guard(m, 'value')})`).join(' || ') || 'false';
  return [alias, guardFunction(model, [`return ${test};`]), checkFunction(model, [`if (!is${model.tsName}(value)) rt.mismatch(errors, path, ${JSON.stringify(model.tsName)}, value);`])];
}

function guardFunction(model: Model, body: string[]): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: `is${model.tsName}`,
    isExported: true,
    docs: [{ description: `True when \`value\` is a valid {@link ${model.tsName}}. Allocates nothing; use {@link validate${model.tsName}} to learn why a value is not.` }],
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: `value is ${model.tsName}`,
    statements: body.join('\n'),
  };
}

function checkFunction(model: Model, body: string[]): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: `check${model.tsName}`,
    isExported: true,
    docs: [{ description: `Push every error of \`value\` (at JSON Pointer \`path\`) onto \`errors\`.`, tags: [{ tagName: 'internal' }] }],
    parameters: [
      { name: 'value', type: 'unknown' },
      { name: 'path', type: 'string' },
      { name: 'errors', type: 'rt.ValidationError[]' },
    ],
    returnType: 'void',
    statements: body.join('\n'),
  };
}

function commonFunctions(model: Model): FunctionDeclarationStructure[] {
  const name = model.tsName;
  return [
    {
      kind: StructureKind.Function,
      name: `validate${name}`,
      isExported: true,
      docs: [{ description: `Validate \`value\` as a {@link ${name}}, collecting every error (each with a JSON Pointer \`path\`).` }],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `rt.ValidationResult<${name}>`,
      statements: [
        'const errors: rt.ValidationError[] = [];',
        `check${name}(value, "", errors);`,
        `return errors.length === 0 ? { success: true, value: value as ${name} } : { success: false, errors };`,
      ],
    },
    {
      kind: StructureKind.Function,
      name: `assert${name}`,
      isExported: true,
      docs: [{ description: `Throw a {@link rt.ValidationFailedError} carrying every error unless \`value\` is a valid {@link ${name}}.` }],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `asserts value is ${name}`,
      statements: [
        'const errors: rt.ValidationError[] = [];',
        `check${name}(value, "", errors);`,
        `if (errors.length > 0) throw new rt.ValidationFailedError(${JSON.stringify(name)}, errors);`,
      ],
    },
  ];
}
