/**
 * A job: what one run reads and writes, resolved from the command line and the config (flags win,
 * key by key). Loads nothing heavy, so the incremental check stays fast.
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Config, Override } from './config.js';

/** A usage problem (exit code 2). */
export class UsageError extends Error {}

/** The targets docs2ts writes (kept here so the CLI need not load the emitter to check a flag). */
export const TARGET_NAMES = ['typescript', 'json-schema', 'zod'] as const;

/** Options given on the command line (undefined: not given). */
export interface Flags {
  input?: string;
  out?: string;
  root: string[];
  notation?: string;
  target?: string[];
  additionalProperties?: 'allow' | 'reject';
  nullableOptionals?: boolean;
  dates?: 'string' | 'Date';
  enumStyle?: 'enum' | 'const' | 'union';
  propertyCase?: 'preserve' | 'camel' | 'snake';
  allowBrokenLinks?: boolean;
  /** False with `--no-format` (not `format`: that is the diagnostics' `--format`). */
  formatOutput?: boolean;
  job?: string;
}

/** A resolved job. Paths are absolute. */
export interface Job {
  input: string;
  out: string | undefined;
  roots: string[];
  /** Notation id, or undefined to detect it. */
  notation: string | undefined;
  allowBrokenLinks: boolean;
  propertyCase: 'preserve' | 'camel' | 'snake';
  overrides: Record<string, Override>;
  targets: string[];
  additionalProperties: 'allow' | 'reject';
  nullableOptionals: boolean;
  dates: 'string' | 'Date';
  enumStyle: 'enum' | 'const' | 'union';
  /** Banner template text, when the config names one. */
  banner: string | undefined;
  /** Format the output with prettier (false: `--no-format` / `"format": false`). */
  format: boolean;
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
 * @throws {UsageError} on a missing or unreadable input, a missing output, an unknown target, an
 *   unreadable banner template
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
  const targets = flags.target ?? config.targets ?? ['typescript'];
  const unknown = targets.find((t) => !(TARGET_NAMES as readonly string[]).includes(t));
  if (unknown) throw new UsageError(`Unknown target \`${unknown}\`; known: ${TARGET_NAMES.join(', ')}`);
  let banner: string | undefined;
  if (config.banner) {
    try {
      banner = fs.readFileSync(config.banner, 'utf8');
    } catch {
      throw new UsageError(`Cannot read the banner template \`${config.banner}\``);
    }
  }
  const notation = flags.notation ?? (ownInput ? undefined : config.notation);
  const chosen = (['propertyCase', 'nullableOptionals'] as const).filter((key) => flags[key] !== undefined || config[key] !== undefined);
  return {
    input,
    out,
    roots: flags.root.length > 0 ? flags.root : ownInput ? [] : (config.roots ?? []),
    notation: notation === 'auto' ? undefined : notation,
    allowBrokenLinks: flags.allowBrokenLinks ?? config.allowBrokenLinks ?? false,
    propertyCase: flags.propertyCase ?? config.propertyCase ?? 'preserve',
    overrides: ownInput ? {} : (config.overrides ?? {}),
    targets: [...new Set(targets)],
    additionalProperties: flags.additionalProperties ?? config.additionalProperties ?? 'allow',
    nullableOptionals: flags.nullableOptionals ?? config.nullableOptionals ?? false,
    dates: flags.dates ?? config.dates ?? 'string',
    enumStyle: flags.enumStyle ?? config.enumStyle ?? 'enum',
    banner,
    format: flags.formatOutput ?? config.format ?? true,
    // Only when something was chosen: the job is hashed into the manifest, and a run that chose
    // nothing keeps the hash it had before this key existed.
    ...(chosen.length > 0 ? { chosen } : {}),
  };
}

/**
 * The command line that runs the same job again (`docs2ts generate …`), for "run this to fix it"
 * messages. Paths are relative to `cwd`.
 */
export function commandFor(command: string, flags: Flags, configFile: string | undefined, cwd: string): string {
  const parts = ['npx', 'docs2ts', command];
  const q = (s: string): string => (/^[\w./@:=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  if (configFile && path.basename(configFile) !== 'docs2ts.config.json' && path.basename(configFile) !== 'package.json') parts.push('--config', q(path.relative(cwd, configFile)));
  if (flags.input !== undefined) parts.push('--input', q(path.relative(cwd, path.resolve(cwd, flags.input)) || '.'));
  if (flags.out !== undefined) parts.push('--out', q(path.relative(cwd, path.resolve(cwd, flags.out)) || '.'));
  for (const r of flags.root) parts.push('--root', q(r));
  if (flags.notation) parts.push('--notation', flags.notation);
  for (const t of flags.target ?? []) parts.push('--target', t);
  if (flags.additionalProperties) parts.push('--additional-properties', flags.additionalProperties);
  if (flags.nullableOptionals) parts.push('--nullable-optionals');
  if (flags.dates) parts.push('--dates', flags.dates);
  if (flags.enumStyle) parts.push('--enum-style', flags.enumStyle);
  if (flags.propertyCase) parts.push('--property-case', flags.propertyCase);
  if (flags.allowBrokenLinks) parts.push('--allow-broken-links');
  if (flags.formatOutput === false) parts.push('--no-format');
  if (flags.job) parts.push('--job', q(flags.job));
  return parts.join(' ');
}
