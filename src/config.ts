/**
 * Configuration: found and loaded with cosmiconfig (`docs2ts.config.{json,js,mjs,ts}`, else a
 * `docs2ts` key in package.json, in the working folder), validated key by key.
 *
 * @module
 */

import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  /** Outputs to write (`typescript`, `json-schema`, `zod`). */
  targets?: string[];
  additionalProperties?: 'allow' | 'reject';
  /**
   * Optional fields also accept null. Left out (not the same as `false`), docs that cannot mark
   * null on optional fields get one `nullable-optionals-unset` warning.
   */
  nullableOptionals?: boolean;
  dates?: 'string' | 'Date';
  enumStyle?: 'enum' | 'const' | 'union';
  /** Read links to missing docs as `unknown` with a warning. */
  allowBrokenLinks?: boolean;
  /** Format the output with prettier (default true). */
  format?: boolean;
  /**
   * Wire names for docs whose SDK renamed properties: as documented, camelCase or snake_case. Left
   * out (not the same as `preserve`), Go / C# / Ruby / Python docs whose names the SDK may have
   * renamed get one `property-case-unset` warning.
   */
  propertyCase?: 'preserve' | 'camel' | 'snake';
  /** What the docs cannot say, per model (`"Version"`) or field (`"Task.created_at"`). */
  overrides?: Record<string, Override>;
  /** A job's name (in `jobs`), for `--job`. */
  name?: string;
  /** Several jobs in one config: each takes the top-level keys as defaults. */
  jobs?: Config[];
}

/**
 * An override. On a field: `wireName` (the JSON key), `nullable`, `required`, `type` (a primitive:
 * `string`, `number`, `integer`, `boolean`, `date`, `date-time`, `unknown`). On an enum model:
 * `valueType` (`string`, `number`, `boolean`: how to read its unquoted values).
 */
export interface Override {
  wireName?: string;
  nullable?: boolean;
  required?: boolean;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time' | 'unknown';
  valueType?: 'string' | 'number' | 'boolean';
}

const OVERRIDE_KEYS: Record<keyof Override, 'string' | 'boolean' | readonly string[]> = {
  wireName: 'string',
  nullable: 'boolean',
  required: 'boolean',
  type: ['string', 'number', 'integer', 'boolean', 'date', 'date-time', 'unknown'],
  valueType: ['string', 'number', 'boolean'],
};

/** A config file that cannot be used: the message names the file and the key path. */
export class ConfigError extends Error {}

type Kind = 'path' | 'string' | 'string[]' | 'boolean' | 'overrides' | 'jobs' | readonly string[];

/** Every config key and the value it takes (a list: one of those strings). */
const KEYS: Record<keyof Config, Kind> = {
  input: 'path',
  out: 'path',
  roots: 'string[]',
  notation: 'string',
  banner: 'path',
  targets: 'string[]',
  additionalProperties: ['allow', 'reject'],
  nullableOptionals: 'boolean',
  dates: ['string', 'Date'],
  enumStyle: ['enum', 'const', 'union'],
  allowBrokenLinks: 'boolean',
  format: 'boolean',
  propertyCase: ['preserve', 'camel', 'snake'],
  overrides: 'overrides',
  name: 'string',
  jobs: 'jobs',
};

/**
 * An ES-module config read again: imported under a new URL (`?v=<time>`), since Node keeps a
 * module once imported. (A CommonJS `.js` config and a `.ts` config are kept by their loaders.)
 */
async function importFresh(file: string): Promise<unknown> {
  const module = (await import(`${pathToFileURL(file).href}?v=${Date.now()}`)) as { default?: unknown };
  return module.default;
}

/**
 * Load the configuration.
 *
 * @param cwd the folder to look in
 * @param explicit a config file given with `--config` (must exist)
 * @param fresh read ES-module configs again even when imported before (`--watch` after a change)
 * @returns the config and the file it came from, or null when there is none
 * @throws {ConfigError} on a file that cannot be read, an unknown key or a value of the wrong type
 */
export async function loadConfig(cwd: string, explicit?: string, fresh = false): Promise<{ config: Config; file: string } | null> {
  const explorer = cosmiconfig('docs2ts', {
    searchPlaces: ['docs2ts.config.json', 'docs2ts.config.js', 'docs2ts.config.mjs', 'docs2ts.config.ts', 'package.json'],
    searchStrategy: 'none',
    cache: !fresh,
    ...(fresh ? { loaders: { '.mjs': importFresh, '.js': importFresh } } : {}),
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
export function validateConfig(raw: unknown, file: string, where = ''): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: ${where ? `\`${where}\`` : 'the config'} must be an object`);
  const base = path.dirname(file);
  const config: Config = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    const kind = Object.hasOwn(KEYS, key) ? KEYS[key as keyof Config] : undefined;
    if (!kind || (kind === 'jobs' && where !== '')) throw new ConfigError(`${file}: unknown key \`${where}${key}\` (known: ${Object.keys(KEYS).join(', ')})`);
    if (kind === 'jobs') {
      if (!Array.isArray(value)) throw new ConfigError(`${file}: \`jobs\` must be an array of job objects`);
      config.jobs = value.map((job, i) => validateConfig(job, file, `jobs[${i}].`));
    } else if (kind === 'overrides') {
      (config as Record<string, unknown>)[key] = validateOverrides(value, file);
    } else if (Array.isArray(kind)) {
      if (typeof value !== 'string' || !kind.includes(value)) throw new ConfigError(`${file}: \`${where}${key}\` must be one of ${kind.map((k) => `"${k}"`).join(', ')}`);
      (config as Record<string, unknown>)[key] = value;
    } else if (kind === 'boolean') {
      if (typeof value !== 'boolean') throw new ConfigError(`${file}: \`${where}${key}\` must be true or false`);
      (config as Record<string, unknown>)[key] = value;
    } else if (kind === 'string[]') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ConfigError(`${file}: \`${where}${key}\` must be an array of strings`);
      (config as Record<string, unknown>)[key] = value;
    } else {
      if (typeof value !== 'string') throw new ConfigError(`${file}: \`${where}${key}\` must be a string`);
      (config as Record<string, unknown>)[key] = kind === 'path' ? path.resolve(base, value) : value;
    }
  }
  return config;
}

function validateOverrides(value: unknown, file: string): Record<string, Override> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${file}: \`overrides\` must be an object`);
  const out: Record<string, Override> = {};
  for (const [target, override] of Object.entries(value)) {
    const where = `overrides.${JSON.stringify(target)}`;
    if (typeof override !== 'object' || override === null || Array.isArray(override)) throw new ConfigError(`${file}: \`${where}\` must be an object`);
    for (const [key, v] of Object.entries(override)) {
      const kind = Object.hasOwn(OVERRIDE_KEYS, key) ? OVERRIDE_KEYS[key as keyof Override] : undefined;
      if (!kind) throw new ConfigError(`${file}: unknown key \`${where}.${key}\` (known: ${Object.keys(OVERRIDE_KEYS).join(', ')})`);
      const ok = Array.isArray(kind) ? typeof v === 'string' && kind.includes(v) : typeof v === kind;
      if (!ok) throw new ConfigError(`${file}: \`${where}.${key}\` must be ${Array.isArray(kind) ? `one of ${kind.map((k) => `"${k}"`).join(', ')}` : `a ${kind as string}`}`);
    }
    out[target] = override as Override;
  }
  return out;
}

/**
 * The jobs of a config: its `jobs`, each over the top-level keys, or the config itself.
 *
 * @param only a job name (`--job`); null for all
 * @throws {ConfigError} when `only` names no job
 */
export function configJobs(config: Config, only: string | undefined): Config[] {
  const { jobs, ...defaults } = config;
  const all = jobs && jobs.length > 0 ? jobs.map((job) => ({ ...defaults, ...job })) : [defaults];
  if (only === undefined) return all;
  const picked = all.filter((job) => job.name === only);
  if (picked.length === 0) throw new ConfigError(`No job named \`${only}\` in the config (jobs: ${all.map((j) => j.name ?? '(unnamed)').join(', ')})`);
  return picked;
}
