/**
 * docs2ts's programmatic API: the stages the CLI is a thin layer over.
 *
 * ```ts
 * import { check, explain, generate, parseDocs, renderGraph, writeOutput } from 'docs2ts';
 *
 * const { docs } = parseDocs('docs/models');                   // Markdown → DocModel[]
 * const { ir, files } = await generate({ input: 'docs/models', roots: ['Task'] });
 * if (files) writeOutput('src/generated', files);             // all-or-nothing
 * const { upToDate } = await check({ input: 'docs/models', roots: ['Task'], out: 'src/generated' });
 * const inferred = await explain({ input: 'docs/models' });   // what the docs forced
 * console.log(renderGraph(ir, 'mermaid'));                    // a picture of the models
 * ```
 *
 * These functions run the same core as the CLI (`src/commands.ts`): given the same options they
 * give the CLI's answers.
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
import { checkCommand, explainCommand, generateCommand } from './commands.js';
import type { Diagnostic } from './core/diagnostics.js';
import type { DocModel } from './core/doc-model.js';
import type { DocSource } from './core/doc-source.js';
import type { IR } from './core/ir.js';
import type { Override, PropertyCase } from './core/options.js';
import type { EmitOptions } from './emit/index.js';
import { jobOf, type Job } from './job.js';
import { folderDocSource } from './parse/files.js';
import { buildSourceIR } from './run.js';

export { parseDoc } from './parse/doc.js';
export { folderDocSource, memoryDocSource } from './parse/files.js';
export type { DocModel, DocField, DocValue, DocCell, DocUnionMember } from './core/doc-model.js';
export { buildModel, type BuildOptions } from './model/build.js';
export type { DocSource } from './core/doc-source.js';
export type { IR, Model, ModelBase, ObjectModel, EnumModel, UnionModel, Field, EnumValue, TypeRef, PrimitiveType, LiteralValue } from './core/ir.js';
export { IR_VERSION } from './core/ir.js';
export type { Diagnostic, Severity } from './core/diagnostics.js';
export type { Override } from './core/options.js';
export { RULES, type Rule } from './core/diagnostics.js';
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
  propertyCase?: PropertyCase;
  /** Per-model / per-field overrides, keyed as in the config's `overrides`. */
  overrides?: Readonly<Record<string, Override>>;
  /**
   * The output folder the files are for: the prettier configuration that applies to it formats
   * them, as the CLI's `--out` does (nothing is written). Absent: prettier's defaults.
   */
  out?: string;
}

/** The job the CLI would run with these options (paths made absolute). */
function jobFor(options: GenerateOptions): Job {
  const base = {
    input: path.resolve(options.input),
    out: options.out === undefined ? undefined : path.resolve(options.out),
    roots: [...(options.roots ?? [])],
    overrides: { ...options.overrides },
    banner: options.banner,
    prettier: options.prettier,
  };
  return jobOf(base, options);
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
  const job = jobFor(options);
  return buildSourceIR(job, folderDocSource(job.input));
}

/**
 * The inferences the docs forced (what `docs2ts explain` lists): the diagnostics of the rules
 * {@link RULES} marks as inferences, each with its place and the override that changes it.
 *
 * @returns `{ ir, inferences }`: the IR built and its inference diagnostics, in document order
 * @throws {Error} as {@link buildIR}
 *
 * @example
 * ```ts
 * const { inferences } = await explain({ input: 'docs/models', roots: ['Task'] });
 * for (const d of inferences) console.log(`${d.file}:${d.line} ${d.ruleId} ${d.message}`);
 * ```
 */
export async function explain(options: GenerateOptions): Promise<{ ir: IR; inferences: Diagnostic[] }> {
  return explainCommand(jobFor(options));
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
  const { ir, files } = await generateCommand(jobFor(options), { force: true });
  return { ir: ir!, files };
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
 * hash recorded in it for incremental runs is bookkeeping). The user's prettier configuration that
 * applies to `out` formats the expected files, as `docs2ts check` does: both give the same answer.
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
  const { ir, upToDate, stale, missing, extra } = await checkCommand(jobFor(options), { force: true });
  return { ir: ir!, upToDate, stale, missing, extra };
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
