/**
 * `npm run bench:bigdoc`: one very big doc (issue #15 item 9). A 10,000-row Fields table and a
 * 10,000-value enum, each generated alone (`--root`) by the built CLI, cold: wall time and peak
 * RSS (`/usr/bin/time -f %M`). Targets: < 5 s and < 500 MB each.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { docs2ts: string } }).bin.docs2ts);
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run \`npm run build\` first`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docs2ts-bench-bigdoc-'));
const input = path.join(tmp, 'models');
fs.mkdirSync(input);
const rows = Array.from({ length: ROWS }, (_, i) => `| \`field_${i}\` | *T.nilable(::String)* | :heavy_minus_sign: | Field number ${i}. | example ${i} |\n`);
fs.writeFileSync(
  path.join(input, 'big.md'),
  `# Big\n\nA model with ${ROWS} fields.\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n${rows.join('')}`,
);
const values = Array.from({ length: ROWS }, (_, i) => `| \`VALUE_${i}\` | value-${i} |\n`);
fs.writeFileSync(path.join(input, 'bigenum.md'), `# BigEnum\n\nAn enum of ${ROWS} values.\n\n## Values\n\n| Name | Value |\n| --- | --- |\n${values.join('')}`);

console.log(`bench:bigdoc on ${os.cpus().length} cores, Node ${process.version}: one doc of ${ROWS} rows, generated alone\n`);
for (const root of ['Big', 'BigEnum']) {
  const out = path.join(tmp, `out-${root}`);
  const args = [CLI, 'generate', '--input', input, '--out', out, '--root', root, '--property-case', 'preserve', '--nullable-optionals'];
  const start = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`generate --root ${root} failed: ${result.stderr.slice(-2000)}`);
  const mb = TIME ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN;
  console.log(`${root.padEnd(8)} ${s.toFixed(2)} s (target < 5 s), peak RSS ${mb.toFixed(0)} MB (target < 500 MB)`);
}
fs.rmSync(tmp, { recursive: true, force: true });
