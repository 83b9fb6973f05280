/**
 * Load the three targets of an emitted output as users run them: the TypeScript and zod files
 * transpiled to JavaScript and imported natively, the JSON Schema documents compiled by ajv
 * (draft 2020-12, ajv-formats for `date` / `date-time`). Shared by the target tests, the
 * differential test and `npm run bench:validate`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020, type Options as AjvOptions, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ts from 'typescript';

// ajv-formats is CommonJS with a default export.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** Write emitted files (name → text) under a folder. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [name, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/**
 * Transpile every `.ts` file of a folder (not its subfolders) to `.js` in `out` and import one of them.
 * `zod` resolves from the project's node_modules (a link beside the files).
 */
export async function importTranspiled<T = Record<string, unknown>>(dir: string, out: string, entry = 'index.js'): Promise<T> {
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(dir, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  const modules = path.join(out, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules'), modules, 'dir');
  return (await import(pathToFileURL(path.join(out, entry)).href)) as T;
}

/**
 * A new ajv for the emitted documents: draft 2020-12, strict (but `strictRequired`, which refuses
 * the `required: ["__proto__"]` of a field matched by `patternProperties`), formats from ajv-formats.
 */
export function newAjv(options: AjvOptions = {}): Ajv2020 {
  return addFormats(new Ajv2020({ strict: true, strictRequired: false, ...options }));
}

/**
 * Compile the JSON Schema document of a model with every document of `schema/` added, so the
 * `$ref`s between them resolve by file name.
 *
 * @param dir the output folder (holding `schema/`)
 * @param document the root document's file name (`task.schema.json`)
 */
export function compileSchema(dir: string, document: string, options: AjvOptions = {}): ValidateFunction {
  const ajv = newAjv(options);
  const folder = path.join(dir, 'schema');
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as object);
  }
  return ajv.getSchema(document)!;
}
