/**
 * A job: what one run reads and writes, resolved from the command line and the config (flags win,
 * key by key). Loads nothing heavy, so the incremental check stays fast.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import type * as prettier from 'prettier';
import type { Config } from './config.js';
import { resolveSettings, SETTINGS, type Override, type Settings } from './core/options.js';

/** A usage problem (exit code 2). */
export class UsageError extends Error {}

/** Options given on the command line (undefined: not given). Settings are named as in {@link SETTINGS}. */
export interface Flags extends Partial<Settings> {
  input?: string;
  out?: string;
  root: string[];
  job?: string;
}

/** A resolved job. Paths are absolute. */
export interface Job extends Omit<Settings, 'notation'> {
  input: string;
  out: string | undefined;
  roots: string[];
  /** Notation id, or undefined to detect it. */
  notation: string | undefined;
  overrides: Record<string, Override>;
  /** Banner template text, when the config names one. */
  banner: string | undefined;
  /** Prettier options over those that apply to the output folder (the API's `prettier` option; absent from the CLI). */
  prettier?: prettier.Options;
  /**
   * The defaulted settings the flags or the config did choose (absent when none): a run that
   * leaves `propertyCase` or `nullableOptionals` to its default is told once what it would change.
   */
  chosen?: ('propertyCase' | 'nullableOptionals')[];
}

/**
 * Merge flags over a config.
 *
 * A `--input` on the command line drops the config's `roots`, `notation` and `overrides` (they
 * describe the config's input).
 *
 * @param cwd folder the flags' relative paths are resolved in
 * @param needsOut true for commands that write or compare an output folder
 * @throws {UsageError} on a missing or unreadable input, a missing output, an unreadable banner
 *   template
 */
export function resolveJob(flags: Flags, config: Config, cwd: string, needsOut: boolean): Job {
  const ownInput = flags.input !== undefined;
  const input = ownInput ? path.resolve(cwd, flags.input!) : config.input;
  const out = flags.out !== undefined ? path.resolve(cwd, flags.out) : config.out;
  if (!input) throw new UsageError('No input folder: pass --input DIR or set "input" in docs2ts.config.json');
  if (needsOut && !out) throw new UsageError('No output folder: pass --out DIR or set "out" in docs2ts.config.json');
  if (!fs.statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`Input folder \`${path.relative(cwd, input) || '.'}\` does not exist or is not a folder`);
  }
  let banner: string | undefined;
  if (config.banner) {
    try {
      banner = fs.readFileSync(config.banner, 'utf8');
    } catch {
      throw new UsageError(`Cannot read the banner template \`${config.banner}\``);
    }
  }
  // The config's notation describes the config's input: a --input of the command line drops it.
  return jobOf(
    {
      input,
      out,
      roots: flags.root.length > 0 ? flags.root.map((root) => rootInInput(root, cwd, input)) : ownInput ? [] : (config.roots ?? []),
      overrides: ownInput ? {} : (config.overrides ?? {}),
      banner,
    },
    flags,
    ownInput ? { ...config, notation: undefined } : config,
  );
}

/**
 * A job from its paths and layers of settings, the first layer that sets a setting winning and
 * {@link SETTINGS}' default where none does: how the CLI (flags over config) and the API (its
 * options) both make the job they run.
 *
 * @param base the job's paths (absolute), roots, overrides, banner text and prettier options
 */
export function jobOf(
  base: Pick<Job, 'input' | 'out' | 'roots' | 'overrides' | 'banner'> & { prettier?: prettier.Options | undefined },
  ...layers: readonly Partial<Readonly<Record<keyof Settings, unknown>>>[]
): Job {
  const settings = resolveSettings(...layers);
  const chosen = (['propertyCase', 'nullableOptionals'] as const).filter((key) => settings.chosen.has(key));
  const job: Job = {
    input: base.input,
    out: base.out,
    roots: [...base.roots],
    notation: settings.notation === 'auto' ? undefined : settings.notation,
    allowBrokenLinks: settings.allowBrokenLinks,
    propertyCase: settings.propertyCase,
    overrides: base.overrides,
    targets: [...new Set(settings.targets)],
    additionalProperties: settings.additionalProperties,
    nullableOptionals: settings.nullableOptionals,
    dates: settings.dates,
    enumStyle: settings.enumStyle,
    banner: base.banner,
    format: settings.format,
  };
  // Only when something was chosen: the job is hashed into the manifest, and a run that chose
  // nothing keeps the hash it had before this key existed.
  if (chosen.length > 0) job.chosen = chosen;
  if (base.prettier !== undefined) job.prettier = base.prettier;
  return job;
}

/**
 * The command line that runs the same job again (`docs2ts generate …`), for "run this to fix it"
 * messages. Paths are relative to `cwd`.
 */
export function commandFor(command: string, flags: Flags, configFile: string | undefined, cwd: string): string {
  const parts = ['npx', 'docs2ts', command];
  const q = (s: string): string => (/^[\w./@:=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  if (configFile && path.basename(configFile) !== 'docs2ts.config.json' && path.basename(configFile) !== 'package.json')
    parts.push('--config', q(path.relative(cwd, configFile)));
  if (flags.input !== undefined) parts.push('--input', q(path.relative(cwd, path.resolve(cwd, flags.input)) || '.'));
  if (flags.out !== undefined) parts.push('--out', q(path.relative(cwd, path.resolve(cwd, flags.out)) || '.'));
  for (const r of flags.root) parts.push('--root', q(r));
  for (const [key, setting] of Object.entries(SETTINGS)) {
    const value = flags[key as keyof typeof SETTINGS];
    const flag = setting.flag.split(/[ ,]+/).find((part) => part.startsWith('--'))!;
    // A flag that turns a setting off (`--no-format`) is written when the setting is off.
    if (typeof value === 'boolean' && value !== setting.default) parts.push(flag);
    else if (typeof value === 'string') parts.push(flag, value);
    else if (Array.isArray(value)) for (const v of value) parts.push(flag, v);
  }
  if (flags.job) parts.push('--job', q(flags.job));
  return parts.join(' ');
}

/**
 * A `--root` as the model stage reads it: a model name or a doc path relative to the input. A doc
 * path relative to the working folder (tab-completed in a shell: `docs/models/shared/task.md`) or
 * absolute, naming a file inside the input folder, becomes relative to the input; anything else is
 * kept as given.
 */
export function rootInInput(root: string, cwd: string, input: string): string {
  const [file, fragment] = root.split('#', 2) as [string, string | undefined];
  if (!/\.mdx?$/i.test(file)) return root;
  const given = path.resolve(cwd, file);
  const inside = path.relative(input, given);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return root;
  // Relative to the input already (and a file there): keep it.
  if (!path.isAbsolute(file) && fs.existsSync(path.join(input, file))) return root;
  if (!fs.statSync(given, { throwIfNoEntry: false })?.isFile()) return root;
  const relative = inside.split(path.sep).join('/');
  return fragment === undefined ? relative : `${relative}#${fragment}`;
}
