/**
 * Start-up benchmark: how long `docs2ts --help` takes as users run it, from the packed tarball
 * installed into a fresh project (compiled JavaScript, no TypeScript loader).
 *
 *   npm run bench:startup                 # pack, install offline (npm ci --offline), 15 runs, print the median
 *   npm run bench:startup -- --runs 31    # more runs
 *   npm run bench:startup -- --project D # time an already installed project (D/node_modules/.bin/docs2ts)
 *
 * Prints every run, the median, and the median of a paired bare `node -e 0` (on a busy machine both
 * grow: their difference is docs2ts's own share); exits 1 when the median is over the budget
 * (150 ms, or `--budget N`).
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Pack this repository as `npm pack` does (its `prepare` build included) and install the tarball
 * into a fresh project, offline: `npm ci --offline` with a lockfile (see {@link writeConsumer}),
 * from the npm cache `npm ci` filled.
 *
 * The repository is copied first (without node_modules, dist and dot-folders; node_modules is
 * linked), so the build runs in the copy and the working tree's `dist/` is never touched.
 *
 * @param work a folder to work in (it gets `stage/`, `pack/` and `project/`)
 * @returns the installed project's folder and the tarball's path
 * @throws {Error} when packing or installing fails (the npm output is in the message)
 */
export function installPackedPackage(work: string): { project: string; tarball: string } {
  const stage = path.join(work, 'stage');
  const pack = path.join(work, 'pack');
  const project = path.join(work, 'project');
  fs.mkdirSync(pack, { recursive: true });
  fs.mkdirSync(project, { recursive: true });
  fs.cpSync(ROOT, stage, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(ROOT, src);
      const top = rel.split(path.sep)[0] ?? '';
      return rel === '' || !(top === 'node_modules' || top === 'dist' || top.startsWith('.'));
    },
  });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'junction');
  const run = (args: string[], cwd: string): string => {
    const result = spawnSync(npm, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  };
  run(['pack', '--pack-destination', pack], stage);
  const tarball = path.join(
    pack,
    fs.readdirSync(pack).find((f) => f.endsWith('.tgz'))!,
  );
  writeConsumer(project, tarball);
  run(['ci', '--offline', '--no-audit', '--no-fund'], project);
  return { project, tarball };
}

/**
 * A consumer project that depends on the tarball, with a lockfile: the tarball's entry, and the
 * entries of the repository's lockfile that are not dev-only (docs2ts's dependency tree, as
 * `npm ci` installed and cached it). With the lockfile, `npm ci --offline` needs only the cached
 * tarballs; without it npm would need the registry's package documents, which `npm ci` does not
 * cache (a plain `npm install --offline <tarball>` fails with ENOTCACHED in CI).
 */
function writeConsumer(project: string, tarball: string): void {
  type Entry = { dev?: boolean; link?: boolean; [key: string]: unknown };
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Entry> };
  const spec = `file:${path.relative(project, tarball).split(path.sep).join('/')}`;
  const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
  const own: Entry = { version: manifest.version, resolved: spec, integrity };
  for (const key of ['license', 'dependencies', 'bin', 'engines']) if (manifest[key] !== undefined) own[key] = manifest[key];
  const packages: Record<string, Entry> = {
    '': { name: 'docs2ts-consumer', dependencies: { docs2ts: spec } },
    'node_modules/docs2ts': own,
  };
  // A lockfile written without `resolved` URLs makes npm ask the registry where each tarball is;
  // the registry's tarball URL (what npm ci fetched and cached) answers from the cache instead.
  const registry = (process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/');
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev || entry.link) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const resolved = entry.resolved ?? `${registry}${name}/-/${name.split('/').pop()}-${String(entry.version)}.tgz`;
    packages[key] = { ...entry, resolved };
  }
  const consumer = { name: 'docs2ts-consumer', private: true, type: 'module', dependencies: { docs2ts: spec } };
  fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(consumer, null, 2)}\n`);
  fs.writeFileSync(
    path.join(project, 'package-lock.json'),
    `${JSON.stringify({ name: 'docs2ts-consumer', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
}

/**
 * Time `node_modules/.bin/docs2ts --help` in a project, wall clock per run (process start to
 * exit), each run paired with a bare `node -e 0` so a busy machine shows as a high baseline.
 *
 * @param runs how many runs (one warm-up pair is made first and not counted)
 * @returns the run times in ms, in run order: `help` and the paired `baseline`
 * @throws {Error} when a run exits with a code other than 0
 */
export function timeHelp(project: string, runs: number): { help: number[]; baseline: number[] } {
  const bin = path.join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'docs2ts.cmd' : 'docs2ts');
  const help: number[] = [];
  const baseline: number[] = [];
  const time = (command: string, args: string[]): number => {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd: project, encoding: 'utf8' });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return ms;
  };
  for (let i = -1; i < runs; i++) {
    const b = time(process.execPath, ['-e', '0']);
    const h = time(bin, ['--help']);
    if (i < 0) continue;
    baseline.push(b);
    help.push(h);
  }
  return { help, baseline };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function main(): void {
  const runs = Number(option('--runs') ?? 15);
  const budget = Number(option('--budget') ?? 150);
  let project = option('--project');
  let work: string | undefined;
  if (!project) {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'docs2ts-bench-'));
    process.stdout.write('packing and installing the tarball (offline)…\n');
    project = installPackedPackage(work).project;
  }
  try {
    const { help, baseline } = timeHelp(project, runs);
    const m = median(help);
    process.stdout.write(`docs2ts --help, ${runs} runs: ${help.map((t) => t.toFixed(0)).join(' ')} ms\n`);
    process.stdout.write(
      `node -e 0 (paired baseline): median ${median(baseline).toFixed(1)} ms; docs2ts's own share: median ${median(help.map((h, i) => h - baseline[i]!)).toFixed(1)} ms\n`,
    );
    process.stdout.write(`median: ${m.toFixed(1)} ms (budget ${budget} ms) ${m <= budget ? 'OK' : 'OVER BUDGET'}\n`);
    if (m > budget) process.exitCode = 1;
  } finally {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(fs.realpathSync(process.argv[1])).href === import.meta.url) {
  try {
    main();
  } catch (error: unknown) {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  }
}
