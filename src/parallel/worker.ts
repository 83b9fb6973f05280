/**
 * A helper thread (see `./helpers.ts`): parses docs, and prints (ts-morph) and formats (prettier)
 * files on request. Each part loads on the first request that needs it: the Markdown parser on the
 * first docs to parse; ts-morph and prettier on a warm-up request (sent early, so that they load
 * while the main thread parses the docs and builds the IR) or on the first files. Nothing loads
 * before the first request, so a small run's warm-up starts loading ts-morph at once (on
 * livepeer-ruby the parser's modules took the helper's first 0.3 s, while the main thread waited
 * for ts-morph after building the IR).
 *
 * @module
 */

import { parentPort } from 'node:worker_threads';
import type { Answer, Request } from './helpers.js';

/** Answer one request: parse its docs, load ts-morph and prettier, print files, or print and format them one after the other. */
async function answerOf(request: Request): Promise<unknown[]> {
  if (request.kind === 'parse') {
    const { parseDocFile } = await import('../parse/read.js');
    return request.files.map((file) => parseDocFile(request.root, file));
  }
  if (request.kind === 'warm') {
    if (request.printer) await (await import('../emit/code.js')).loadPrinter();
    if (request.prettier !== undefined) (await import('../emit/prettier.js')).loadPrettier(request.prettier);
    return [];
  }
  if (request.kind === 'print') {
    const { printSource } = await import('../emit/code.js');
    const texts: string[] = [];
    for (const source of request.sources) texts.push(await printSource(source));
    return texts;
  }
  const { printAndFormat } = await import('../emit/format.js');
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
