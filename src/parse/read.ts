/**
 * Reading one doc from disk: a doc that cannot be read (permission denied, removed during the run,
 * a folder named like a doc) is a `doc-unreadable` diagnostic with its path and the cause, never
 * an exception.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import type { ParsedDoc } from '../core/doc-source.js';
import { readCause } from '../core/input-error.js';
import { parseDoc } from './doc.js';

/** A doc that could not be read: its id and why. */
export class DocReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Cannot read \`${file}\`: ${reason}`);
  }
}

/**
 * A doc's text.
 *
 * @param root the input folder (absolute)
 * @param file the doc's path relative to it (POSIX)
 * @throws {DocReadError} when the file cannot be read
 */
export function readDocText(root: string, file: string): string {
  try {
    return fs.readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    throw new DocReadError(file, readCause(error));
  }
}

/** Why a file cannot be read, or undefined when it can (a permission check, nothing read). */
export function unreadableCause(file: string): string | undefined {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return undefined;
  } catch (error) {
    return readCause(error);
  }
}

/**
 * The diagnostic of a doc that could not be read: an error of a run that needs the doc, a warning
 * (`skipped`) of a rooted run that does not reach it.
 */
export function unreadableDoc(file: string, cause: string, skipped = false): Diagnostic {
  return skipped
    ? diagnostic(
        'warning',
        'doc-unreadable',
        `Cannot read this doc: ${cause}; skipped, the roots do not reach it`,
        file,
        { line: 1, column: 1 },
        'Make the file readable by the user running docs2ts, or move it out of the input folder',
      )
    : diagnostic(
        'error',
        'doc-unreadable',
        `Cannot read this doc: ${cause}`,
        file,
        { line: 1, column: 1 },
        'Make the file readable by the user running docs2ts, or move it out of the input folder',
      );
}

/**
 * Read and parse one doc: its models and diagnostics, or no models and a `doc-unreadable` error
 * when it cannot be read.
 *
 * @param root the input folder (absolute)
 * @param file the doc's path relative to it (POSIX)
 * @param text the doc's text when the caller has it already
 */
export function parseDocFile(root: string, file: string, text?: () => string): ParsedDoc {
  let source: string;
  try {
    source = text ? text() : readDocText(root, file);
  } catch (error) {
    if (error instanceof DocReadError) return { docs: [], diagnostics: [unreadableDoc(file, error.reason)] };
    throw error;
  }
  return parseDoc(source, file);
}
