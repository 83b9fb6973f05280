/**
 * The package end to end, as users get it: `npm pack` (its prepare build included), the tarball
 * installed offline into a fresh project (`npm ci --offline` from the npm cache `npm ci` filled,
 * with a lockfile made from the repository's: see bench/startup.ts), `npx docs2ts generate` on a copy of the fixtures,
 * `tsc --strict` on the output, the programmatic API imported from an ESM script and from a
 * TypeScript file, and `docs2ts --help` starting without a TypeScript loader or the heavy modules.
 *
 * Slow (a build and an install): one pack and install serve every test of the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installPackedPackage } from '../bench/startup.js';
import { generate } from '../src/index.js';
import { HAS_SHARED, ROOT, SHARED, tmpDir, typecheck } from './helpers.js';

const TIMEOUT = 600_000;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

let project = '';
let tarball = '';

function run(command: string, args: string[], cwd = project): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed package', () => {
  beforeAll(() => {
    ({ project, tarball } = installPackedPackage(tmpDir('docs2ts-package-')));
    fs.cpSync(path.join(ROOT, 'fixtures'), path.join(project, 'fixtures'), { recursive: true });
  }, TIMEOUT);

  it('ships compiled JavaScript, declarations, the IR schema, templates, README and CHANGELOG; no sources, tests or source maps', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    for (const f of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'templates/banner.txt',
      'dist/bundle/cli.js',
      'dist/bundle/worker.js',
      'dist/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/graph.js',
      'dist/core/ir.schema.json',
      'dist/runtime/_runtime.ts',
      'dist/runtime/_json.ts',
    ])
      expect(files).toContain(f);
    // TypeScript ships only as declarations and as the runtime files copied into the output.
    expect(
      files.filter((f) => /^(src|test|bench|fixtures|generated)\/|\.map$|\.ts$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('dist/runtime/')),
    ).toEqual([]);
    const installed = path.join(project, 'node_modules', pkg.name);
    expect(fs.readFileSync(path.join(installed, pkg.bin.docs2ts!), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it(
    '`npx docs2ts generate` writes the 32 models of the fixtures, and the output passes tsc --strict (TypeScript 5.9)',
    async () => {
      const result = run('npx', ['--no', 'docs2ts', 'generate', '--input', 'fixtures', '--out', 'generated', '--root', 'Task']);
      expect(result.stderr).not.toMatch(/\berror\b/);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/32 models → 34 files in generated/);
      const out = path.join(project, 'generated');
      expect(fs.readdirSync(out)).toContain('task.ts');
      // TypeScript 5.9 here (the other tests of generated code run TypeScript 7).
      expect(typecheck(out, undefined, { typescript: 5 })).toBe('');
      // The packed CLI writes what the sources generate.
      const { files } = await generate({ input: path.join(ROOT, 'fixtures'), roots: ['Task'] });
      for (const [name, text] of files!) expect(fs.readFileSync(path.join(out, name), 'utf8'), name).toBe(text);
    },
    TIMEOUT,
  );

  it.skipIf(!HAS_SHARED)(
    'with helper threads (DOCS2TS_PARALLEL_FROM=1) the packed CLI writes what the sources write in one thread',
    async () => {
      const input = path.join(SHARED, 'corpus', 'livepeer-ruby', 'docs', 'models');
      const result = spawnSync('npx', ['--no', 'docs2ts', 'generate', '--input', input, '--out', 'threaded'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', DOCS2TS_PARALLEL_FROM: '1' },
      });
      expect(result.stderr).not.toMatch(/\berror\b/);
      expect(result.status).toBe(0);
      const { files } = await generate({ input });
      expect(files!.size).toBeGreaterThan(150);
      for (const [name, text] of files!) expect(fs.readFileSync(path.join(project, 'threaded', name), 'utf8'), name).toBe(text);
    },
    TIMEOUT,
  );

  it(
    'a config file that fails to load is reported with its own error by the bundled bin',
    () => {
      const dir = path.join(project, 'config-error');
      fs.mkdirSync(dir, { recursive: true });
      fs.cpSync(path.join(ROOT, 'fixtures'), path.join(dir, 'docs'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'docs2ts.config.mjs'), "throw new Error('boom from the config');\n");
      const result = run('npx', ['--no', 'docs2ts', 'generate'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Cannot read the config: boom from the config');
      expect(fs.existsSync(path.join(dir, 'generated'))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'the programmatic API works from an ESM script (exports map, the schema subpath)',
    () => {
      fs.writeFileSync(
        path.join(project, 'api.mjs'),
        `import { createRequire } from 'node:module';
import fs from 'node:fs';
import { buildIR, check, generate, hasErrors, irSchema, IR_VERSION, parseDocs, renderGraph } from 'docs2ts';
const require = createRequire(import.meta.url);
const schemaFile = require.resolve('docs2ts/ir.schema.json');
const ir = buildIR({ input: 'fixtures', roots: ['Task'] });
const { files } = await generate({ input: 'fixtures', roots: ['Task'] });
const checked = await check({ input: 'fixtures', roots: ['Task'], out: 'generated' });
console.log(JSON.stringify({
  version: IR_VERSION,
  docs: parseDocs('fixtures').docs.length,
  models: ir.models.length,
  errors: hasErrors(ir.diagnostics),
  files: files.size,
  upToDate: checked.upToDate,
  stale: checked.stale,
  classes: (renderGraph(ir, 'mermaid').match(/^  class /gm) ?? []).length,
  schema: JSON.stringify(irSchema()) === JSON.stringify(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))),
}));
`,
      );
      const result = run(process.execPath, ['api.mjs']);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        version: 1,
        docs: 32,
        models: 32,
        errors: false,
        files: 34,
        upToDate: true,
        stale: [],
        classes: 32,
        schema: true,
      });
    },
    TIMEOUT,
  );

  it(
    'its declarations type-check a TypeScript consumer under --strict --module nodenext (TypeScript 5.9 and 7)',
    () => {
      const dir = path.join(project, 'consumer');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'use.ts'),
        `import { check, generate, renderGraph, type CheckResult, type GraphFormat, type IR } from 'docs2ts';
export async function run(format: GraphFormat): Promise<string> {
  const { ir, files }: { ir: IR; files: Map<string, string> | null } = await generate({ input: 'fixtures', roots: ['Task'], enumStyle: 'enum' });
  const result: CheckResult = await check({ input: 'fixtures', out: 'generated' });
  return renderGraph(ir, format) + String(files?.size) + String(result.upToDate);
}
`,
      );
      fs.writeFileSync(path.join(dir, 'bad.ts'), `import { renderGraph, type IR } from 'docs2ts';\nexport const x = (ir: IR) => renderGraph(ir, 'png');\n`);
      // One tsc run for both files per compiler (TypeScript 5.9 and 7), the declarations checked
      // too: use.ts is clean, bad.ts has its one error.
      for (const typescript of [5, 7] as const) {
        const errors = typecheck(dir, ['use.ts', 'bad.ts'], { libCheck: true, typescript })
          .split('\n')
          .filter((line) => line.includes('error TS'));
        expect(errors, `TypeScript ${typescript}`).toHaveLength(1);
        expect(errors[0], `TypeScript ${typescript}`).toMatch(/bad\.ts\(2,\d+\): error TS\d+: .*'"png"' is not assignable/);
      }
    },
    TIMEOUT,
  );

  it(
    '`docs2ts --help` and `--version` run the compiled bin without a TypeScript loader',
    () => {
      const bin = path.join(project, 'node_modules', '.bin', 'docs2ts');
      const help = run(bin, ['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: docs2ts \[options\] \[command\]/);
      for (const command of ['generate', 'check', 'ir']) expect(help.stdout).toContain(`  ${command} `);
      expect(run(bin, ['--version']).stdout.trim()).toBe(pkg.version);
      // `node <file without .js>`: node runs cli.js; the entry check must see that too.
      const script = path.join(project, 'node_modules', pkg.name, pkg.bin.docs2ts!.replace(/\.js$/, ''));
      expect(run(process.execPath, [script, '--version']).stdout.trim()).toBe(pkg.version);
    },
    TIMEOUT,
  );

  it(
    '`docs2ts check` on an unchanged output answers from the manifest: it loads neither ts-morph, prettier, cosmiconfig nor child_process',
    () => {
      expect(run('npx', ['--no', 'docs2ts', 'generate', '--input', 'fixtures', '--out', 'unchanged', '--root', 'Task']).code).toBe(0);
      // The Node built-ins it loaded are written at exit (process.moduleLoadList).
      fs.writeFileSync(
        path.join(project, 'check-register.mjs'),
        `import fs from 'node:fs';\nimport { register } from 'node:module';\nregister('./check-hooks.mjs', import.meta.url);\nprocess.on('exit', () => fs.writeFileSync(process.env.DOCS2TS_TRACE + '.builtins', process.moduleLoadList.join('\\n')));\n`,
      );
      fs.writeFileSync(
        path.join(project, 'check-hooks.mjs'),
        `import fs from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  fs.appendFileSync(process.env.DOCS2TS_TRACE, result.url + '\\n');\n  return result;\n}\n`,
      );
      const trace = path.join(project, 'check-trace.txt');
      const bin = path.join('node_modules', '.bin', 'docs2ts');
      const result = spawnSync(
        process.execPath,
        ['--import', './check-register.mjs', bin, 'check', '--input', 'fixtures', '--out', 'unchanged', '--root', 'Task'],
        {
          cwd: project,
          encoding: 'utf8',
          env: { ...process.env, NODE_OPTIONS: '', DOCS2TS_TRACE: trace },
        },
      );
      expect(result.status).toBe(0);
      const loaded = fs.readFileSync(trace, 'utf8').split('\n').filter(Boolean);
      expect(loaded.filter((url) => /\/node_modules\/(ts-morph|@ts-morph|typescript|prettier)\//.test(url))).toEqual([]);
      // The project's package.json has no `docs2ts` key and there is no config file: cosmiconfig (and
      // its YAML parser) is not loaded from the bundle either.
      const bundled = [...new Set(loaded)]
        .filter((url) => url.includes('/docs2ts/dist/bundle/'))
        .flatMap((url) => [...fs.readFileSync(new URL(url), 'utf8').matchAll(/^\/\/ \S*?node_modules\/(\S+)/gm)].map((m) => m[1]!));
      expect(bundled.filter((file) => /^(cosmiconfig|js-yaml)\//.test(file))).toEqual([]);
      // commander requires child_process for executable subcommands, which docs2ts has none of: the
      // bundle defers it to first use (it cost about 5 ms of every start-up).
      const builtins = fs.readFileSync(`${trace}.builtins`, 'utf8').split('\n');
      expect(builtins).toContain('NativeModule fs');
      expect(builtins.filter((m) => /child_process/.test(m))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    '`docs2ts --help` loads neither ts-morph, prettier, the Markdown parser nor cosmiconfig, from node_modules or in the bundle chunks it loads (lazy imports)',
    () => {
      fs.writeFileSync(path.join(project, 'trace-register.mjs'), `import { register } from 'node:module';\nregister('./trace-hooks.mjs', import.meta.url);\n`);
      fs.writeFileSync(
        path.join(project, 'trace-hooks.mjs'),
        `import fs from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  fs.appendFileSync(process.env.DOCS2TS_TRACE, result.url + '\\n');\n  return result;\n}\n`,
      );
      const trace = path.join(project, 'trace.txt');
      const result = spawnSync(process.execPath, ['--import', './trace-register.mjs', path.join('node_modules', '.bin', 'docs2ts'), '--help'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', DOCS2TS_TRACE: trace },
      });
      expect(result.status).toBe(0);
      const loaded = [...new Set(fs.readFileSync(trace, 'utf8').split('\n').filter(Boolean))];
      expect(loaded.some((url) => url.includes('/docs2ts/dist/bundle/cli.js'))).toBe(true);
      const HEAVY = /(ts-morph|@ts-morph|typescript|prettier|unified|remark-[^/]+|mdast-[^/]+|micromark[^/]*|vfile[^/]*|cosmiconfig|diff|chokidar)\//;
      expect(loaded.filter((url) => new RegExp(`/node_modules/${HEAVY.source}`).test(url))).toEqual([]);
      // The bundle's modules loaded: esbuild heads each bundled module with `// <path>/node_modules/<package>/<file>`.
      const bundled = loaded
        .filter((url) => url.includes('/docs2ts/dist/bundle/'))
        .flatMap((url) => [...fs.readFileSync(new URL(url), 'utf8').matchAll(/^\/\/ \S*?node_modules\/(\S+)/gm)].map((m) => m[1]!));
      expect(bundled.some((file) => file.startsWith('commander/'))).toBe(true);
      expect(bundled.filter((file) => new RegExp(`^${HEAVY.source}`).test(file))).toEqual([]);
    },
    TIMEOUT,
  );
});
