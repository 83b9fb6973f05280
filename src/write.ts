/**
 * Write generated files all-or-nothing, touching nothing outside the output folder.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from './core/hash.js';
import { formatKeysOf } from './emit/format.js';

/** Name of the manifest docs2ts keeps in the output folder: the files it owns. */
export const MANIFEST_FILE = '.docs2ts-manifest.json';

/** The manifest's content. */
export interface Manifest {
  generator: 'docs2ts';
  /** Files docs2ts wrote, relative to the output folder, sorted. */
  files: string[];
  /** SHA-256 (hex) of each file as written. */
  hashes?: Record<string, string>;
  /** Hash of the run's inputs (docs, options, version): see `inputHash` in incremental.ts. */
  inputHash?: string;
  /**
   * Each formatted file's key: a hash of its unformatted text, the prettier version and options
   * (`formatKey` in emit/format.ts). A run that generates the same key keeps the file as it is.
   */
  unformatted?: Record<string, string>;
}

/** Why the output could not be written; the output folder is left as it was. */
export class WriteError extends Error {}

/**
 * Replace the output folder's generated files with `files`, all-or-nothing.
 *
 * The new folder is built beside the output folder (same parent, so every rename stays on one file
 * system), then swapped in. Entries docs2ts did not write (not in the old manifest) are moved over
 * as they are (renamed: same inode, links stay links); generated files that are no longer
 * generated are removed. docs2ts never deletes or overwrites what it did not write: a non-empty
 * folder without a manifest, or a file of the user's where a generated file would go, is refused.
 * An output path that is a symbolic link to a folder writes into that folder.
 *
 * @param outDir the output folder (created if missing, with its parents)
 * @param files file name (relative, POSIX, no `..`) → text
 * @param inputHash the hash of the run's inputs, recorded in the manifest for incremental runs
 * @throws {WriteError} when the folder is not docs2ts's, a name would leave the folder or clash
 *   with a user's file, or the file system refuses (the message says which); nothing is changed
 */
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>, inputHash?: string): void {
  let out = path.resolve(outDir);
  for (const name of files.keys()) {
    const target = path.resolve(out, name);
    if (name === MANIFEST_FILE || path.relative(out, target).startsWith('..') || path.isAbsolute(name) || target === out) {
      throw new WriteError(`Refusing to write \`${name}\`: it is not a plain file name inside the output folder`);
    }
  }
  let link: fs.Stats | undefined;
  try {
    link = fs.lstatSync(out, { throwIfNoEntry: false });
  } catch (error) {
    throw new WriteError(`Cannot create the output folder \`${outDir}\`: ${(error as Error).message}`);
  }
  if (link?.isSymbolicLink()) {
    const real = fs.statSync(out, { throwIfNoEntry: false });
    if (!real?.isDirectory()) throw new WriteError(`Output \`${outDir}\` is a symbolic link to something that is not a folder`);
    out = fs.realpathSync(out);
  }
  const stat = outputFolderStat(out, outDir);
  const exists = stat !== undefined;
  const previous = exists ? readManifest(out) : null;
  const entries = exists ? fs.readdirSync(out) : [];
  if (exists && previous === null && entries.length > 0) {
    throw new WriteError(`Output folder \`${outDir}\` is not empty and was not written by docs2ts (no ${MANIFEST_FILE}); choose an empty or new folder`);
  }
  // Top-level entries docs2ts owns: its files, and the folders its nested files (schema/x.json) sit in.
  const owned = new Set([...(previous?.files ?? []).map((f) => f.split('/')[0]!), MANIFEST_FILE]);
  const foreign = entries.filter((entry) => !owned.has(entry));
  const topLevel = new Set([...files.keys()].map((f) => f.split('/')[0]!));
  const clash = foreign.filter((entry) => topLevel.has(entry));
  if (clash.length > 0) {
    throw new WriteError(
      `Output folder \`${outDir}\` holds ${clash.map((c) => `\`${c}\``).join(', ')}, not written by docs2ts, where a generated file would go; move or rename it`,
    );
  }

  const parent = path.dirname(out);
  let staging: string;
  try {
    fs.mkdirSync(parent, { recursive: true });
    staging = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}.docs2ts-`));
  } catch (error) {
    throw new WriteError(`Cannot create the output folder \`${outDir}\`: ${(error as Error).message}`);
  }
  const moved: string[] = [];
  try {
    // mkdtemp makes the folder private (0700); give it the mode the old folder had, or a usual one.
    fs.chmodSync(staging, exists ? stat.mode & 0o7777 : 0o755);
    const folders = new Set([staging]);
    for (const [name, text] of files) {
      const target = path.join(staging, name);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      fs.writeFileSync(target, text);
    }
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), manifestText(files, inputHash));
    if (!exists) {
      fs.renameSync(staging, out);
      return;
    }
    for (const entry of foreign) {
      fs.renameSync(path.join(out, entry), path.join(staging, entry));
      moved.push(entry);
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
  } catch (error) {
    // Put the user's entries back where they were, then drop the staging folder.
    for (const entry of moved) fs.renameSync(path.join(staging, entry), path.join(out, entry));
    fs.rmSync(staging, { recursive: true, force: true });
    throw error instanceof WriteError ? error : new WriteError(`Cannot write the output folder \`${outDir}\`: ${(error as Error).message}`);
  }
}

/**
 * The output folder's permission bits (`mode`), or undefined when it does not exist. (A plain
 * shape, not `fs.Stats`: these declarations ship, and a consumer need not have Node's types.)
 *
 * @param shown the folder as the user wrote it, for the message
 * @throws {WriteError} when it exists and is not a folder
 */
export function outputFolderStat(out: string, shown = out): { mode: number } | undefined {
  const stat = fs.statSync(out, { throwIfNoEntry: false });
  if (stat !== undefined && !stat.isDirectory()) throw new WriteError(`Output \`${shown}\` exists and is not a folder`);
  return stat === undefined ? undefined : { mode: stat.mode };
}

/**
 * The manifest file's text for a set of files (deterministic: sorted, no timestamps), with their
 * format keys when `emit` returned them (see `rememberFormatKeys` in emit/format.ts).
 */
export function manifestText(files: ReadonlyMap<string, string>, inputHash?: string): string {
  const names = [...files.keys()].sort();
  const manifest: Manifest = { generator: 'docs2ts', files: names, hashes: Object.fromEntries(names.map((n) => [n, sha256(files.get(n)!)])) };
  if (inputHash !== undefined) manifest.inputHash = inputHash;
  const keys = formatKeysOf(files);
  if (keys !== undefined) manifest.unformatted = Object.fromEntries(names.filter((n) => Object.hasOwn(keys, n)).map((n) => [n, keys[n]!]));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest of an output folder, or null when there is none (or it is not docs2ts's). */
export function readManifest(outDir: string): Manifest | null {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    if (data.generator !== 'docs2ts' || !Array.isArray(data.files)) return null;
    const manifest: Manifest = { generator: 'docs2ts', files: data.files.filter((f) => typeof f === 'string') };
    if (data.hashes && typeof data.hashes === 'object') manifest.hashes = data.hashes;
    if (typeof data.inputHash === 'string') manifest.inputHash = data.inputHash;
    if (data.unformatted && typeof data.unformatted === 'object') manifest.unformatted = data.unformatted;
    return manifest;
  } catch {
    return null;
  }
}
