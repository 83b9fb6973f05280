/**
 * A helper thread (see `./helpers.ts`): parses docs and lays out files on request. It loads both
 * stages when it starts, while the main thread reads the input.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { layout } from '../emit/layout/index.js';
import { parseDoc } from '../parse/doc.js';
import type { Answer, Request } from './helpers.js';

parentPort!.on('message', (request: Request) => {
  let answer: Answer;
  try {
    const out =
      request.kind === 'parse'
        ? request.files.map((file) => parseDoc(fs.readFileSync(path.join(request.root, file), 'utf8'), file))
        : request.texts.map((text) => layout(text, request.printWidth));
    answer = { id: request.id, out };
  } catch (error) {
    answer = { id: request.id, error: String((error instanceof Error && error.stack) || error) };
  }
  parentPort!.postMessage(answer);
});
