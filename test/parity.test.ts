/**
 * The CLI and the API give the same answers: `generate`, `check`, `ir` and `explain` on the same
 * docs and options, with and without a user prettier config beside the output, and after edits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIR, check, explain, generate, type GenerateOptions } from '../src/index.js';
import { MANIFEST_FILE } from '../src/write.js';
import { readTree, runCli, tmpDir, writeDocs } from './helpers.js';

const docs = {
  'models/shared/task.md':
    "# Task\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `created_at` | *Float* | :heavy_check_mark: | N/A |\n| `status` | [Shared::Status](../../models/shared/status.md) | :heavy_minus_sign: | N/A |\n| `note` | *T.nilable(String)* | :heavy_check_mark: | It's a note |\n| `when` | [Date](https://ruby-doc.org/Date.html) | :heavy_minus_sign: | N/A |",
  'models/shared/status.md': '# Status\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | one |\n| `TWO` | two |',
};

/**
 * One case: extra files of the project, the CLI's flags and the API's options for the same run
 * (`input`: the settings every command takes; `output`: those only generate and check take).
 */
interface Case {
  name: string;
  files: Record<string, string>;
  flags: { input: string[]; output: string[] };
  options: { input: Omit<GenerateOptions, 'input' | 'out'>; output: Omit<GenerateOptions, 'input' | 'out'> };
}

const cases: Case[] = [
  { name: 'defaults', files: {}, flags: { input: [], output: [] }, options: { input: {}, output: {} } },
  {
    name: 'a .prettierrc with singleQuote beside the output',
    files: { '.prettierrc': '{"singleQuote": true}\n' },
    flags: { input: [], output: [] },
    options: { input: {}, output: {} },
  },
  {
    name: 'settings and targets, and a prettier config',
    files: { '.prettierrc.json': '{"printWidth": 80, "semi": false}\n' },
    flags: {
      input: ['--property-case', 'camel', '--notation', 'ruby'],
      output: ['--enum-style', 'union', '--target', 'typescript', '--target', 'zod', '--target', 'json-schema', '--dates', 'Date', '--nullable-optionals'],
    },
    options: {
      input: { propertyCase: 'camel', notation: 'ruby' },
      output: { enumStyle: 'union', targets: ['typescript', 'zod', 'json-schema'], dates: 'Date', nullableOptionals: true },
    },
  },
];

/** A project folder: the docs and the case's files; the output goes to `gen`. */
function project(extra: Record<string, string>): { dir: string; options: (o: Omit<GenerateOptions, 'input' | 'out'>) => GenerateOptions & { out: string } } {
  const dir = tmpDir();
  writeDocs(dir, { ...docs, ...extra });
  return { dir, options: (o) => ({ ...o, input: path.join(dir, 'models'), out: path.join(dir, 'gen'), roots: ['Task'] }) };
}

/** `docs2ts check --format json` as the API's lists. */
async function cliCheck(dir: string, args: string[]): Promise<{ code: number; upToDate: boolean; stale: string[]; missing: string[]; extra: string[] }> {
  const result = await runCli(['check', ...args, '--format', 'json'], dir);
  const json = JSON.parse(result.stdout) as { upToDate: boolean; stale?: string[]; missing?: string[]; extra?: string[] };
  return { code: result.code, upToDate: json.upToDate, stale: json.stale ?? [], missing: json.missing ?? [], extra: json.extra ?? [] };
}

describe.each(cases)('CLI and API agree: $name', ({ files, flags, options }) => {
  it('generate, check (fresh, after a hand edit and after a doc edit), ir and explain', async () => {
    const { dir, options: api } = project(files);
    const inputArgs = ['-i', 'models', '--root', 'Task', ...flags.input];
    const args = [...inputArgs, '-o', 'gen', ...flags.output];
    const all = { ...options.input, ...options.output };

    // generate: the files the CLI wrote are the API's.
    expect((await runCli(['generate', ...args], dir)).code).toBe(0);
    const written = readTree(path.join(dir, 'gen'));
    written.delete(MANIFEST_FILE);
    const generated = await generate(api(all));
    expect(generated.files).not.toBeNull();
    expect(new Map([...generated.files!].sort())).toEqual(new Map([...written].sort()));

    // check right after generate: up to date for both (from the manifest, and byte for byte).
    const fresh = await check(api(all));
    expect((await runCli(['check', ...args], dir)).code).toBe(0);
    expect(fresh).toMatchObject({ upToDate: true, stale: [], missing: [], extra: [] });
    expect(await cliCheck(dir, [...args, '--force'])).toEqual({ code: 0, upToDate: true, stale: [], missing: [], extra: [] });

    // A hand edit, a removed file and a doc edit: the same lists.
    fs.appendFileSync(path.join(dir, 'gen/task.ts'), '// hand edit\n');
    fs.rmSync(path.join(dir, 'gen/index.ts'));
    fs.appendFileSync(path.join(dir, 'models/shared/status.md'), '\n| `THREE` | three |');
    const stale = await check(api(all));
    expect(stale.upToDate).toBe(false);
    expect(stale.stale).toContain('task.ts');
    expect(stale.missing).toEqual(['index.ts']);
    expect(await cliCheck(dir, args)).toEqual({ code: 1, upToDate: false, stale: stale.stale, missing: stale.missing, extra: stale.extra });

    // ir and explain (input settings only, as the CLI takes them): the same JSON.
    const ir = await runCli(['ir', ...inputArgs, '--format', 'json'], dir);
    expect(JSON.parse(ir.stdout)).toEqual(JSON.parse(JSON.stringify(buildIR(api(options.input)))));
    const explained = await runCli(['explain', ...inputArgs, '--json'], dir);
    const { inferences } = await explain(api(options.input));
    expect(inferences.length).toBeGreaterThan(0);
    expect(JSON.parse(explained.stdout)).toEqual(JSON.parse(JSON.stringify(inferences)));
  });
});
