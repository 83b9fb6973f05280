/**
 * The shared doc trees the corpus sweep runs on, found by their layout alone (no tree is named):
 * every folder of `../shared/corpus` and `../shared/corpus-wild`, with the models folder inside it.
 * Used by `npm run corpus` (scripts/corpus.ts) and the sweep test (test/sweep.test.ts).
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';

/** One tree: its name (folder), the group it belongs to, and its models folder (absolute). */
export interface CorpusTree {
  name: string;
  group: 'corpus' | 'corpus-wild';
  models: string;
}

/** Folders never searched for docs. */
const SKIP = new Set(['node_modules', '.git']);

/**
 * The models folder of a tree: the shallowest folder named `models` (any case) that lies under a
 * `docs` folder (`docs/models`, `docs/Models`, `docs/pkg/models`, `docs/sdk/models`,
 * `x-sdk/docs/models`); among folders at the same depth, the one holding the most docs. Null when
 * the tree has none.
 *
 * @param tree the tree's folder (absolute)
 */
export function findModelsFolder(tree: string): string | null {
  const found: { dir: string; depth: number; docs: number }[] = [];
  const walk = (dir: string, depth: number, underDocs: boolean): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || SKIP.has(entry.name)) continue;
      const child = path.join(dir, entry.name);
      const name = entry.name.toLowerCase();
      if (name === 'models' && underDocs) {
        found.push({ dir: child, depth: depth + 1, docs: countDocs(child) });
        continue;
      }
      if (depth < 6) walk(child, depth + 1, underDocs || name === 'docs');
    }
  };
  walk(tree, 0, false);
  found.sort((a, b) => a.depth - b.depth || b.docs - a.docs || a.dir.localeCompare(b.dir));
  return found[0]?.dir ?? null;
}

/** The `.md` / `.mdx` files under a folder, counted. */
function countDocs(dir: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.mdx?$/i.test(entry.name)) count++;
  }
  return count;
}

/**
 * Every tree of `<shared>/corpus` and `<shared>/corpus-wild` that has a models folder, sorted by
 * group then name; [] when `shared` is absent.
 *
 * @param shared the `../shared` folder (absolute)
 */
export function corpusTrees(shared: string): CorpusTree[] {
  const trees: CorpusTree[] = [];
  for (const group of ['corpus', 'corpus-wild'] as const) {
    const dir = path.join(shared, group);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      const models = findModelsFolder(path.join(dir, entry.name));
      if (models) trees.push({ name: entry.name, group, models });
    }
  }
  return trees;
}
