/**
 * The runtime files docs2ts copies into the output as they are (after the banner): they live as
 * TypeScript under `src/runtime/`, type-checked and tested with the rest of the repository, and
 * ship in `dist/runtime/` (`npm run build` copies them).
 * - `_runtime.ts`: what every generated model file imports (`import * as rt`): result and error
 *   types, `ValidationFailedError`, the checks validators share, the RFC 3339 date checks;
 * - `_json.ts`: the zod target's helpers (`zod/_json.ts`), which take the date checks from a copy
 *   of the runtime beside them (`zod/_runtime.ts`).
 *
 * @module
 */

import fs from 'node:fs';
import { ZOD_HELPERS_FILE } from './zod.js';

/** The runtime file's name in the output folder. */
export const RUNTIME_FILE = '_runtime.ts';

/** The runtime files, by name. */
export type RuntimeFile = typeof RUNTIME_FILE | typeof ZOD_HELPERS_FILE;

/**
 * Where the runtime files are, from this module: `src/emit/` → `src/runtime/` under a TypeScript
 * loader, `dist/emit/` → `dist/runtime/` (tsc's output) and `dist/bundle/` → `dist/runtime/` (the
 * CLI bundle).
 */
const FOLDER = new URL('../runtime/', import.meta.url);

const texts = new Map<RuntimeFile, string>();

/**
 * The text of a runtime file, as it is copied into the output (read once a process).
 *
 * @throws {Error} when the file is missing (a broken install)
 */
export function runtimeText(file: RuntimeFile): string {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = fs.readFileSync(new URL(file, FOLDER), 'utf8')));
  return text;
}
