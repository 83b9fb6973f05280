/**
 * Write generated files all-or-nothing, touching nothing outside the output folder.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';

/** Name of the manifest docs2ts keeps in the output folder: the files it owns. */
export const MANIFEST_FILE = '.docs2ts-manifest.json';

/** The manifest's content. */
export interface Manifest {
  generator: 'docs2ts';
  /** Files docs2ts wrote, relative to the output folder, sorted. */
  files: string[];
}

/** Why the output could not be written; the output folder is left as it was. */
export class WriteError extends Error {}

/**
 * Replace the output folder's generated files with `files`, all-or-nothing.
 *
 * The new folder is built beside the output folder (same parent, so the final renames stay on one
 * file system), then swapped in. Files docs2ts did not write (not in the old manifest) are carried
 * over untouched; generated files that are no longer generated are removed. A folder that exists,
 * is not empty and has no manifest is refused: docs2ts never deletes what it did not write.
 *
 * @param outDir the output folder (created if missing, with its parents)
 * @param files file name (relative, POSIX, no `..`) → text
 * @throws {WriteError} when the folder is not docs2ts's, or a name would leave the folder
 */
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>): void {
  const out = path.resolve(outDir);
  for (const name of files.keys()) {
    const target = path.resolve(out, name);
    if (name === MANIFEST_FILE || path.relative(out, target).startsWith('..') || path.isAbsolute(name) || target === out) {
      throw new WriteError(`Refusing to write \`${name}\`: it is not a plain file name inside the output folder`);
    }
  }
  const previous = readManifest(out);
  const exists = fs.existsSync(out);
  if (exists && !fs.statSync(out).isDirectory()) throw new WriteError(`Output \`${outDir}\` exists and is not a folder`);
  if (exists && previous === null && fs.readdirSync(out).length > 0) {
    throw new WriteError(`Output folder \`${outDir}\` is not empty and was not written by docs2ts (no ${MANIFEST_FILE}); choose an empty or new folder`);
  }

  const parent = path.dirname(out);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}.docs2ts-`));
  try {
    // mkdtemp makes the folder private (0700); give it the mode the old folder had, or a usual one.
    fs.chmodSync(staging, exists ? fs.statSync(out).mode & 0o7777 : 0o755);
    for (const [name, text] of files) {
      const target = path.join(staging, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
    const manifest: Manifest = { generator: 'docs2ts', files: [...files.keys()].sort() };
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    if (exists) {
      const owned = new Set([...(previous?.files ?? []), MANIFEST_FILE]);
      for (const entry of fs.readdirSync(out)) {
        if (owned.has(entry) || files.has(entry)) continue;
        fs.cpSync(path.join(out, entry), path.join(staging, entry), { recursive: true, preserveTimestamps: true });
      }
      const backup = `${staging}.old`;
      fs.renameSync(out, backup);
      try {
        fs.renameSync(staging, out);
      } catch (error) {
        fs.renameSync(backup, out);
        throw error;
      }
      fs.rmSync(backup, { recursive: true, force: true });
    } else {
      fs.renameSync(staging, out);
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The manifest of an output folder, or null when there is none (or it is not docs2ts's). */
export function readManifest(outDir: string): Manifest | null {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return data.generator === 'docs2ts' && Array.isArray(data.files) ? { generator: 'docs2ts', files: data.files.filter((f) => typeof f === 'string') } : null;
  } catch {
    return null;
  }
}
