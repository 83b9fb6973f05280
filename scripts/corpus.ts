/**
 * `npm run corpus`: the sweep. Runs `docs2ts generate` (the built CLI, as users run it, no flags)
 * on the models folder of every tree in `../shared/corpus` and `../shared/corpus-wild`, and prints
 * one line per tree: models, errors, warnings, seconds, and whether the output type-checks
 * (`tsc --strict --module nodenext`). A tree that exits 1 only because its source links to docs
 * that do not exist (the summary names `--allow-broken-links`) is run again with that flag, and
 * the line says how that went.
 *
 * Options: `--only <text>` runs the trees whose name contains the text; `--keep` keeps the output
 * folders (printed at the end). Exit 1 when a tree fails both ways or its output does not
 * type-check. Skips with a message when ../shared is absent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusTrees, type CorpusTree } from './corpus-trees.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, '../shared');
const CLI = path.join(ROOT, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { docs2ts: string } }).bin.docs2ts);
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

interface Run {
  code: number;
  models: number | null;
  errors: number;
  warnings: number;
  seconds: number;
  /** The text summary's last line when the run failed. */
  summary: string;
}

/** One `generate` run, with `--format json` for the counts and a second, text run only to read a failure's summary. */
function generate(tree: CorpusTree, out: string, extra: string[]): Run {
  const args = [CLI, 'generate', '--input', tree.models, '--out', out, '--force', ...extra];
  const started = performance.now();
  const result = spawnSync(process.execPath, [...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  let diagnostics: { severity: string }[] = [];
  let models: number | null = null;
  try {
    const json = JSON.parse(result.stdout) as { models?: number; diagnostics?: { severity: string }[] };
    diagnostics = json.diagnostics ?? [];
    models = json.models ?? null;
  } catch {
    // not JSON: the stderr below says why
  }
  let summary = '';
  if (result.status !== 0) {
    const text = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    summary = (text.stderr || result.stderr).trim().split('\n').pop() ?? '';
  }
  return {
    code: result.status ?? 1,
    models,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    seconds,
    summary,
  };
}

/** `tsc --strict --module nodenext` over the `.ts` files of a folder: '' when clean, else the first lines of its output. */
function typecheck(dir: string): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  if (files.length === 0) return 'no .ts files';
  const result = spawnSync(
    process.execPath,
    [TSC, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', ...files],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  return result.status === 0 ? '' : result.stdout.trim().split('\n').slice(0, 3).join(' | ');
}

function main(): number {
  const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : '';
  const keep = process.argv.includes('--keep');
  if (!fs.existsSync(CLI)) {
    console.error(`corpus: ${path.relative(ROOT, CLI)} is missing: run \`npm run build\` first`);
    return 1;
  }
  const trees = corpusTrees(SHARED).filter((t) => t.name.includes(only));
  if (trees.length === 0) {
    console.log(`corpus: no trees under ${SHARED} (is ../shared there?): nothing to sweep`);
    return 0;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'docs2ts-corpus-'));
  const width = Math.max(...trees.map((t) => t.name.length));
  console.log(`${'tree'.padEnd(width)}  models  errors  warnings  seconds  exit  tsc`);
  let bad = 0;
  for (const tree of trees) {
    const out = path.join(work, tree.name);
    let run = generate(tree, out, []);
    let note = '';
    if (run.code !== 0 && run.summary.includes('--allow-broken-links')) {
      const relaxed = generate(tree, out, ['--allow-broken-links']);
      note = `  (links that match no doc: exit ${relaxed.code} with --allow-broken-links, ${relaxed.warnings} warnings)`;
      if (relaxed.code === 0) run = { ...run, models: relaxed.models };
      else bad++;
    } else if (run.code !== 0) {
      note = `  ${run.summary}`;
      bad++;
    }
    const written = fs.existsSync(out) && fs.readdirSync(out).some((f) => f.endsWith('.ts'));
    const tsc = written ? typecheck(out) : null;
    if (tsc) bad++;
    console.log(
      `${tree.name.padEnd(width)}  ${String(run.models ?? '-').padStart(6)}  ${String(run.errors).padStart(6)}  ${String(run.warnings).padStart(8)}  ${run.seconds.toFixed(2).padStart(7)}  ${String(run.code).padStart(4)}  ${tsc === null ? '-' : tsc === '' ? 'ok' : `FAIL ${tsc}`}${note}`,
    );
  }
  console.log(`${trees.length} trees, ${bad === 0 ? 'all generate and type-check' : `${bad} problems`}`);
  if (keep) console.log(`output kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
  return bad === 0 ? 0 : 1;
}

process.exitCode = main();
