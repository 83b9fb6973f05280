/**
 * `npm run bench:generate`: whole-process generation time and peak memory, in one run.
 *
 * - docs2ts `generate` on livepeer-ruby (all models) against openapi-typescript on the OpenAPI
 *   document those docs came from (it writes only types; docs2ts also writes validators);
 * - the same for gt-typescript against oracle-test.yaml;
 * - docs2ts alone on the vercel tree (11,098 docs) and on 1/8, 1/4 and 1/2 of it (the first docs
 *   in file order; links out of a slice read as unknown), printing time per doc at each size.
 *
 * Each case runs BENCH_RUNS times (default 7; the two tools turn about; vercel sizes once unless
 * BENCH_VERCEL_RUNS is set): median, min and max wall time, and peak RSS from `/usr/bin/time -f %M`.
 * Skips with a message when ../shared is absent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
/** The CLI as users run it: the bin `package.json` names (the bundle `npm run build` writes). */
const CLI = path.join(ROOT, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { docs2ts: string } }).bin.docs2ts);
const OPENAPI_TS = path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const VERCEL_RUNS = Number(process.env.BENCH_VERCEL_RUNS ?? 1);
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Figures {
  median: number;
  min: number;
  max: number;
  rssMB: number;
}

/** One run of a node script (fresh output folder): wall ms and peak RSS in MB. */
function once(args: string[], out: string): { ms: number; rssMB: number } {
  fs.rmSync(out, { recursive: true, force: true });
  const cmd = TIME ? TIME : process.execPath;
  const cmdArgs = TIME ? ['-f', '%M', process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { ms, rssMB: TIME ? Number(result.stderr.trim().split('\n').pop()) / 1024 : 0 };
}

function figures(runs: { ms: number; rssMB: number }[]): Figures {
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, rssMB: Math.max(...runs.map((r) => r.rssMB)) };
}

/** Run a node script `runs` times (fresh output folder each time); wall ms and peak RSS. */
function measure(args: string[], runs: number, out: string): Figures {
  return figures(Array.from({ length: runs }, () => once(args, out)));
}

/**
 * Two commands measured turn about (a, b, a, b, …) so that a change in the machine's load
 * during the run weighs on both alike; for `b`, the error message instead when it fails.
 */
function measurePair(a: [string[], string], b: [string[], string], runs: number): [Figures, Figures | string] {
  const ours: { ms: number; rssMB: number }[] = [];
  const theirs: { ms: number; rssMB: number }[] = [];
  let failure: string | null = null;
  for (let i = 0; i < runs; i++) {
    ours.push(once(...a));
    if (failure !== null) continue;
    try {
      theirs.push(once(...b));
    } catch (error) {
      failure = String((error as Error).message);
    }
  }
  return [figures(ours), failure ?? figures(theirs)];
}

const fmt = (f: Figures): string =>
  `${(f.median / 1000).toFixed(2)} s (min ${(f.min / 1000).toFixed(2)}, max ${(f.max / 1000).toFixed(2)}), peak RSS ${f.rssMB.toFixed(0)} MB`;

if (!fs.existsSync(CORPUS)) {
  console.log(`bench:generate skipped: ${CORPUS} is absent`);
  process.exit(0);
}
if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run \`npm run build\` first`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docs2ts-bench-gen-'));
console.log(`bench:generate on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);

for (const [name, docs, oracle] of [
  ['livepeer-ruby', 'livepeer-ruby/docs/models', 'livepeer-ruby/oracle-openapi.yaml'],
  ['gt-typescript', 'gt-typescript/typescript-client-sdk/docs/sdk/models', 'gt-typescript/oracle-test.yaml'],
] as const) {
  // oracle-test.yaml refers to `components.yaml`: give openapi-typescript the files under those names.
  const oracleDir = path.join(tmp, `${name}-oracle`);
  fs.mkdirSync(oracleDir, { recursive: true });
  for (const f of fs.readdirSync(path.dirname(path.join(CORPUS, oracle)))) {
    if (f.startsWith('oracle-') && f.endsWith('.yaml'))
      fs.copyFileSync(path.join(CORPUS, path.dirname(oracle), f), path.join(oracleDir, f.replace(/^oracle-/, '')));
  }
  const spec = path.join(oracleDir, path.basename(oracle).replace(/^oracle-/, ''));
  const [ours, peer] = measurePair(
    [[CLI, 'generate', '--input', path.join(CORPUS, docs), '--out', path.join(tmp, name)], path.join(tmp, name)],
    [[OPENAPI_TS, spec, '--output', path.join(tmp, `${name}.d.ts`)], path.join(tmp, `${name}.d.ts`)],
    RUNS,
  );
  console.log(`${name}`);
  console.log(`  docs2ts generate:    ${fmt(ours)}`);
  if (typeof peer === 'string') {
    // openapi-typescript 7 stops on some documents (gt's test.yaml: `invalid property required` in a schema it reads as a Schema Object).
    console.log(`  openapi-typescript:  failed on this document (${/^\s*(\w*Error\b.*)$/m.exec(peer)?.[1]?.trim() ?? 'error'})\n`);
  } else {
    console.log(`  openapi-typescript:  ${fmt(peer)}`);
    console.log(`  ratio: docs2ts takes ${(ours.median / peer.median).toFixed(2)}x openapi-typescript's time (target <= 2.0x)\n`);
  }
}

const vercel = path.join(CORPUS, 'vercel/docs/models');
const all = fs
  .readdirSync(vercel)
  .filter((f) => f.endsWith('.md'))
  .sort();
const perDoc: [string, number][] = [];
for (const [label, share] of [
  ['1/8', 8],
  ['1/4', 4],
  ['1/2', 2],
  ['full', 1],
] as const) {
  let input = vercel;
  const count = Math.floor(all.length / share);
  if (share > 1) {
    // Under a folder named `models`, as in the tree: its links climb out and back in (`../models/x.md`).
    input = path.join(tmp, `vercel-${share}`, 'models');
    fs.mkdirSync(input, { recursive: true });
    for (const f of all.slice(0, count)) fs.copyFileSync(path.join(vercel, f), path.join(input, f));
  }
  const f = measure(
    [CLI, 'generate', '--input', input, '--out', path.join(tmp, `out-${share}`), '--allow-broken-links'],
    VERCEL_RUNS,
    path.join(tmp, `out-${share}`),
  );
  perDoc.push([label, f.median / count]);
  console.log(`vercel ${label.padEnd(4)} (${String(count).padStart(5)} docs): ${fmt(f)}, ${(f.median / count).toFixed(2)} ms/doc`);
  if (share === 4) rooted(input, count, f);
}

/**
 * A rooted run on the same slice: the model whose closure is the largest that stays within 5% of
 * the docs (found from the slice's IR, once), against the whole slice. Targets: rooted <= 15% of
 * the whole slice's time; the whole slice (about 2,500 docs) < 10 s.
 */
function rooted(input: string, count: number, whole: Figures): void {
  const ir = spawnSync(process.execPath, [CLI, 'ir', '--input', input, '--allow-broken-links'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const models = (JSON.parse(ir.stdout) as { models: unknown[] }).models as { id: string }[];
  const refs = new Map(models.map((m) => [m.id, [...JSON.stringify(m).matchAll(/"kind":"ref","model":"([^"]+)"/g)].map((r) => r[1]!)]));
  const reach = (id: string): number => {
    const seen = new Set([id]);
    const stack = [id];
    while (stack.length > 0)
      for (const next of refs.get(stack.pop()!) ?? [])
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
    return seen.size;
  };
  let best: [string, number] | null = null;
  for (const m of models) {
    const size = reach(m.id);
    if (size <= count * 0.05 && (!best || size > best[1])) best = [m.id, size];
  }
  if (!best) return;
  // Turn about with the whole slice again (five pairs at least): one run of each is too noisy for a ratio.
  const out = path.join(tmp, 'out-rooted');
  const wholeOut = path.join(tmp, 'out-whole-again');
  const [f, again] = measurePair(
    [[CLI, 'generate', '--input', input, '--out', out, '--root', best[0], '--allow-broken-links'], out],
    [[CLI, 'generate', '--input', input, '--out', wholeOut, '--allow-broken-links'], wholeOut],
    Math.max(VERCEL_RUNS, 5),
  );
  const w = typeof again === 'string' ? whole : again;
  console.log(`vercel 1/4 rooted at ${best[0]} (reaches ${best[1]} docs, ${((100 * best[1]) / count).toFixed(1)}%): ${fmt(f)}`);
  console.log(`  whole slice, turn about with it: ${fmt(w)}`);
  console.log(`  rooted vs whole slice: ${(f.median / w.median).toFixed(2)}x (target <= 0.15x); whole slice ${(w.median / 1000).toFixed(1)} s (target < 10 s)`);
}
const eighth = perDoc[0]![1];
const full = perDoc[perDoc.length - 1]![1];
console.log(`\ntime per doc, full vs 1/8: ${(full / eighth).toFixed(2)}x (target <= 1.3x); full run target: < 60 s, < 1.5 GB`);
fs.rmSync(tmp, { recursive: true, force: true });
