/**
 * Incremental runs: a content hash of everything a run reads (docs, options, templates, the
 * docs2ts version) is stored in the output's manifest with a hash of every file written. When both
 * still match, `generate` and `check` stop before loading the Markdown parser or the emitters.
 * This module loads none of them.
 *
 * @module
 */

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { canonicalJson, sha256 } from './core/hash.js';
import path from 'node:path';
import { listDocs } from './parse/list.js';
import { readCause } from './core/input-error.js';
import { readManifest } from './write.js';

/**
 * The hash of a run's inputs: every doc under `input` (relative path and content), the options
 * (as canonical JSON: key order does not matter) and the docs2ts version. Absolute paths are left
 * out, so a committed output stays up to date on another machine.
 *
 * @param input the docs folder (absolute)
 * @param options everything else the output depends on (JSON-serializable)
 * Docs and folders that cannot be read count by their path and the cause (the run that follows
 * reports them).
 *
 * @param keep when given, receives each doc's bytes by id, so that the run that follows does not
 *   read the docs a second time (see `folderDocSource`)
 * @returns hex SHA-256
 * @throws {InputError} when the input folder cannot be listed
 */
export function inputHash(input: string, options: unknown, keep?: Map<string, Uint8Array>): string {
  const hash = createHash('sha256');
  hash.update(`docs2ts-input-v1\n${canonicalJson(options)}\n`);
  const { files, unreadable } = listDocs(input);
  for (const { folder, cause } of unreadable) hash.update(`${folder}/\nunreadable: ${cause}\n`);
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(input, file));
    } catch (error) {
      // The run that follows reads it again and reports why it cannot.
      hash.update(`${file}\nunreadable: ${readCause(error)}\n`);
      continue;
    }
    keep?.set(file, bytes);
    hash.update(`${file}\n`);
    hash.update(sha256(bytes));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * True when the output folder was written by docs2ts from exactly these inputs and none of its
 * generated files was changed, removed or added since.
 */
export function isUpToDate(outDir: string, hash: string): boolean {
  const manifest = readManifest(outDir);
  if (!manifest || manifest.inputHash !== hash || !manifest.hashes) return false;
  for (const file of manifest.files) {
    let text: Buffer;
    try {
      text = fs.readFileSync(path.join(outDir, file));
    } catch {
      return false;
    }
    if (sha256(text) !== manifest.hashes[file]) return false;
  }
  return true;
}
