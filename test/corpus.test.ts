/**
 * The real livepeer-ruby tree from ../shared against the fixtures (skipped, with a message, when
 * ../shared is absent). Its output, whole and with `--root Task`, is type-checked in trees.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, ROOT, runCli, SHARED } from './helpers.js';

const INPUT = path.join(SHARED, 'corpus/livepeer-ruby/docs/models');

interface IrJson {
  roots: string[];
  models: { id: string; description: unknown; fields?: { description: unknown; example: unknown }[] }[];
  diagnostics: { severity: string; ruleId: string }[];
}

/** The IR with the prose (descriptions, examples) removed: what the fixtures must share with the real docs. */
function shape(ir: IrJson): unknown {
  return ir.models.map(({ description: _d, ...model }) => ({
    ...model,
    fields: model.fields?.map(({ description: _fd, example: _e, ...field }) => field),
  }));
}

describe.skipIf(!HAS_SHARED)('livepeer-ruby (real docs)', () => {
  it("ir --root Task lists exactly the 32 models of Task's closure, without errors", async () => {
    const result = await runCli(['ir', '--input', INPUT, '--root', 'Task']);
    expect(result.code).toBe(0);
    const ir = JSON.parse(result.stdout) as IrJson;
    const expected = fs
      .readdirSync(path.join(ROOT, 'fixtures/models/shared'))
      .map((f) => `shared/${f}`)
      .sort();
    expect(expected).toHaveLength(32);
    expect(ir.models.map((m) => m.id)).toEqual(expected);
    expect(ir.roots).toEqual(['shared/task.md']);
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the fixtures have the same names, types, required flags and enum values as the real docs', async () => {
    const real = JSON.parse((await runCli(['ir', '--input', INPUT, '--root', 'shared/task.md'])).stdout) as IrJson;
    const fixtures = JSON.parse((await runCli(['ir', '--input', path.join(ROOT, 'fixtures/models'), '--root', 'shared/task.md'])).stdout) as IrJson;
    const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (k === 'line' || k === 'column' ? undefined : x)));
    expect(strip(shape(fixtures))).toEqual(strip(shape(real)));
  });
});
