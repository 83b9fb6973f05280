/**
 * Helper threads for the two stages that split over cores: parsing docs, and printing and formatting
 * generated files. The threads start when a stage first has enough work for them
 * ({@link PARALLEL_FROM}), or early when a run asks them to load ts-morph and prettier
 * ({@link Helpers.warm}); each stage then hands out its work in chunks, one queue for this thread
 * and the helpers, so a 2-core machine runs one helper beside this thread.
 *
 * Helpers run only from the compiled package (`dist/`): the TypeScript sources under test do the
 * work in this thread, with the same results (a test compares both on corpus trees).
 *
 * @module
 */

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics.js';
import type { DocModel } from '../core/doc-model.js';
import type { FileSource } from '../emit/code.js';
import type { FormatItem } from '../emit/format.js';

/** The result of parsing one doc. */
export type Parsed = { docs: DocModel[]; diagnostics: Diagnostic[] };

/**
 * A request to a helper and its answer. `prettier`: the entry of the prettier module to format with;
 * `warm`: load ts-morph (`printer`) and that prettier, before the files come; `print`: print files
 * with ts-morph and answer their unformatted texts.
 */
export type Request =
  | { id: number; kind: 'parse'; root: string; files: string[] }
  | { id: number; kind: 'warm'; printer: boolean; prettier?: string | undefined }
  | { id: number; kind: 'print'; sources: FileSource[] }
  | { id: number; kind: 'format'; prettier: string; items: FormatItem[] };
/** A request before it is given its id. */
type Unsent = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
export type Answer = { id: number; out: unknown[]; error?: undefined } | { id: number; error: string };

/**
 * Below this many docs (or files to lay out), helpers cost more than they save: most of a small
 * run is V8 compiling and warming up code, which every thread does again, and on two cores V8's
 * own background compiler and GC threads already use the second one (measured on livepeer-ruby's
 * 183 docs: slower with a helper). `DOCS2TS_PARALLEL_FROM` sets another threshold.
 */
export const PARALLEL_FROM = Number(process.env.DOCS2TS_PARALLEL_FROM) > 0 ? Number(process.env.DOCS2TS_PARALLEL_FROM) : 500;

/**
 * Below this many files to format, splitting them costs more than it saves: each thread loads
 * ts-morph and prettier and warms them up before its first file (then a helper warmed up by
 * {@link Helpers.warm} does them all). `DOCS2TS_PARALLEL_FROM` sets this threshold too.
 */
export const FORMAT_PARALLEL_FROM = Number(process.env.DOCS2TS_PARALLEL_FROM) > 0 ? Number(process.env.DOCS2TS_PARALLEL_FROM) : 300;

/** Docs a parse request holds, and files a format request holds (see {@link Helpers} `split`). */
const PARSE_CHUNK = 64;
const FORMAT_CHUNK = 32;
/** Files a format request holds in a small run (see {@link Helpers.format}): finer, so both threads end together. */
const SMALL_FORMAT_CHUNK = 12;

/** True when helpers can run (from compiled JavaScript, where the worker module exists). */
export function helpersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/** How many helpers a machine gets: one fewer than its cores (this thread works too), at most 7. */
export function helperCount(): number {
  return Math.max(0, Math.min(os.availableParallelism() - 1, 7));
}

/**
 * A set of helper threads, started when a stage first has enough work for them;
 * {@link Helpers.none} does everything in this thread.
 */
export class Helpers {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (out: unknown[]) => void; reject: (error: Error) => void }>();
  private workers: Worker[] = [];
  /** True once {@link Helpers.close} was called: helpers stay referenced until they exit. */
  private closing = false;
  /** Requests sent to each helper and not answered yet. */
  private readonly outstanding = new Map<Worker, number>();
  /** True once {@link Helpers.warm} asked the helpers to load ts-morph and prettier. */
  private warmed = false;

  private constructor(private readonly count: number) {}

  private startWorkers(): void {
    if (this.workers.length > 0 || this.count === 0) return;
    const url = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: this.count }, () => new Worker(url));
    for (const worker of this.workers) {
      worker.on('message', (answer: Answer) => {
        const waiting = this.pending.get(answer.id);
        if (!waiting) return;
        this.pending.delete(answer.id);
        if (answer.error !== undefined) waiting.reject(new Error(`helper thread: ${answer.error}`));
        else waiting.resolve(answer.out);
      });
      worker.on('error', (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      });
      // An idle helper must not keep the process alive.
      worker.unref();
    }
  }

  /** No helpers: every share is done in this thread. */
  static none(): Helpers {
    return new Helpers(0);
  }

  /**
   * Helpers for a run (see {@link helperCount}), or none where they cannot run. The threads
   * start when a stage first has {@link PARALLEL_FROM} items or more.
   *
   * @param count how many (default: one fewer than the cores)
   */
  static start(count = helperCount()): Helpers {
    return new Helpers(helpersAvailable() ? Math.max(0, count) : 0);
  }

  /** How many threads share the work: the helpers and this one. */
  get threads(): number {
    return this.workers.length + 1;
  }

  private ask(worker: Worker, request: Unsent): Promise<unknown[]> {
    const id = this.next++;
    // A helper with a request outstanding keeps the process alive (`ref` is not counted: the count is).
    const outstanding = (this.outstanding.get(worker) ?? 0) + 1;
    this.outstanding.set(worker, outstanding);
    if (outstanding === 1) worker.ref();
    return new Promise<unknown[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    }).finally(() => {
      const left = this.outstanding.get(worker)! - 1;
      this.outstanding.set(worker, left);
      if (left === 0 && !this.closing) worker.unref();
    });
  }

  /**
   * Share `items` out between the threads in chunks of `chunk`, taken from one queue as each thread
   * is free: a helper still loading ts-morph or prettier ({@link Helpers.warm}), or this thread
   * loading them for its first chunk, takes fewer. Each helper has two chunks in hand (it starts
   * the second while its answer to the first travels back); this thread does one chunk at a time
   * with `local`, and lets the helpers' answers in between. Every result, in item order.
   */
  private async split<T, R>(
    items: readonly T[],
    from: number,
    chunk: number,
    request: (share: T[]) => Unsent,
    local: (share: T[]) => R[] | Promise<R[]>,
    onDone?: (done: number) => void,
  ): Promise<R[]> {
    if (this.count === 0 || items.length < from) {
      const all = await local([...items]);
      onDone?.(items.length);
      return all;
    }
    this.startWorkers();
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += chunk) chunks.push(items.slice(i, i + chunk));
    const results: R[][] = [];
    let next = 0;
    let done = 0;
    const finished = (i: number): void => {
      done += chunks[i]!.length;
      onDone?.(done);
    };
    const feed = async (worker: Worker): Promise<void> => {
      for (let i = next++; i < chunks.length; i = next++) {
        results[i] = (await this.ask(worker, request(chunks[i]!))) as R[];
        finished(i);
      }
    };
    const helpers = this.workers.flatMap((worker) => [feed(worker), feed(worker)]);
    // A helper that fails rejects at once; this thread stops at its next chunk.
    let failed = false;
    const watched = Promise.all(helpers).catch((error: unknown) => {
      failed = true;
      throw error;
    });
    // Handled here (awaited below): a failure while this thread works is no unhandled rejection.
    watched.catch(() => undefined);
    for (let i = next++; i < chunks.length && !failed; i = next++) {
      results[i] = await local(chunks[i]!);
      finished(i);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await watched;
    return results.flat();
  }

  /**
   * Parse docs, shared out between the threads.
   *
   * @param root the input folder (absolute)
   * @param files doc paths relative to it
   * @param parse how this thread parses one doc
   * @param onDone told how many docs are parsed, after each chunk
   * @returns each file's result, in the order of `files`
   */
  parse(root: string, files: readonly string[], parse: (file: string) => Parsed, onDone?: (done: number) => void): Promise<Parsed[]> {
    return this.split(
      files,
      PARALLEL_FROM,
      PARSE_CHUNK,
      (share) => ({ kind: 'parse', root, files: share }),
      (share) => share.map(parse),
      onDone,
    );
  }

  /**
   * Start the helpers now and have them load ts-morph and prettier while this thread parses the
   * docs and builds the IR, for the files {@link Helpers.format} will hand them. Loading ts-morph
   * takes most of a second, which a small run would otherwise wait for in this thread.
   *
   * @param printer load ts-morph (TypeScript files will be printed)
   * @param prettier the entry of the prettier module to load (undefined: none, nothing is formatted)
   */
  warm(printer: boolean, prettier: string | undefined): void {
    if (this.count === 0 || (!printer && prettier === undefined)) return;
    this.startWorkers();
    this.warmed = true;
    // A load that fails is reported by the request that needs it.
    for (const worker of this.workers) this.ask(worker, { kind: 'warm', printer, prettier }).catch(() => undefined);
  }

  /**
   * Print and format files (see `printAndFormat`), shared out between the threads, one prettier
   * call a file. Many files ({@link FORMAT_PARALLEL_FROM} or more) are printed and formatted in
   * chunks by every thread. Fewer, after {@link Helpers.warm}: a warmed-up helper prints them all
   * (this thread has not loaded ts-morph, most of a second; printing is about 0.25 ms a file), and
   * the formatting, most of the work, is shared, this thread loading only prettier (a tenth of a
   * second). Measured on livepeer-ruby (185 files, idle): 2.84 s median against 3.00 s when the helper did it all.
   *
   * @param prettier the entry of the prettier module helpers load (`PrettierModule.module`)
   * @param items the sources and their options (structured-cloneable: the options of a
   *   configuration file are)
   * @param format how this thread prints and formats one item (with the same prettier)
   * @param onDone told how many files are formatted, after each chunk
   * @returns each formatted text, in the order of `items`
   * @throws {Error} when prettier cannot format a text (its message)
   */
  async format(
    prettier: string,
    items: readonly FormatItem[],
    format: (item: FormatItem) => Promise<string>,
    onDone?: (done: number) => void,
  ): Promise<string[]> {
    const request = (share: FormatItem[]): Unsent => ({ kind: 'format', prettier, items: share });
    const local = async (share: FormatItem[]): Promise<string[]> => {
      const out: string[] = [];
      for (const item of share) out.push(await format(item));
      return out;
    };
    if (this.warmed && this.workers.length > 0 && items.length > 0 && items.length < FORMAT_PARALLEL_FROM) {
      const toPrint = items.flatMap((item, i) => ('text' in item.source ? [] : [i]));
      const printing = this.ask(this.workers[0]!, { kind: 'print', sources: toPrint.map((i) => items[i]!.source) });
      // While the helper prints (still loading ts-morph, in a small run), this thread loads prettier
      // by formatting the files that need no printing (the runtime copies, the index).
      const out: (string | undefined)[] = [];
      let printed: string[] | undefined;
      void printing.then(
        (texts) => (printed = texts as string[]),
        () => undefined,
      );
      for (const [i, item] of items.entries()) {
        if (printed !== undefined) break;
        if ('text' in item.source) out[i] = await format(item);
      }
      const early = out.filter((text) => text !== undefined).length;
      onDone?.(early);
      const texts = (await printing) as string[];
      const source = new Map(toPrint.map((i, k) => [i, texts[k]!]));
      const rest = items.flatMap((item, i) =>
        out[i] === undefined ? [{ index: i, item: { source: { text: source.get(i) ?? (item.source as { text: string }).text }, options: item.options } }] : [],
      );
      const formatted = await this.split(
        rest.map((r) => r.item),
        0,
        SMALL_FORMAT_CHUNK,
        request,
        local,
        onDone && ((done) => onDone(early + done)),
      );
      rest.forEach((r, k) => (out[r.index] = formatted[k]));
      return out as string[];
    }
    return this.split(items, FORMAT_PARALLEL_FROM, FORMAT_CHUNK, request, local, onDone);
  }

  /** Stop the helpers. */
  async close(): Promise<void> {
    // A request answered meanwhile (a warm-up) must not unreference a helper that is exiting: the
    // process would end before the exit does.
    this.closing = true;
    for (const worker of this.workers) worker.ref();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
