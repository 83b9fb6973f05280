/**
 * `npm run bench:validate`: the generated Task validators against ajv (compiled from the emitted
 * JSON Schema) and the emitted zod schemas, on a fixed set of valid and of invalid Task values.
 *
 * The Task output of fixtures/ (all three targets) is generated into a temporary folder first,
 * then loaded as users run it (transpiled to JavaScript, imported natively). One tinybench run
 * measures, per value set:
 * - valid values: isTask, validateTask, ajv (default options), ajv with `allErrors: true`, zod
 *   `safeParse`;
 * - invalid values: validateTask (every error), ajv with `allErrors: true`, zod `safeParse`
 *   (every issue), and isTask / ajv's first-error validator for reference.
 * Both validators that collect every error (validateTask, ajv with allErrors) see valid and invalid
 * values, as they would in use (a JIT tunes each function to the objects it has seen).
 * It prints ops/sec (one op = the whole value set; the median of several rounds) and the ratios
 * the README records.
 *
 * Environment: BENCH_TIME (ms per task and round, default 1000), BENCH_ROUNDS (default 5; the
 * median round counts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { emit } from '../src/emit/index.js';
import { buildModel } from '../src/model/build.js';
import { hasErrors } from '../src/core/diagnostics.js';
import { getNotation } from '../src/notation/index.js';
import { folderDocSource } from '../src/parse/files.js';
import { compileSchema, importTranspiled, writeFiles } from '../test/load-targets.js';
import { INVALID_TASKS, VALID_TASKS } from './task-values.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TIME = Number(process.env.BENCH_TIME ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs2ts-bench-'));
  try {
    const ir = buildModel(folderDocSource(path.join(ROOT, 'fixtures')), { notation: getNotation('ruby'), roots: ['Task'] });
    if (hasErrors(ir.diagnostics)) throw new Error('fixtures/ has error diagnostics');
    writeFiles(dir, await emit(ir, { targets: ['typescript', 'json-schema', 'zod'] }));
    const ts = await importTranspiled<Record<string, (v: unknown) => unknown>>(dir, path.join(dir, 'js'));
    const zod = await importTranspiled<Record<string, { safeParse(v: unknown): { success: boolean } }>>(path.join(dir, 'zod'), path.join(dir, 'js-zod'));
    const isTask = ts.isTask as (v: unknown) => boolean;
    const validateTask = ts.validateTask as (v: unknown) => { success: boolean };
    const TaskSchema = zod.TaskSchema!;
    const ajv = compileSchema(dir, 'task.schema.json');
    const ajvAll = compileSchema(dir, 'task.schema.json', { allErrors: true });

    // The four agree on every value before anything is timed.
    for (const [values, expected] of [
      [VALID_TASKS, true],
      [INVALID_TASKS, false],
    ] as const) {
      for (const v of values) {
        const verdicts = [isTask(v), validateTask(v).success, ajv(v), ajvAll(v), TaskSchema.safeParse(v).success];
        if (verdicts.some((x) => x !== expected)) throw new Error(`verdicts differ on ${JSON.stringify(v)}: ${verdicts.join(', ')}`);
      }
    }

    let sink = 0;
    const each = (values: readonly unknown[], f: (v: unknown) => unknown) => () => {
      for (let i = 0; i < values.length; i++) if (f(values[i])) sink++;
    };
    const tasks: [string, () => void][] = [
      ['valid: isTask', each(VALID_TASKS, isTask)],
      ['valid: validateTask', each(VALID_TASKS, (v) => validateTask(v).success)],
      ['valid: ajv', each(VALID_TASKS, ajv)],
      ['valid: ajv allErrors', each(VALID_TASKS, ajvAll)],
      ['valid: zod safeParse', each(VALID_TASKS, (v) => TaskSchema.safeParse(v).success)],
      ['invalid: validateTask (all errors)', each(INVALID_TASKS, (v) => validateTask(v).success)],
      ['invalid: ajv allErrors', each(INVALID_TASKS, ajvAll)],
      ['invalid: zod safeParse', each(INVALID_TASKS, (v) => TaskSchema.safeParse(v).success)],
      ['invalid: isTask', each(INVALID_TASKS, isTask)],
      ['invalid: ajv (first error)', each(INVALID_TASKS, ajv)],
    ];
    // Several rounds, each running every task once, and the median per task: a busy machine slows
    // whatever runs at that moment, and rounds spread that over all of them.
    const hz = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const bench = new Bench({ name: `Task validators, round ${round + 1}`, time: TIME, warmup: round === 0 });
      for (const [name, fn] of tasks) bench.add(name, fn);
      await bench.run();
      for (const task of bench.tasks) {
        const result = task.result as { throughput?: { mean: number } } | undefined;
        hz.get(task.name)!.push(result?.throughput?.mean ?? Number.NaN);
      }
    }
    if (sink < 0) console.log(sink);
    const median = (name: string): number => {
      const values = [...hz.get(name)!].sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)]!;
    };

    console.log(
      `Task validators: ${VALID_TASKS.length} valid and ${INVALID_TASKS.length} invalid values; one op = the whole set; median of ${ROUNDS} rounds of ${TIME} ms per task`,
    );
    console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}\n`);
    console.table(tasks.map(([name]) => ({ task: name, 'ops/sec': Math.round(median(name)).toLocaleString('en-US') })));
    const ratio = (a: string, b: string): string => `${(median(a) / median(b)).toFixed(2)}x`;
    console.log('ratios:');
    console.log(`  valid:   isTask / ajv                     = ${ratio('valid: isTask', 'valid: ajv')}   (target >= 1.5x)`);
    console.log(`  valid:   isTask / zod                     = ${ratio('valid: isTask', 'valid: zod safeParse')}   (target >= 10x)`);
    console.log(`  valid:   validateTask / ajv allErrors     = ${ratio('valid: validateTask', 'valid: ajv allErrors')}`);
    console.log(`  invalid: validateTask / ajv allErrors     = ${ratio('invalid: validateTask (all errors)', 'invalid: ajv allErrors')}   (target >= 1x)`);
    console.log(`  invalid: validateTask / zod               = ${ratio('invalid: validateTask (all errors)', 'invalid: zod safeParse')}`);
    console.log(`  invalid: isTask / ajv (first error)       = ${ratio('invalid: isTask', 'invalid: ajv (first error)')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
