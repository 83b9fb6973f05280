/**
 * List an input folder's Markdown docs (no Markdown parser loaded: the incremental check uses it).
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';

/**
 * Every `*.md` and `*.mdx` file below a folder, as paths relative to it (POSIX separators), sorted, and every
 * sub-folder. Hidden entries and `node_modules` are skipped; symbolic links to files count, links
 * to folders are not followed (no cycles).
 *
 * @param root the input folder (absolute)
 * @throws {Error} when a folder cannot be read
 */
export function listDocs(root: string): { files: string[]; folders: Set<string> } {
  const files: string[] = [];
  const folders = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const id = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        folders.add(id);
        walk(path.join(dir, entry.name), id);
      } else if (
        /\.mdx?$/i.test(entry.name) &&
        (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(path.join(dir, entry.name), { throwIfNoEntry: false })?.isFile()))
      ) {
        files.push(id);
      }
    }
  };
  walk(root, '');
  files.sort();
  return { files, folders };
}
