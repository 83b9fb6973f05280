/**
 * Files shipped with the package (`package.json`, `templates/`), found from wherever the code
 * runs: `src/` under a TypeScript loader, tsc's `dist/`, or the CLI bundle in `dist/bundle/`.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The absolute path of a file in the docs2ts package: the first folder above this module's that
 * holds a `package.json` named `docs2ts`.
 *
 * @param relative a path from the package root, e.g. `templates/banner.txt`
 * @throws {Error} when no such folder is found (a broken install)
 */
export function packageFile(relative: string): string {
  if (root === undefined) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (;;) {
      const manifest = path.join(dir, 'package.json');
      if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'docs2ts') break;
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error(`docs2ts: cannot find its package folder above ${fileURLToPath(import.meta.url)}`);
      dir = parent;
    }
    root = dir;
  }
  return path.join(root, relative);
}
