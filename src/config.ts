/**
 * Configuration: found and loaded with cosmiconfig (`docs2ts.config.{json,js,mjs,ts}`, else a
 * `docs2ts` key in package.json, in the working folder), validated key by key. When there is no
 * config file, or the one found is JSON that parses, it is read without loading cosmiconfig (and
 * its YAML and code-frame dependencies): about 20 ms of CPU, a quarter of what `check` on an
 * unchanged tree takes beyond Node's own start.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OVERRIDE_KEYS, SETTINGS, settingProblem, type Override, type SettingName, type Settings } from './core/options.js';

/** A validated job configuration. Paths are absolute (resolved against the config file's folder). */
export interface Config extends Partial<Settings> {
  /** The docs folder. */
  input?: string;
  /** The output folder. */
  out?: string;
  /** Root model names or doc paths (relative to `input`). */
  roots?: string[];
  /** A banner template file. */
  banner?: string;
  /** What the docs cannot say, per model (`"Version"`) or field (`"Task.created_at"`). */
  overrides?: Record<string, Override>;
  /** A job's name (in `jobs`), for `--job`. */
  name?: string;
  /** Several jobs in one config: each takes the top-level keys as defaults. */
  jobs?: Config[];
}

/** A config file that cannot be used: the message names the file and the key path. */
export class ConfigError extends Error {}

type Kind = 'path' | 'string' | 'string[]' | 'overrides' | 'jobs' | 'setting';

/** Every config key and the value it takes (`setting`: as {@link SETTINGS} says). */
const KEYS: Record<keyof Config, Kind> = {
  input: 'path',
  out: 'path',
  roots: 'string[]',
  banner: 'path',
  ...(Object.fromEntries(Object.keys(SETTINGS).map((key) => [key, 'setting'])) as Record<SettingName, 'setting'>),
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

/** Where a config is looked for, in this order, in the working folder only. */
const SEARCH_PLACES = ['docs2ts.config.json', 'docs2ts.config.js', 'docs2ts.config.mjs', 'docs2ts.config.ts', 'package.json'];

/**
 * The config where finding and reading it is plain, as cosmiconfig would find and read it: no
 * candidate file in the folder (null: no config), or the file to read is JSON that parses to an
 * object (`docs2ts.config.json` or a `--config` file ending in `.json`; a package.json without a
 * `docs2ts` key is passed over, as cosmiconfig does).
 *
 * @returns the raw config and its file, null when there is none, or undefined when cosmiconfig
 *   must look: a JavaScript or TypeScript config, a `docs2ts` key in package.json, JSON that does
 *   not parse (cosmiconfig's message shows where), a config that imports another (`$import`), a
 *   `--config` package.json, cosmiconfig's own settings in the working folder (a `.config` folder,
 *   a `cosmiconfig` key in package.json, or a package.json that does not parse), a folder that
 *   cannot be listed
 */
function plainConfig(cwd: string, explicit: string | undefined): { config: object; file: string } | null | undefined {
  const readObject = (file: string): object | undefined => {
    try {
      const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return typeof value === 'object' && value !== null && !Object.hasOwn(value, '$import') ? value : undefined;
    } catch {
      return undefined;
    }
  };
  if (hasCosmiconfigSettings(process.cwd())) return undefined;
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    const config = path.extname(file) === '.json' && path.basename(file) !== 'package.json' ? readObject(file) : undefined;
    return config === undefined ? undefined : { config, file };
  }
  let names: Set<string>;
  try {
    names = new Set(fs.readdirSync(cwd));
  } catch {
    return undefined;
  }
  for (const place of SEARCH_PLACES) {
    if (!names.has(place)) continue;
    const file = path.join(cwd, place);
    const config = place.endsWith('.json') ? readObject(file) : undefined;
    if (config === undefined) return undefined;
    if (place !== 'package.json') return { config, file };
    if (Object.hasOwn(config, 'docs2ts')) return undefined;
  }
  return null;
}

/**
 * True when cosmiconfig would read settings of its own in `folder` (the process's working folder):
 * a `.config` folder (`.config/config.json` and the like), or a package.json with a `cosmiconfig`
 * key or that does not parse (cosmiconfig reports it).
 */
function hasCosmiconfigSettings(folder: string): boolean {
  if (fs.existsSync(path.join(folder, '.config'))) return true;
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, 'package.json'), 'utf8');
  } catch {
    return false;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && Object.hasOwn(value, 'cosmiconfig');
  } catch {
    return true;
  }
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
  const plain = plainConfig(cwd, explicit);
  if (plain === null) return null;
  if (plain !== undefined) return { config: validateConfig(plain.config, plain.file), file: plain.file };
  // cosmiconfig is CommonJS: imported from an ES module bundle, its exports may sit on `default`.
  const module = (await import('cosmiconfig')) as typeof import('cosmiconfig') & { default?: typeof import('cosmiconfig') };
  const cosmiconfig = module.default?.cosmiconfig ?? module.cosmiconfig;
  let result;
  try {
    // In the try: cosmiconfig reads its own settings (package.json, .config/) when it is made.
    const explorer = cosmiconfig('docs2ts', {
      searchPlaces: SEARCH_PLACES,
      searchStrategy: 'none',
      cache: !fresh,
      ...(fresh ? { loaders: { '.mjs': importFresh, '.js': importFresh } } : {}),
    });
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError(`${file}: ${where ? `\`${where}\`` : 'the config'} must be an object`);
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
    } else if (kind === 'setting') {
      const problem = settingProblem(key as SettingName, value);
      if (problem !== null) throw new ConfigError(`${file}: \`${where}${key}\` must be ${problem}`);
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
    for (const [key, v] of Object.entries(override as Record<string, unknown>)) {
      const kind = Object.hasOwn(OVERRIDE_KEYS, key) ? OVERRIDE_KEYS[key as keyof Override] : undefined;
      if (!kind) throw new ConfigError(`${file}: unknown key \`${where}.${key}\` (known: ${Object.keys(OVERRIDE_KEYS).join(', ')})`);
      const ok = Array.isArray(kind) ? typeof v === 'string' && kind.includes(v) : typeof v === kind;
      if (!ok)
        throw new ConfigError(
          `${file}: \`${where}.${key}\` must be ${Array.isArray(kind) ? `one of ${kind.map((k) => `"${k}"`).join(', ')}` : `a ${kind as string}`}`,
        );
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
