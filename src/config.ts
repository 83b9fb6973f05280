/**
 * Configuration: found and loaded with cosmiconfig (`docs2ts.config.{json,js,mjs}`, else a
 * `docs2ts` key in package.json, in the working folder), validated key by key.
 *
 * @module
 */

import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';

/** A validated job configuration. Paths are absolute (resolved against the config file's folder). */
export interface Config {
  /** The docs folder. */
  input?: string;
  /** The output folder. */
  out?: string;
  /** Root model names or doc paths (relative to `input`). */
  roots?: string[];
  /** Notation id (`ruby`). */
  notation?: string;
  /** A banner template file. */
  banner?: string;
}

/** A config file that cannot be used: the message names the file and the key path. */
export class ConfigError extends Error {}

const KEYS: Record<keyof Config, 'path' | 'string' | 'string[]'> = {
  input: 'path',
  out: 'path',
  roots: 'string[]',
  notation: 'string',
  banner: 'path',
};

/**
 * Load the configuration.
 *
 * @param cwd the folder to look in
 * @param explicit a config file given with `--config` (must exist)
 * @returns the config and the file it came from, or null when there is none
 * @throws {ConfigError} on a file that cannot be read, an unknown key or a value of the wrong type
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<{ config: Config; file: string } | null> {
  const explorer = cosmiconfig('docs2ts', {
    searchPlaces: ['docs2ts.config.json', 'docs2ts.config.js', 'docs2ts.config.mjs', 'package.json'],
    searchStrategy: 'none',
  });
  let result;
  try {
    result = explicit ? await explorer.load(path.resolve(cwd, explicit)) : await explorer.search(cwd);
  } catch (error) {
    throw new ConfigError(`Cannot read the config${explicit ? ` \`${explicit}\`` : ''}: ${(error as Error).message}`);
  }
  if (!result || result.isEmpty) return explicit ? { config: {}, file: path.resolve(cwd, explicit) } : null;
  return { config: validateConfig(result.config, result.filepath), file: result.filepath };
}

/**
 * Check a raw config object and resolve its paths against the config file's folder.
 *
 * @throws {ConfigError} naming the file and key of the first problem
 */
export function validateConfig(raw: unknown, file: string): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: the config must be an object`);
  const base = path.dirname(file);
  const config: Config = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    const kind = Object.hasOwn(KEYS, key) ? KEYS[key as keyof Config] : undefined;
    if (!kind) throw new ConfigError(`${file}: unknown key \`${key}\` (known: ${Object.keys(KEYS).join(', ')})`);
    if (kind === 'string[]') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ConfigError(`${file}: \`${key}\` must be an array of strings`);
      (config as Record<string, unknown>)[key] = value;
    } else {
      if (typeof value !== 'string') throw new ConfigError(`${file}: \`${key}\` must be a string`);
      (config as Record<string, unknown>)[key] = kind === 'path' ? path.resolve(base, value) : value;
    }
  }
  return config;
}
