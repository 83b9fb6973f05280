/**
 * The heavy part of a CLI run (Markdown parser, emitters), loaded only when the
 * incremental check cannot answer: build the IR, report, emit, write or compare.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { emit, type EmitOptions, type Target } from './emit/index.js';
import { buildModel, type BuildOptions } from './model/build.js';
import type { Diagnostic } from './model/diagnostics.js';
import type { IR } from './model/ir.js';
import { getNotation } from './notation/index.js';
import { Helpers } from './parallel/helpers.js';
import { folderDocSource } from './parse/files.js';
import type { Job } from './job.js';
import { manifestText, MANIFEST_FILE, outputFolderStat, readManifest, writeOutput } from './write.js';

/**
 * Build the IR of a job. A run without roots reads every doc: they are parsed first, shared out
 * with the helper threads. A rooted run parses only the docs its roots reach (names are found by a
 * cheap scan of the headings, see `src/parse/scan.ts`). `read`: the docs' bytes when the caller
 * has read them already (to hash them).
 */
export async function buildJobIR(job: Job, onProgress?: (stage: string) => void, helpers: Helpers = Helpers.none(), read?: Map<string, Uint8Array>): Promise<IR> {
  onProgress?.('parse');
  const notation = job.notation === undefined ? undefined : getNotation(job.notation);
  // A setting left to its default is not passed: the build then says once what it would change.
  const options: BuildOptions = { roots: job.roots, allowBrokenLinks: job.allowBrokenLinks, overrides: job.overrides };
  if (job.chosen?.includes('propertyCase')) options.propertyCase = job.propertyCase;
  if (job.chosen?.includes('nullableOptionals')) options.nullableOptionals = job.nullableOptionals;
  const source = folderDocSource(job.input, read);
  if (job.roots.length === 0) await source.preload(helpers);
  onProgress?.('resolve');
  return buildModel(source, notation ? { ...options, notation } : options);
}

/**
 * Emit the job's files in memory, formatted for the output folder (see `EmitOptions.out`) with
 * the helper threads' help, unless the job says `format: false`.
 */
export async function emitJob(job: Job, ir: IR, onProgress?: (stage: string) => void, helpers: Helpers = Helpers.none()): Promise<Map<string, string>> {
  onProgress?.('emit');
  const options: EmitOptions = {
    targets: job.targets as Target[],
    additionalProperties: job.additionalProperties,
    nullableOptionals: job.nullableOptionals,
    dates: job.dates,
    enumStyle: job.enumStyle,
    format: job.format,
  };
  if (job.out !== undefined) options.out = job.out;
  if (job.banner !== undefined) options.banner = job.banner;
  return emit(ir, options, helpers);
}

/** Write the files (all-or-nothing) with the manifest recording the input hash. */
export function writeJob(job: Job, files: Map<string, string>, inputHash: string): void {
  writeOutput(job.out!, files, inputHash);
}

/** What differs between an output folder and the files generate would write. */
export interface Comparison {
  stale: string[];
  missing: string[];
  extra: string[];
  /** Unified diffs (from `diff`), one per stale, missing or extra file. */
  patches: string[];
}

/**
 * Compare generated files with an output folder. `extra` are files the folder's manifest says
 * docs2ts wrote that it would not write now; files of the user's are not looked at. The manifest
 * itself is compared too (it records the input hash).
 *
 * @throws {WriteError} when `out` exists and is not a folder
 */
export async function compareOutput(out: string, files: ReadonlyMap<string, string>, inputHash: string): Promise<Comparison> {
  // As `writeOutput` refuses it: a file where the folder should be is not "every file missing".
  outputFolderStat(out);
  // `diff` is loaded only by runs that compare.
  const { createTwoFilesPatch } = await import('diff');
  const expected = new Map(files);
  expected.set(MANIFEST_FILE, manifestText(files, inputHash));
  const owned = new Set(readManifest(out)?.files ?? []);
  const result: Comparison = { stale: [], missing: [], extra: [], patches: [] };
  for (const [name, text] of [...expected].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let actual: string | null = null;
    try {
      actual = fs.readFileSync(path.join(out, name), 'utf8');
    } catch {
      actual = null;
    }
    if (actual === text) continue;
    if (actual === null) result.missing.push(name);
    else result.stale.push(name);
    result.patches.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, actual ?? '', text, undefined, undefined, { context: 3 }));
  }
  for (const name of [...owned].sort()) {
    if (expected.has(name) || !fs.existsSync(path.join(out, name))) continue;
    result.extra.push(name);
    result.patches.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, fs.readFileSync(path.join(out, name), 'utf8'), '', undefined, undefined, { context: 3 }));
  }
  return result;
}

/** Inference diagnostics `docs2ts explain` lists. */
export const INFERENCE_RULES = new Set([
  'notation-detected',
  'enum-value-type',
  'nullable-inferred',
  'date-label',
  'example-dropped',
  'not-a-model',
  'transport-field',
  'transport-member',
  'binary-as-string',
  'additional-properties',
  'required-missing',
  'override-applied',
  'root-ambiguous',
  'union-cycle',
  'property-case-unset',
  'nullable-optionals-unset',
]);

/** The inferences of an IR, in document order. */
export function inferences(ir: IR): Diagnostic[] {
  return ir.diagnostics.filter((d) => INFERENCE_RULES.has(d.ruleId));
}
