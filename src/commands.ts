/**
 * The one path from a job to an answer: the CLI's `generate` (and `--watch`), `check`, `ir`,
 * `explain` and `graph`, and the API's functions of the same names, all run these. The CLI only
 * turns flags and config into a {@link Job} and prints; the API only turns its options into one.
 *
 * Light to import: the Markdown parser, the emitters and prettier (`./run.ts`) load only when a
 * command has to build (an unchanged tree answers `generate` and `check` from the output's
 * manifest). Helper threads are started here, per command, and handed in to the stages.
 *
 * @module
 */

import fs from 'node:fs';
import { hasErrors, inferences, type Diagnostic } from './core/diagnostics.js';
import type { IR } from './core/ir.js';
import { packageFile } from './core/package-root.js';
import type { GraphFormat } from './graph.js';
import { inputHash, isUpToDate } from './incremental.js';
import type { Job } from './job.js';
import type { Helpers } from './parallel/helpers.js';
import { findPrettier, formatInputs } from './emit/prettier.js';
import type { Comparison } from './run.js';

/** The output could not be formatted (the user's prettier config or plugins failed on it); nothing was written. */
export class FormatError extends Error {}

/** How a command runs (all optional). */
export interface RunContext {
  /**
   * Called as each stage starts (`parse`, `resolve`, `emit`, `write`), and, for the stages that
   * count their items, as they advance (`done` of `total`).
   */
  onProgress?: (stage: string, done?: number, total?: number) => void;
  /** `generate` / `check`: build even when the output's manifest says it is up to date. */
  force?: boolean;
  /** Whether an IR may be emitted; default: when it has no error diagnostic (the CLI also stops on too many warnings). */
  accept?: (ir: IR) => boolean;
}

/** docs2ts's version (package.json). */
export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The hash of everything a job's output depends on: the docs, the job's settings, the prettier
 * configuration that applies to the output folder, the prettier that formats it and the docs2ts version (recorded in the
 * manifest; see `inputHash`).
 *
 * @param read when given, receives the docs' bytes (a rooted run then scans them from memory)
 */
export function jobHash(job: Job, read?: Map<string, Uint8Array>): string {
  const { input: _input, out: _out, ...rest } = job;
  return inputHash(job.input, { docs2ts: version(), ...rest, prettier: formatInputs(job.out, job.format) }, read);
}

/** Run `fn` with helper threads for the stages that split over cores, and stop them after. */
async function withThreads<T>(fn: (threads: Helpers) => Promise<T>): Promise<T> {
  const { Helpers } = await import('./parallel/helpers.js');
  const threads = Helpers.start();
  try {
    return await fn(threads);
  } finally {
    await threads.close();
  }
}

/**
 * `ir`: parse the job's docs and build the IR.
 *
 * @returns the IR; problems in the docs are in `ir.diagnostics`
 * @throws {Error} when the input is not a folder or the notation id is unknown
 */
export async function irCommand(job: Job, context: RunContext = {}): Promise<IR> {
  const stages = await import('./run.js');
  return withThreads((threads) => stages.buildJobIR(job, context.onProgress, threads));
}

/**
 * `explain`: the inferences the docs forced (the diagnostics of the rules the registry marks as
 * inferences), in document order.
 *
 * @throws {Error} as {@link irCommand}
 */
export async function explainCommand(job: Job, context: RunContext = {}): Promise<{ ir: IR; inferences: Diagnostic[] }> {
  const ir = await irCommand(job, context);
  return { ir, inferences: inferences(ir.diagnostics) };
}

/**
 * `graph`: the model graph drawn as text.
 *
 * @throws {Error} as {@link irCommand}
 */
export async function graphCommand(job: Job, format: GraphFormat, context: RunContext = {}): Promise<{ ir: IR; text: string }> {
  const ir = await irCommand(job, context);
  const { renderGraph } = await import('./graph.js');
  return { ir, text: renderGraph(ir, format) };
}

/** What {@link generateCommand} did. */
export interface GenerateAnswer {
  /** The IR, or null when the manifest answered (nothing was built: the output is up to date). */
  ir: IR | null;
  /** The files (name → text, sorted), or null when none were emitted: the manifest answered, or the IR was not accepted. */
  files: Map<string, string> | null;
  /** True when the files were written. */
  written: boolean;
}

/** Build the IR, and emit its files when the context accepts it. */
async function emitFiles(job: Job, context: RunContext, read: Map<string, Uint8Array> | undefined): Promise<{ ir: IR; files: Map<string, string> | null }> {
  const stages = await import('./run.js');
  return withThreads(async (threads) => {
    // ts-morph and prettier load in a helper while this thread parses the docs and builds the IR.
    if (job.format !== false)
      threads.warm(
        job.targets.some((t) => t !== 'json-schema'),
        findPrettier(job.out).module,
      );
    const ir = await stages.buildJobIR(job, context.onProgress, threads, read);
    if (!(context.accept ?? ((built: IR) => !hasErrors(built.diagnostics)))(ir)) return { ir, files: null };
    try {
      return { ir, files: await stages.emitJob(job, ir, context.onProgress, threads) };
    } catch (error) {
      // Formatting is the one emit step that reads user input (their prettier config, plugins).
      throw new FormatError((error as Error).message, { cause: error });
    }
  });
}

/**
 * `generate`: build the IR and emit the files; with `write`, write them to `job.out` (all-or-nothing,
 * with the manifest). With `write` and without `force`, an output whose manifest records these
 * inputs and unchanged files is left as it is, and nothing is built.
 *
 * @throws {FormatError} when the output cannot be formatted
 * @throws {WriteError} when the output folder cannot be written
 * @throws {Error} as {@link irCommand}
 */
export async function generateCommand(job: Job, context: RunContext & { write?: boolean } = {}): Promise<GenerateAnswer> {
  if (!context.write) return { ...(await emitFiles(job, context, undefined)), written: false };
  // A rooted run reads few docs whole but scans all of them: the bytes hashed here are scanned from memory.
  const read = job.roots.length > 0 ? new Map<string, Uint8Array>() : undefined;
  const hash = jobHash(job, read);
  if (!context.force && isUpToDate(job.out!, hash)) return { ir: null, files: null, written: false };
  const { ir, files } = await emitFiles(job, context, read);
  if (!files) return { ir, files, written: false };
  context.onProgress?.('write');
  const { writeJob } = await import('./run.js');
  writeJob(job, files, hash);
  return { ir, files, written: true };
}

/** What {@link checkCommand} found: the lists are empty when it is up to date or could not generate. */
export interface CheckAnswer extends Comparison {
  /** The IR, or null when the manifest answered. */
  ir: IR | null;
  /** True when the folder holds exactly what `generate` would write. */
  upToDate: boolean;
}

/**
 * `check`: what `generate` would write, compared with `job.out`, writing nothing. Without `force`,
 * an output whose manifest records these inputs and unchanged files is up to date at once. An IR
 * the context does not accept is not up to date, with empty lists.
 *
 * @throws {FormatError} when the output cannot be formatted
 * @throws {WriteError} when `job.out` exists and is not a folder
 * @throws {Error} as {@link irCommand}
 */
export async function checkCommand(job: Job, context: RunContext = {}): Promise<CheckAnswer> {
  const read = job.roots.length > 0 ? new Map<string, Uint8Array>() : undefined;
  const hash = jobHash(job, read);
  const none = { stale: [], missing: [], extra: [], patches: [] };
  if (!context.force && isUpToDate(job.out!, hash)) return { ir: null, upToDate: true, ...none };
  const { ir, files } = await emitFiles(job, context, read);
  if (!files) return { ir, upToDate: false, ...none };
  const { compareOutput } = await import('./run.js');
  const comparison = await compareOutput(job.out!, files, hash);
  return { ir, upToDate: comparison.stale.length + comparison.missing.length + comparison.extra.length === 0, ...comparison };
}
