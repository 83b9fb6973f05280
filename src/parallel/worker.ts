/**
 * A helper thread (see `./helpers.ts`): parses docs, and prints (ts-morph) and formats (prettier)
 * files on request. It loads the parser when it starts, while the main thread reads the input;
 * ts-morph and prettier on a warm-up request (sent early, so that they load while the main thread
 * parses the docs and builds the IR) or on the first request that needs them.
 *
 * @module
 */

import { parentPort } from 'node:worker_threads';
import { loadPrinter, printSource } from '../emit/code.js';
import { printAndFormat } from '../emit/format.js';
import { loadPrettier } from '../emit/prettier.js';
import { parseDocFile } from '../parse/read.js';
import type { Answer, Request } from './helpers.js';

/** Answer one request: parse its docs, load ts-morph and prettier, print files, or print and format them one after the other. */
async function answerOf(request: Request): Promise<unknown[]> {
  if (request.kind === 'parse') return request.files.map((file) => parseDocFile(request.root, file));
  if (request.kind === 'warm') {
    if (request.printer) await loadPrinter();
    if (request.prettier !== undefined) loadPrettier(request.prettier);
    return [];
  }
  if (request.kind === 'print') {
    const texts: string[] = [];
    for (const source of request.sources) texts.push(await printSource(source));
    return texts;
  }
  const out: string[] = [];
  for (const item of request.items) out.push(await printAndFormat(request.prettier, item));
  return out;
}

/** Answer a request, or say why it failed: a request never goes unanswered. */
async function answer(request: Request): Promise<Answer> {
  try {
    return { id: request.id, out: await answerOf(request) };
  } catch (error) {
    return { id: request.id, error: String((error instanceof Error && error.stack) || error) };
  }
}

parentPort!.on('message', (request: Request) => {
  void answer(request).then((reply) => parentPort!.postMessage(reply));
});
