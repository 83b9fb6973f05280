/** Build-pipeline features: check, incremental runs, explain, JSON diagnostics, overrides, watch, pre-commit. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, ROOT, runCli, tmpDir, writeDocs } from './helpers.js';

const docs = {
  'models/shared/task.md':
    '# Task\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `created_at` | *Float* | :heavy_check_mark: | N/A |\n| `status` | [Shared::Status](../../models/shared/status.md) | :heavy_minus_sign: | N/A |\n| `note` | *T.nilable(String)* | :heavy_check_mark: | N/A |\n| `when` | [Date](https://ruby-doc.org/Date.html) | :heavy_minus_sign: | N/A |',
  'models/shared/status.md': '# Status\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | 1 |\n| `TWO` | 2 |',
};

function project(extra: Record<string, string> = {}): string {
  const dir = tmpDir();
  writeDocs(dir, { ...docs, ...extra });
  fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ input: 'models', out: 'gen', roots: ['Task'] }));
  return dir;
}

describe('docs2ts check', () => {
  it('refuses an output that is a file (exit 1, a clear message), as generate does', async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'gen'), 'not a folder');
    for (const command of ['check', 'generate']) {
      const result = await runCli([command], dir);
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toMatch(/`[^`]*gen` exists and is not a folder/);
    }
    expect(fs.readFileSync(path.join(dir, 'gen'), 'utf8')).toBe('not a folder');
  });

  it('exits 0 when up to date, 1 with a diff and the fixing command after a doc edit, 0 again after generate', async () => {
    const dir = project();
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const fresh = await runCli(['check'], dir);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/gen is up to date/);
    const before = readTree(path.join(dir, 'gen'));
    fs.appendFileSync(path.join(dir, 'models/shared/status.md'), '\n| `THREE` | 3 |');
    const stale = await runCli(['check'], dir);
    expect(stale.code).toBe(1);
    // The changes themselves only with --diff.
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toMatch(/^docs2ts: gen is out of date \(1 stale\):\n {2}stale: status\.ts\n/m);
    expect(stale.stderr).toContain('Run `npx docs2ts generate` to update it; `docs2ts check --diff` prints the changes.');
    const diff = await runCli(['check', '--diff'], dir);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('--- a/status.ts');
    expect(diff.stdout).toMatch(/^\+\s+THREE = 3,$/m);
    expect(diff.stderr).toContain('Run `npx docs2ts generate` to update it.');
    expect(readTree(path.join(dir, 'gen'))).toEqual(before); // check writes nothing
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect((await runCli(['check'], dir)).code).toBe(0);
  });

  it('an option change, a hand edit, a deleted or an extra generated file makes the output stale', async () => {
    const dir = project();
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const option = await runCli(['check', '--enum-style', 'union'], dir);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('Run `npx docs2ts generate --enum-style union` to update it;');
    fs.appendFileSync(path.join(dir, 'gen/task.ts'), '// edited\n');
    fs.rmSync(path.join(dir, 'gen/status.ts'));
    const edited = await runCli(['check'], dir);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/stale: .*task\.ts/);
    expect(edited.stderr).toMatch(/missing: status\.ts/);
    expect((await runCli(['generate'], dir)).code).toBe(0);
    // A model that is no longer reached leaves an extra generated file behind until generate runs.
    fs.writeFileSync(
      path.join(dir, 'models/shared/task.md'),
      '# Task\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *String* | :heavy_check_mark: | N/A |',
    );
    const extra = await runCli(['check', '--format', 'json'], dir);
    expect(extra.code).toBe(1);
    expect(JSON.parse(extra.stdout)).toMatchObject({ upToDate: false, extra: ['status.ts'], stale: expect.arrayContaining(['task.ts']) });
  });

  it('generate on an unchanged tree answers from the manifest without rewriting anything', async () => {
    const dir = project();
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const mtime = fs.statSync(path.join(dir, 'gen/task.ts')).mtimeMs;
    const again = await runCli(['generate'], dir);
    expect(again.stdout).toMatch(/is up to date/);
    expect(fs.statSync(path.join(dir, 'gen/task.ts')).mtimeMs).toBe(mtime);
  });

  it('a failed run leaves the output byte-identical: bad cell, broken link, prettier failure', async () => {
    const dir = project();
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const before = readTree(path.join(dir, 'gen'));
    const task = path.join(dir, 'models/shared/task.md');
    const good = fs.readFileSync(task, 'utf8');
    for (const broken of [good.replace('*Float*', '*Flot*'), good.replace('status.md', 'nope.md')]) {
      fs.writeFileSync(task, broken);
      const result = await runCli(['generate'], dir);
      expect(result.code).toBe(1);
      expect(readTree(path.join(dir, 'gen'))).toEqual(before);
    }
    fs.writeFileSync(task, `${good}\n`);
    fs.writeFileSync(path.join(dir, '.prettierrc.json'), JSON.stringify({ plugins: ['./no-such-plugin.mjs'] }));
    const prettierFails = await runCli(['generate'], dir);
    expect(prettierFails.code).toBe(1);
    expect(prettierFails.stderr).toMatch(/cannot format the output/);
    expect(readTree(path.join(dir, 'gen'))).toEqual(before);
  });

  it("respects the user's prettier config", async () => {
    const dir = project({ '.prettierrc.json': JSON.stringify({ singleQuote: true, semi: false }) });
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const task = fs.readFileSync(path.join(dir, 'gen/task.ts'), 'utf8');
    expect(task).toContain("import * as rt from './_runtime.js'");
    expect(task).not.toMatch(/;\n/);
  });

  it('a prettier config change makes the output stale; generate formats it again; --no-format output is checked unformatted', async () => {
    const dir = project();
    expect((await runCli(['generate'], dir)).code).toBe(0);
    fs.writeFileSync(path.join(dir, '.prettierrc.json'), JSON.stringify({ singleQuote: true }));
    const stale = await runCli(['check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/stale: .*task\.ts/);
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'gen/task.ts'), 'utf8')).toContain("from './_runtime.js';");
    expect((await runCli(['check'], dir)).code).toBe(0);
    expect((await runCli(['check', '--no-format'], dir)).code).toBe(1);
  });
});

describe('diagnostics output', () => {
  it('--format json prints the diagnostics for tools; --max-warnings fails a run with too many warnings', async () => {
    const dir = project({ 'models/shared/extra.md': '# Extra' });
    const json = await runCli(['generate', '--format', 'json', '--root', 'Task', '--root', 'Extra'], dir);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { diagnostics: { ruleId: string; severity: string }[]; files: number };
    expect(parsed.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'doc-no-table', severity: 'warning' }));
    fs.rmSync(path.join(dir, 'gen'), { recursive: true });
    const strict = await runCli(['generate', '--max-warnings', '0', '--root', 'Task', '--root', 'Extra'], dir);
    expect(strict.code).toBe(1);
    // doc-no-table, and one property-case-unset and one nullable-optionals-unset (the config chooses neither).
    expect(strict.stderr).toMatch(/3 warnings exceed --max-warnings 0/);
    expect(fs.existsSync(path.join(dir, 'gen'))).toBe(false);
  });
});

describe('docs2ts explain and overrides', () => {
  it('lists every inference with its place and the override that changes it', async () => {
    const dir = project();
    const text = await runCli(['explain'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/models\/shared\/status\.md:1 {2}enum-value-type/);
    expect(text.stdout).toContain('Override with `"Status": { "valueType": "string" }`');
    expect(text.stdout).toMatch(/models\/shared\/task\.md:\d+ {2}nullable-inferred {2}`Task\.note` may be null/);
    expect(text.stdout).toMatch(/date-label {2}`Task\.when`: `\[Date\]\(…\)` read as date-time/);
    const json = JSON.parse((await runCli(['explain', '--json'], dir)).stdout) as { ruleId: string }[];
    expect(json.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['notation-detected', 'enum-value-type', 'nullable-inferred', 'date-label']));
    // `--format json` (the option every command but graph takes) means the same.
    expect(JSON.parse((await runCli(['explain', '--format', 'json'], dir)).stdout)).toEqual(json);
  });

  it('--format github gives the list as annotations; the errors that stop a run are said on stderr (or as annotations)', async () => {
    const dir = project();
    const github = await runCli(['explain', '--format', 'github'], dir);
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(/^::(notice|warning) file=models\/shared\/status\.md,line=1,col=\d+,title=enum-value-type::/m);
    expect(
      github.stdout
        .split('\n')
        .filter(Boolean)
        .every((line) => line.startsWith('::')),
    ).toBe(true);
    // A root that names no model: exit 1 with the error, as `ir` says it.
    const missing = await runCli(['explain', '--root', 'NopeX'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No model named `NopeX`');
    expect(missing.stderr).toMatch(/error\s.*root-missing/);
    const missingJson = await runCli(['explain', '--root', 'NopeX', '--json'], dir);
    expect(missingJson.code).toBe(1);
    expect(missingJson.stderr).toMatch(/root-missing/);
    const missingGithub = await runCli(['explain', '--root', 'NopeX', '--format', 'github'], dir);
    expect(missingGithub.stdout).toMatch(/^::error file=[^,]+,title=root-missing::/m);
  });

  it('graph prints no drawing from a run with an error (a redirect keeps the one it had)', async () => {
    const dir = project();
    const good = await runCli(['graph'], dir);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^classDiagram/);
    const failed = await runCli(['graph', '--root', 'NopeX'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/root-missing/);
  });

  it('applies overrides and propertyCase from the config; unknown targets are errors', async () => {
    const dir = project();
    fs.writeFileSync(
      path.join(dir, 'docs2ts.config.json'),
      JSON.stringify({
        input: 'models',
        out: 'gen',
        roots: ['Task'],
        propertyCase: 'camel',
        overrides: { Status: { valueType: 'string' }, 'Task.note': { nullable: false, wireName: 'memo' } },
      }),
    );
    expect((await runCli(['generate'], dir)).code).toBe(0);
    const task = fs.readFileSync(path.join(dir, 'gen/task.ts'), 'utf8');
    expect(task).toContain('createdAt: number;');
    expect(task).toContain('memo: string;');
    expect(fs.readFileSync(path.join(dir, 'gen/status.ts'), 'utf8')).toContain('ONE = "1"');
    fs.writeFileSync(
      path.join(dir, 'docs2ts.config.json'),
      JSON.stringify({ input: 'models', out: 'gen', roots: ['Task'], overrides: { 'Task.nope': { nullable: true } } }),
    );
    const bad = await runCli(['generate'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/`Task` has no field `nope`.*override-unknown/);
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ input: 'models', overrides: { Task: { colour: 'red' } } }));
    const usage = await runCli(['generate'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown key `overrides\."Task"\.colour`/);
  });
});

/**
 * `generate --watch` in `dir`, its status lines collected: `nextLine()` resolves at the next one;
 * `stop()` aborts the watch and returns its exit code.
 */
async function startWatch(dir: string): Promise<{ lines: string[]; nextLine: () => Promise<void>; stop: () => Promise<number> }> {
  const controller = new AbortController();
  const lines: string[] = [];
  let resolveLine: (() => void) | undefined;
  const nextLine = (): Promise<void> => new Promise((r) => (resolveLine = r));
  const { main } = await import('../src/cli.js');
  const first = nextLine();
  const running = main(['generate', '--watch'], {
    cwd: dir,
    stdout: (t) => {
      lines.push(t);
      resolveLine?.();
    },
    stderr: () => {},
    signal: controller.signal,
  });
  await first;
  return {
    lines,
    nextLine,
    stop: () => {
      controller.abort();
      return running;
    },
  };
}

describe('generate --watch', () => {
  it('regenerates on change, one line a run, until stopped', async () => {
    const dir = project();
    const { lines, nextLine, stop } = await startWatch(dir);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d docs2ts: 2 models → 4 files in gen/);
    const line = nextLine();
    fs.appendFileSync(path.join(dir, 'models/shared/status.md'), '\n| `THREE` | 3 |');
    await line;
    expect(lines).toHaveLength(2);
    expect(fs.readFileSync(path.join(dir, 'gen/status.ts'), 'utf8')).toContain('THREE = 3');
    expect(await stop()).toBe(0);
  });

  it('with --quiet prints no line for a run that went well', async () => {
    const dir = project();
    const controller = new AbortController();
    let stdout = '';
    const { main } = await import('../src/cli.js');
    const running = main(['generate', '--watch', '--quiet'], { cwd: dir, stdout: (t) => (stdout += t), stderr: () => {}, signal: controller.signal });
    const until = async (done: () => boolean): Promise<void> => {
      while (!done()) await new Promise((r) => setTimeout(r, 20));
    };
    const status = path.join(dir, 'gen/status.ts');
    await until(() => fs.existsSync(status));
    fs.appendFileSync(path.join(dir, 'models/shared/status.md'), '\n| `THREE` | 3 |');
    await until(() => fs.readFileSync(status, 'utf8').includes('THREE = 3'));
    controller.abort();
    expect(await running).toBe(0);
    expect(stdout).toBe('');
  });

  for (const [name, write] of [
    ['docs2ts.config.json', (config: object): string => JSON.stringify(config)],
    ['docs2ts.config.mjs', (config: object): string => `export default ${JSON.stringify(config)};\n`],
  ] as const) {
    it(`reads ${name} again when it changes (a broken save keeps the last good config)`, async () => {
      const dir = project();
      fs.rmSync(path.join(dir, 'docs2ts.config.json'));
      const config = { input: 'models', out: 'gen', roots: ['Task'] };
      fs.writeFileSync(path.join(dir, name), write(config));
      const { lines, nextLine, stop } = await startWatch(dir);
      expect(fs.readFileSync(path.join(dir, 'gen/status.ts'), 'utf8')).toMatch(/export enum Status/);
      let line = nextLine();
      fs.writeFileSync(path.join(dir, name), name.endsWith('.json') ? '{ "input": ' : 'export default {');
      await line;
      expect(lines.at(-1)).toMatch(/^\d\d:\d\d:\d\d failed: Cannot read the config/);
      line = nextLine();
      fs.writeFileSync(path.join(dir, name), write({ ...config, enumStyle: 'union' }));
      await line;
      expect(lines.at(-1)).toMatch(/docs2ts: 2 models → 4 files in gen/);
      expect(fs.readFileSync(path.join(dir, 'gen/status.ts'), 'utf8')).toMatch(/export type Status =/);
      expect(await stop()).toBe(0);
    });
  }
});

describe('pre-commit hook, end to end', () => {
  it('blocks a commit whose docs changed without regenerating, and lets it through once regenerated', () => {
    const dir = project();
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      });
    const cli = path.join(ROOT, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { docs2ts: string } }).bin.docs2ts);
    expect(fs.existsSync(cli)).toBe(true); // built by `npm ci` (prepare)
    execFileSync(process.execPath, [cli, 'generate'], { cwd: dir });
    git('init', '-q');
    fs.writeFileSync(path.join(dir, '.git/hooks/pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" check\n`, { mode: 0o755 });
    git('add', '-A');
    git('commit', '-qm', 'docs and generated');
    fs.appendFileSync(path.join(dir, 'models/shared/status.md'), '\n| `THREE` | 3 |');
    git('add', '-A');
    let blocked = '';
    try {
      git('commit', '-qm', 'doc change only');
    } catch (error) {
      blocked = String((error as { stdout?: string }).stdout) + String((error as { stderr?: string }).stderr);
    }
    expect(blocked).toMatch(/stale: status\.ts/);
    expect(blocked).toContain('npx docs2ts generate');
    execFileSync(process.execPath, [cli, 'generate'], { cwd: dir });
    git('add', '-A');
    git('commit', '-qm', 'doc change with generated');
    expect(git('log', '--oneline').trim().split('\n')).toHaveLength(2);
  });
});

describe('several jobs in one config', () => {
  it('runs every job (top-level keys as defaults), or one with --job; job keys are validated', async () => {
    const dir = project();
    fs.writeFileSync(
      path.join(dir, 'docs2ts.config.json'),
      JSON.stringify({
        input: 'models',
        roots: ['Task'],
        jobs: [
          { name: 'types', out: 'gen/types' },
          { name: 'status', out: 'gen/status', roots: ['Status'], enumStyle: 'union' },
        ],
      }),
    );
    const all = await runCli(['generate'], dir);
    expect(all.code).toBe(0);
    expect([...readTree(path.join(dir, 'gen/types')).keys()]).toContain('task.ts');
    expect([...readTree(path.join(dir, 'gen/status')).keys()]).not.toContain('task.ts');
    expect(fs.readFileSync(path.join(dir, 'gen/status/status.ts'), 'utf8')).toMatch(/export type Status = 1 \| 2;/);
    expect((await runCli(['check'], dir)).code).toBe(0);
    fs.rmSync(path.join(dir, 'gen'), { recursive: true });
    expect((await runCli(['generate', '--job', 'status'], dir)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'gen/types'))).toBe(false);
    expect((await runCli(['generate', '--job', 'nope'], dir)).code).toBe(2);
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ jobs: [{ input: 'models', out: 3 }] }));
    const bad = await runCli(['generate'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/`jobs\[0\]\.out` must be a string/);
  });
});

describe('config files', () => {
  it('reads docs2ts.config.ts (TypeScript, via cosmiconfig) and the docs2ts key of package.json', async () => {
    const dir = project();
    fs.rmSync(path.join(dir, 'docs2ts.config.json'));
    fs.writeFileSync(
      path.join(dir, 'docs2ts.config.ts'),
      "const config: { input: string; out: string; roots: string[] } = { input: 'models', out: 'ts-out', roots: ['Status'] };\nexport default config;\n",
    );
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect([...readTree(path.join(dir, 'ts-out')).keys()]).toContain('status.ts');
    fs.rmSync(path.join(dir, 'docs2ts.config.ts'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', docs2ts: { input: 'models', out: 'pkg-out', roots: ['Task'] } }));
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect([...readTree(path.join(dir, 'pkg-out')).keys()]).toContain('task.ts');
  });
});
