#!/usr/bin/env node
/**
 * The `docs2ts` command line: a thin layer over the programmatic API.
 *
 * Exit codes: 0 success; 1 error diagnostics in the docs or the output could not be written
 * (nothing is written); 2 usage errors (unknown option or command, bad config, missing input).
 *
 * @module
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { ConfigError, loadConfig } from './config.js';
import { emit } from './emit/index.js';
import { buildModel } from './model/build.js';
import { hasErrors, type Diagnostic } from './model/diagnostics.js';
import { getNotation, notations } from './notation/index.js';
import { folderDocSource } from './parse/files.js';
import { writeOutput, WriteError } from './write.js';

/** Where the CLI writes and which folder it runs in (tests pass their own). */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Colour in diagnostics (default: when stderr is a TTY). */
  color?: boolean;
}

/** Thrown for usage problems: exit code 2. */
class UsageError extends Error {}

interface CommonOptions {
  config?: string;
  input?: string;
  root: string[];
  notation?: string;
  verbose?: boolean;
  out?: string;
  allowBrokenLinks?: boolean;
}

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
  return pkg.version;
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

  const common = (command: Command): Command =>
    command
      .option('-c, --config <file>', 'config file (default: docs2ts.config.json or the "docs2ts" key of package.json)')
      .option('-i, --input <dir>', 'folder of Markdown model docs')
      .option('-r, --root <name|doc>', 'root model: a name (`Task`) or a doc path relative to --input; repeatable (default: every model)', collect, [])
      .addOption(new Option('-n, --notation <id>', 'Type-cell notation of the docs (default: detected)').choices(['auto', ...Object.keys(notations)]))
      .option('--allow-broken-links', 'read links to docs that do not exist as `unknown`, with a warning instead of an error')
      .option('-v, --verbose', 'also print info diagnostics');

  common(program.command('generate').description('write the TypeScript files for the root models and everything they reach'))
    .option('-o, --out <dir>', 'output folder (replaced all-or-nothing)')
    .action(async (options: CommonOptions) => {
      code = await run('generate', options, io);
    });
  common(program.command('ir').description('print the intermediate representation as JSON: {version, roots, models, diagnostics}')).action(
    async (options: CommonOptions) => {
      code = await run('ir', options, io);
    },
  );

  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return code;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function run(command: 'generate' | 'ir', options: CommonOptions, io: CliIO): Promise<number> {
  try {
    const found = await loadConfig(io.cwd, options.config);
    const config = found?.config ?? {};
    const input = options.input !== undefined ? path.resolve(io.cwd, options.input) : config.input;
    const out = options.out !== undefined ? path.resolve(io.cwd, options.out) : config.out;
    // The config's roots and notation describe the config's input: a --input of its own drops them.
    const roots = options.root.length > 0 ? options.root : options.input !== undefined ? [] : (config.roots ?? []);
    const notationId = options.notation ?? (options.input !== undefined ? undefined : config.notation);
    if (!input) throw new UsageError('No input folder: pass --input DIR or set "input" in docs2ts.config.json');
    if (command === 'generate' && !out) throw new UsageError('No output folder: pass --out DIR or set "out" in docs2ts.config.json');
    if (!fs.statSync(input, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`Input folder \`${path.relative(io.cwd, input) || '.'}\` does not exist or is not a folder`);
    let notation;
    try {
      notation = notationId === undefined || notationId === 'auto' ? undefined : getNotation(notationId);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    let banner: string | undefined;
    if (config.banner) {
      try {
        banner = fs.readFileSync(config.banner, 'utf8');
      } catch {
        throw new UsageError(`Cannot read the banner template \`${config.banner}\``);
      }
    }

    const started = performance.now();
    const allowBrokenLinks = options.allowBrokenLinks === true;
    const ir = buildModel(folderDocSource(input), notation ? { notation, roots, allowBrokenLinks } : { roots, allowBrokenLinks });
    report(ir.diagnostics, input, io, options.verbose === true);
    if (command === 'ir') {
      io.stdout(`${JSON.stringify(ir, null, 2)}\n`);
      return hasErrors(ir.diagnostics) ? 1 : 0;
    }
    if (hasErrors(ir.diagnostics)) {
      io.stderr(`docs2ts: nothing written: fix the errors above\n`);
      return 1;
    }
    const files = await emit(ir, banner === undefined ? {} : { banner });
    writeOutput(out!, files);
    const ms = Math.round(performance.now() - started);
    io.stdout(`docs2ts: ${ir.models.length} models → ${files.size} files in ${path.relative(io.cwd, out!) || '.'} (${ms} ms)\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`docs2ts: ${error.message}\n`);
      return 2;
    }
    if (error instanceof WriteError) {
      io.stderr(`docs2ts: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Print diagnostics with vfile-reporter, paths relative to the working folder. */
function report(diagnostics: readonly Diagnostic[], input: string, io: CliIO, verbose: boolean): void {
  const shown = diagnostics.filter((d) => verbose || d.severity !== 'info');
  if (shown.length === 0) return;
  const files = new Map<string, VFile>();
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

function defaultIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    color: process.stderr.isTTY === true,
  };
}

const invoked = process.argv[1] ? fs.realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) {
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
