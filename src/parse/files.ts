/**
 * Docs on disk: list an input folder's Markdown files and parse each once, on demand.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import type { DocSource, ParsedDoc, ParseThreads } from '../core/doc-source.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { parseDoc } from './doc.js';
import { listDocs } from './list.js';
import { DocReadError, parseDocFile, readDocText, unreadableCause, unreadableDoc } from './read.js';
import { diagnostic } from '../core/diagnostics.js';
import { scanModels, type ScannedModel } from './scan.js';
import { normalizeSource } from './source.js';
import type { DocModel } from '../core/doc-model.js';

/**
 * A {@link DocSource} over a folder: every `*.md` / `*.mdx` file below it (symbolic links to files
 * count, links to folders are not followed), each parsed at most once, and scanned for its model
 * names without parsing (see {@link scanModels}) when a run looks models up by name.
 *
 * @param inputDir the input folder
 * @param read docs already read (bytes by id, as `inputHash` keeps them): used instead of reading
 *   the file again, each at most once
 * Docs and sub-folders that cannot be read are diagnostics, never thrown: `load` gives a
 * `doc-unreadable` error, and `problems` what a run met without loading the doc (a scan for names,
 * a folder it could not list).
 *
 * @throws {Error} when `inputDir` is not a folder
 * @throws {InputError} when it cannot be listed
 */
export function folderDocSource(
  inputDir: string,
  read?: Map<string, Uint8Array>,
): DocSource & { preload(threads?: ParseThreads, onProgress?: (done: number, total: number) => void): Promise<void> } {
  const root = path.resolve(inputDir);
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new Error(`Input folder \`${inputDir}\` does not exist or is not a folder`);
  const { files, folders, unreadable } = listDocs(root);
  const cache = new Map<string, { docs: DocModel[]; diagnostics: Diagnostic[] }>();
  const unscanned = new Map<string, string>();
  const text = (id: string): string => {
    const bytes = read?.get(id);
    if (bytes === undefined) return readDocText(root, id);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  };
  const parse = (id: string): { docs: DocModel[]; diagnostics: Diagnostic[] } => {
    const parsed = parseDocFile(root, id, () => text(id));
    read?.delete(id);
    return parsed;
  };
  const load = (id: string): { docs: DocModel[]; diagnostics: Diagnostic[] } => {
    let parsed = cache.get(id);
    if (!parsed) {
      parsed = parse(id);
      cache.set(id, parsed);
    }
    return parsed;
  };
  return {
    root: root.split(path.sep).join('/'),
    files,
    isFolder: (id) => folders.has(id),
    load,
    scan: scanner(
      (id) => cache.get(id),
      load,
      (id) => {
        try {
          return text(id);
        } catch (error) {
          if (!(error instanceof DocReadError)) throw error;
          unscanned.set(id, error.reason);
          return '';
        }
      },
    ),
    problems: () => [
      ...unreadable.map(({ folder, cause }) =>
        diagnostic(
          'error',
          'folder-unreadable',
          `Cannot list this folder: ${cause}`,
          folder,
          undefined,
          'Make the folder readable by the user running docs2ts, or move it out of the input folder',
        ),
      ),
      ...files.flatMap((id) => {
        // A loaded doc is a problem only when it could not be read: notation detection may load a
        // doc the run does not reach, and the run tells those apart (its own `loaded` docs).
        const loaded = cache.get(id);
        if (loaded !== undefined && !loaded.diagnostics.some((d) => d.ruleId === 'doc-unreadable')) return [];
        // A doc the run neither loaded nor scanned: only whether it can be read.
        const cause = unscanned.get(id) ?? unreadableCause(path.join(root, id));
        return cause === undefined ? [] : [unreadableDoc(id, cause, true)];
      }),
    ],
    /**
     * Parse every doc now, shared out with the helper threads when given (for runs that read them
     * all); `onProgress` is told how many of how many docs are parsed, as they are.
     */
    async preload(threads?: ParseThreads, onProgress?: (done: number, total: number) => void) {
      const todo = files.filter((f) => !cache.has(f));
      const onDone = onProgress && ((done: number): void => onProgress(done, todo.length));
      onDone?.(0);
      const parsed: ParsedDoc[] = threads
        ? await threads.parse(root, todo, parse, onDone)
        : todo.map((file, i) => {
            const doc = parse(file);
            onDone?.(i + 1);
            return doc;
          });
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
  const load = (id: string): { docs: DocModel[]; diagnostics: Diagnostic[] } => {
    let parsed = cache.get(id);
    if (!parsed) {
      parsed = parseDoc(docs[id] ?? '', id);
      cache.set(id, parsed);
    }
    return parsed;
  };
  return {
    root,
    files,
    isFolder: (id) => folders.has(id),
    load,
    scan: scanner(
      (id) => cache.get(id),
      load,
      (id) => docs[id] ?? '',
    ),
  };
}

/**
 * A doc source's `scan`: a doc's model ids and titles from the parse when the doc is parsed
 * already, else from a line scan; a scan that meets Markdown it does not read for sure in a
 * heading parses the doc instead, so the names are always those the parse gives.
 */
function scanner(
  parsed: (id: string) => { docs: DocModel[] } | undefined,
  load: (id: string) => { docs: DocModel[] },
  read: (id: string) => string,
): (id: string) => Pick<ScannedModel, 'id' | 'title'>[] {
  const scans = new Map<string, Pick<ScannedModel, 'id' | 'title'>[]>();
  const exact = (docs: DocModel[]): Pick<ScannedModel, 'id' | 'title'>[] => docs.map((d) => ({ id: d.id, title: d.title }));
  return (id) => {
    const done = parsed(id);
    if (done) return exact(done.docs);
    let found = scans.get(id);
    if (!found) {
      const models = scanModels(normalizeSource(read(id)), id);
      found = models.some((m) => m.uncertain) ? exact(load(id).docs) : models.map((m) => ({ id: m.id, title: m.title }));
      scans.set(id, found);
    }
    return found;
  };
}
