/**
 * A helper thread (see `./helpers.ts`): parses docs and formats files on request. It loads the
 * parser when it starts, while the main thread reads the input, and prettier on its first
 * format request.
 *
 * @module
 */

import { parentPort } from 'node:worker_threads';
import { loadPrettier } from '../emit/prettier.js';
import { parseDocFile } from '../parse/read.js';
import type { Answer, Request } from './helpers.js';

/** Answer one request: parse its docs, or format its files one after the other. */
async function answerOf(request: Request): Promise<unknown[]> {
  if (request.kind === 'parse') return request.files.map((file) => parseDocFile(request.root, file));
  const prettier = loadPrettier(request.prettier);
  const out: string[] = [];
  for (const { text, options } of request.items) out.push(await prettier.format(text, options));
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
