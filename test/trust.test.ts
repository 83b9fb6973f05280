/**
 * Issue #15, "a first run a user trusts": what a user can cause ends in a diagnostic and exit 1,
 * never in an internal error; pipes close quietly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, runCli, tmpDir, writeDocs } from './helpers.js';

const TABLE = '## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n';
/** Three docs: `a.md` links `b.md`; `c.md` stands alone (a root that reaches neither). */
function tree(): string {
  const dir = tmpDir();
  writeDocs(dir, {
    'models/a.md': `# A\n\n${TABLE}| \`b\` | [models.B](./b.md) | :heavy_check_mark: | d |\n`,
    'models/b.md': `# B\n\n${TABLE}| \`x\` | *string* | :heavy_check_mark: | d |\n`,
    'models/c.md': `# C\n\n${TABLE}| \`y\` | *string* | :heavy_check_mark: | d |\n`,
    'models/more/d.md': `# D\n\n${TABLE}| \`z\` | *string* | :heavy_check_mark: | d |\n`,
  });
  return dir;
}

const eacces = (file: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: file });

/** Make reads of paths ending in `suffix` fail as they do for a file the user may not read. */
function denyReads(suffix: string): void {
  const read = fs.readFileSync.bind(fs);
  const access = fs.accessSync.bind(fs);
  vi.spyOn(fs, 'readFileSync').mockImplementation((file: fs.PathOrFileDescriptor, options?: unknown) => {
    if (typeof file === 'string' && file.endsWith(suffix)) throw eacces(file);
    return read(file, options as BufferEncoding);
  });
  vi.spyOn(fs, 'accessSync').mockImplementation((file: fs.PathLike, mode?: number) => {
    if (typeof file === 'string' && file.endsWith(suffix)) throw eacces(file);
    access(file, mode);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('unreadable docs and folders (simulated EACCES)', () => {
  it('a whole-tree run: a doc-unreadable error at the doc with the cause, exit 1, nothing written, no internal error', async () => {
    const dir = tree();
    denyReads(`${path.sep}b.md`);
    const r = await runCli(['generate', '--input', 'models', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join('models', 'b.md'));
    expect(r.stderr).toMatch(/1:1\s+error\s+Cannot read this doc: permission denied \(EACCES\)/);
    expect(r.stderr).toContain('doc-unreadable');
    // The link to it says nothing more: the doc's own error is the one to fix.
    expect(r.stderr).not.toContain('link-not-model');
    expect(r.stderr).not.toContain('internal error');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a rooted run that reaches the doc fails; one that does not reach it skips it with a warning', async () => {
    const dir = tree();
    denyReads(`${path.sep}b.md`);
    const reached = await runCli(['generate', '--input', 'models', '--out', 'out', '--root', 'A'], dir);
    expect(reached.code).toBe(1);
    expect(reached.stderr).toMatch(/error\s+Cannot read this doc/);
    for (const root of ['C', 'c.md']) {
      const skipped = await runCli(['generate', '--input', 'models', '--out', `out-${root}`, '--root', root], dir);
      expect(skipped.code, skipped.stderr).toBe(0);
      expect(skipped.stderr).toMatch(/1:1\s+warning\s+Cannot read this doc: permission denied \(EACCES\); skipped, the roots do not reach it/);
      expect(fs.existsSync(path.join(dir, `out-${root}`, 'c.ts'))).toBe(true);
    }
  });

  it('a sub-folder that cannot be listed: an error of a whole-tree run, a warning of a rooted one', async () => {
    const dir = tree();
    const list = fs.readdirSync.bind(fs);
    vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options?: unknown) => {
      if (typeof folder === 'string' && folder.endsWith(`${path.sep}more`)) throw eacces(folder);
      return list(folder, options as { withFileTypes: true });
    }) as typeof fs.readdirSync);
    const whole = await runCli(['generate', '--input', 'models', '--out', 'out'], dir);
    expect(whole.code).toBe(1);
    expect(whole.stderr).toMatch(/error\s+Cannot list this folder: permission denied \(EACCES\); the docs in it are not read\. .*folder-unreadable/);
    const rooted = await runCli(['generate', '--input', 'models', '--out', 'out', '--root', 'C'], dir);
    expect(rooted.code, rooted.stderr).toBe(0);
    expect(rooted.stderr).toMatch(/warning\s+Cannot list this folder: permission denied \(EACCES\); skipped/);
  });

  it('an input folder that cannot be listed: one line naming it and the cause, exit 1', async () => {
    const dir = tree();
    const list = fs.readdirSync.bind(fs);
    vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options?: unknown) => {
      if (typeof folder === 'string' && folder.endsWith(`${path.sep}models`)) throw eacces(folder);
      return list(folder, options as { withFileTypes: true });
    }) as typeof fs.readdirSync);
    for (const args of [['generate', '--out', 'out'], ['check', '--out', 'out'], ['ir'], ['graph']]) {
      const r = await runCli([...args, '--input', 'models'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^docs2ts: Cannot read the input folder `.*models`: permission denied \(EACCES\)\n$/);
    }
  });

  it('a doc removed during the run: doc-unreadable with the cause', async () => {
    const dir = tree();
    const read = fs.readFileSync.bind(fs);
    vi.spyOn(fs, 'readFileSync').mockImplementation((file: fs.PathOrFileDescriptor, options?: unknown) => {
      if (typeof file === 'string' && file.endsWith(`${path.sep}c.md`) && options === 'utf8') {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
      }
      return read(file, options as BufferEncoding);
    });
    const r = await runCli(['ir', '--input', 'models'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot read this doc: no such file \(removed during the run\?\) \(ENOENT\)/);
  });
});

/**
 * The same as a real user who may not read the file: as root, the built CLI runs as `nobody`; as
 * another user, the file loses its read permission. Skipped (saying why) when neither can be set up.
 */
describe('unreadable docs (a real user without read permission)', () => {
  const cli = path.join(ROOT, 'dist/bundle/cli.js');
  const root = process.getuid?.() === 0;
  const nobody = 65534;
  const canRunAsNobody = (): boolean => {
    if (!root || !fs.existsSync(cli)) return false;
    const probe = spawnSync(process.execPath, [cli, '--version'], { uid: nobody, gid: nobody, encoding: 'utf8' });
    return probe.status === 0;
  };
  const usable = process.platform !== 'win32' && (!root || canRunAsNobody());
  if (!usable) console.warn('[docs2ts tests] unreadable-file test skipped: needs a POSIX system and, as root, the built CLI readable by `nobody`');

  it.skipIf(!usable)('exit 1 with doc-unreadable at the doc, no stack trace', () => {
    const dir = tree();
    fs.chmodSync(dir, 0o777);
    for (const f of ['models', 'models/more']) fs.chmodSync(path.join(dir, f), 0o755);
    for (const f of ['a.md', 'c.md', 'more/d.md']) fs.chmodSync(path.join(dir, 'models', f), 0o644);
    fs.chmodSync(path.join(dir, 'models/b.md'), 0o000);
    const args = ['generate', '--input', 'models', '--out', 'out'];
    const r = root
      ? spawnSync(process.execPath, [cli, ...args], { cwd: dir, uid: nobody, gid: nobody, encoding: 'utf8' })
      : spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/cli.ts'), ...args], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/models\/b\.md\n1:1\s+error\s+Cannot read this doc: permission denied \(EACCES\)/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('a package.json that does not parse', () => {
  it('is a config error (exit 2) naming the file, not an internal error, from the built CLI', () => {
    const bundle = path.join(ROOT, 'dist/bundle/cli.js');
    const cli = fs.existsSync(bundle) ? [bundle] : [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/cli.ts')];
    const dir = tree();
    fs.writeFileSync(path.join(dir, 'package.json'), '{bad');
    const r = spawnSync(process.execPath, [...cli, 'check', '--input', 'models', '--out', 'out'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cannot read the config: .*package\.json/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('pipes close quietly', () => {
  /** The CLI as a user runs it: the built bundle, else the sources through tsx. */
  const command = (): string[] => {
    const bundle = path.join(ROOT, 'dist/bundle/cli.js');
    return fs.existsSync(bundle) ? [bundle] : [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/cli.ts')];
  };

  /**
   * 300 docs without a Required column (an inference each, for `explain`), eleven fields each, ten
   * with an `[object Object]` example (an inference each): every command writes well over 64 KiB.
   */
  const big = (): string => {
    const dir = tmpDir();
    const docs: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      const next = (i + 1) % 300;
      const fields = Array.from({ length: 10 }, (_, k) => `| \`field_number_${k}\` | *number* | Field ${k} | [object Object] |\n`).join('');
      docs[`models/m${i}.md`] =
        `# M${i}\n\n## Fields\n\n| Field | Type | Description | Example |\n| --- | --- | --- | --- |\n| \`f${i}\` | [models.M${next}](./m${next}.md) | Link | |\n${fields}`;
    }
    writeDocs(dir, docs);
    return dir;
  };

  it.each([['ir'], ['graph'], ['explain']])('`docs2ts %s | head -1` ends without an error', async (name) => {
    const dir = big();
    // The whole output is far more than a pipe holds (64 KiB): the reader goes before the writer ends.
    expect((await runCli([name, '--input', 'models'], dir)).stdout.length).toBeGreaterThan(1 << 16);
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" ${command()
          .map((a) => `"${a}"`)
          .join(' ')} ${name} --input models | head -1`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(r.stdout.split('\n')[0]).not.toBe('');
    expect(r.stderr).not.toMatch(/EPIPE|internal error|Unhandled/);
  });
});

describe('watch and check say it in order', () => {
  it('check of a missing or empty output folder: one line per kind with the count, the fixing command; the diff only with --diff', async () => {
    for (const prepare of [(): void => {}, (out: string): void => fs.mkdirSync(out)]) {
      const dir = tmpDir();
      fs.cpSync(path.join(ROOT, 'fixtures'), path.join(dir, 'fixtures'), { recursive: true });
      prepare(path.join(dir, 'gen'));
      const r = await runCli(['check', '--input', 'fixtures/models', '--out', 'gen', '--root', 'Task'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const summary = r.stderr.slice(r.stderr.indexOf('docs2ts: gen is out of date'));
      expect(summary).toMatch(
        /^docs2ts: gen is out of date \(\d+ missing\):\n {2}missing: [^\n]+, … \(\d+ more\)\nRun `[^`]*docs2ts generate[^`]*` to update it; `docs2ts check --diff` prints the changes\.\n$/,
      );
      const diff = await runCli(['check', '--input', 'fixtures/models', '--out', 'gen', '--root', 'Task', '--diff'], dir);
      expect(diff.code).toBe(1);
      expect(diff.stdout).toContain('+++ b/task.ts');
    }
  });

  it('--watch prints a failed run’s diagnostics before its "failed" line', async () => {
    const dir = tmpDir();
    writeDocs(dir, { 'models/a.md': `# A\n\n${TABLE}| \`b\` | [models.B](./nowhere.md) | :heavy_check_mark: | d |\n` });
    const { main } = await import('../src/cli.js');
    const log: string[] = [];
    const controller = new AbortController();
    let failed: () => void = () => {};
    const seen = new Promise<void>((resolve) => (failed = resolve));
    const running = main(['generate', '--watch', '--input', 'models', '--out', 'gen'], {
      cwd: dir,
      stdout: (t) => {
        log.push(`out ${t}`);
        if (t.includes('failed:')) failed();
      },
      stderr: (t) => log.push(`err ${t}`),
      signal: controller.signal,
    });
    await seen;
    controller.abort();
    expect(await running).toBe(0);
    const errors = log.findIndex((l) => l.startsWith('err ') && l.includes('link-missing'));
    const line = log.findIndex((l) => l.includes('failed:'));
    expect(errors).toBeGreaterThanOrEqual(0);
    expect(errors).toBeLessThan(line);
    expect(log[line]).toMatch(/failed: docs2ts: nothing written: 1 error in 1 doc \(link-missing 1\)/);
  });
});

describe('did you mean', () => {
  it('nearest: likely typos only, closest first, ignoring case', async () => {
    const { nearest, didYouMean } = await import('../src/core/suggest.js');
    expect(nearest('Tsk', ['Task', 'TaskStatus', 'Asset', 'Stream'])).toEqual(['Task']);
    expect(nearest('asset', ['Asset', 'Assets', 'Task'])).toEqual(['Asset', 'Assets']);
    expect(nearest('Completely', ['Task', 'Asset'])).toEqual([]);
    expect(didYouMean(['A', 'B', 'C'])).toBe('Did you mean `A`, `B` or `C`? ');
    expect(didYouMean([])).toBe('');
  });

  it('an unknown --root name or doc path suggests the nearest model names and docs', async () => {
    const name = await runCli(['ir', '--input', 'fixtures/models', '--root', 'Clp']);
    expect(name.code).toBe(1);
    expect(name.stderr).toMatch(/No model named `Clp` in the input\. Did you mean `Clip`/);
    const doc = await runCli(['ir', '--input', 'fixtures/models', '--root', 'shared/tsk.md']);
    expect(doc.code).toBe(1);
    expect(doc.stderr).toMatch(/Root `shared\/tsk\.md` is not a model doc in the input folder\. Did you mean `shared\/task\.md`\?/);
  });

  it('a misspelt scalar in a Type cell suggests the nearest scalar of the notation', async () => {
    const { buildModel } = await import('../src/model/build.js');
    const { memoryDocSource } = await import('../src/parse/files.js');
    const { ruby } = await import('../src/notation/ruby.js');
    const ir = buildModel(
      memoryDocSource({ 'a.md': `# A\n\n${TABLE}| \`x\` | *Strng* | :heavy_check_mark: | d |\n| \`y\` | *T::Boolen* | :heavy_check_mark: | d |\n` }),
      { roots: [], notation: ruby },
    );
    const hints = ir.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line, d.hint?.split('?')[0]]);
    expect(hints).toEqual([
      ['notation-unknown', 7, 'Did you mean `String`'],
      ['ref-unresolved', 8, 'Did you mean `T::Boolean`'],
    ]);
  });

  it('--root takes a doc path relative to the working folder, or absolute, inside --input', async () => {
    for (const root of ['fixtures/models/shared/task.md', path.join(ROOT, 'fixtures/models/shared/task.md'), 'shared/task.md', 'Task']) {
      const r = await runCli(['ir', '--input', 'fixtures/models', '--root', root]);
      expect(r.code, root).toBe(0);
      expect((JSON.parse(r.stdout) as { roots: string[] }).roots, root).toEqual(['shared/task.md']);
    }
    // Outside the input: not a root.
    const outside = await runCli(['ir', '--input', 'fixtures/models/shared', '--root', 'README.md']);
    expect(outside.code).toBe(1);
  });
});

describe('no silent downgrades', () => {
  const build = async (target: string): Promise<{ kind: string; warnings: string[] }> => {
    const { buildModel } = await import('../src/model/build.js');
    const { memoryDocSource } = await import('../src/parse/files.js');
    const ir = buildModel(
      memoryDocSource({ 'task.md': `# Task\n\n${TABLE}| \`type\` | [Shared::TaskType](./tasktype.md) | :heavy_check_mark: | d |\n`, 'tasktype.md': target }),
      { roots: ['Task'] },
    );
    const model = ir.models.find((m) => m.name === 'TaskType')!;
    return { kind: model.kind, warnings: ir.diagnostics.filter((d) => d.file === 'tasktype.md').map((d) => `${d.severity} ${d.ruleId}: ${d.message}`) };
  };

  it('a Values section that lost its table is an enum without values, said by a warning naming what it was read as', async () => {
    const r = await build('# TaskType\n\nThe kind of work a task performs.\n\n## Values\n\n');
    expect(r.kind).toBe('enum');
    expect(r.warnings).toEqual([expect.stringMatching(/^warning enum-empty: Enum `TaskType` has no values: read as `never`/)]);
  });

  it('an empty Supported Types section: a union-empty warning naming what it was read as', async () => {
    const r = await build('# TaskType\n\n## Supported Types\n\n');
    expect(r.kind).toBe('union');
    expect(r.warnings).toEqual([expect.stringMatching(/^warning union-empty: .*read as `never`/)]);
  });

  it('no section at all: a doc-no-table warning that says it was read as a free-form object', async () => {
    const r = await build('# TaskType\n\nThe kind of work a task performs.\n');
    expect(r.kind).toBe('object');
    expect(r.warnings).toEqual([expect.stringMatching(/^warning doc-no-table: .*read as a free-form object/)]);
  });
});

describe('diagnostics where tools read them', () => {
  const KEYS = ['command', 'exitCode', 'upToDate', 'models', 'files', 'stale', 'missing', 'extra', 'fix', 'diagnostics', 'error'];

  it('--format github prints workflow commands with file, line, column and the rule id as title (escaped)', async () => {
    const dir = tmpDir();
    writeDocs(dir, { 'models/a.md': `# A\n\n${TABLE}| \`b\` | [models.B](./nowhere.md) | :heavy_check_mark: | 100% sure, really |\n` });
    const r = await runCli(['generate', '--input', 'models', '--out', 'gen', '--format', 'github'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^::error file=models\/a\.md,line=7,col=10,title=link-missing::Link target `\.\/nowhere\.md` .*does not exist/),
    ]);
    const { githubAnnotations } = await import('../src/cli.js');
    const escaped = githubAnnotations(
      [{ severity: 'warning', ruleId: 'r', message: '50% of a\nb', file: 'x,y:z.md', line: 2, column: 3 }],
      path.join(dir, 'in'),
      dir,
      false,
    );
    expect(escaped).toBe('::warning file=in/x%2Cy%3Az.md,line=2,col=3,title=r::50%25 of a%0Ab\n');
  });

  it('every --format json answer of generate and check has one shape: up to date, written, stale, errors, usage errors', async () => {
    const dir = tmpDir();
    fs.cpSync(path.join(ROOT, 'fixtures'), path.join(dir, 'fixtures'), { recursive: true });
    const args = ['--input', 'fixtures/models', '--out', 'gen', '--root', 'Task', '--format', 'json'];
    const answers: Record<string, unknown>[] = [];
    const run = async (argv: string[], code: number): Promise<Record<string, unknown>> => {
      const r = await runCli(argv, dir);
      expect(r.code, r.stderr).toBe(code);
      const answer = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(answer)).toEqual(KEYS);
      expect(answer.exitCode).toBe(code);
      answers.push(answer);
      return answer;
    };
    expect(await run(['check', ...args], 1)).toMatchObject({ command: 'check', upToDate: false, files: null, fix: expect.stringContaining('generate') });
    expect(await run(['generate', ...args], 0)).toMatchObject({ command: 'generate', upToDate: false, files: 34, error: null });
    expect(await run(['generate', ...args], 0)).toMatchObject({ command: 'generate', upToDate: true, models: null, files: null });
    expect(await run(['check', ...args], 0)).toMatchObject({ command: 'check', upToDate: true, stale: [], missing: [], extra: [] });
    expect(await run(['generate', ...args, '--root', 'Nope'], 1)).toMatchObject({
      upToDate: null,
      diagnostics: expect.arrayContaining([expect.objectContaining({ ruleId: 'root-missing' })]),
    });
    expect(await run(['generate', ...args, '--bogus'], 2)).toMatchObject({ error: "unknown option '--bogus'" });
    expect(await run(['check', '--input', 'nowhere', '--out', 'gen', '--format', 'json'], 2)).toMatchObject({ error: expect.stringContaining('nowhere') });
    expect(answers).toHaveLength(7);
  });
});

describe('progress on long work', () => {
  it('a progress line appears only after the delay, shows the stage and the count, and clears on stop', async () => {
    const { ProgressLine } = await import('../src/progress.js');
    let drawn = '';
    const line = new ProgressLine({ write: (t) => ((drawn += t), true), columns: 100 }, 10);
    line.report('parse', 3, 12);
    expect(drawn).toBe('');
    await new Promise((r) => setTimeout(r, 300));
    line.report('format', 7, 12);
    await new Promise((r) => setTimeout(r, 200));
    line.stop();
    // Terminal escapes (cursor moves, line clears) out of the way.
    // eslint-disable-next-line no-control-regex
    const text = drawn.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '');
    expect(text).toContain('docs2ts: reading docs');
    expect(text).toMatch(/docs2ts: formatting files \S+ 7\/12/);
  });

  it('a short run draws nothing; the CLI draws the line on a terminal, but none with --format json or --quiet', async () => {
    const { ProgressLine } = await import('../src/progress.js');
    let drawn = '';
    const line = new ProgressLine({ write: (t) => ((drawn += t), true) }, 10_000);
    line.report('parse', 1, 2);
    line.stop();
    expect(drawn).toBe('');
    const { main } = await import('../src/cli.js');
    for (const extra of [['--format', 'json'], ['--quiet'], []]) {
      let stderr = '';
      const dir = tmpDir();
      const code = await main(['generate', '--input', path.join(ROOT, 'fixtures/models'), '--out', path.join(dir, 'gen'), '--root', 'Task', ...extra], {
        cwd: dir,
        stdout: () => {},
        stderr: (t) => (stderr += t),
        // A terminal, and no delay: the line shows at once unless the options turn it off.
        progress: true,
        progressDelay: 0,
      });
      expect(code).toBe(0);
      if (extra.length === 0) expect(stderr).toContain('docs2ts: ');
      else expect(stderr).not.toMatch(/docs2ts: (reading|resolving|emitting|writing)/);
      if (extra[0] === '--quiet') expect(stderr).toBe('');
    }
  });
});

describe('progress counts', () => {
  it('the pipeline counts docs parsed and files formatted, up to their totals, through one onProgress', async () => {
    const { jobOf } = await import('../src/job.js');
    const { generateCommand } = await import('../src/commands.js');
    const input = path.join(ROOT, 'fixtures/models');
    const job = jobOf({ input, out: path.join(tmpDir(), 'gen'), roots: [], overrides: {}, banner: undefined });
    const reports: [string, number | undefined, number | undefined][] = [];
    const answer = await generateCommand(job, { force: true, onProgress: (stage, done, total) => reports.push([stage, done, total]) });
    const counted = (stage: string) => reports.filter(([s, done]) => s === stage && done !== undefined);
    const parsed = counted('parse');
    const formatted = counted('format');
    // From 0 up to the total, never past it, in order.
    for (const counts of [parsed, formatted]) {
      expect(counts[0]![1]).toBe(0);
      expect(counts.at(-1)![1]).toBe(counts.at(-1)![2]);
      expect(counts.map(([, done]) => done)).toEqual([...counts.map(([, done]) => done!)].sort((a, b) => a - b));
    }
    const docs = fs.readdirSync(input, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
    expect(parsed.at(-1)![2]).toBe(docs);
    expect(formatted.at(-1)![2]).toBe(answer.files!.size);
    // Stages in pipeline order.
    const order = [...new Set(reports.map(([s]) => s))];
    expect(order.indexOf('parse')).toBeLessThan(order.indexOf('format'));
  });
});
