/**
 * docs2ts's programmatic API: the stages the CLI is a thin layer over.
 *
 * ```ts
 * import { check, generate, parseDocs, renderGraph, writeOutput } from 'docs2ts';
 *
 * const { docs } = parseDocs('docs/models');                   // Markdown → DocModel[]
 * const { ir, files } = await generate({ input: 'docs/models', roots: ['Task'] });
 * if (files) writeOutput('src/generated', files);             // all-or-nothing
 * const { upToDate } = await check({ input: 'docs/models', roots: ['Task'], out: 'src/generated' });
 * console.log(renderGraph(ir, 'mermaid'));                    // a picture of the models
 * ```
 *
 * Problems in the docs never throw: they are {@link Diagnostic}s in `ir.diagnostics` (see
 * {@link hasErrors}). What throws is misuse: a missing input folder, an unknown notation, an
 * output folder that cannot be written ({@link WriteError}).
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, type EmitOptions } from './emit/index.js';
import type { Override } from './config.js';
import { buildModel, type BuildOptions, type DocSource } from './model/build.js';
import { hasErrors, type Diagnostic } from './core/diagnostics.js';
import type { IR } from './core/ir.js';
import { getNotation } from './notation/index.js';
import { folderDocSource } from './parse/files.js';
import type { DocModel } from './core/doc-model.js';
import { MANIFEST_FILE, readManifest } from './write.js';

export { parseDoc } from './parse/doc.js';
export { folderDocSource, memoryDocSource } from './parse/files.js';
export type { DocModel, DocField, DocValue, DocCell, DocUnionMember } from './core/doc-model.js';
export { buildModel, type DocSource, type BuildOptions } from './model/build.js';
export type { IR, Model, ModelBase, ObjectModel, EnumModel, UnionModel, Field, EnumValue, TypeRef, PrimitiveType, LiteralValue } from './core/ir.js';
export { IR_VERSION } from './core/ir.js';
export type { Diagnostic, Severity } from './core/diagnostics.js';
export type { Override } from './config.js';
export { hasErrors } from './core/diagnostics.js';
export { notations, getNotation, type Notation } from './notation/index.js';
export { emit, TARGETS, type EmitOptions, type Target } from './emit/index.js';
export { writeOutput, readManifest, WriteError, MANIFEST_FILE, type Manifest } from './write.js';
export { renderGraph, modelGraph, GRAPH_FORMATS, type GraphFormat, type ModelGraph, type GraphNode, type GraphEdge } from './graph.js';

/** Options of {@link buildIR} and {@link generate}: the CLI's flags, as data. */
export interface GenerateOptions extends EmitOptions {
  /** The docs folder (absolute, or relative to the working folder). */
  input: string;
  /**
   * Root models: heading names (`Task`) or doc paths relative to `input` (`shared/task.md`). The IR
   * holds the roots and every model they reach. Empty or absent: every model in `input`.
   */
  roots?: readonly string[];
  /** Notation id (`ruby`, `python`, `typescript`, `go`, `java`, `csharp`, `php`), or `auto` / absent: detected from the docs. */
  notation?: string;
  /** Read a link to a doc that does not exist as `unknown`, with a `link-missing` warning instead of an error. Default false. */
  allowBrokenLinks?: boolean;
  /**
   * Wire names from documented names: `preserve` (default), `camel` or `snake`. Left out, docs whose
   * SDK renames properties (Ruby, Python, Go, C#) get one `property-case-unset` warning; so does
   * `nullableOptionals` left out (`nullable-optionals-unset`) on docs that cannot mark null on
   * optional fields.
   */
  propertyCase?: 'preserve' | 'camel' | 'snake';
  /** Per-model / per-field overrides, keyed as in the config's `overrides`. */
  overrides?: Readonly<Record<string, Override>>;
}

/**
 * Parse every Markdown doc of a folder, without resolving anything: one {@link DocModel} per model
 * (a multi-model doc gives several; a file without a `#` heading gives none) and the parse
 * diagnostics (malformed tables, …).
 *
 * @param input the docs folder, or any {@link DocSource} (`memoryDocSource({...})`)
 * @returns `{ docs, diagnostics }`: docs in file order, then in the order they appear in a file
 * @throws {Error} when `input` is a path that is not a readable folder
 *
 * @example
 * ```ts
 * const { docs } = parseDocs('docs/models');
 * docs.filter((d) => d.kind === 'values').map((d) => d.title); // the enums' headings
 * ```
 */
export function parseDocs(input: string | DocSource): { docs: DocModel[]; diagnostics: Diagnostic[] } {
  const source = typeof input === 'string' ? folderDocSource(input) : input;
  const docs: DocModel[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of source.files) {
    const parsed = source.load(file);
    docs.push(...parsed.docs);
    diagnostics.push(...parsed.diagnostics);
  }
  return { docs, diagnostics };
}

/**
 * Parse the docs under `options.input` and build the IR (what `docs2ts ir` prints).
 *
 * @returns the IR: `{ version, roots, models, diagnostics }`, models sorted by id; problems in the
 *   docs (unresolved links, unreadable Type cells, a root that names no model) are in
 *   `ir.diagnostics`, not thrown
 * @throws {Error} when `input` is not a folder or the notation id is unknown
 *
 * @example
 * ```ts
 * const ir = buildIR({ input: 'docs/models', roots: ['Task'] });
 * if (hasErrors(ir.diagnostics)) console.error(ir.diagnostics);
 * ir.models.map((m) => m.tsName); // ['Clip', 'Task', 'TaskStatus', …]
 * ```
 */
export function buildIR(options: GenerateOptions): IR {
  const notation = options.notation === undefined || options.notation === 'auto' ? undefined : getNotation(options.notation);
  const build: BuildOptions = { roots: options.roots ?? [], allowBrokenLinks: options.allowBrokenLinks ?? false };
  if (notation) build.notation = notation;
  if (options.propertyCase) build.propertyCase = options.propertyCase;
  if (options.nullableOptionals !== undefined) build.nullableOptionals = options.nullableOptionals;
  if (options.overrides) build.overrides = options.overrides;
  return buildModel(folderDocSource(options.input), build);
}

/**
 * Build the IR and generate the output files in memory; nothing is written (see {@link writeOutput}).
 *
 * @returns the IR and, unless it has error diagnostics, the files: a Map from file name (relative,
 *   POSIX: `task.ts`, `_runtime.ts`, `index.ts`, …) to text, sorted by name; `files` is null when
 *   `ir.diagnostics` holds an error
 * @throws {Error} as {@link buildIR}
 *
 * @example
 * ```ts
 * const { ir, files } = await generate({ input: 'docs/models', roots: ['Task'], enumStyle: 'union' });
 * if (!files) throw new Error(ir.diagnostics.map((d) => d.message).join('\n'));
 * writeOutput('src/generated', files);
 * ```
 */
export async function generate(options: GenerateOptions): Promise<{ ir: IR; files: Map<string, string> | null }> {
  const ir = buildIR(options);
  if (hasErrors(ir.diagnostics)) return { ir, files: null };
  return { ir, files: await emit(ir, options) };
}

/** Options of {@link check}. */
export interface CheckOptions extends GenerateOptions {
  /** The output folder to compare with (as `generate` would write it). */
  out: string;
}

/** What {@link check} found. File names are relative to the output folder (POSIX), sorted. */
export interface CheckResult {
  /** The IR the expected files were generated from (look at its diagnostics when `upToDate` is false and every list is empty). */
  ir: IR;
  /** True when the folder holds exactly what `generate` would write: no stale, missing or extra file, and no error diagnostic. */
  upToDate: boolean;
  /**
   * Generated files whose text on disk differs; the manifest (`.docs2ts-manifest.json`) when the
   * files it lists are not the generated ones.
   */
  stale: string[];
  /** Generated files that do not exist; the manifest when there is none. */
  missing: string[];
  /** Files the folder's manifest lists, that still exist, and that are no longer generated (`generate` would remove them). */
  extra: string[];
}

/**
 * Generate in memory and compare with an output folder, byte for byte, writing nothing: is the
 * committed output up to date with the docs and options? Files docs2ts did not write (absent from
 * the manifest) are not looked at. Of the manifest only its list of files is compared (the input
 * hash the CLI records in it for incremental runs is its own bookkeeping).
 *
 * When the docs have error diagnostics nothing can be generated: the result has `upToDate: false`
 * and empty lists; the errors are in `ir.diagnostics`.
 *
 * @param options what {@link generate} takes, and `out`: the folder to compare with
 * @returns `{ ir, upToDate, stale, missing, extra }`
 * @throws {Error} as {@link buildIR}
 *
 * @example
 * ```ts
 * const result = await check({ input: 'fixtures', roots: ['Task'], out: 'generated' });
 * if (!result.upToDate) {
 *   console.error('out of date:', [...result.stale, ...result.missing, ...result.extra].join(', '));
 *   process.exitCode = 1;
 * }
 * ```
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const { ir, files } = await generate(options);
  if (!files) return { ir, upToDate: false, stale: [], missing: [], extra: [] };
  const out = path.resolve(options.out);
  const stale: string[] = [];
  const missing: string[] = [];
  for (const [name, text] of files) {
    let actual: string;
    try {
      actual = fs.readFileSync(path.join(out, name), 'utf8');
    } catch {
      missing.push(name);
      continue;
    }
    if (actual !== text) stale.push(name);
  }
  const manifest = readManifest(out);
  if (!manifest) missing.push(MANIFEST_FILE);
  else if (JSON.stringify([...new Set(manifest.files)].sort()) !== JSON.stringify([...files.keys()].sort())) stale.push(MANIFEST_FILE);
  const inside = (name: string): boolean => !path.isAbsolute(name) && !name.split(/[\\/]/).includes('..');
  const extra = [...new Set(manifest?.files ?? [])].filter((name) => !files.has(name) && inside(name) && fs.existsSync(path.join(out, name)));
  const sort = (list: string[]): string[] => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ir, upToDate: stale.length + missing.length + extra.length === 0, stale: sort(stale), missing: sort(missing), extra: sort(extra) };
}

/**
 * The JSON Schema (draft 2020-12) of the IR that {@link buildIR} returns and `docs2ts ir` prints.
 * The same file ships as `docs2ts/ir.schema.json`.
 *
 * @returns a fresh copy of the schema object
 */
export function irSchema(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(fileURLToPath(new URL('./core/ir.schema.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
}
