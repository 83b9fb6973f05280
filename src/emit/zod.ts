/**
 * The zod target: zod v4 schemas that accept exactly what the generated validators accept, one
 * file per model under `zod/` (`zod/task.ts` exports `TaskSchema` and `type Task`), a helper file
 * `zod/_json.ts` and `zod/index.ts`.
 *
 * Types are inferred (`type Task = z.infer<typeof TaskSchema>`), and equal the TypeScript target's
 * interfaces, except in recursive groups of models, which TypeScript cannot infer: there the type
 * is written out (`export interface Node { … }`) and the schema annotated (`z.ZodType<Node>`), with
 * `z.lazy` for references inside the group; and for open enums, whose inferred type (`string`)
 * would lose the known values: there the type is written out as the TypeScript target writes it. Objects use `z.object` (keys not in the table are
 * accepted and, as zod does, left out of the parsed value), `z.strictObject` in strict mode,
 * `.catchall` for an `additionalProperties` type, `z.looseObject({})` for an empty table.
 *
 * zod reads a property with `key in value` and skips a key `__proto__`; the generated validators
 * read own properties, `__proto__` included. So an object with a field named like an
 * `Object.prototype` member is given a prototype-free copy first (`zj.ownOnly`), and an own
 * `__proto__` (a field, or a map or catchall entry) is checked by a refinement (`zj.ownProto`).
 *
 * @module
 */

import type { EnumModel, Field, Model, ObjectModel, TypeRef } from '../core/ir.js';
import { propertyKey } from '../model/naming.js';
import {
  CONST,
  Kind,
  reexport,
  sourceFile,
  type ImportDeclaration,
  type InterfaceDeclaration,
  type JSDoc,
  type SourceFile,
  type Statement,
  type TypeAliasDeclaration,
} from './code.js';
import { docText } from './jsdoc.js';
import { acceptsNull, objectShape, type ModelFileOptions } from './model.js';
import { openEnumType } from './validators.js';
import { tsType } from './types.js';

/** The helper file of the zod target (RFC 3339 checks, own-property helpers): `src/runtime/_json.ts`, copied. */
export const ZOD_HELPERS_FILE = '_json.ts';

/**
 * The schema constant's name of every model: `${tsName}Schema`, or `${tsName}ZodSchema` (then a
 * number) where that is another model's name.
 *
 * @returns schema name by model id
 */
export function zodSchemaNames(models: readonly Model[]): Map<string, string> {
  const taken = new Set(models.map((m) => m.tsName));
  const names = new Map<string, string>();
  for (const model of models) {
    let name = `${model.tsName}Schema`;
    if (taken.has(name)) name = `${model.tsName}ZodSchema`;
    for (let n = 2; taken.has(name); n++) name = `${model.tsName}ZodSchema${n}`;
    taken.add(name);
    names.set(model.id, name);
  }
  return names;
}

/**
 * The groups of models that reference each other (strongly connected components of the reference
 * graph), as a component number by model id; `recursive` holds the ids of models in a cycle.
 */
export function referenceGroups(models: ReadonlyMap<string, Model>): { group: Map<string, number>; recursive: Set<string> } {
  const edges = new Map<string, string[]>();
  for (const model of models.values()) {
    const out: string[] = [];
    const walk = (t: TypeRef): void => {
      if (t.kind === 'ref') out.push(t.model);
      else if (t.kind === 'array') walk(t.items);
      else if (t.kind === 'map') walk(t.values);
      else if (t.kind === 'union') t.members.forEach(walk);
    };
    if (model.kind === 'object') {
      model.fields.forEach((f) => walk(f.type));
      if (model.additionalProperties) walk(model.additionalProperties);
    } else if (model.kind === 'union') model.members.forEach(walk);
    edges.set(
      model.id,
      out.filter((id) => models.has(id)),
    );
  }
  // Tarjan's algorithm, iterative (trees of thousands of models would overflow the stack).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const group = new Map<string, number>();
  const recursive = new Set<string>();
  let counter = 0;
  let groups = 0;
  for (const start of models.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [id, next] = frame;
      if (next === 0) {
        index.set(id, counter);
        low.set(id, counter++);
        stack.push(id);
        onStack.add(id);
      }
      const targets = edges.get(id)!;
      if (next < targets.length) {
        frame[1] = next + 1;
        const to = targets[next]!;
        if (!index.has(to)) work.push([to, 0]);
        else if (onStack.has(to)) low.set(id, Math.min(low.get(id)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(id)!));
      }
      if (low.get(id) === index.get(id)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.set(member, groups);
          members.push(member);
        } while (member !== id);
        if (members.length > 1 || edges.get(id)!.includes(id)) for (const m of members) recursive.add(m);
        groups++;
      }
    }
  }
  return { group, recursive };
}

/** What the zod file of one model needs to know about the others. */
export interface ZodContext {
  models: ReadonlyMap<string, Model>;
  schemaName: ReadonlyMap<string, string>;
  group: ReadonlyMap<string, number>;
  recursive: ReadonlySet<string>;
  options: ModelFileOptions;
  /** Import specifier (`./clip.js`) of a model id's zod file. */
  moduleOf: (id: string) => string;
}

/**
 * The structure of one model's zod file (printed by ts-morph after the banner, see `./code.ts`).
 *
 * @param model the model
 * @param ctx names, groups and options of the IR
 */
export function zodModelSource(model: Model, ctx: ZodContext): SourceFile {
  const writer = new ZodWriter(model, ctx);
  const body = writer.declarations();
  const imports: ImportDeclaration[] = [{ kind: Kind.ImportDeclaration, moduleSpecifier: 'zod', namedImports: [{ name: 'z' }] }];
  if (writer.usesHelpers)
    imports.push({ kind: Kind.ImportDeclaration, moduleSpecifier: `./${ZOD_HELPERS_FILE.replace(/\.ts$/, '.js')}`, namespaceImport: 'zj' });
  for (const id of [...writer.imports.keys()].sort()) {
    // Sorted as written (`TaskSchema` before `type Task`).
    const names = [...writer.imports.get(id)!].sort();
    imports.push({
      kind: Kind.ImportDeclaration,
      moduleSpecifier: ctx.moduleOf(id),
      namedImports: names.map((n) => (n.startsWith('type ') ? { name: n.slice(5), isTypeOnly: true } : { name: n })),
    });
  }
  return sourceFile([...imports, ...body]);
}

/** The structure of `zod/index.ts`: every model file re-exported. */
export function zodIndexSource(files: readonly string[]): SourceFile {
  return sourceFile(files.map((f) => reexport(`./${f.replace(/\.ts$/, '.js')}`)));
}

/** Writes the declarations of one model's zod file, collecting the names it imports. */
class ZodWriter {
  /** Names imported from other models' files, by model id (`TaskSchema`, `type Task`). */
  readonly imports = new Map<string, Set<string>>();
  usesHelpers = false;

  constructor(
    private readonly model: Model,
    private readonly ctx: ZodContext,
  ) {}

  private get options(): ModelFileOptions {
    return this.ctx.options;
  }

  /** Record that `name` (a type only with `typeOnly`) of model `id`'s file is used, and return it. */
  private import(id: string, name: string, typeOnly = false): string {
    if (id === this.model.id) return name;
    let names = this.imports.get(id);
    if (!names) this.imports.set(id, (names = new Set()));
    names.add(typeOnly ? `type ${name}` : name);
    return name;
  }

  private helper(name: string): string {
    this.usesHelpers = true;
    return `zj.${name}`;
  }

  /** The schema expression of a reference: lazy inside a recursive group. */
  private ref(id: string): string {
    const name = this.import(id, this.ctx.schemaName.get(id)!);
    return this.ctx.group.get(id) === this.ctx.group.get(this.model.id) ? `z.lazy(() => ${name})` : name;
  }

  /** The zod expression of a TypeRef. */
  expr(type: TypeRef): string {
    switch (type.kind) {
      case 'primitive':
        switch (type.type) {
          case 'string':
            return 'z.string()';
          case 'number':
            return 'z.number()';
          case 'integer':
            // `z.int()` stops at the safe integers; the validators take every Number.isInteger.
            return 'z.number().refine(Number.isInteger, "expected an integer")';
          case 'boolean':
            return 'z.boolean()';
          case 'unknown':
            return 'z.unknown()';
          case 'date':
          case 'date-time': {
            const check = `z.string().refine(${this.helper(type.type === 'date' ? 'isDate' : 'isDateTime')}, "expected an RFC 3339 ${type.type}")`;
            return this.options.dates === 'Date' ? `${check}.transform(${this.helper('toDate')})` : check;
          }
        }
        break;
      case 'literal':
        return type.value === null ? 'z.null()' : `z.literal(${JSON.stringify(type.value)})`;
      case 'ref':
        return this.ref(type.model);
      case 'array':
        return `z.array(${this.expr(type.items)})`;
      case 'map': {
        const values = this.expr(type.values);
        return `${this.helper('ownProto')}(z.record(z.string(), ${values}), ${values}, false)`;
      }
      case 'union': {
        if (type.members.length === 0) return 'z.never()';
        if (type.members.length === 1) return this.expr(type.members[0]!);
        return `z.union([${type.members.map((m) => this.expr(m)).join(', ')}])`;
      }
    }
  }

  /** A field's schema: its type with `.nullable()`, `.optional()`, or `undefined` refused when required. */
  private field(field: Field): string {
    let schema = this.expr(field.type);
    const admitsNull = field.type.kind === 'union' && field.type.members.some((m) => m.kind === 'literal' && m.value === null);
    if (acceptsNull(field, this.options) && !admitsNull && !this.acceptsAnything(field.type)) schema += '.nullable()';
    if (!field.required) schema += '.optional()';
    else if (this.acceptsAnything(field.type)) schema += `.refine(${this.helper('defined')}, "missing required property")`;
    return schema;
  }

  /** True when a type accepts any value (so `undefined` too). */
  private acceptsAnything(type: TypeRef, seen = new Set<string>()): boolean {
    if (type.kind === 'primitive') return type.type === 'unknown';
    if (type.kind === 'union') return type.members.some((m) => this.acceptsAnything(m, seen));
    if (type.kind === 'ref' && !seen.has(type.model)) {
      const model = this.ctx.models.get(type.model);
      return model?.kind === 'union' && model.members.some((m) => this.acceptsAnything(m, new Set([...seen, type.model])));
    }
    return false;
  }

  /** Every declaration of the model's file. */
  declarations(): Statement[] {
    const model = this.model;
    const name = this.ctx.schemaName.get(model.id)!;
    const docs = jsDocOf(model.description, model.deprecated, `Generated from \`${model.file}\` (line ${model.line}).`);
    if (model.kind === 'enum') return this.enumDeclarations(model, name, docs);
    const schema = model.kind === 'object' ? this.objectSchema(model) : this.expr({ kind: 'union', members: model.members });
    if (this.ctx.recursive.has(model.id)) {
      // TypeScript cannot infer a type that refers to itself: write it out, and annotate the schema.
      return [{ ...this.explicitType(model), docs }, constant(name, schema, docs, `z.ZodType<${model.tsName}>`)];
    }
    return [constant(name, schema, docs), alias(model.tsName, `z.infer<typeof ${name}>`, docs)];
  }

  private objectSchema(model: ObjectModel): string {
    if (model.fields.length === 0 && !model.additionalProperties) return 'z.looseObject({})';
    const entries = model.fields.map((f) => {
      const doc = jsDocText(f.description, f.deprecated);
      const key = f.name === '__proto__' ? '["__proto__"]' : propertyKey(f.name);
      return `${doc}${key}: ${this.field(f)},`;
    });
    const strict = !model.additionalProperties && this.options.additionalProperties === 'reject';
    let schema = `z.${strict ? 'strictObject' : 'object'}({\n${entries.join('\n')}\n})`;
    if (model.additionalProperties) schema += `.catchall(${this.expr(model.additionalProperties)})`;
    // `key in value` would see Object.prototype's members: hand zod a copy without a prototype.
    if (model.fields.some((f) => f.name !== '__proto__' && f.name in Object.prototype)) schema = `z.preprocess(${this.helper('ownOnly')}, ${schema})`;
    const proto = model.fields.find((f) => f.name === '__proto__');
    if (proto) schema = `${this.helper('ownProto')}(${schema}, ${this.field(proto)}, ${proto.required})`;
    else if (model.additionalProperties) schema = `${this.helper('ownProto')}(${schema}, ${this.expr(model.additionalProperties)}, false)`;
    return schema;
  }

  private explicitType(model: Exclude<Model, EnumModel>): InterfaceDeclaration | TypeAliasDeclaration {
    const nameOf = (id: string): string => this.import(id, this.ctx.models.get(id)!.tsName, true);
    if (model.kind === 'union') return alias(model.tsName, tsType({ kind: 'union', members: model.members }, nameOf, this.options.dates), []);
    const shape = objectShape(model, nameOf, this.options);
    return {
      kind: Kind.Interface,
      name: model.tsName,
      isExported: true,
      properties: shape.properties.map((p) => ({ name: p.name, hasQuestionToken: p.optional, type: p.type })),
      ...(shape.index === null ? {} : { indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: shape.index }] }),
    };
  }

  /**
   * An enum's declarations, as the TypeScript target writes them. An open enum's schema accepts its
   * known values or any other value of its open type (`z.union([z.enum([...]), z.string()])`); its
   * type is written out (`"a" | "b" | (string & {})`), since the inferred one would collapse to
   * `string` and lose the known values.
   */
  private enumDeclarations(model: EnumModel, name: string, docs: JSDoc[]): Statement[] {
    const literals = model.values.map((v) => v.value);
    const style = this.options.enumStyle;
    const open = openEnumType(model);
    const tsEnum = model.valueType !== 'boolean' && model.valueType !== 'mixed' && literals.length > 0 && style !== 'union';
    let known: string;
    const declarations: Statement[] = [];
    if (tsEnum) {
      const asConst = style === 'const' || open !== null;
      const memberDocs = (v: EnumModel['values'][number]): string => (v.name !== v.memberName ? `/** Documented as \`${docText(v.name)}\`. */\n` : '');
      if (asConst) {
        const members = model.values.map((v) => `${memberDocs(v)}${v.memberName}: ${JSON.stringify(v.value)},`).join('\n');
        declarations.push(constant(model.tsName, `{\n${members}\n} as const`, docs));
      } else {
        declarations.push({
          kind: Kind.Enum,
          name: model.tsName,
          isExported: true,
          docs,
          members: model.values.map((v) => ({
            name: v.memberName,
            initializer: JSON.stringify(v.value),
            docs: v.name !== v.memberName ? [{ description: `Documented as \`${docText(v.name)}\`.` }] : [],
          })),
        });
      }
      known = `z.enum(${model.tsName})`;
      if (!open) {
        declarations.push(constant(name, known, docs));
        if (style === 'const') declarations.push(alias(model.tsName, `z.infer<typeof ${name}>`, docs));
        return declarations;
      }
    } else if (literals.length === 0) known = 'z.never()';
    else if (literals.every((v) => typeof v === 'string')) known = `z.enum(${JSON.stringify(literals)})`;
    else known = `z.literal(${JSON.stringify(literals)})`;
    if (!open) return [constant(name, known, docs), alias(model.tsName, `z.infer<typeof ${name}>`, docs)];
    const other = open === 'number' ? 'z.number()' : 'z.string()';
    const schema = literals.length === 0 ? other : `z.union([${known}, ${other}])`;
    const knownType = tsEnum ? `(typeof ${model.tsName})[keyof typeof ${model.tsName}]` : literals.map((v) => JSON.stringify(v)).join(' | ');
    const type = [...(knownType ? [knownType] : []), `(${open} & {})`].join(' | ');
    return [...declarations, constant(name, schema, docs), alias(model.tsName, type, docs)];
  }
}

/** `export const name: type = initializer;` with its JSDoc. */
function constant(name: string, initializer: string, docs: JSDoc[], type?: string): Statement {
  return {
    kind: Kind.VariableStatement,
    declarationKind: CONST,
    isExported: true,
    docs,
    declarations: [type === undefined ? { name, initializer } : { name, type, initializer }],
  };
}

/** `export type name = type;` with its JSDoc. */
function alias(name: string, type: string, docs: JSDoc[]): TypeAliasDeclaration {
  return { kind: Kind.TypeAlias, name, isExported: true, docs, type };
}

/** A model's JSDoc: its description, where it came from, `@deprecated` (none when there is nothing to say). */
function jsDocOf(description: string | null, deprecated: boolean, source: string): JSDoc[] {
  const parts: string[] = [];
  if (description !== null && description !== '') parts.push(docText(description));
  parts.push(source);
  let text = parts.join('\n\n');
  if (deprecated) text += '\n@deprecated';
  return [{ description: text }];
}

/** A field's JSDoc comment as text inside the schema's object literal (with a trailing newline), or '' when there is nothing to say. */
function jsDocText(description: string | null, deprecated: boolean): string {
  let text = description !== null && description !== '' ? docText(description) : '';
  if (deprecated) text += `${text === '' ? '' : '\n'}@deprecated`;
  if (text === '') return '';
  return text.includes('\n')
    ? `/**\n${text
        .split('\n')
        .map((l) => (l === '' ? ' *' : ` * ${l}`))
        .join('\n')}\n */\n`
    : `/** ${text} */\n`;
}
