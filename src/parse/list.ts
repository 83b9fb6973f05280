/**
 * List an input folder's Markdown docs (no Markdown parser loaded: the incremental check uses it).
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { InputError, readCause } from '../core/input-error.js';

/** What {@link listDocs} finds. */
export interface DocListing {
  /** Every doc, relative to the input folder (POSIX separators), sorted. */
  files: string[];
  /** Every sub-folder, the unreadable ones included. */
  folders: Set<string>;
  /** Sub-folders that could not be listed, with why (`permission denied (EACCES)`), sorted. */
  unreadable: { folder: string; cause: string }[];
}

/**
 * Every `*.md` and `*.mdx` file below a folder, as paths relative to it (POSIX separators), sorted, and every
 * sub-folder. Hidden entries and `node_modules` are skipped; symbolic links to files count, links
 * to folders are not followed (no cycles). A sub-folder that cannot be listed is reported in
 * `unreadable`, not thrown.
 *
 * @param root the input folder (absolute)
 * @throws {InputError} when the input folder itself cannot be listed
 */
export function listDocs(root: string): DocListing {
  const files: string[] = [];
  const folders = new Set<string>();
  const unreadable: { folder: string; cause: string }[] = [];
  const walk = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (rel === '') throw new InputError(`Cannot read the input folder \`${root}\`: ${readCause(error)}`);
      unreadable.push({ folder: rel, cause: readCause(error) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const id = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        folders.add(id);
        walk(path.join(dir, entry.name), id);
      } else if (/\.mdx?$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && linksToFile(path.join(dir, entry.name))))) {
        files.push(id);
      }
    }
  };
  walk(root, '');
  files.sort();
  unreadable.sort((a, b) => (a.folder < b.folder ? -1 : 1));
  return { files, folders, unreadable };
}

/** True when a symbolic link leads to a file; a link that cannot be followed counts (reading it then says why). */
function linksToFile(link: string): boolean {
  try {
    return fs.statSync(link, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return true;
  }
}
