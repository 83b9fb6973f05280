/**
 * Parse many docs in worker threads (one a core). Used for whole trees when docs2ts runs from its
 * compiled JavaScript; the TypeScript sources (tests) parse in this thread.
 *
 * @module
 */

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostics.js';
import type { DocModel } from './types.js';

/** Docs per message to a worker. */
const BATCH = 250;

/** Below this many docs, starting workers costs more than it saves. */
export const PARALLEL_FROM = 600;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
import(workerData.docModule).then(({ parseDoc }) => {
  parentPort.on('message', ({ id, files }) => {
    try {
      const out = files.map((file) => parseDoc(fs.readFileSync(path.join(workerData.root, file), 'utf8'), file));
      parentPort.postMessage({ id, out });
    } catch (error) {
      parentPort.postMessage({ id, error: String((error && error.stack) || error) });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;

/** True when the parse stage runs from compiled JavaScript (workers can load it). */
export function canParseInWorkers(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Parse every file in worker threads.
 *
 * @param root the input folder (absolute)
 * @param files doc paths relative to it
 * @returns the parse result of each file
 * @throws {Error} when a worker fails (a bug: parseDoc itself never throws on bad docs)
 */
export async function parseInWorkers(root: string, files: readonly string[]): Promise<Map<string, { docs: DocModel[]; diagnostics: Diagnostic[] }>> {
  const threads = Math.max(1, Math.min(os.availableParallelism(), 8, Math.ceil(files.length / BATCH)));
  const docModule = new URL('./doc.js', import.meta.url).href;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { root, docModule } }));
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results = new Map<string, { docs: DocModel[]; diagnostics: Diagnostic[] }>();
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) return resolve();
              const id = next++;
              worker.postMessage({ id, files: batches[id] });
            };
            worker.on('message', (message: { ready?: boolean; id?: number; out?: { docs: DocModel[]; diagnostics: Diagnostic[] }[]; error?: string }) => {
              if (message.ready) return send();
              if (message.error !== undefined) return reject(new Error(`parse worker: ${message.error}`));
              batches[message.id!]!.forEach((file, i) => results.set(file, message.out![i]!));
              send();
            });
            worker.on('error', reject);
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
