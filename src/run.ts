/**
 * The heavy part of a run (Markdown parser, emitters), loaded by `./commands.ts` only when the
 * incremental check cannot answer: build the IR, emit, write or compare.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { emit, type EmitOptions } from './emit/index.js';
import type { FormatThreads } from './emit/format.js';
import type { ParseThreads } from './core/doc-source.js';
import type { DocSource } from './core/doc-source.js';
import { buildModel, type BuildOptions } from './model/build.js';
import type { IR } from './core/ir.js';
import { getNotation } from './notation/index.js';
import { folderDocSource } from './parse/files.js';
import type { Job } from './job.js';
import { manifestText, MANIFEST_FILE, outputFolderStat, readManifest, writeOutput } from './write.js';

/** The IR of a job from its docs (parsed as `load` is called): what both build paths end in. */
export function buildSourceIR(job: Job, source: DocSource): IR {
  const notation = job.notation === undefined ? undefined : getNotation(job.notation);
  // A setting left to its default is not passed: the build then says once what it would change.
  const options: BuildOptions = { roots: job.roots, allowBrokenLinks: job.allowBrokenLinks, overrides: job.overrides };
  if (job.chosen?.includes('propertyCase')) options.propertyCase = job.propertyCase;
  if (job.chosen?.includes('nullableOptionals')) options.nullableOptionals = job.nullableOptionals;
  return buildModel(source, notation ? { ...options, notation } : options);
}

/**
 * Build the IR of a job. A run without roots reads every doc: they are parsed first, shared out
 * with the helper threads. A rooted run parses only the docs its roots reach (names are found by a
 * cheap scan of the headings, see `src/parse/scan.ts`). `read`: the docs' bytes when the caller
 * has read them already (to hash them).
 *
 * @throws {Error} when the input is not a folder or the notation id is unknown
 */
export async function buildJobIR(
  job: Job,
  onProgress?: (stage: string, done?: number, total?: number) => void,
  threads?: ParseThreads,
  read?: Map<string, Uint8Array>,
): Promise<IR> {
  onProgress?.('parse');
  if (job.notation !== undefined) getNotation(job.notation);
  const source = folderDocSource(job.input, read);
  if (job.roots.length === 0) await source.preload(threads, onProgress && ((done, total) => onProgress('parse', done, total)));
  onProgress?.('resolve');
  return buildSourceIR(job, source);
}

/**
 * Emit the job's files in memory, formatted for the output folder (see `EmitOptions.out`) with
 * the helper threads' help, unless the job says `format: false`.
 */
export async function emitJob(
  job: Job,
  ir: IR,
  onProgress?: (stage: string, done?: number, total?: number) => void,
  threads?: FormatThreads,
): Promise<Map<string, string>> {
  onProgress?.('emit');
  const options: EmitOptions = {
    targets: job.targets,
    additionalProperties: job.additionalProperties,
    nullableOptionals: job.nullableOptionals,
    dates: job.dates,
    enumStyle: job.enumStyle,
    format: job.format,
  };
  if (job.prettier !== undefined) options.prettier = job.prettier;
  if (job.out !== undefined) {
    options.out = job.out;
    const manifest = readManifest(job.out);
    if (manifest) options.kept = manifest;
  }
  if (job.banner !== undefined) options.banner = job.banner;
  return emit(ir, options, threads, onProgress && ((done, total) => onProgress('format', done, total)));
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
 * Compare generated files with an output folder, byte for byte. `extra` are files the folder's
 * manifest says docs2ts wrote that it would not write now (and that still exist); files of the
 * user's are not looked at. The manifest is stale when the files it lists are not the generated
 * ones (the input hash it records is the incremental check's bookkeeping, not compared).
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
  const manifest = readManifest(out);
  const owned = new Set(manifest?.files ?? []);
  const sameList = manifest !== null && JSON.stringify([...owned].sort()) === JSON.stringify([...files.keys()].sort());
  const inside = (name: string): boolean => !path.isAbsolute(name) && !name.split(/[\\/]/).includes('..');
  const result: Comparison = { stale: [], missing: [], extra: [], patches: [] };
  for (const [name, text] of [...expected].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let actual: string | null;
    try {
      actual = fs.readFileSync(path.join(out, name), 'utf8');
    } catch {
      actual = null;
    }
    if (actual === text || (name === MANIFEST_FILE && actual !== null && sameList)) continue;
    if (actual === null) result.missing.push(name);
    else result.stale.push(name);
    result.patches.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, actual ?? '', text, undefined, undefined, { context: 3 }));
  }
  for (const name of [...owned].sort()) {
    if (expected.has(name) || !inside(name) || !fs.existsSync(path.join(out, name))) continue;
    result.extra.push(name);
    result.patches.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, fs.readFileSync(path.join(out, name), 'utf8'), '', undefined, undefined, { context: 3 }));
  }
  return result;
}
