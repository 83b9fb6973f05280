/**
 * Format generated files as prettier does. With prettier's default style (any `printWidth`) most
 * of the text is laid out by `./layout/` (prettier's document printer, no parsing); the statements
 * it cannot vouch for, and everything under other options, go to prettier itself, in worker
 * threads when there are many.
 *
 * @module
 */

import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type * as prettier from 'prettier';
import { canLayout, joinLayout, layout, type Layout } from './layout/index.js';
import { layoutJson } from './layout/json.js';

/** Below this many files, formatting in this thread is faster than starting workers. */
const PARALLEL_FROM = 200;

/** Files sent to a worker per message. */
const BATCH = 25;

/**
 * The worker's source (CommonJS, run with `eval: true` so that it works the same from the compiled
 * package and from the TypeScript sources under test). It loads prettier from the path given in
 * `workerData` and formats each batch in one prettier call: the files joined with a boundary
 * comment line, then split. Prettier formats top-level statements independently, so each part
 * equals the file formatted alone (checked on 1,988 generated files, and by the tests against the
 * one-file-a-call path); a split that does not give back as many parts as files falls back to one
 * call per file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const prettier = require(workerData.prettier);
const BOUNDARY = '\\n// @@docs2ts-file-boundary@@\\n';
async function formatBatch(texts, options) {
  if (texts.length > 1 && !texts.some((t) => t.includes(BOUNDARY))) {
    const parts = (await prettier.format(texts.join(BOUNDARY), options)).split(BOUNDARY);
    if (parts.length === texts.length) return parts.map((p) => p.replace(/^\\n+/, '').replace(/\\n*$/, '\\n'));
  }
  const out = [];
  for (const text of texts) out.push(await prettier.format(text, options));
  return out;
}
parentPort.on('message', async ({ id, texts, options }) => {
  try {
    parentPort.postMessage({ id, out: await formatBatch(texts, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/**
 * Format every text with prettier.
 *
 * @param texts file name → unformatted TypeScript
 * @param parallelFrom files per worker thread started (tests lower it to compare both paths)
 * @param options prettier options (`parser` is set to `babel-ts`: the same output as `typescript`
 *   on every generated file of the corpus trees (1,433 compared), about a third faster)
 * @returns file name → formatted text, same order
 * @throws {Error} when prettier cannot parse a text (a bug in docs2ts: generated code is invalid)
 */
export async function formatAll(texts: ReadonlyMap<string, string>, options: prettier.Options, parallelFrom = PARALLEL_FROM): Promise<Map<string, string>> {
  const opts: prettier.Options = { ...options, parser: 'babel-ts' };
  const entries = [...texts];
  const threads = Math.min(Math.max(os.availableParallelism(), 2), 4, Math.ceil(entries.length / parallelFrom));
  if (threads <= 1) {
    const out = new Map<string, string>();
    if (entries.length === 0) return out;
    const { format } = await import('prettier');
    for (const [name, text] of entries) out.set(name, await format(text, opts));
    return out;
  }
  const prettierPath = createRequire(import.meta.url).resolve('prettier');
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { prettier: prettierPath } }));
  try {
    const batches: [string, string][][] = [];
    for (let i = 0; i < entries.length; i += BATCH) batches.push(entries.slice(i, i + BATCH));
    const results: string[][] = new Array(batches.length);
    let next = 0;
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) return resolve();
              const id = next++;
              worker.postMessage({ id, texts: batches[id]!.map(([, text]) => text), options: opts });
            };
            worker.on('message', (message: { id: number; out?: string[]; error?: string }) => {
              if (message.error !== undefined) return reject(new Error(`prettier: ${message.error}`));
              results[message.id] = message.out!;
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
    const out = new Map<string, string>();
    batches.forEach((batch, b) => batch.forEach(([name], i) => out.set(name, results[b]![i]!)));
    return out;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Threads that lay out files beside this one (the helper threads of `src/parallel/`), handed in
 * by whoever started them; the emit stage does not import them.
 */
export interface LayoutThreads {
  /** Lay out texts shared out between the threads; each text's layout (null: prettier formats it), in order. */
  layout(texts: readonly string[], printWidth: number, layout: (text: string) => Layout | null): Promise<(Layout | null)[]>;
}

/**
 * Format generated files: each file's text exactly as `prettier.format` would print it.
 *
 * - `.ts` files in `canonical` are already in prettier's format at `printWidth: 100` (the static
 *   runtime sources; a test keeps them so) and are kept as they are at that width;
 * - other `.ts` files are laid out statement by statement (`./layout/`); the statements it leaves
 *   (and whole files outside its subset) are formatted by prettier, many at a time in workers;
 * - `.json` files are laid out from their value, or formatted by prettier's `json` parser.
 * Options other than prettier's defaults (and `printWidth`) leave every file to prettier.
 *
 * @param raw file name → generated text (valid, any layout)
 * @param options prettier options (the user's, over `printWidth: 100`)
 * @param canonical names of files already in prettier's format at width 100
 * @param threads helper threads to share the layout with (default: none, all in this thread)
 * @returns file name → formatted text, same names
 * @throws {Error} when prettier cannot parse a text (a bug in docs2ts: generated code is invalid)
 */
export async function formatFiles(raw: ReadonlyMap<string, string>, options: prettier.Options, canonical: ReadonlySet<string> = new Set(), threads?: LayoutThreads): Promise<Map<string, string>> {
  const opts: prettier.Options = { printWidth: 100, ...options };
  const width = opts.printWidth!;
  const fast = canLayout(opts as Record<string, unknown>);
  const out = new Map<string, string>();
  const layouts = new Map<string, Layout>();
  // Work for prettier: whole files by name, single statements by `name\0index`.
  const code = new Map<string, string>();
  const json = new Map<string, string>();
  const toLay: string[] = [];
  for (const [name, text] of raw) {
    if (name.endsWith('.json')) {
      const laid = fast ? layoutJson(JSON.parse(text), width) : null;
      if (laid !== null) out.set(name, laid);
      else json.set(name, text);
    } else if (fast && canonical.has(name) && width === 100) out.set(name, text);
    else if (fast) toLay.push(name);
    else code.set(name, text);
  }
  const texts = toLay.map((name) => raw.get(name)!);
  const laidOut = threads ? await threads.layout(texts, width, (text) => layout(text, width)) : texts.map((text) => layout(text, width));
  for (const [k, name] of toLay.entries()) {
    const laid = laidOut[k]!;
    if (laid === null) {
      code.set(name, raw.get(name)!);
      continue;
    }
    layouts.set(name, laid);
    laid.printed.forEach((printed, i) => {
      if (printed === null) code.set(`${name}\0${i}`, laid.sources[i]!);
    });
  }
  const formatted = await formatAll(code, opts);
  for (const [name, laid] of layouts) {
    const texts = laid.printed.map((printed, i) => printed ?? formatted.get(`${name}\0${i}`)!.replace(/\n$/, ''));
    out.set(name, joinLayout(texts, laid.blankBefore));
  }
  for (const [name, text] of formatted) if (!name.includes('\0')) out.set(name, text);
  if (json.size > 0) {
    const { format } = await import('prettier');
    for (const [name, text] of json) out.set(name, await format(text, { ...opts, parser: 'json' }));
  }
  return new Map([...raw.keys()].map((name) => [name, out.get(name)!]));
}
