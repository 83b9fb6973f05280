/**
 * Where the model stage gets its docs: the interface between the parse stage (which provides
 * sources over folders and memory) and the model stage (which reads them).
 *
 * @module
 */

import type { Diagnostic } from './diagnostics.js';
import type { DocModel } from './doc-model.js';

/** Where the model stage gets its docs: the input's doc files and a (cached) parser for each. */
export interface DocSource {
  /** The input folder's absolute path, POSIX separators (links are resolved in it). */
  readonly root: string;
  /** Every doc file (path relative to the input folder, POSIX), sorted. */
  readonly files: readonly string[];
  /** True when a path relative to the input folder is a folder. */
  isFolder(id: string): boolean;
  /** The models of a doc file (none when it is not a model doc) and the parse diagnostics. */
  load(file: string): { docs: DocModel[]; diagnostics: Diagnostic[] };
  /**
   * The ids and titles of a doc file's models, the same as `load` gives, from a cheap scan that
   * does not parse the doc (see `src/parse/scan.ts`): what finding a model by name reads of every
   * doc. Absent: `load` is used.
   */
  scan?(file: string): { id: string; title: string }[];
  /**
   * What the source could not read outside `load`: folders it could not list (`folder-unreadable`
   * errors) and docs a scan could not read (`doc-unreadable` warnings, which a run that reaches
   * the doc sees as an error from `load` instead). Absent: none.
   */
  problems?(): Diagnostic[];
}

/** The result of parsing one doc. */
export interface ParsedDoc {
  docs: DocModel[];
  diagnostics: Diagnostic[];
}

/**
 * Threads that parse docs beside this one (the helper threads of `src/parallel/`), handed in to
 * the parse stage by whoever started them; the stage does not import them.
 */
export interface ParseThreads {
  /**
   * Parse docs, shared out between the threads.
   *
   * @param root the input folder (absolute)
   * @param files doc paths relative to it
   * @param parse how this thread parses one doc
   * @param onDone told how many docs are parsed so far, as they are (for a progress count)
   * @returns each file's result, in the order of `files`
   */
  parse(root: string, files: readonly string[], parse: (file: string) => ParsedDoc, onDone?: (done: number) => void): Promise<ParsedDoc[]>;
}
