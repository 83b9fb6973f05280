/**
 * The emit stage: IR → output files in memory (name → text), formatted by prettier (see
 * `./format.ts`).
 *
 * @module
 */

import { sha256 } from '../core/hash.js';
import { SETTINGS, TARGET_NAMES, type AdditionalProperties, type DatesMode, type EnumStyle, type Target } from '../core/options.js';
import fs from 'node:fs';
import type * as prettier from 'prettier';
import type { IR } from '../core/ir.js';
import { printSource, reexport, sourceFile, type FileSource } from './code.js';
import { formatFiles, loadFormatter, rememberFormatKeys, type FormatThreads, type KeptFiles } from './format.js';
import { packageFile } from '../core/package-root.js';
import { jsonSchemaDocument, schemaFileName } from './json-schema.js';
import { modelFile, type ModelFileOptions } from './model.js';
import { RUNTIME_FILE, runtimeText } from './runtime.js';
import { modelsWithDates } from './validators.js';
import { referenceGroups, ZOD_HELPERS_FILE, zodIndexSource, zodModelSource, zodSchemaNames } from './zod.js';

/** The outputs docs2ts can write from one IR. */
export const TARGETS = TARGET_NAMES;
export type { Target };

/** Options of {@link emit}. */
export interface EmitOptions {
  /** Banner template text; `{{sources}}` is replaced by the docs a file came from. Default: `templates/banner.txt`. */
  banner?: string;
  /**
   * Prettier options, over the configuration that applies in `out` (if given; docs2ts's
   * `printWidth: 100` when none does).
   */
  prettier?: prettier.Options;
  /** Format the files with prettier (default true); false: the files as generated, valid but not laid out. */
  format?: boolean;
  /**
   * The output folder the files are for: prettier formats them with the configuration that
   * applies there, and with the project's own prettier 3 when the project holding the folder has
   * one installed; files whose unformatted text is unchanged since the run that wrote the folder
   * are taken from it as they are (see README "Formatting"). Absent: docs2ts's prettier, no
   * configuration file.
   */
  out?: string;
  /**
   * What the manifest of `out` recorded (its files' hashes and format keys): the files whose
   * unformatted text is unchanged are kept from `out` (absent: every file is formatted).
   */
  kept?: KeptFiles;
  /** What to write; default `['typescript']`. */
  targets?: readonly Target[];
  /** Keys an object's table does not list: allowed (default) or reported, each at its pointer. */
  additionalProperties?: AdditionalProperties;
  /** Optional fields also accept `null`, in the interface and the validator alike. Default false. */
  nullableOptionals?: boolean;
  /** `date` / `date-time` values: RFC 3339 strings (default), or `Date` objects with `parseX(json)` converters. */
  dates?: DatesMode;
  /** How enums are written: `enum` (default), `const` (an object `as const` and a union type), or `union` (a union type only). */
  enumStyle?: EnumStyle;
}

/** The default banner template shipped in `templates/banner.txt`. */
export function defaultBanner(): string {
  return fs.readFileSync(packageFile('templates/banner.txt'), 'utf8');
}

/**
 * Output file names, one per model: the tsName in kebab case (`TaskStatus` → `task-status.ts`),
 * unique without regard to case (so case-insensitive file systems are safe), never `index.ts` or
 * the runtime file.
 *
 * @returns file name by model id
 */
export function fileNames(ir: IR): Map<string, string> {
  const taken = new Set(['index', RUNTIME_FILE.replace(/\.ts$/, ''), ZOD_HELPERS_FILE.replace(/\.ts$/, '')]);
  const names = new Map<string, string>();
  for (const model of ir.models) {
    const base =
      model.tsName
        .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1-$2')
        .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1-$2')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'model';
    let name = shorten(base);
    for (let n = 2; taken.has(name); n++) name = `${shorten(base)}-${n}`;
    taken.add(name);
    names.set(model.id, `${name}.ts`);
  }
  return names;
}

/** Longest file name stem: file systems allow 255 bytes a name, and zod/schema suffixes are added. */
const MAX_STEM_BYTES = 120;

/** A file name stem cut to {@link MAX_STEM_BYTES} (UTF-8), with a short hash of the whole so cut names stay distinct. */
function shorten(stem: string): string {
  if (Buffer.byteLength(stem) <= MAX_STEM_BYTES) return stem;
  let cut = stem;
  while (Buffer.byteLength(cut) > MAX_STEM_BYTES - 9) cut = cut.slice(0, -1);
  return `${cut}-${sha256(stem).slice(0, 8)}`;
}

/** The banner template's lines for a file generated from `sources` (no line terminator inside a line). */
function bannerLines(template: string, sources: string): string[] {
  // Every ECMAScript line terminator would end a `//` comment: none may reach a banner line.
  const text = template.replace(/\{\{\s*sources\s*\}\}/g, sources.replace(/[\r\n\u2028\u2029]+/g, ' ')).trimEnd();
  return text.split(/\r\n?|[\n\u2028\u2029]/);
}

/** Render the banner template as `//` comment lines for a file generated from `sources`. */
export function renderBanner(template: string, sources: string): string {
  return bannerLines(template, sources)
    .map((line) => (line === '' ? '//' : `// ${line}`))
    .join('\n');
}

/** The options of {@link emit} that change the generated code, with their defaults filled in. */
export function modelFileOptions(options: EmitOptions): ModelFileOptions {
  return {
    additionalProperties: options.additionalProperties ?? SETTINGS.additionalProperties.default,
    nullableOptionals: options.nullableOptionals ?? SETTINGS.nullableOptionals.default,
    dates: options.dates ?? SETTINGS.dates.default,
    enumStyle: options.enumStyle ?? SETTINGS.enumStyle.default,
  };
}

/**
 * Generate every output file of the requested targets from the IR.
 * - `typescript`: one file per model, `_runtime.ts`, and `index.ts` re-exporting everything, at
 *   the output's root;
 * - `json-schema`: `schema/<file>.schema.json`, one JSON Schema 2020-12 document per model;
 * - `zod`: `zod/<file>.ts` per model, `zod/_json.ts` (shared checks) and `zod/index.ts`.
 * Relative imports end in `.js` (for `--module nodenext`).
 *
 * Files are formatted as `options` say (see {@link EmitOptions.out}); the map returned carries
 * each file's format key for the manifest `writeOutput` writes with it.
 *
 * @param ir the IR (its diagnostics are not looked at: the caller stops on errors first)
 * @param threads helper threads to share the formatting with (default: none)
 * @param onProgress told how many of how many files are formatted, as they are (files the output
 *   folder already holds formatted are not counted)
 * @returns file name (relative, POSIX) → formatted text, sorted by name
 * @throws {Error} if prettier cannot format a file: a generated file it cannot parse (a bug in
 *   docs2ts), an invalid configuration or plugin (prettier's message)
 */
export async function emit(
  ir: IR,
  options: EmitOptions = {},
  threads?: FormatThreads,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, string>> {
  const sources = emitSources(ir, options);
  const sort = (files: Iterable<[string, string]>): Map<string, string> => new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (options.format === false) return sort(await printSources(sources));
  const { files, keys } = await formatFiles(sources, await loadFormatter(options.out, options.prettier), options.out, options.kept, threads, onProgress);
  const sorted = sort(files);
  rememberFormatKeys(sorted, keys);
  return sorted;
}

/**
 * {@link emit} without formatting: the same files, as ts-morph prints them (valid, not laid out by
 * prettier).
 *
 * @returns file name (relative, POSIX) → text, in the order written
 */
export async function emitUnformatted(ir: IR, options: EmitOptions = {}): Promise<Map<string, string>> {
  return printSources(emitSources(ir, options));
}

/** Every file's text: structures printed by ts-morph in this thread. */
async function printSources(sources: ReadonlyMap<string, FileSource>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, source] of sources) out.set(name, await printSource(source));
  return out;
}

/**
 * Every output file before printing: the TypeScript files as ts-morph structures under their
 * banner, the others as text (see `FileSource`). Building them loads neither ts-morph nor prettier.
 *
 * @returns file name (relative, POSIX) → source, in the order written
 */
export function emitSources(ir: IR, options: EmitOptions = {}): Map<string, FileSource> {
  const template = options.banner ?? defaultBanner();
  const targets = new Set<Target>(options.targets ?? SETTINGS.targets.default);
  const codeOptions = modelFileOptions(options);
  const names = fileNames(ir);
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const sources = ir.models.length === 0 ? 'no docs' : `${ir.models.length} docs`;
  const raw = new Map<string, FileSource>();

  if (targets.has('typescript')) {
    const runtimeImport = `./${RUNTIME_FILE.replace(/\.ts$/, '.js')}`;
    const withDates = modelsWithDates(byId);
    for (const model of ir.models) {
      const structure = modelFile(model, byId, (id) => names.get(id)!, runtimeImport, codeOptions, withDates);
      raw.set(names.get(model.id)!, { banner: renderBanner(template, `\`${model.file}\``), structure });
    }
    raw.set(RUNTIME_FILE, { text: `${renderBanner(template, sources)}\n\n${runtimeText(RUNTIME_FILE)}` });
    const exports = [...names.values()].sort().map((n) => reexport(`./${n.replace(/\.ts$/, '.js')}`));
    // Only the runtime's public API: its helpers (isDate, isObject, ...) could clash with a model's isX.
    exports.push(reexport(runtimeImport, ['ValidationFailedError']));
    exports.push(reexport(runtimeImport, ['ValidationError', 'ValidationResult'], true));
    raw.set('index.ts', { banner: renderBanner(template, sources), structure: sourceFile(exports) });
  }

  if (targets.has('json-schema')) {
    for (const model of ir.models) {
      const comment = bannerText(template, `\`${model.file}\``);
      const doc = jsonSchemaDocument(model, byId, (id) => names.get(id)!, codeOptions, comment);
      raw.set(`schema/${schemaFileName(names.get(model.id)!)}`, { text: `${JSON.stringify(doc, null, 2)}\n` });
    }
  }

  if (targets.has('zod')) {
    const { group, recursive } = referenceGroups(byId);
    const ctx = {
      models: byId,
      schemaName: zodSchemaNames(ir.models),
      group,
      recursive,
      options: codeOptions,
      moduleOf: (id: string) => `./${names.get(id)!.replace(/\.ts$/, '.js')}`,
    };
    for (const model of ir.models)
      raw.set(`zod/${names.get(model.id)!}`, { banner: renderBanner(template, `\`${model.file}\``), structure: zodModelSource(model, ctx) });
    // The helpers take the date checks from a copy of the runtime beside them (the zod target may be written alone).
    raw.set(`zod/${RUNTIME_FILE}`, { text: `${renderBanner(template, sources)}\n\n${runtimeText(RUNTIME_FILE)}` });
    raw.set(`zod/${ZOD_HELPERS_FILE}`, { text: `${renderBanner(template, sources)}\n\n${runtimeText(ZOD_HELPERS_FILE)}` });
    raw.set('zod/index.ts', { banner: renderBanner(template, sources), structure: zodIndexSource([...names.values()].sort()) });
  }
  return raw;
}

/** The banner's text as one line (for JSON documents, which have no comments): lines joined by spaces. */
export function bannerText(template: string, sources: string): string {
  return bannerLines(template, sources)
    .filter((line) => line !== '')
    .join(' ');
}
