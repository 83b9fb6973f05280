/**
 * The prettier configuration that applies to an output folder, found without loading prettier:
 * its text feeds the input hash (a config change makes the output stale), and when there is none
 * the run never loads prettier to resolve it.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';

/** The configuration file names prettier looks for in each folder, in its order. */
const CONFIG_NAMES = [
  'package.yaml',
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.ts',
  '.prettierrc.mjs',
  '.prettierrc.mts',
  '.prettierrc.cjs',
  '.prettierrc.cts',
  'prettier.config.js',
  'prettier.config.ts',
  'prettier.config.mjs',
  'prettier.config.mts',
  'prettier.config.cjs',
  'prettier.config.cts',
  '.prettierrc.toml',
];

/**
 * The text of the prettier configuration files that apply to the output folder (the nearest
 * `.prettierrc*` / `prettier.config.*` / `package.yaml` / package.json `prettier` key, and the
 * `.editorconfig` files up to one with `root = true`), read without loading prettier.
 *
 * @param out the output folder (need not exist)
 * @returns the files' names and texts joined, or `''` when no configuration applies
 */
export function prettierConfigText(out: string | undefined): string {
  if (!out) return '';
  const parts: string[] = [];
  let found = false;
  for (let dir = path.resolve(out); ; dir = path.dirname(dir)) {
    // One listing a folder, then reads of the names it holds (a failed read per candidate name costs more).
    let names: Set<string>;
    try {
      names = new Set(fs.readdirSync(dir));
    } catch {
      names = new Set();
    }
    const read = (name: string): string | null => {
      if (!names.has(name)) return null;
      try {
        return fs.readFileSync(path.join(dir, name), 'utf8');
      } catch {
        return null;
      }
    };
    const editorconfig = read('.editorconfig');
    if (editorconfig !== null) parts.push(editorconfig);
    if (!found) {
      const pkg = read('package.json');
      if (pkg !== null) {
        let key: unknown;
        try {
          key = (JSON.parse(pkg) as Record<string, unknown>).prettier;
        } catch {
          key = undefined;
        }
        if (key !== undefined) {
          parts.push(JSON.stringify(key));
          found = true;
        }
      }
      for (const name of found ? [] : CONFIG_NAMES) {
        const text = read(name);
        if (text !== null) {
          parts.push(name, text);
          found = true;
          break;
        }
      }
    }
    if (editorconfig !== null && /^\s*root\s*=\s*true/im.test(editorconfig)) break;
    if (path.dirname(dir) === dir) break;
  }
  return parts.join('\n');
}
