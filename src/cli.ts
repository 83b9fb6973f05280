#!/usr/bin/env node
/**
 * The `docs2ts` command line: a thin layer over the programmatic API.
 *
 * Exit codes: 0 success (for `check`: the output is up to date); 1 error diagnostics (nothing is
 * written), more warnings than `--max-warnings`, an output that cannot be written, or (`check`) an
 * output that is not what `generate` would write; 2 usage errors (unknown option or command, bad
 * config, missing input).
 *
 * Start-up is kept small: the Markdown parser and prettier are imported only when a run
 * has to build (an unchanged tree answers from the output's manifest).
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  checkCommand,
  explainCommand,
  FormatError,
  generateCommand,
  graphCommand,
  irCommand,
  version,
  type CheckAnswer,
  type GenerateAnswer,
  type RunContext,
} from './commands.js';
import type { Diagnostic } from './core/diagnostics.js';
import type { IR } from './core/ir.js';
import { GRAPH_FORMATS, SETTINGS, type GraphFormat, type Setting, type SettingName } from './core/options.js';
import { commandFor, resolveJob, UsageError, type Flags, type Job } from './job.js';
import { WriteError } from './write.js';
import { InputError } from './core/input-error.js';
import { ProgressLine } from './progress.js';

/** Where the CLI writes and which folder it runs in (tests pass their own). */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Colour in diagnostics (default: when stderr is a TTY). */
  color?: boolean;
  /** Show a progress line (default: when stderr is a TTY). */
  progress?: boolean;
  /** How long a run goes before the progress line appears, in ms (default 1000). */
  progressDelay?: number;
  /** Ends `generate --watch` (default: never; the process is stopped by a signal). */
  signal?: AbortSignal;
}

/** What commander parses: the flags, settings under their flags' attribute names (`target` for `targets`). */
interface CliOptions extends Omit<Flags, 'root' | SettingName> {
  root: string[];
  config?: string;
  verbose?: boolean;
  format?: 'text' | 'json' | 'github' | GraphFormat;
  maxWarnings?: number;
  watch?: boolean;
  force?: boolean;
  job?: string;
  json?: boolean;
  diff?: boolean;
  quiet?: boolean;
  [attribute: string]: unknown;
}

/** A setting's CLI option, made from its row of {@link SETTINGS}. */
function settingOption(setting: Setting): Option {
  const option =
    'attribute' in setting && setting.attribute !== undefined
      ? new NamedOption(setting.flag, setting.help, setting.attribute)
      : new Option(setting.flag, setting.help);
  if (setting.kind === 'choice') return option.choices(setting.choices);
  if (setting.kind === 'list') return option.argParser(collectChoice(setting.choices));
  return option;
}

/** The settings of a stage, as CLI options, in table order. */
function settingOptions(stage: 'input' | 'output'): Option[] {
  return Object.values(SETTINGS)
    .filter((setting) => setting.stage === stage)
    .map(settingOption);
}

/** The flags of a parse: settings renamed from their attribute names to the settings' names. */
function flagsOf(options: CliOptions): Flags {
  const flags: Flags = { root: options.root };
  for (const key of ['input', 'out', 'job'] as const) if (options[key] !== undefined) flags[key] = options[key];
  for (const [key, setting] of Object.entries(SETTINGS)) {
    const value = options[settingOption(setting).attributeName()];
    // Commander gives a `--no-…` flag that was not passed its default (true): not a choice.
    const unset = value === undefined || (setting.flag.startsWith('--no-') && value === true);
    if (!unset) Object.assign(flags, { [key]: value });
  }
  return flags;
}

/**
 * Run the CLI.
 *
 * @param argv arguments after the program name, e.g. `['generate', '--root', 'Task']`
 * @returns the exit code (0, 1 or 2)
 */
export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  let code = 0;
  const program = new Command('docs2ts')
    .description('Generate TypeScript interfaces, enums and runtime validators from SDK Markdown model docs.')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  const diagnosticsFormat = (): Option =>
    new Option('--format <format>', 'diagnostics as text (vfile-reporter), JSON on stdout, or GitHub Actions annotations (github)')
      .choices(['text', 'json', 'github'])
      .default('text');
  const input = (command: Command, format: Option = diagnosticsFormat()): Command => {
    command
      .option('-c, --config <file>', 'config file (default: docs2ts.config.json, .js, .mjs, .ts, or the "docs2ts" key of package.json)')
      .option('-j, --job <name>', 'run only this job of a config with several `jobs`')
      .option('-i, --input <dir>', 'folder of Markdown model docs')
      .option('-r, --root <name|doc>', 'root model: a name (`Task`) or a doc path relative to --input; repeatable (default: every model)', collect, []);
    for (const option of settingOptions('input')) command.addOption(option);
    return command
      .addOption(format)
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
      .option('-v, --verbose', 'also print info diagnostics')
      .option('-q, --quiet', 'print only errors: no warnings, no progress, no line when all went well');
  };
  const output = (command: Command): Command => {
    input(command).option('-o, --out <dir>', 'output folder (replaced all-or-nothing)');
    for (const option of settingOptions('output')) command.addOption(option);
    return command;
  };

  // Only the command being run is set up with its options (each takes about a millisecond of
  // every start-up); `--help`, `help <command>` and anything else set up all of them.
  const only = COMMAND_NAMES.find((name) => name === argv[0]);
  const wanted = (name: CommandName): boolean => only === undefined || only === name;
  const action =
    (name: CommandName) =>
    async (options: CliOptions): Promise<void> => {
      code = await run(name, options, io);
    };
  if (wanted('generate'))
    output(program.command('generate').description('write the TypeScript files for the root models and everything they reach'))
      .option('-w, --watch', 'regenerate whenever a doc or the config changes (one line a run)')
      .option('-f, --force', 'regenerate even when the manifest says the output is up to date')
      .action(action('generate'));
  if (wanted('check'))
    output(program.command('check').description('exit 0 when the output folder is exactly what generate would write, else 1 with a diff'))
      .option('-f, --force', 'compare byte for byte even when the manifest says the output is up to date')
      .option('--diff', 'print a unified diff of every stale or extra file (default: one line per kind)')
      .action(action('check'));
  if (wanted('ir'))
    input(program.command('ir').description('print the intermediate representation as JSON: {version, roots, models, diagnostics}')).action(action('ir'));
  if (wanted('graph'))
    input(
      program.command('graph').description('draw the model graph: models with their fields, references as edges, enums and unions marked'),
      new Option('--format <format>', 'mermaid (classDiagram), dot (Graphviz) or svg (laid out by docs2ts)').choices([...GRAPH_FORMATS]).default('mermaid'),
    ).action(action('graph'));
  if (wanted('explain'))
    input(program.command('explain').description('list every inference the docs forced, with its place and the override that changes it'))
      .option('--json', 'print the list as JSON')
      .action(action('explain'));

  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      // A usage error of a run that asked for JSON answers in JSON too.
      const asked = argv.some((arg, i) => arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
      const command = argv.find((arg) => arg === 'generate' || arg === 'check');
      if (asked && command) io.stdout(jsonAnswer({ command: command, exitCode: 2, error: error.message.replace(/^error: /, '') }));
      return 2;
    }
    throw error;
  }
  return code;
}

/** An option stored under a name of its own (`--no-format` as `formatOutput`: `format` holds the diagnostics' `--format`). */
class NamedOption extends Option {
  constructor(
    flags: string,
    description: string,
    private readonly attribute: string,
  ) {
    super(flags, description);
  }

  override attributeName(): string {
    return this.attribute;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A repeatable option's parser: one of `choices` a time, collected. */
function collectChoice(choices: readonly string[]): (value: string, previous: string[] | undefined) => string[] {
  return (value, previous) => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return [...(previous ?? []), value];
  };
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Expected a whole number of warnings.');
  return n;
}

const COMMAND_NAMES = ['generate', 'check', 'ir', 'explain', 'graph'] as const;
type CommandName = (typeof COMMAND_NAMES)[number];

async function run(command: CommandName, options: CliOptions, io: CliIO): Promise<number> {
  // cosmiconfig is loaded only by commands that run (not by --help / --version).
  const { ConfigError, configJobs, loadConfig } = await import('./config.js');
  const flags = flagsOf(options);
  try {
    // The jobs of the config file (read again, `fresh`, after a change to it under --watch).
    const load = async (fresh: boolean): Promise<{ file: string | undefined; jobs: Job[] }> => {
      const found = await loadConfig(io.cwd, options.config, fresh);
      const jobs = configJobs(found?.config ?? {}, options.job).map((config) =>
        resolveJob(flags, config, io.cwd, command === 'generate' || command === 'check'),
      );
      return { file: found?.file, jobs };
    };
    const { file, jobs } = await load(false);
    const fix = commandFor('generate', flags, file, io.cwd);
    if (command === 'generate' && options.watch) {
      const only = (list: Job[]): Job => {
        if (list.length > 1) throw new UsageError('--watch runs one job: pick it with --job');
        return list[0]!;
      };
      return await watch(only(jobs), options, io, file, async () => only((await load(true)).jobs));
    }
    let code = 0;
    for (const job of jobs) code = Math.max(code, await once(command, job, options, io, fix));
    return code;
  } catch (error) {
    const exitCode = error instanceof UsageError || error instanceof ConfigError ? 2 : error instanceof WriteError || error instanceof InputError ? 1 : null;
    if (exitCode !== null) {
      const message = (error as Error).message;
      io.stderr(`docs2ts: ${message}\n`);
      if (options.format === 'json' && (command === 'generate' || command === 'check')) io.stdout(jsonAnswer({ command, exitCode, error: message }));
      return exitCode;
    }
    throw error;
  }
}

/** One command on one job, run by `./commands.ts`, printed. */
async function once(command: CommandName, job: Job, options: CliOptions, io: CliIO, fix: string): Promise<number> {
  // `process.hrtime`, not `performance.now()`: the `performance` global loads perf_hooks (a few ms of every start).
  const started = process.hrtime.bigint();
  const outLabel = job.out ? path.relative(io.cwd, job.out) || '.' : '';
  const context: RunContext = { force: options.force === true };
  // A progress line on a terminal, for runs that take more than about a second.
  const progress =
    (io.progress ?? false) && options.format !== 'json' && !options.quiet
      ? new ProgressLine({ write: (text) => io.stderr(text), columns: process.stderr.columns }, io.progressDelay)
      : null;
  if (progress) context.onProgress = progress.report;
  const clear = (): void => progress?.stop();
  const counts = (ir: IR): { warnings: number; errors: number; failed: boolean } => {
    const warnings = ir.diagnostics.filter((d) => d.severity === 'warning').length;
    const errors = ir.diagnostics.filter((d) => d.severity === 'error').length;
    return { warnings, errors, failed: errors > 0 || (options.maxWarnings !== undefined && warnings > options.maxWarnings) };
  };
  const json = options.format === 'json' && (command === 'generate' || command === 'check');
  const cannotFormat = (error: FormatError): number => {
    clear();
    const message = `nothing written: cannot format the output: ${error.message.split('\n')[0]}`;
    io.stderr(`docs2ts: ${message}\n`);
    if (json) io.stdout(jsonAnswer({ command, exitCode: 1, error: message }));
    return 1;
  };

  if (command === 'explain') {
    const { ir, inferences } = await explainCommand(job, context);
    clear();
    const github = options.format === 'github' && !options.json;
    if (options.json || options.format === 'json') io.stdout(`${JSON.stringify(inferences, null, 2)}\n`);
    else if (github) io.stdout(githubAnnotations(inferences, job.input, io.cwd, true));
    else io.stdout(formatExplain(inferences, job.input, io.cwd));
    // The errors that stopped the run (a missing root, an unreadable Type cell) are no inference:
    // said apart, on stderr (as annotations with the list, for GitHub).
    const errors = ir.diagnostics.filter((d) => d.severity === 'error');
    await report(errors, job.input, io, false, github ? 'stdout' : false);
    return errors.length > 0 ? 1 : 0;
  }
  if (command === 'graph') {
    const { ir, text } = await graphCommand(job, options.format as GraphFormat, context);
    clear();
    // Nothing on stdout from a failed run: `graph > models.mmd` keeps the drawing it had.
    const failed = counts(ir).failed;
    if (!failed) io.stdout(text);
    await report(ir.diagnostics, job.input, io, options.verbose === true, false, options.quiet === true);
    return failed ? 1 : 0;
  }
  if (command === 'ir') {
    const ir = await irCommand(job, context);
    clear();
    io.stdout(`${JSON.stringify(ir, null, 2)}\n`);
    // (GitHub annotations on stderr here: stdout holds the IR.)
    if (options.format !== 'json')
      await report(ir.diagnostics, job.input, io, options.verbose === true, options.format === 'github' ? 'stderr' : false, options.quiet === true);
    return counts(ir).failed ? 1 : 0;
  }

  const upToDate = (): number => {
    if (json) io.stdout(jsonAnswer({ command, exitCode: 0, upToDate: true }));
    else if (!options.quiet) io.stdout(`docs2ts: ${outLabel} is up to date (${elapsedMs(started)} ms)\n`);
    return 0;
  };
  context.accept = (ir) => !counts(ir).failed;
  const finish = async (ir: IR, answer: Partial<JsonAnswer>, code: number, line: string): Promise<number> => {
    clear();
    if (json) io.stdout(jsonAnswer({ command, exitCode: code, models: ir.models.length, diagnostics: ir.diagnostics, ...answer }));
    else {
      await report(ir.diagnostics, job.input, io, options.verbose === true, options.format === 'github' ? 'stdout' : false, options.quiet === true);
      if (line && !(code === 0 && options.quiet)) (code === 0 ? io.stdout : io.stderr)(line);
    }
    return code;
  };
  const stopped = (ir: IR): Promise<number> => {
    const { warnings, errors } = counts(ir);
    const why =
      errors > 0
        ? errorSummary(ir.diagnostics, job)
        : `${plural(warnings, 'warning')} exceed${warnings === 1 ? 's' : ''} --max-warnings ${options.maxWarnings}`;
    return finish(ir, {}, 1, `docs2ts: ${command === 'generate' ? 'nothing written' : 'cannot check'}: ${why}\n`);
  };

  if (command === 'check') {
    let answer: CheckAnswer;
    try {
      answer = await checkCommand(job, context);
    } catch (error) {
      if (error instanceof FormatError) return cannotFormat(error);
      throw error;
    }
    if (answer.ir === null) return upToDate();
    if (counts(answer.ir).failed) return stopped(answer.ir);
    const { ir, stale, missing, extra, patches } = answer;
    const found: Partial<JsonAnswer> = { upToDate: answer.upToDate, stale, missing, extra };
    if (answer.upToDate) return finish(ir, found, 0, `docs2ts: ${outLabel} is up to date\n`);
    if (!json && options.diff) io.stdout(patches.join(''));
    return finish(ir, { ...found, fix }, 1, outOfDate(outLabel, { stale, missing, extra }, fix, options.diff === true));
  }

  let answer: GenerateAnswer;
  try {
    answer = await generateCommand(job, { ...context, write: true });
  } catch (error) {
    if (error instanceof FormatError) return cannotFormat(error);
    throw error;
  }
  if (answer.ir === null) return upToDate();
  if (!answer.files) return stopped(answer.ir);
  const ms = elapsedMs(started);
  const { warnings } = counts(answer.ir);
  return finish(
    answer.ir,
    { upToDate: false, files: answer.files.size },
    0,
    `docs2ts: ${plural(answer.ir.models.length, 'model')} → ${plural(answer.files.size, 'file')} in ${outLabel}, ${plural(warnings, 'warning')} (${ms} ms)\n`,
  );
}

/**
 * What `check` says when the output is out of date: the counts, one line per kind with the first
 * file names, and the command that fixes it (and, without `--diff`, how to see the changes).
 */
export function outOfDate(label: string, kinds: Readonly<Record<'stale' | 'missing' | 'extra', readonly string[]>>, fix: string, diffShown: boolean): string {
  const SHOWN = 8;
  const present = Object.entries(kinds).filter(([, files]) => files.length > 0);
  const counts = present.map(([kind, files]) => `${files.length} ${kind}`).join(', ');
  const lines = present.map(([kind, files]) => {
    const more = files.length > SHOWN ? `, … (${files.length - SHOWN} more)` : '';
    return `  ${kind}: ${files.slice(0, SHOWN).join(', ')}${more}\n`;
  });
  const diff = diffShown ? '' : `; \`docs2ts check --diff\` prints the changes`;
  return `docs2ts: ${label} is out of date (${counts}):\n${lines.join('')}Run \`${fix}\` to update it${diff}.\n`;
}

/** Rules of a link or name that matches no doc: --allow-broken-links reads them as `unknown`. */
const BROKEN_LINK_RULES = new Set(['link-missing', 'ref-unresolved']);

/** `1 warning`, `2 warnings`. */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What stopped a run, for its last line: how many errors in how many docs, the most common rules,
 * and the one next step: `--allow-broken-links` when every error is a link or name that matches no
 * doc; the `--root` names when only they are wrong; for a whole-tree run, `--root` (a rooted run
 * reads only the docs its roots reach, so errors elsewhere do not stop it); else fixing them.
 */
export function errorSummary(diagnostics: readonly Diagnostic[], job: Pick<Job, 'roots'>): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const docs = new Set(errors.flatMap((d) => (d.file === null ? [] : [d.file]))).size;
  const byRule = new Map<string, number>();
  for (const d of errors) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
  const rules = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const counts = `${plural(errors.length, 'error')}${docs > 0 ? ` in ${plural(docs, 'doc')}` : ''} (${rules
    .slice(0, 3)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ')}${rules.length > 3 ? ', …' : ''})`;
  let next: string;
  if (rules.every(([r]) => BROKEN_LINK_RULES.has(r)))
    next = 'every one is a link or name that matches no doc: pass --allow-broken-links to read them as unknown';
  else if (rules.every(([r]) => r.startsWith('root-'))) next = 'fix the --root names (a model heading or a doc path relative to --input)';
  else if (job.roots.length === 0)
    next = 'fix the errors above, or pass --root <Model> to generate only the models you need: a rooted run reads only the docs its roots reach';
  else next = 'fix the errors above';
  return `${counts}; ${next}`;
}

/** `generate --watch`: a run now, then one per change (debounced), one line each. */
async function watch(first: Job, options: CliOptions, io: CliIO, configFile: string | undefined, reload: () => Promise<Job>): Promise<number> {
  const { watch: chokidar } = await import('chokidar');
  const quiet: CliIO = { ...io, progress: false };
  let job = first;
  let configChanged = false;
  const stamp = (): string => new Date().toISOString().slice(11, 19);
  const runOnce = async (): Promise<void> => {
    if (configChanged) {
      configChanged = false;
      try {
        job = await reload();
      } catch (error) {
        // Keep the last good job: the file is often saved half-edited.
        io.stdout(`${stamp()} failed: ${(error as Error).message}\n`);
        return;
      }
    }
    let out = '';
    let err = '';
    const code = await once('generate', job, { ...options, format: 'text' }, { ...quiet, stdout: (t) => (out += t), stderr: (t) => (err += t) }, '');
    // A run's summary is stdout's last line (stderr holds the diagnostics, warnings included).
    const line = out.trim().split('\n').filter(Boolean);
    // The diagnostics first, then the line that says the run failed ("fix the errors above").
    if (code !== 0 && err) io.stderr(err);
    // --quiet: no line when all went well (the run printed none).
    if (code === 0 && line.length === 0) return;
    io.stdout(`${stamp()} ${code === 0 ? line[line.length - 1] : `failed: ${err.trim().split('\n').slice(-1)[0] ?? ''}`}\n`);
  };
  const watcher = chokidar([job.input, ...(configFile ? [configFile] : [])], {
    ignoreInitial: true,
    ignored: (p: string) => job.out !== undefined && p.startsWith(job.out),
  });
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  watcher.on('all', (_event: string, changed: string) => {
    if (configFile !== undefined && path.resolve(changed) === configFile) configChanged = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(runOnce);
    }, 100);
  });
  // The first run starts once the watcher is ready: every change from then on (during that run
  // too) is seen, so no edit made after the first line can be missed, however slow the start.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  running = running.then(runOnce);
  await running;
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    // Stopped already (during the first run): the abort event has gone by.
    if (io.signal?.aborted) return resolve();
    io.signal?.addEventListener('abort', stop, { once: true });
    if (!io.signal) process.once('SIGINT', stop);
  });
  clearTimeout(timer);
  await running;
  await watcher.close();
  return 0;
}

function formatExplain(list: readonly Diagnostic[], input: string, cwd: string): string {
  if (list.length === 0) return 'docs2ts: the docs forced no inference\n';
  return list
    .map((d) => {
      const where = d.file === null ? path.relative(cwd, input) || '.' : `${path.relative(cwd, path.join(input, d.file))}:${d.line ?? 1}`;
      return `${where}  ${d.ruleId}  ${d.message}${d.hint ? `\n    ${d.hint}` : ''}\n`;
    })
    .join('');
}

/**
 * The one shape of every `--format json` answer of `generate` and `check`, a usage error
 * included: every key is always there (null or [] when it does not apply).
 */
export interface JsonAnswer {
  command: 'generate' | 'check';
  /** The process's exit code. */
  exitCode: number;
  /** The output is what the docs give (`generate`: it was already, or is now); null: not known. */
  upToDate: boolean | null;
  /** Models read; null when the run answered from the manifest or did not get that far. */
  models: number | null;
  /** Files written (`generate`); null when nothing was written. */
  files: number | null;
  /** `check`: output files that differ, that are missing, that should not be there. */
  stale: string[];
  missing: string[];
  extra: string[];
  /** The command that brings the output up to date, when it is not. */
  fix: string | null;
  diagnostics: Diagnostic[];
  /** Why the run could not start or finish (usage error, unreadable input, formatting failure). */
  error: string | null;
}

/** A {@link JsonAnswer} as printed: the keys not given at their empty values. */
export function jsonAnswer(answer: Pick<JsonAnswer, 'command' | 'exitCode'> & Partial<JsonAnswer>): string {
  const full: JsonAnswer = { upToDate: null, models: null, files: null, stale: [], missing: [], extra: [], fix: null, diagnostics: [], error: null, ...answer };
  const ordered: JsonAnswer = {
    command: full.command,
    exitCode: full.exitCode,
    upToDate: full.upToDate,
    models: full.models,
    files: full.files,
    stale: full.stale,
    missing: full.missing,
    extra: full.extra,
    fix: full.fix,
    diagnostics: full.diagnostics,
    error: full.error,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=rule-id::message`),
 * which a workflow run shows as annotations on the docs; infos only when `verbose`.
 */
export function githubAnnotations(diagnostics: readonly Diagnostic[], input: string, cwd: string, verbose: boolean): string {
  const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return diagnostics
    .filter((d) => verbose || d.severity !== 'info')
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const file = path.relative(cwd, d.file === null ? input : path.join(input, d.file)) || '.';
      const place = [`file=${property(file.split(path.sep).join('/'))}`];
      if (d.line !== undefined) place.push(`line=${d.line}`, `col=${d.column ?? 1}`);
      place.push(`title=${property(d.ruleId)}`);
      return `::${level} ${place.join(',')}::${data(d.hint ? `${d.message}. ${d.hint}` : d.message)}\n`;
    })
    .join('');
}

/** Print diagnostics with vfile-reporter (or, `github`, as workflow commands), paths relative to the working folder. */
async function report(
  diagnostics: readonly Diagnostic[],
  input: string,
  io: CliIO,
  verbose: boolean,
  github: 'stdout' | 'stderr' | false,
  quiet = false,
): Promise<void> {
  if (github) {
    io[github](githubAnnotations(quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics, input, io.cwd, verbose));
    return;
  }
  const shown = diagnostics.filter((d) => (quiet ? d.severity === 'error' : verbose || d.severity !== 'info'));
  if (shown.length === 0) return;
  const [{ VFile }, { reporter }] = await Promise.all([import('vfile'), import('vfile-reporter')]);
  const files = new Map<string, InstanceType<typeof VFile>>();
  for (const d of shown) {
    const display = d.file === null ? path.relative(io.cwd, input) || '.' : path.relative(io.cwd, path.join(input, d.file));
    let file = files.get(display);
    if (!file) files.set(display, (file = new VFile({ path: display })));
    const place = d.line === undefined ? undefined : { line: d.line, column: d.column ?? 1 };
    const message = file.message(d.hint ? `${d.message}. ${d.hint}` : d.message, { place, ruleId: d.ruleId, source: 'docs2ts' });
    message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
  }
  io.stderr(`${reporter([...files.values()], { color: io.color ?? false, verbose: false })}\n`);
}

/**
 * Writes to a process stream that stop quietly once the reader has gone (`docs2ts ir | head`
 * closes the pipe: EPIPE): the rest of the output is dropped, the run ends as it would have.
 */
function quietStream(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

function defaultIO(): CliIO {
  return {
    stdout: quietStream(process.stdout),
    stderr: quietStream(process.stderr),
    cwd: process.cwd(),
    color: process.stderr.isTTY === true,
    progress: process.stderr.isTTY === true,
  };
}

/** Whole milliseconds since `started` (a `process.hrtime.bigint()` reading). */
function elapsedMs(started: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - started) / 1e6);
}

/** The script node was started with, symbolic links resolved (`node …/cli` runs `cli.js`). */
function invokedScript(): string {
  const given = process.argv[1];
  if (!given) return '';
  for (const candidate of [given, `${given}.js`]) {
    try {
      return fs.realpathSync(candidate);
    } catch {
      // Not this name: try the next.
    }
  }
  return '';
}

if (invokedScript() === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`docs2ts: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
