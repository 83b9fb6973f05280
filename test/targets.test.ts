/**
 * The three targets on the seed tree (fixtures/, root Task) and each emit option:
 * - JSON Schema: every document compiles in ajv (draft 2020-12, strict) and accepts and refuses
 *   the same Task values as validateTask, with the errors at the same places;
 * - zod: the output type-checks, its inferred types and the interfaces are assignable both ways,
 *   and safeParse agrees with validateTask, issues at the same places;
 * - layout: generated files import nothing but their siblings (and "zod");
 * - options: additionalProperties, nullableOptionals, dates, enumStyle; union dispatch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emit, type EmitOptions } from '../src/emit/index.js';
import { buildModel } from '../src/model/build.js';
import { hasErrors } from '../src/core/diagnostics.js';
import type { EnumModel, Field, IR, Model, ObjectModel, TypeRef, UnionModel } from '../src/core/ir.js';
import { ruby } from '../src/notation/ruby.js';
import { folderDocSource } from '../src/parse/files.js';
import { INVALID_TASKS, VALID_TASKS, profile } from '../bench/task-values.js';
import { ROOT, tmpDir, typecheck } from './helpers.js';
import { compileSchema, importTranspiled, newAjv, writeFiles } from './load-targets.js';

type Api = Record<string, (value: unknown) => unknown>;
type ZodApi = Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[] }[] } } }>;
interface Issue {
  path: string;
  message: string;
}

const ALL: EmitOptions['targets'] = ['typescript', 'json-schema', 'zod'];
const work = tmpDir('docs2ts-targets-');
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
/** Every output written here, type-checked together at the end (one tsc run). */
const outputs: string[] = [];

/** Emit an IR with options into a fresh folder under the work folder; returns the folder. */
async function emitTo(name: string, ir: IR, options: EmitOptions = {}): Promise<string> {
  const dir = path.join(work, name);
  writeFiles(dir, await emit(ir, { targets: ALL, ...options }));
  outputs.push(name);
  return dir;
}

const pointer = (tokens: readonly PropertyKey[]): string => tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** ajv's error places as our validators word them: a missing property at its own pointer. */
function ajvPlaces(errors: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null | undefined): string[] {
  return [
    ...new Set(
      (errors ?? []).map((e) =>
        e.keyword === 'required'
          ? `${e.instancePath}${pointer([e.params.missingProperty as string])}`
          : e.keyword === 'additionalProperties'
            ? `${e.instancePath}${pointer([e.params.additionalProperty as string])}`
            : e.instancePath,
      ),
    ),
  ].sort();
}

// ---------------------------------------------------------------------------------------------
// The seed tree
// ---------------------------------------------------------------------------------------------

/** Task values beyond the benchmark's: edge cases of every check the tree has. */
const MORE_VALID: unknown[] = [
  {},
  { id: undefined },
  JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}'),
  { params: { transcode_file: { profiles: [] }, export: null }, output: { upload: {} } },
];
const MORE_INVALID: unknown[] = [
  null,
  [],
  'task',
  { id: null },
  { created_at: Number.POSITIVE_INFINITY },
  { params: { transcode_file: { profiles: [{ ...profile, fps: 29.97 }, null, [], { ...profile, name: undefined }] } } },
  { status: { phase: 'CANCELLED', updated_at: 1, retries: '3' } },
  { params: { export_data: { content: [] } } },
  { output: { export: { ipfs: { video_file_cid: 1, nft_metadata_url: null } }, transcode: { asset: [] } } },
];

describe('targets on the seed tree (fixtures/, root Task)', () => {
  let dir: string;
  let ir: IR;
  let api: Api;
  let zod: ZodApi;
  beforeAll(async () => {
    ir = buildModel(folderDocSource(path.join(ROOT, 'fixtures')), { notation: ruby, roots: ['Task'] });
    expect(hasErrors(ir.diagnostics)).toBe(false);
    dir = await emitTo('seed', ir);
    api = await importTranspiled<Api>(dir, path.join(dir, 'js'));
    zod = await importTranspiled<ZodApi>(path.join(dir, 'zod'), path.join(dir, 'zod-js'));
  });

  it('writes TypeScript at the root, schema/<file>.schema.json and zod/<file>.ts per model, and zod/index.ts', () => {
    const root = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    const models = root.filter((f) => f !== 'index.ts' && f !== '_runtime.ts');
    expect(models).toHaveLength(ir.models.length);
    expect(fs.readdirSync(path.join(dir, 'schema')).sort()).toEqual(models.map((f) => f.replace(/\.ts$/, '.schema.json')).sort());
    expect(
      fs
        .readdirSync(path.join(dir, 'zod'))
        .filter((f) => f.endsWith('.ts'))
        .sort(),
    ).toEqual([...models, '_json.ts', '_runtime.ts', 'index.ts'].sort());
  });

  it('no generated file imports anything but its sibling generated files (and "zod" in zod/)', () => {
    for (const folder of ['.', 'zod']) {
      const files = new Set(fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith('.ts')));
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, folder, file), 'utf8');
        const specifiers = [...text.matchAll(/(?:import|export)[^;]*?from\s+"([^"]+)"/g)].map((m) => m[1]!);
        expect(specifiers.length > 0 || file === '_runtime.ts').toBe(true);
        for (const s of specifiers) {
          if (folder === 'zod' && s === 'zod') continue;
          expect(s, `${folder}/${file} imports ${s}`).toMatch(/^\.\/[^/]+\.js$/);
          expect(files.has(s.slice(2).replace(/\.js$/, '.ts')), `${folder}/${file} imports ${s}`).toBe(true);
        }
        expect(text).not.toMatch(/\beval\(|new Function\(|\brequire\(/);
      }
    }
  });

  it('every JSON Schema document is draft 2020-12, named by $id, and compiles in ajv (strict)', () => {
    const ajv = newAjv({ strictRequired: true });
    const docs = fs
      .readdirSync(path.join(dir, 'schema'))
      .map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, 'schema', f), 'utf8')) as Record<string, unknown>] as const);
    for (const [file, doc] of docs) {
      expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(doc.$id).toBe(file);
      ajv.addSchema(doc);
    }
    for (const [file] of docs) expect(typeof ajv.getSchema(file)).toBe('function');
    const task = docs.find(([f]) => f === 'task.schema.json')![1];
    expect((task.properties as Record<string, unknown>).status).toEqual({ description: 'Status of the task', $ref: 'task-status.schema.json' });
  });

  const values = [...VALID_TASKS, ...MORE_VALID, ...INVALID_TASKS, ...MORE_INVALID];
  it.each(values.map((v, i) => [i, v]))("value %i: ajv and zod give validateTask's verdict, errors at the same places", (_, value) => {
    const ours = api.validateTask!(value) as { success: boolean; errors?: Issue[] };
    expect(api.isTask!(value)).toBe(ours.success);
    const ajv = compileSchema(dir, 'task.schema.json', { allErrors: true, ownProperties: true });
    expect(ajv(value)).toBe(ours.success);
    const parsed = zod.TaskSchema!.safeParse(value);
    expect(parsed.success).toBe(ours.success);
    const places = (ours.errors ?? []).map((e) => e.path).sort();
    expect(ajvPlaces(ajv.errors)).toEqual([...new Set(places)]);
    expect([...new Set((parsed.error?.issues ?? []).map((i) => pointer(i.path)))].sort()).toEqual([...new Set(places)]);
  });

  it('the benchmark values are what they say: valid ones pass, invalid ones fail', () => {
    for (const v of VALID_TASKS) expect(api.isTask!(v)).toBe(true);
    for (const v of INVALID_TASKS) expect(api.isTask!(v)).toBe(false);
  });

  it('writes types for every model into a check that the zod types equal the interfaces', () => {
    const names = ir.models.map((m) => m.tsName);
    const lines = [
      'import type * as T from "./index.js";',
      'import type * as Z from "./zod/index.js";',
      'type Both<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
      ...names.map((n) => `export const ${n}: Both<T.${n}, Z.${n}> = true;`),
      // A control: different types must not pass as equal (so the checks above can fail).
      '// @ts-expect-error Task and TaskStatus differ',
      'export const control: Both<T.Task, Z.TaskStatus> = true;',
    ];
    fs.writeFileSync(path.join(dir, 'types-equal.ts'), `${lines.join('\n')}\n`);
    expect(fs.readFileSync(path.join(dir, 'zod', 'task.ts'), 'utf8')).toContain('export type Task = z.infer<typeof TaskSchema>;');
  });
});

// ---------------------------------------------------------------------------------------------
// Options, on small IRs written by hand
// ---------------------------------------------------------------------------------------------

const prim = (type: Extract<TypeRef, { kind: 'primitive' }>['type']): TypeRef => ({ kind: 'primitive', type });
const ref = (id: string): TypeRef => ({ kind: 'ref', model: `${id}.md` });
const lit = (value: string | number | boolean | null): TypeRef => ({ kind: 'literal', value });
const meta = (id: string): Omit<ObjectModel, 'kind' | 'fields' | 'additionalProperties'> => ({
  id: `${id}.md`,
  name: id,
  tsName: id,
  file: `${id}.md`,
  line: 1,
  description: null,
  deprecated: false,
});
const field = (name: string, type: TypeRef, required = true, nullable = false): Field => ({
  name,
  type,
  required,
  nullable,
  description: null,
  example: null,
  deprecated: false,
  line: 1,
  column: 1,
});
const object = (id: string, fields: Field[], additionalProperties: TypeRef | null = null): ObjectModel => ({
  ...meta(id),
  kind: 'object',
  fields,
  additionalProperties,
});
const enumOf = (id: string, values: (string | number)[]): EnumModel => ({
  ...meta(id),
  kind: 'enum',
  valueType: values.every((v) => typeof v === 'number') ? 'number' : 'string',
  open: false,
  values: values.map((value, i) => ({ name: String(value), memberName: `V${i}`, value, line: 1, column: 1 })),
});
const union = (id: string, members: TypeRef[]): UnionModel => ({ ...meta(id), kind: 'union', members });
const irOf = (...models: Model[]): IR => ({ version: 1, roots: [models[0]!.id], models, diagnostics: [] });

/** Pet = Cat | Dog (told apart by `kind`), Owner holding pets, a free-form Note, an Extra with an additionalProperties type. */
const PETS = irOf(
  object('Owner', [
    field('name', prim('string')),
    field('pets', { kind: 'array', items: ref('Pet') }),
    field('nick', prim('string'), false),
    field('note', ref('Note'), false),
    field('extra', ref('Extra'), false),
    field('either', { kind: 'union', members: [ref('Cat'), ref('Note')] }, false),
  ]),
  union('Pet', [ref('Cat'), ref('Dog')]),
  object('Cat', [field('kind', lit('cat')), field('lives', prim('integer'))]),
  object('Dog', [field('kind', ref('DogKind')), field('barks', prim('boolean')), field('owner', ref('Owner'), false)]),
  enumOf('DogKind', ['dog', 'puppy']),
  object('Note', []),
  object('Extra', [field('id', prim('string'))], prim('number')),
);

describe('union dispatch', () => {
  let api: Api;
  let zod: ZodApi;
  let dir: string;
  beforeAll(async () => {
    dir = await emitTo('pets', PETS);
    api = await importTranspiled<Api>(dir, path.join(dir, 'js'));
    zod = await importTranspiled<ZodApi>(path.join(dir, 'zod'), path.join(dir, 'zod-js'));
  });
  const paths = (value: unknown): string[] => ((api.validateOwner!(value) as { errors?: Issue[] }).errors ?? []).map((e) => e.path);

  it("switches on the distinguishing field and reports the selected member's errors", () => {
    expect(fs.readFileSync(path.join(dir, 'pet.ts'), 'utf8')).toMatch(
      /switch \(\(value as Record<string, unknown>\)\["kind"\]\) \{\s*case "cat":\s*return isCat\(value\);\s*case "dog":\s*case "puppy":\s*return isDog\(value\);/,
    );
    const pets = [
      { kind: 'cat', lives: 9 },
      { kind: 'puppy', barks: true, owner: { name: 'o', pets: [] } },
    ];
    expect(paths({ name: 'a', pets })).toEqual([]);
    expect(
      paths({
        name: 'a',
        pets: [
          { kind: 'cat', lives: 1.5 },
          { kind: 'dog', barks: 'yes' },
        ],
      }),
    ).toEqual(['/pets/0/lives', '/pets/1/barks']);
    expect(paths({ name: 'a', pets: [{ kind: 'dog', barks: true, owner: { name: 1, pets: [{ kind: 'cow' }, {}, 'x'] } }] })).toEqual([
      '/pets/0/owner/name',
      '/pets/0/owner/pets/0/kind',
      '/pets/0/owner/pets/1/kind',
      '/pets/0/owner/pets/2',
    ]);
    const missing = (api.validatePet!({ lives: 1 }) as { errors: Issue[] }).errors;
    expect(missing).toEqual([expect.objectContaining({ path: '/kind', expected: '"cat" | "dog" | "puppy"', received: 'missing' })]);
  });

  it("a union no field tells apart reports its only member of the value's kind, else one mismatch", () => {
    // Cat | Note: both objects, Note has no `kind`: no dispatch; both take objects: one mismatch.
    expect(paths({ name: 'a', pets: [], either: { kind: 'cat' } })).toEqual([]);
    expect(paths({ name: 'a', pets: [], either: 5 })).toEqual(['/either']);
    expect(paths({ name: 'a', pets: 'none' })).toEqual(['/pets']);
  });

  it('zod and ajv agree on those values', () => {
    const ajv = compileSchema(dir, 'owner.schema.json', { ownProperties: true });
    for (const value of [
      { name: 'a', pets: [{ kind: 'cat', lives: 9 }] },
      { name: 'a', pets: [{ kind: 'puppy', barks: 1 }] },
      { name: 'a', pets: [{ lives: 1 }] },
      { name: 'a', pets: [], extra: { id: 'x', n: 1 } },
      { name: 'a', pets: [], extra: { id: 'x', n: 'one' } },
    ]) {
      const ok = api.isOwner!(value);
      expect(ajv(value)).toBe(ok);
      expect(zod.OwnerSchema!.safeParse(value).success).toBe(ok);
    }
  });
});

describe('option additionalProperties', () => {
  let strict: Api;
  let loose: Api;
  let strictDir: string;
  beforeAll(async () => {
    strictDir = await emitTo('strict', PETS, { additionalProperties: 'reject' });
    strict = await importTranspiled<Api>(strictDir, path.join(strictDir, 'js'));
    const looseDir = await emitTo('loose', PETS, { additionalProperties: 'allow' });
    loose = await importTranspiled<Api>(looseDir, path.join(looseDir, 'js'));
  });

  it('"reject" reports each unknown key at its own pointer; "allow" (the default) accepts them', () => {
    const value = JSON.parse('{"name":"a","pets":[{"kind":"cat","lives":1,"color":"red"}],"age":3,"a/b":1,"__proto__":{}}');
    expect(loose.isOwner!(value)).toBe(true);
    expect(strict.isOwner!(value)).toBe(false);
    const errors = (strict.validateOwner!(value) as { errors: Issue[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(['/pets/0/color', '/age', '/a~1b', '/__proto__']);
    expect(errors[1]).toMatchObject({ expected: 'never', received: 'integer', message: expect.stringContaining('not a field of Owner') });
  });

  it('an empty table stays free-form and an additionalProperties type still decides other keys', () => {
    expect(strict.isOwner!({ name: 'a', pets: [], note: { anything: [1] }, extra: { id: 'x', more: 2 } })).toBe(true);
    expect((strict.validateOwner!({ name: 'a', pets: [], extra: { id: 'x', more: 'two' } }) as { errors: Issue[] }).errors.map((e) => e.path)).toEqual([
      '/extra/more',
    ]);
  });

  it('the JSON Schema says additionalProperties: false, zod uses strictObject; both agree', async () => {
    const owner = JSON.parse(fs.readFileSync(path.join(strictDir, 'schema', 'owner.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(owner.additionalProperties).toBe(false);
    expect(fs.readFileSync(path.join(strictDir, 'zod', 'owner.ts'), 'utf8')).toContain('z.strictObject({');
    const zod = await importTranspiled<ZodApi>(path.join(strictDir, 'zod'), path.join(strictDir, 'zod-js'));
    const ajv = compileSchema(strictDir, 'owner.schema.json', { ownProperties: true });
    for (const value of [
      { name: 'a', pets: [] },
      { name: 'a', pets: [], x: 1 },
      { name: 'a', pets: [{ kind: 'cat', lives: 1, x: 1 }] },
      { name: 'a', pets: [], note: { x: 1 } },
    ]) {
      expect(ajv(value)).toBe(strict.isOwner!(value));
      expect(zod.OwnerSchema!.safeParse(value).success).toBe(strict.isOwner!(value));
    }
  });
});

describe('option nullableOptionals', () => {
  const ir = irOf(
    object('Item', [
      field('id', prim('string')),
      field('note', prim('string'), false),
      field('tags', { kind: 'array', items: prim('string') }, false),
      field('parent', ref('Item'), false),
      field('must', prim('integer'), true, true),
    ]),
  );
  let dir: string;
  let api: Api;
  beforeAll(async () => {
    dir = await emitTo('nullable', ir, { nullableOptionals: true });
    api = await importTranspiled<Api>(dir, path.join(dir, 'js'));
  });

  it('optional fields also accept null, in the interface and the validator alike; required ones do not', async () => {
    const text = fs.readFileSync(path.join(dir, 'item.ts'), 'utf8');
    expect(text).toContain('note?: string | null;');
    expect(text).toContain('parent?: Item | null;');
    expect(text).toContain('id: string;');
    expect(api.isItem!({ id: 'a', note: null, tags: null, parent: null, must: null })).toBe(true);
    expect(
      (api.validateItem!({ id: null, note: 1, must: 1, parent: { id: 'b', must: null, note: null, tags: [null] } }) as { errors: Issue[] }).errors.map(
        (e) => e.path,
      ),
    ).toEqual(['/id', '/note', '/parent/tags/0']);
    const def = await emitTo('nullable-default', ir);
    const plain = await importTranspiled<Api>(def, path.join(def, 'js'));
    expect(plain.isItem!({ id: 'a', note: null, must: 1 })).toBe(false);
  });

  it('the JSON Schema and zod targets say the same', async () => {
    const zod = await importTranspiled<ZodApi>(path.join(dir, 'zod'), path.join(dir, 'zod-js'));
    const ajv = compileSchema(dir, 'item.schema.json', { ownProperties: true });
    for (const value of [
      { id: 'a', note: null, must: 1 },
      { id: null, must: 1 },
      { id: 'a', must: null, parent: { id: 'b', note: null, must: 2 } },
      { id: 'a', must: 1, tags: [null] },
    ]) {
      expect(ajv(value)).toBe(api.isItem!(value));
      expect(zod.ItemSchema!.safeParse(value).success).toBe(api.isItem!(value));
    }
  });
});

describe('option dates: "Date"', () => {
  const ir = irOf(
    object('Event', [
      field('at', prim('date-time')),
      field('day', prim('date'), false),
      field('times', { kind: 'array', items: prim('date-time') }, false),
      field('byDay', { kind: 'map', values: prim('date') }, false),
      field('maybe', prim('date-time'), true, true),
      field('when', { kind: 'union', members: [prim('integer'), prim('date-time')] }, false),
      field('next', ref('Event'), false),
      field('label', prim('string'), false),
    ]),
  );
  let dir: string;
  let api: Api;
  const json = {
    at: '2024-02-29T10:00:00.5+01:00',
    day: '2024-02-29',
    times: ['1990-12-31T23:59:60Z'],
    byDay: { a: '2000-01-01' },
    maybe: null,
    when: '2024-01-01T00:00:00z',
    next: { at: '2024-03-01T00:00:00Z', maybe: '2024-03-01T00:00:00Z', when: 5 },
    label: 'x',
  };
  beforeAll(async () => {
    dir = await emitTo('dates', ir, { dates: 'Date' });
    api = await importTranspiled<Api>(dir, path.join(dir, 'js'));
  });

  it('types dates as Date; isX and validateX take Date objects (not strings, not Invalid Date)', () => {
    const text = fs.readFileSync(path.join(dir, 'event.ts'), 'utf8');
    expect(text).toContain('at: Date;');
    expect(text).toContain('byDay?: { [key: string]: Date };');
    expect(text).toContain('export function parseEvent(json: unknown): rt.ValidationResult<Event>');
    expect(api.isEvent!({ at: new Date(0), maybe: null })).toBe(true);
    expect(api.isEvent!({ at: '2024-02-29T10:00:00Z', maybe: null })).toBe(false);
    expect((api.validateEvent!({ at: new Date(Number.NaN), maybe: null, times: ['x'] }) as { errors: Issue[] }).errors).toEqual([
      expect.objectContaining({ path: '/at', expected: 'Date' }),
      expect.objectContaining({ path: '/times/0', expected: 'Date' }),
    ]);
  });

  it('parseX validates the JSON form (RFC 3339 strings) and converts a copy; the input is unchanged', () => {
    const before = JSON.stringify(json);
    const result = api.parseEvent!(json) as { success: true; value: Record<string, unknown> };
    expect(result.success).toBe(true);
    expect(JSON.stringify(json)).toBe(before);
    const v = result.value as {
      at: Date;
      day: Date;
      times: Date[];
      byDay: Record<string, Date>;
      maybe: null;
      when: Date;
      next: { at: Date; maybe: Date; when: number };
      label: string;
    };
    expect(v.at.getTime()).toBe(Date.UTC(2024, 1, 29, 9, 0, 0, 500));
    expect(v.day.getTime()).toBe(Date.UTC(2024, 1, 29));
    expect(v.times[0]!.getTime()).toBe(Date.UTC(1991, 0, 1));
    expect(v.byDay.a!.getTime()).toBe(Date.UTC(2000, 0, 1));
    expect(v.maybe).toBeNull();
    expect(v.when).toBeInstanceOf(Date);
    expect(v.next.at.getTime()).toBe(Date.UTC(2024, 2, 1));
    expect(v.next.when).toBe(5);
    expect(v.label).toBe('x');
    expect(api.isEvent!(v)).toBe(true);
    const bad = api.parseEvent!({ at: '2024-02-30T00:00:00Z', maybe: null, day: '2024-02-29T00:00:00Z', next: { at: new Date(), maybe: null } }) as {
      success: false;
      errors: Issue[];
    };
    expect(bad.errors.map((e) => e.path)).toEqual(['/at', '/day', '/next/at']);
  });

  it('zod parses to Date objects too; the JSON Schema still describes strings', async () => {
    const zod = await importTranspiled<ZodApi>(path.join(dir, 'zod'), path.join(dir, 'zod-js'));
    const parsed = zod.EventSchema!.safeParse(json);
    expect(parsed.success).toBe(true);
    expect((parsed.data as { at: Date }).at.getTime()).toBe(Date.UTC(2024, 1, 29, 9, 0, 0, 500));
    expect(zod.EventSchema!.safeParse({ at: '2024-02-30T00:00:00Z', maybe: null }).success).toBe(false);
    const schema = JSON.parse(fs.readFileSync(path.join(dir, 'schema', 'event.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    expect(schema.properties.at).toEqual({ type: 'string', format: 'date-time' });
    const ajv = compileSchema(dir, 'event.schema.json', { ownProperties: true });
    expect(ajv(json)).toBe(true);
  });
});

describe('option enumStyle', () => {
  const ir = irOf(object('Shirt', [field('size', ref('Size')), field('code', ref('Code'), false)]), enumOf('Size', ['s', 'm', 'l']), enumOf('Code', [1, 2]));

  it.each(['enum', 'const', 'union'] as const)('%s: declarations, same validators, zod types equal the interfaces', async (style) => {
    const dir = await emitTo(`enum-${style}`, ir, { enumStyle: style });
    const size = fs.readFileSync(path.join(dir, 'size.ts'), 'utf8');
    if (style === 'enum') expect(size).toMatch(/export enum Size \{(\s*\/\*\*.*\*\/)?\s*V0 = "s",/);
    if (style === 'const') {
      expect(size).toMatch(/export const Size = \{(\s*\/\*\*.*\*\/)?\s*V0: "s",[\s\S]*V2: "l",\s*\} as const;/);
      expect(size).toContain('export type Size = (typeof Size)[keyof typeof Size];');
    }
    if (style === 'union') {
      expect(size).toContain('export type Size = "s" | "m" | "l";');
      expect(size).not.toMatch(/export (const|enum) Size/);
    }
    const api = await importTranspiled<Api>(dir, path.join(dir, 'js'));
    expect(api.isShirt!({ size: 'm', code: 2 })).toBe(true);
    expect((api.validateShirt!({ size: 'xl', code: '1' }) as { errors: Issue[] }).errors.map((e) => e.path)).toEqual(['/size', '/code']);
    fs.writeFileSync(
      path.join(dir, 'types-equal.ts'),
      [
        'import type * as T from "./index.js";',
        'import type * as Z from "./zod/index.js";',
        'type Both<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
        ...['Shirt', 'Size', 'Code'].map((n) => `export const ${n}: Both<T.${n}, Z.${n}> = true;`),
      ].join('\n'),
    );
  });
});

describe('open enums', () => {
  // As corpus-wild typescript-openrouterteam-typescript-sdk `outputmodality.md` (`"text" | … | Unrecognized<string>`)
  // and `chainid.md` (`1 | 137 | 8453 | Unrecognized<number>`); Mixed has a boolean beside its strings.
  const open = (model: EnumModel, valueType: EnumModel['valueType'] = model.valueType): EnumModel => ({ ...model, open: true, valueType });
  const mixed: EnumModel = {
    ...enumOf('Mixed', ['a']),
    open: true,
    valueType: 'mixed',
    values: [...enumOf('Mixed', ['a']).values, { name: 'true', memberName: 'V1', value: true, line: 1, column: 1 }],
  };
  const ir = irOf(
    object('Reply', [
      field('modality', ref('Modality')),
      field('chain', ref('Chain'), false),
      field('mixed', ref('Mixed'), false),
      field('any', ref('Anything'), false),
    ]),
    open(enumOf('Modality', ['text', 'image'])),
    open(enumOf('Chain', [1, 137])),
    mixed,
    open(enumOf('Anything', []), 'string'),
  );
  const values: [unknown, boolean][] = [
    [{ modality: 'text' }, true],
    [{ modality: 'video', chain: 8453, mixed: 'zzz', any: 'x' }, true],
    [{ modality: 'text', mixed: true }, true],
    [{ modality: 1 }, false],
    [{ modality: 'text', chain: '137' }, false],
    [{ modality: 'text', mixed: false }, false],
    [{ modality: 'text', any: 2 }, false],
  ];

  it.each(['enum', 'const', 'union'] as const)('%s: the known values stay in the type, the schema and zod; other values of the type pass', async (style) => {
    const dir = await emitTo(`open-${style}`, ir, { enumStyle: style });
    const modality = fs.readFileSync(path.join(dir, 'modality.ts'), 'utf8');
    const chain = fs.readFileSync(path.join(dir, 'chain.ts'), 'utf8');
    if (style === 'union') {
      expect(modality).toContain('export type Modality = "text" | "image" | (string & {});');
      expect(chain).toContain('export type Chain = 1 | 137 | (number & {});');
    } else {
      expect(modality).toMatch(/export const Modality = \{(\s*\/\*\*.*\*\/)?\s*V0: "text",(\s*\/\*\*.*\*\/)?\s*V1: "image",\s*\} as const;/);
      expect(modality).toContain('export type Modality = (typeof Modality)[keyof typeof Modality] | (string & {});');
      expect(chain).toContain('export type Chain = (typeof Chain)[keyof typeof Chain] | (number & {});');
    }
    expect(fs.readFileSync(path.join(dir, 'mixed.ts'), 'utf8')).toContain('export type Mixed = "a" | true | (string & {});');
    expect(fs.readFileSync(path.join(dir, 'anything.ts'), 'utf8')).toContain('export type Anything = string & {};');
    const schema = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, 'schema', `${name}.schema.json`), 'utf8')).anyOf;
    expect(schema('modality')).toEqual([{ enum: ['text', 'image'] }, { type: 'string' }]);
    expect(schema('chain')).toEqual([{ enum: [1, 137] }, { type: 'number' }]);
    const zodText = fs.readFileSync(path.join(dir, 'zod', 'modality.ts'), 'utf8');
    expect(zodText).toContain(style === 'union' ? 'z.union([z.enum(["text", "image"]), z.string()])' : 'z.union([z.enum(Modality), z.string()])');
    expect(zodText).toMatch(/export type Modality = .*\(string & \{\}\);/);
    const api = await importTranspiled<Api>(dir, path.join(dir, 'js'));
    const zod = await importTranspiled<ZodApi>(path.join(dir, 'zod'), path.join(dir, 'zod-js'));
    const ajv = compileSchema(dir, 'reply.schema.json');
    for (const [value, ok] of values) {
      expect(api.isReply!(value), JSON.stringify(value)).toBe(ok);
      expect(ajv(value), JSON.stringify(value)).toBe(ok);
      expect(zod.ReplySchema!.safeParse(value).success, JSON.stringify(value)).toBe(ok);
    }
    expect((api.validateReply!({ modality: 1, chain: 'x' }) as { errors: { expected: string }[] }).errors.map((e) => e.expected)).toEqual(['string', 'number']);
    fs.writeFileSync(
      path.join(dir, 'types-equal.ts'),
      [
        'import type * as T from "./index.js";',
        'import type * as Z from "./zod/index.js";',
        'type Both<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
        ...['Reply', 'Modality', 'Chain', 'Mixed', 'Anything'].map((n) => `export const ${n}: Both<T.${n}, Z.${n}> = true;`),
      ].join('\n'),
    );
  });
});

describe('every output above', () => {
  it('type-checks under tsc --strict --module nodenext (TypeScript, zod, and the type-equality checks)', () => {
    expect(outputs.length).toBeGreaterThan(5);
    const files = outputs.flatMap((name) => {
      const dir = path.join(work, name);
      return [
        ...fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => `${name}/${f}`),
        ...fs
          .readdirSync(path.join(dir, 'zod'))
          .filter((f) => f.endsWith('.ts'))
          .map((f) => `${name}/zod/${f}`),
      ];
    });
    expect(typecheck(work, files)).toBe('');
  }, 300_000);
});
