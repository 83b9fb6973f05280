/**
 * Format generated files with prettier: the project's own prettier 3 when the project holding the
 * output folder has one, else docs2ts's (see `findPrettier`), with the configuration that applies
 * to each file in the output folder (`prettier.resolveConfig`, `.editorconfig` included), over
 * docs2ts's `printWidth: 100`. So `prettier --check` in the user's project passes on the output.
 *
 * Work is not done twice: each file's key (a hash of its source, the structure ts-morph prints or
 * the text, the prettier version and the options it is formatted with) is recorded in the manifest,
 * and a file whose key is unchanged is taken from the output folder as it is, when the folder still
 * holds it as written: it is neither printed nor formatted. Printing and formatting are one work
 * item, shared with the helper threads when they are handed in.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import type * as prettier from 'prettier';
import { canonicalJson, sha256 } from '../core/hash.js';
import { printSource, sourceIdentity, type FileSource } from './code.js';
import { findPrettier, loadPrettier, prettierConfigText, type PrettierModule } from './prettier.js';

/**
 * One file to print and format: its source (text, or a structure ts-morph prints) and the options
 * prettier formats it with (parser included). Plain data: helper threads take it as it is.
 */
export type FormatItem = { source: FileSource; options: prettier.Options };

/**
 * Threads that format files beside this one (the helper threads of `src/parallel/`), handed in
 * by whoever started them; the emit stage does not import them.
 */
export interface FormatThreads {
  /**
   * Print (see `./code.ts`) and format `items` with the prettier module at `prettier`, shared out
   * between the threads; this thread does its share with `format`. Each formatted text, in the
   * order of `items`; `onDone` is told how many are done so far, as they are (a progress count).
   */
  format(prettier: string, items: readonly FormatItem[], format: (item: FormatItem) => Promise<string>, onDone?: (done: number) => void): Promise<string[]>;
}

/** What a manifest recorded of the files an earlier run wrote: their hashes and format keys. */
export interface KeptFiles {
  /** File name → hash of the formatted text written. */
  hashes?: Readonly<Record<string, string>>;
  /** File name → {@link formatKey} it was formatted under. */
  unformatted?: Readonly<Record<string, string>>;
}

/** The format keys of files `emit` formatted, by the map it returned (see {@link rememberFormatKeys}). */
const formatKeys = new WeakMap<ReadonlyMap<string, string>, Readonly<Record<string, string>>>();

/**
 * Attach the format keys to the files `emit` returns, so that the manifest written with them
 * records them without every caller passing them on. A copy of the map has none: the next run
 * formats every file again.
 */
export function rememberFormatKeys(files: ReadonlyMap<string, string>, keys: Readonly<Record<string, string>>): void {
  formatKeys.set(files, keys);
}

/** The format keys {@link rememberFormatKeys} attached to files `emit` returned, if any. */
export function formatKeysOf(files: ReadonlyMap<string, string>): Readonly<Record<string, string>> | undefined {
  return formatKeys.get(files);
}

/**
 * The parser a generated file is formatted with, when the options name none: `json` for the JSON
 * Schema documents; for TypeScript `babel-ts` (the same output as `typescript` on the 2,472
 * generated files of four corpus trees, and faster: see README "Formatting"), or `typescript`, the
 * parser prettier infers from the name, when plugins are configured (a plugin may hook that one).
 */
export function parserFor(name: string, plugins: boolean): 'json' | 'babel-ts' | 'typescript' {
  return name.endsWith('.json') ? 'json' : plugins ? 'typescript' : 'babel-ts';
}

/** How the files of one output are formatted. */
export interface Formatter {
  /** The prettier that formats them. */
  prettier: PrettierModule;
  /**
   * The options for one file (its parser set, see {@link parserFor}): the configuration that
   * applies to that path in the output folder (`printWidth: 100` when none does), under the
   * options given to {@link loadFormatter}.
   */
  options(name: string): Promise<prettier.Options>;
}

/**
 * The formatter of an output folder.
 *
 * @param out the output folder (need not exist); undefined: docs2ts's prettier, no configuration
 * @param given options over the resolved configuration (the API's `prettier` option)
 * @throws {Error} when the prettier module cannot be loaded
 */
export async function loadFormatter(out: string | undefined, given: prettier.Options = {}): Promise<Formatter> {
  const found = findPrettier(out);
  const folder = out === undefined ? undefined : path.resolve(out);
  // Without a configuration file prettier would resolve none: it is not asked (nor loaded).
  const configured = folder !== undefined && prettierConfigText(folder) !== '';
  // Configuration files read by an earlier run of this process (`--watch`) may have changed.
  if (configured) await loadPrettier(found.module).clearConfigCache();
  return {
    prettier: found,
    async options(name: string): Promise<prettier.Options> {
      const resolved = configured ? await loadPrettier(found.module).resolveConfig(path.join(folder, name), { editorconfig: true }) : null;
      // docs2ts's printWidth only where no configuration applies: where one does, prettier's
      // defaults are the project's (`prettier --check` there reads 80 when it sets no width).
      const options: prettier.Options = { ...(resolved ?? { printWidth: 100 }), ...given };
      options.parser ??= parserFor(name, (options.plugins ?? []).length > 0);
      return options;
    },
  };
}

/**
 * The key a file's formatted text is kept under in the manifest: a hash of what its text is made
 * from (the text, or the structure ts-morph prints and ts-morph's version: see `sourceIdentity`),
 * the prettier version and the options (the same key: the same formatted text).
 */
export function formatKey(source: FileSource, version: string, options: prettier.Options): string {
  return sha256(`${version}\n${canonicalJson(options)}\n${sourceIdentity(source)}`);
}

/** Print a file (in this thread) and format it with the prettier module at `module`. */
export async function printAndFormat(module: string, { source, options }: FormatItem): Promise<string> {
  return loadPrettier(module).format(await printSource(source), options);
}

/** What {@link formatFiles} returns. */
export interface Formatted {
  /** File name → formatted text, in the order of the unformatted files. */
  files: Map<string, string>;
  /** File name → {@link formatKey}, for the manifest. */
  keys: Record<string, string>;
  /** How many files prettier formatted (the others were kept from the output folder). */
  formatted: number;
}

/**
 * Print and format generated files, each by one prettier call, except those the output folder
 * already holds formatted: a file whose manifest key matches and whose text on disk is the one the
 * manifest names (its hash) is kept as it is, neither printed nor formatted.
 *
 * @param sources file name → source (text, or a structure ts-morph prints)
 * @param formatter the output folder's formatter ({@link loadFormatter})
 * @param out the output folder to take unchanged files from (undefined: format every file)
 * @param kept what the output folder's manifest recorded (undefined: format every file)
 * @param threads helper threads to share the printing and formatting with (default: none)
 * @param onProgress told how many of how many files are formatted, as they are
 * @throws {Error} when prettier cannot parse a text (a bug in docs2ts) or the configuration is
 *   invalid (prettier's message)
 */
export async function formatFiles(
  sources: ReadonlyMap<string, FileSource>,
  formatter: Formatter,
  out?: string,
  kept?: KeptFiles,
  threads?: FormatThreads,
  onProgress?: (done: number, total: number) => void,
): Promise<Formatted> {
  const manifest = out === undefined ? undefined : kept;
  const keys: Record<string, string> = {};
  const done = new Map<string, string>();
  const todo: { name: string; item: FormatItem }[] = [];
  for (const [name, source] of sources) {
    const options = await formatter.options(name);
    const key = formatKey(source, formatter.prettier.version, options);
    keys[name] = key;
    const keptText = manifest?.unformatted?.[name] === key ? readKept(out!, name, manifest.hashes?.[name]) : undefined;
    if (keptText !== undefined) done.set(name, keptText);
    else todo.push({ name, item: { source, options } });
  }
  const items = todo.map(({ item }) => item);
  const one = (item: FormatItem): Promise<string> => printAndFormat(formatter.prettier.module, item);
  const onDone = onProgress && ((done: number): void => onProgress(done, items.length));
  onDone?.(0);
  let texts: string[];
  if (threads) texts = await threads.format(formatter.prettier.module, items, one, onDone);
  else {
    texts = [];
    for (const item of items) {
      texts.push(await one(item));
      onDone?.(texts.length);
    }
  }
  todo.forEach(({ name }, i) => done.set(name, texts[i]!));
  return { files: new Map([...sources.keys()].map((name) => [name, done.get(name)!])), keys, formatted: todo.length };
}

/** A file of the output folder, when its text still has the hash the manifest recorded. */
function readKept(out: string, name: string, hash: string | undefined): string | undefined {
  if (hash === undefined) return undefined;
  try {
    const text = fs.readFileSync(path.join(out, name), 'utf8');
    return sha256(text) === hash ? text : undefined;
  } catch {
    return undefined;
  }
}
