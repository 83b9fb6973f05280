/**
 * Docs on disk: list an input folder's Markdown files and parse each once, on demand.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import type { DocSource } from '../model/build.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { parseDoc } from './doc.js';
import { listDocs } from './list.js';
import { Helpers } from '../parallel/helpers.js';
import type { DocModel } from './types.js';

/**
 * A {@link DocSource} over a folder: every `*.md` file below it (symbolic links to files count,
 * links to folders are not followed), each parsed at most once.
 *
 * @param inputDir the input folder
 * @throws {Error} when `inputDir` is not a readable folder
 */
export function folderDocSource(inputDir: string): DocSource & { preload(helpers?: Helpers): Promise<void> } {
  const root = path.resolve(inputDir);
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new Error(`Input folder \`${inputDir}\` does not exist or is not a folder`);
  const { files, folders } = listDocs(root);
  const cache = new Map<string, { docs: DocModel[]; diagnostics: Diagnostic[] }>();
  const parse = (id: string): { docs: DocModel[]; diagnostics: Diagnostic[] } => parseDoc(fs.readFileSync(path.join(root, id), 'utf8'), id);
  return {
    root: root.split(path.sep).join('/'),
    files,
    isFolder: (id) => folders.has(id),
    load(id) {
      let parsed = cache.get(id);
      if (!parsed) {
        parsed = parse(id);
        cache.set(id, parsed);
      }
      return parsed;
    },
    /** Parse every doc now, shared out with the helper threads (for runs that read them all). */
    async preload(helpers = Helpers.none()) {
      const todo = files.filter((f) => !cache.has(f));
      const parsed = await helpers.parse(root, todo, parse);
      todo.forEach((file, i) => cache.set(file, parsed[i]!));
    },
  };
}

/**
 * A {@link DocSource} over docs held in memory (tests, editors, the programmatic API).
 *
 * @param docs doc text by id (path relative to the virtual input folder, POSIX)
 * @param root the virtual input folder's absolute POSIX path (links may climb through it)
 */
export function memoryDocSource(docs: Readonly<Record<string, string>>, root = '/docs/models'): DocSource {
  const files = Object.keys(docs).sort();
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const cache = new Map<string, { docs: DocModel[]; diagnostics: Diagnostic[] }>();
  const parse = (id: string): { docs: DocModel[]; diagnostics: Diagnostic[] } => parseDoc(fs.readFileSync(path.join(root, id), 'utf8'), id);
  return {
    root,
    files,
    isFolder: (id) => folders.has(id),
    load(id) {
      let parsed = cache.get(id);
      if (!parsed) {
        parsed = parseDoc(docs[id] ?? '', id);
        cache.set(id, parsed);
      }
      return parsed;
    },
  };
}
