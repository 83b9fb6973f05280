/**
 * Which prettier formats an output folder and the configuration that applies to it, found without
 * loading prettier: both feed the input hash (a new prettier or a config change makes the output
 * stale), and when no configuration applies the run never asks prettier to resolve one.
 *
 * @module
 */

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as prettier from 'prettier';

/** A prettier installation: the file `require` loads and its version. */
export interface PrettierModule {
  /**
   * Absolute path of the module's entry (`…/node_modules/prettier/index.cjs`); for docs2ts's own,
   * resolved when read: `check` needs only the version, and resolving through the package's
   * `exports` cost about 4 ms of its start-up.
   */
  readonly module: string;
  /** Its `package.json` version (`3.10.1`). */
  version: string;
  /** True when it is the project's own (found above the output folder), false for docs2ts's. */
  own: boolean;
}

/**
 * The prettier that formats an output folder: the project's own when the nearest
 * `node_modules/prettier` above the folder (the one `npx prettier` runs there) is a prettier 3,
 * else the one docs2ts depends on (the nearest `node_modules/prettier` above docs2ts's own
 * module, where Node's resolution finds it; else where `require` resolves it). A project's
 * prettier 3 whose entry `require` cannot resolve gives docs2ts's. Loads nothing; docs2ts's own
 * entry is resolved only when {@link PrettierModule.module} is read (`check` needs only the
 * version).
 *
 * @param out the output folder (need not exist), or undefined for docs2ts's own
 * @returns where the module is and its version
 * @throws {Error} when docs2ts's own prettier cannot be resolved (a broken installation)
 */
export function findPrettier(out: string | undefined): PrettierModule {
  const own = out === undefined ? undefined : nearestPrettier(path.resolve(out));
  if (own !== undefined && own.version.startsWith('3.')) {
    // Resolved now: a prettier 3 that `require` cannot load (a broken installation, an `exports`
    // without a `require` condition) is not the one that formats, and its version must not be
    // the one the input hash records (repairing it would then go unnoticed).
    try {
      const module = createRequire(path.join(own.dir, 'package.json')).resolve('prettier');
      return { module, version: own.version, own: true };
    } catch {
      // docs2ts's own, below.
    }
  }
  // Without a node_modules folder above docs2ts (Yarn Plug'n'Play), `require` says where it is.
  const version =
    nearestPrettier(path.dirname(fileURLToPath(import.meta.url)))?.version ?? readVersion(createRequire(import.meta.url).resolve('prettier/package.json'))!;
  return {
    version,
    own: false,
    get module(): string {
      return createRequire(import.meta.url).resolve('prettier');
    },
  };
}

/**
 * The nearest `node_modules/prettier/package.json` with a version at or above a folder (the
 * folders Node's resolution looks in for a bare `prettier`), with the folder that holds that
 * `node_modules`; undefined when there is none.
 */
function nearestPrettier(from: string): { dir: string; version: string } | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const version = readVersion(path.join(dir, 'node_modules', 'prettier', 'package.json'));
    if (version !== undefined) return { dir, version };
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The part of prettier's API docs2ts calls (a project's prettier 3 has it too). */
export interface PrettierApi {
  format(text: string, options: prettier.Options): Promise<string>;
  resolveConfig(file: string, options: prettier.ResolveConfigOptions): Promise<prettier.Options | null>;
  clearConfigCache(): Promise<void>;
}

/** Loaded prettier modules, by entry path (a process loads each one once). */
const loaded = new Map<string, PrettierApi>();

/**
 * Load a prettier module (its CommonJS entry: a project's prettier is loaded the same way as
 * docs2ts's, and by helper threads from the same path).
 *
 * @param module the entry's absolute path ({@link PrettierModule.module})
 * @throws {Error} when it cannot be loaded
 */
export function loadPrettier(module: string): PrettierApi {
  let api = loaded.get(module);
  if (api === undefined) {
    api = createRequire(import.meta.url)(module) as PrettierApi;
    loaded.set(module, api);
  }
  return api;
}

/** The `version` of a package.json, or undefined when it cannot be read. */
function readVersion(file: string): string | undefined {
  try {
    const version = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What formatting an output folder depends on, for the input hash: the prettier version that
 * formats it ({@link findPrettier}) and the text of the configuration that applies
 * ({@link prettierConfigText}); `false` when formatting is off.
 */
export function formatInputs(out: string | undefined, format: boolean): { prettier: string; config: string } | false {
  return format ? { prettier: findPrettier(out).version, config: prettierConfigText(out) } : false;
}

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
