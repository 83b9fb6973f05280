/**
 * `npm run bench:check`: how long `docs2ts check` takes on an unchanged tree, as a whole process,
 * against `node -e 0` measured in the same run (the floor any Node CLI pays).
 *
 * - fixtures: `check` on the committed generated/ (target: within 1.5x of `node -e 0`, issue #14);
 * - vercel (11,098 docs, when ../shared is there): generated once into a temp folder, then
 *   `check` on it (target: under 2 s).
 *
 * Prints the median, min and max of several runs of each.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI as users run it: the bin `package.json` names (the bundle `npm run build` writes). */
const CLI = path.join(ROOT, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { docs2ts: string } }).bin.docs2ts);
const VERCEL = path.resolve(ROOT, '../shared/corpus/vercel/docs/models');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function time(args: string[], cwd = ROOT): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]! };
}

const fmt = (t: { median: number; min: number; max: number }): string => `${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`;

if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run \`npm run build\` first`);
spawnSync(process.execPath, [CLI, 'generate'], { cwd: ROOT, stdio: 'inherit' });
const floor = time(['-e', '0']);
const fixtures = time([CLI, 'check']);
console.log(`node -e 0:                 ${fmt(floor)}`);
console.log(`docs2ts check (fixtures):  ${fmt(fixtures)}  ratio ${(fixtures.median / floor.median).toFixed(2)}x node -e 0 (target <= 1.5x)`);

if (fs.existsSync(VERCEL)) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docs2ts-bench-check-'));
  const args = [CLI, 'generate', '--input', VERCEL, '--out', path.join(out, 'vercel'), '--allow-broken-links'];
  const start = Date.now();
  const gen = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  if (gen.status !== 0) throw new Error('vercel generate failed');
  console.log(`docs2ts generate (vercel): ${((Date.now() - start) / 1000).toFixed(1)} s (once, to have an output to check)`);
  const vercel = time([CLI, 'check', '--input', VERCEL, '--out', path.join(out, 'vercel'), '--allow-broken-links'], out);
  console.log(`docs2ts check (vercel):    ${fmt(vercel)}  (target < 2000 ms)`);
  fs.rmSync(out, { recursive: true, force: true });
} else {
  console.log(`vercel: skipped (${VERCEL} is absent)`);
}
