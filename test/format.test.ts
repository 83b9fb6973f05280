/**
 * Formatting the output: prettier with the configuration that applies in the output folder, the
 * project's own prettier 3 before docs2ts's, `--no-format` / `format: false`, and files kept from
 * the output folder (not formatted again) when their unformatted text is unchanged.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { check, generate } from '../src/index.js';
import { findPrettier } from '../src/emit/prettier.js';
import { readTree, runCli, tmpDir, writeDocs } from './helpers.js';

const docs = {
  'models/task.md':
    '# Task\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *String* | :heavy_check_mark: | N/A |\n| `status` | [Status](status.md) | :heavy_minus_sign: | N/A |',
  'models/status.md': '# Status\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | one |\n| `TWO` | two |',
};

/** A project: docs, a config writing `gen` with every target, and the files given. */
function project(extra: Record<string, string> = {}, config: Record<string, unknown> = {}): string {
  const dir = tmpDir();
  writeDocs(dir, { ...docs, ...extra });
  fs.writeFileSync(
    path.join(dir, 'docs2ts.config.json'),
    JSON.stringify({
      input: 'models',
      out: 'gen',
      targets: ['typescript', 'json-schema', 'zod'],
      propertyCase: 'preserve',
      nullableOptionals: false,
      ...config,
    }),
  );
  return dir;
}

const REAL_PRETTIER = createRequire(import.meta.url).resolve('prettier');
let fakes = 0;

/**
 * A prettier installed in the project's node_modules: docs2ts's prettier behind a counter of
 * `format` calls (a global the test reads, by this fake's name).
 */
function fakePrettier(dir: string, version: string): () => number {
  const name = `__docs2tsFakePrettier${fakes++}`;
  const folder = path.join(dir, 'node_modules/prettier');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'prettier', version, main: 'index.cjs' }));
  fs.writeFileSync(
    path.join(folder, 'index.cjs'),
    `const real = require(${JSON.stringify(REAL_PRETTIER)});
globalThis.${name} = 0;
module.exports = { ...real, format: async (text, options) => { globalThis.${name}++; return real.format(text, options); } };
`,
  );
  return () => (globalThis as unknown as Record<string, number>)[name] ?? 0;
}

describe('formatting with the configuration of the output folder', () => {
  it('applies the config that applies in the output folder; prettier --check passes on every file; CLI and API agree', async () => {
    const dir = project({
      '.prettierrc.json': JSON.stringify({ singleQuote: true, semi: false, printWidth: 60 }),
      '.editorconfig': 'root = true\n[*]\nindent_style = tab\n',
    });
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const files = readTree(path.join(dir, 'gen'));
    expect(files.get('task.ts')).toContain("import * as rt from './_runtime.js'");
    expect(files.get('task.ts')).toMatch(/\n\t\w/);
    expect(files.get('task.ts')).not.toMatch(/;\n/);
    for (const [name, text] of files) {
      if (name === '.docs2ts-manifest.json') continue;
      const file = path.join(dir, 'gen', name);
      const options = await prettier.resolveConfig(file, { editorconfig: true });
      expect(await prettier.check(text, { ...options, filepath: file }), name).toBe(true);
    }
    const api = await check({
      input: path.join(dir, 'models'),
      out: path.join(dir, 'gen'),
      targets: ['typescript', 'json-schema', 'zod'],
      propertyCase: 'preserve',
      nullableOptionals: false,
    });
    expect(api).toMatchObject({ upToDate: true, stale: [], missing: [], extra: [] });
    expect((await runCli(['check'], dir)).code).toBe(0);
  });

  it("a configuration that sets no printWidth gets prettier's 80, as `prettier --check` in the project reads it", async () => {
    const configs: Record<string, string>[] = [{ '.prettierrc': '{"singleQuote": true}\n' }, { '.editorconfig': 'root = true\n[*]\nindent_style = tab\n' }];
    for (const config of configs) {
      const dir = project(config);
      expect((await runCli(['generate'], dir)).code).toBe(0);
      const files = [...readTree(path.join(dir, 'gen'))].filter(([name]) => name !== '.docs2ts-manifest.json');
      for (const [name, text] of files) {
        const file = path.join(dir, 'gen', name);
        const options = await prettier.resolveConfig(file, { editorconfig: true });
        expect(options?.printWidth, name).toBeUndefined();
        expect(await prettier.check(text, { ...options, filepath: file }), name).toBe(true);
      }
    }
  });

  it("formats with docs2ts's printWidth 100 when no config applies, as before", async () => {
    const dir = project();
    expect((await runCli(['generate'], dir)).code).toBe(0);
    for (const [name, text] of readTree(path.join(dir, 'gen'))) {
      if (name.endsWith('.ts')) expect(await prettier.check(text, { printWidth: 100, parser: 'typescript' }), name).toBe(true);
      else if (name.endsWith('.schema.json')) expect(await prettier.check(text, { printWidth: 100, parser: 'json' }), name).toBe(true);
    }
  });
});

describe('the options of each file', () => {
  it('resolve per file (overrides apply), the given options over them, and a parser the configuration names wins', async () => {
    const { loadFormatter } = await import('../src/emit/format.js');
    const dir = project({
      '.prettierrc.json': JSON.stringify({ semi: false, overrides: [{ files: 'gen/zod/*.ts', options: { semi: true, parser: 'typescript' } }] }),
    });
    const formatter = await loadFormatter(path.join(dir, 'gen'), { tabWidth: 4 });
    // A configuration applies: prettier's defaults under it, not docs2ts's printWidth 100.
    expect(await formatter.options('task.ts')).toEqual({ semi: false, tabWidth: 4, parser: 'babel-ts' });
    expect(await formatter.options('zod/task.ts')).toEqual({ semi: true, tabWidth: 4, parser: 'typescript' });
    expect(await formatter.options('schema/task.schema.json')).toMatchObject({ parser: 'json' });
    const none = await loadFormatter(undefined);
    expect(await none.options('task.ts')).toEqual({ printWidth: 100, parser: 'babel-ts' });
  });
});

describe("the project's own prettier", () => {
  it('formats with a prettier 3 installed above the output folder, and a new version formats every file again', async () => {
    const dir = project();
    const calls = fakePrettier(dir, '3.99.0');
    expect(findPrettier(path.join(dir, 'gen'))).toMatchObject({
      version: '3.99.0',
      own: true,
      module: path.join(fs.realpathSync(dir), 'node_modules/prettier/index.cjs'),
    });
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const written = readTree(path.join(dir, 'gen')).size - 1;
    expect(calls()).toBe(written);
    expect((await runCli(['generate'], dir)).stdout).toMatch(/is up to date/);
    fs.writeFileSync(path.join(dir, 'node_modules/prettier/package.json'), JSON.stringify({ name: 'prettier', version: '3.99.1', main: 'index.cjs' }));
    const again = await runCli(['generate'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout + again.stderr).not.toMatch(/is up to date/);
    expect(calls()).toBe(2 * written);
  });

  it("uses docs2ts's prettier when the project's is not a prettier 3", async () => {
    const dir = project();
    const folder = path.join(dir, 'node_modules/prettier');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'prettier', version: '2.8.8', main: 'index.js' }));
    fs.writeFileSync(path.join(folder, 'index.js'), 'throw new Error("prettier 2 loaded");\n');
    // docs2ts's own: the version read from the package folder above docs2ts is the one `require` loads.
    const realVersion = (JSON.parse(fs.readFileSync(path.join(path.dirname(REAL_PRETTIER), 'package.json'), 'utf8')) as { version: string }).version;
    expect(findPrettier(path.join(dir, 'gen'))).toMatchObject({ own: false, module: REAL_PRETTIER, version: realVersion });
    expect(findPrettier(undefined)).toMatchObject({ own: false, module: REAL_PRETTIER, version: realVersion });
    expect((await runCli(['generate'], dir)).code).toBe(0);
  });

  it("uses docs2ts's prettier, by its version, when the project's prettier 3 cannot be loaded; once repaired, it formats", async () => {
    const dir = project();
    const calls = fakePrettier(dir, '3.99.0');
    const entry = path.join(dir, 'node_modules/prettier/index.cjs');
    const saved = fs.readFileSync(entry, 'utf8');
    fs.rmSync(entry);
    const realVersion = (JSON.parse(fs.readFileSync(path.join(path.dirname(REAL_PRETTIER), 'package.json'), 'utf8')) as { version: string }).version;
    expect(findPrettier(path.join(dir, 'gen'))).toMatchObject({ own: false, module: REAL_PRETTIER, version: realVersion });
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect((await runCli(['generate'], dir)).stdout).toMatch(/is up to date/);
    // The user repairs their prettier: the manifest's version is not its version, so the next run formats with it.
    fs.writeFileSync(entry, saved);
    expect(findPrettier(path.join(dir, 'gen'))).toMatchObject({ own: true, version: '3.99.0' });
    const again = await runCli(['generate'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/is up to date/);
    expect(calls()).toBeGreaterThan(0);
  });
});

describe('--no-format and format: false', () => {
  it('write the files as generated; prettier gives the formatted files from them', async () => {
    const formattedDir = project();
    expect((await runCli(['generate'], formattedDir)).code).toBe(0);
    const formatted = readTree(path.join(formattedDir, 'gen'));

    const flag = project();
    const calls = fakePrettier(flag, '3.99.0');
    expect((await runCli(['generate', '--no-format'], flag)).code).toBe(0);
    expect(calls()).toBe(0);
    const raw = readTree(path.join(flag, 'gen'));
    expect(raw.get('task.ts')).not.toBe(formatted.get('task.ts'));
    for (const [name, text] of raw) {
      if (name === '.docs2ts-manifest.json') continue;
      expect(await prettier.format(text, { printWidth: 100, parser: name.endsWith('.json') ? 'json' : 'typescript' }), name).toBe(formatted.get(name));
    }
    expect((await runCli(['check', '--no-format'], flag)).code).toBe(0);
    expect((await runCli(['check'], flag)).code).toBe(1);

    const config = project({}, { format: false });
    expect((await runCli(['generate'], config)).code).toBe(0);
    expect(readTree(path.join(config, 'gen'))).toEqual(raw);

    const api = await generate({
      input: path.join(flag, 'models'),
      targets: ['typescript', 'json-schema', 'zod'],
      propertyCase: 'preserve',
      nullableOptionals: false,
      format: false,
    });
    for (const [name, text] of api.files!) expect(text, name).toBe(raw.get(name));
  });
});

describe('unchanged files are not formatted again', () => {
  it('keeps what the output folder holds: --force formats nothing, an edited doc formats its files, a changed file is formatted again', async () => {
    const dir = project();
    const calls = fakePrettier(dir, '3.99.0');
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const first = readTree(path.join(dir, 'gen'));
    const all = calls();
    expect(all).toBe(first.size - 1);

    expect((await runCli(['generate', '--force'], dir)).code).toBe(0);
    expect(calls()).toBe(all);
    expect(readTree(path.join(dir, 'gen'))).toEqual(first);

    // A file changed on disk is not kept: it is formatted again, and the others are kept.
    fs.writeFileSync(path.join(dir, 'gen/task.ts'), 'tampered\n');
    expect((await runCli(['generate', '--force'], dir)).code).toBe(0);
    expect(calls()).toBe(all + 1);
    expect(readTree(path.join(dir, 'gen'))).toEqual(first);

    // A doc edit formats the files whose text changed (the enum's own, its schema and zod files, ...), not all.
    fs.appendFileSync(path.join(dir, 'models/status.md'), '\n| `THREE` | three |');
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const edited = calls() - all - 1;
    expect(edited).toBeGreaterThan(0);
    expect(edited).toBeLessThan(first.size - 1);
    expect(readTree(path.join(dir, 'gen')).get('status.ts')).toContain('THREE');

    // Other options: every file is formatted again.
    fs.writeFileSync(path.join(dir, '.prettierrc.json'), JSON.stringify({ singleQuote: true }));
    const before = calls();
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect(calls() - before).toBe(first.size - 1);
    expect(readTree(path.join(dir, 'gen')).get('task.ts')).toContain("from './_runtime.js'");
  });

  it('the API keeps unchanged files too, through the manifest writeOutput writes', async () => {
    const dir = project();
    const calls = fakePrettier(dir, '3.99.0');
    const out = path.join(dir, 'gen');
    const options = { input: path.join(dir, 'models'), out, targets: ['typescript' as const], propertyCase: 'preserve' as const, nullableOptionals: false };
    const { writeOutput } = await import('../src/index.js');
    const first = await generate(options);
    writeOutput(out, first.files!);
    const all = calls();
    expect(all).toBe(first.files!.size);
    const second = await generate(options);
    expect(calls()).toBe(all);
    expect(second.files).toEqual(first.files);
  });
});
