/** The CLI contract: commands, config, exit codes, all-or-nothing output, determinism. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../src/write.js';
import { readTree, ROOT, runCli, tmpDir, writeDocs } from './helpers.js';

const good = {
  'models/shared/a.md':
    '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `b` | [Shared::B](../../models/shared/b.md) | :heavy_check_mark: | N/A |',
  'models/shared/b.md': '# B\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `X` | x |',
};
const broken = {
  'models/shared/a.md':
    '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `b` | [Shared::B](../../models/shared/missing.md) | :heavy_check_mark: | N/A |\n| `c` | *Strin* | :heavy_check_mark: | N/A |',
};

describe('docs2ts generate', () => {
  it('the default run (docs2ts.config.json) reproduces the committed generated/ byte for byte', async () => {
    const out = tmpDir();
    const result = await runCli(['generate', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/32 models → 34 files/);
    // The manifest's input hash makes an unchanged run answer at once; --force rebuilds anyway.
    expect((await runCli(['generate', '--out', out, '--force'])).stdout).toMatch(/32 models → 34 files/);
    expect(readTree(out)).toEqual(readTree(path.join(ROOT, 'generated')));
  });

  it('writes all files, a manifest, and is deterministic', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    const out = path.join(dir, 'out');
    expect((await runCli(['generate', '-i', dir, '-o', out, '--root', 'A'], dir)).code).toBe(0);
    const first = readTree(out);
    expect([...first.keys()].sort()).toEqual([MANIFEST_FILE, '_runtime.ts', 'a.ts', 'b.ts', 'index.ts']);
    expect((await runCli(['generate', '-i', dir, '-o', out, '--root', 'A'], dir)).code).toBe(0);
    expect(readTree(out)).toEqual(first);
  });

  it('on error diagnostics exits 1, prints file:line:column with rule ids, and leaves the output untouched', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    const out = path.join(dir, 'out');
    expect((await runCli(['generate', '-i', dir, '-o', out], dir)).code).toBe(0);
    fs.writeFileSync(path.join(out, 'user-notes.txt'), 'mine');
    const before = readTree(out);
    writeDocs(dir, broken);
    const result = await runCli(['generate', '-i', dir, '-o', out], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(path.join('models', 'shared', 'a.md'));
    expect(result.stderr).toMatch(/7:10\s+error\s+Link target .*missing\.md.*link-missing/);
    expect(result.stderr).toMatch(/8:10\s+error\s+Cannot read Type `\*Strin\*`.*notation-unknown/);
    expect(readTree(out)).toEqual(before);
    // Nothing is created when there was no output before.
    const fresh = path.join(dir, 'fresh');
    expect((await runCli(['generate', '-i', dir, '-o', fresh], dir)).code).toBe(1);
    expect(fs.existsSync(fresh)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['models', 'out']);
  });

  it('keeps files it did not write and removes generated files that are no longer generated', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    const out = path.join(dir, 'out');
    expect((await runCli(['generate', '-i', dir, '-o', out], dir)).code).toBe(0);
    fs.writeFileSync(path.join(out, 'keep.md'), 'mine');
    fs.rmSync(path.join(dir, 'models/shared/a.md'));
    expect((await runCli(['generate', '-i', dir, '-o', out], dir)).code).toBe(0);
    const tree = readTree(out);
    expect(tree.get('keep.md')).toBe('mine');
    expect(tree.has('a.ts')).toBe(false);
    expect(tree.has('b.ts')).toBe(true);
  });

  it('refuses to replace a non-empty folder it did not write (exit 1, untouched)', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    writeDocs(dir, { 'src/main.ts': 'export {};' });
    const result = await runCli(['generate', '-i', dir, '-o', path.join(dir, 'src')], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not written by docs2ts/);
    expect(readTree(path.join(dir, 'src'))).toEqual(new Map([['main.ts', 'export {};']]));
  });

  it.each([
    [['generate', '--bogus']],
    [['frobnicate']],
    [['generate', '-i', 'does-not-exist', '-o', 'x']],
    [['generate', '--notation', 'cobol', '-i', '.', '-o', 'x']],
    [[]],
  ])('usage errors exit 2: %j', async (args) => {
    const dir = tmpDir();
    expect((await runCli(args, dir)).code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reads docs2ts.config.json (paths relative to it); flags win; bad keys are usage errors', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ input: '.', out: 'gen', roots: ['B'] }));
    expect((await runCli(['generate'], dir)).code).toBe(0);
    expect([...readTree(path.join(dir, 'gen')).keys()]).toContain('b.ts');
    expect([...readTree(path.join(dir, 'gen')).keys()]).not.toContain('a.ts');
    expect((await runCli(['generate', '--root', 'A'], dir)).code).toBe(0);
    expect([...readTree(path.join(dir, 'gen')).keys()]).toContain('a.ts');
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ input: '.', outt: 'gen' }));
    const bad = await runCli(['generate'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/docs2ts\.config\.json: unknown key `outt`/);
  });

  it('finds the config where cosmiconfig does: the first of docs2ts.config.{json,js,mjs,ts}, else a `docs2ts` key in package.json', async () => {
    const { loadConfig } = await import('../src/config.js');
    const dir = tmpDir();
    // No candidate file, then a package.json without the key: no config.
    expect(await loadConfig(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
    expect(await loadConfig(dir)).toBeNull();
    // The key in package.json (read by cosmiconfig) ...
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', docs2ts: { out: 'from-package' } }));
    expect(await loadConfig(dir)).toEqual({ config: { out: path.join(dir, 'from-package') }, file: path.join(dir, 'package.json') });
    // ... loses to a config file, JSON (read without cosmiconfig) or ES module.
    fs.writeFileSync(path.join(dir, 'docs2ts.config.mjs'), "export default { out: 'from-mjs' };\n");
    expect((await loadConfig(dir))?.config).toEqual({ out: path.join(dir, 'from-mjs') });
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ out: 'from-json' }));
    expect(await loadConfig(dir)).toEqual({ config: { out: path.join(dir, 'from-json') }, file: path.join(dir, 'docs2ts.config.json') });
    expect((await loadConfig(dir, 'docs2ts.config.mjs'))?.config).toEqual({ out: path.join(dir, 'from-mjs') });
    // JSON that does not parse: cosmiconfig's message, with where.
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), '{"out": "x",\n}\n');
    await expect(loadConfig(dir)).rejects.toThrow(/Cannot read the config: JSON Error in .*docs2ts\.config\.json/);
    await expect(loadConfig(dir, 'docs2ts.config.json')).rejects.toThrow(/Cannot read the config `docs2ts.config.json`: JSON Error/);
    // A config that imports another (cosmiconfig's `$import`), and `--config package.json`: its key.
    fs.writeFileSync(path.join(dir, 'base.json'), JSON.stringify({ out: 'from-base' }));
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ $import: 'base.json', roots: ['A'] }));
    expect((await loadConfig(dir))?.config).toEqual({ out: path.join(dir, 'from-base'), roots: ['A'] });
    expect((await loadConfig(dir, 'package.json'))?.config).toEqual({ out: path.join(dir, 'from-package') });
    // An empty file is passed over, as cosmiconfig does: the next one is read.
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), '');
    expect((await loadConfig(dir))?.file).toBe(path.join(dir, 'docs2ts.config.mjs'));
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli(['generate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--root/);
    expect(help.stdout).toMatch(/--no-format/);
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('sets up only the command it runs, and every command for --help and help <command>', async () => {
    // The top-level help lists every command with its options; `help <command>` gives that command's help.
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['generate', 'check', 'ir', 'graph', 'explain']) expect(top.stdout).toMatch(new RegExp(`^  ${name} \\[options\\]`, 'm'));
    const help = await runCli(['help', 'graph']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/mermaid \(classDiagram\)/);
    // A command's own options still parse, and another command's are refused as before.
    expect((await runCli(['check', '--diff', '--help'])).stdout).toMatch(/--diff/);
    const wrong = await runCli(['ir', '--diff']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown option '--diff'/);
    // An unknown command is still told apart from the known ones.
    const unknown = await runCli(['chek']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Did you mean check\?/);
  });

  it('--no-format writes unformatted files, keeps --format json for the diagnostics, and the fix command repeats it', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    const json = await runCli(['generate', '--input', '.', '--out', 'gen', '--root', 'B', '--no-format', '--format', 'json'], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 3 });
    const raw = readTree(path.join(dir, 'gen'));
    expect((await runCli(['generate', '--input', '.', '--out', 'formatted', '--root', 'B'], dir)).code).toBe(0);
    expect(readTree(path.join(dir, 'formatted')).get('b.ts')).not.toBe(raw.get('b.ts'));
    fs.appendFileSync(path.join(dir, 'models/shared/b.md'), '\n| `Y` | y |');
    const stale = await runCli(['check', '--input', '.', '--out', 'gen', '--root', 'B', '--no-format'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('npx docs2ts generate --input . --out gen --root B --no-format');
  });
});

describe('docs2ts ir', () => {
  it('prints {version, roots, models, diagnostics} as JSON', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    const result = await runCli(['ir', '-i', dir, '-r', 'models/shared/a.md'], dir);
    expect(result.code).toBe(0);
    const ir = JSON.parse(result.stdout);
    expect(Object.keys(ir)).toEqual(['version', 'roots', 'models', 'diagnostics']);
    expect(ir.models.map((m: { tsName: string; kind: string }) => [m.tsName, m.kind])).toEqual([
      ['A', 'object'],
      ['B', 'enum'],
    ]);
  });

  it('exits 1 and still prints the IR with its diagnostics when the docs have errors', async () => {
    const dir = tmpDir();
    writeDocs(dir, broken);
    const result = await runCli(['ir', '-i', dir], dir);
    expect(result.code).toBe(1);
    expect(
      JSON.parse(result.stdout)
        .diagnostics.filter((d: { severity: string }) => d.severity !== 'info')
        .map((d: { ruleId: string }) => d.ruleId),
    ).toEqual(['link-missing', 'notation-unknown']);
  });
});

describe("docs2ts generate: the output folder is the user's too", () => {
  it('writes through a symbolic link to a folder, and refuses a dangling one (exit 1)', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    fs.mkdirSync(path.join(dir, 'real'));
    fs.symlinkSync('real', path.join(dir, 'link'));
    expect((await runCli(['generate', '-i', 'models', '-o', 'link'], dir)).code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(dir, 'real', 'a.ts'))).toBe(true);
    fs.symlinkSync('nowhere', path.join(dir, 'dangling'));
    const dangling = await runCli(['generate', '-i', 'models', '-o', 'dangling'], dir);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).toMatch(/symbolic link/);
  });

  it("moves the user's entries over untouched (same inode, links stay relative) and refuses to overwrite their files", async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    const out = path.join(dir, 'out');
    expect((await runCli(['generate', '-i', 'models', '-o', 'out'], dir)).code).toBe(0);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    fs.symlinkSync('notes.txt', path.join(out, 'rel'));
    const inode = fs.statSync(path.join(out, 'notes.txt')).ino;
    expect((await runCli(['generate', '-i', 'models', '-o', 'out'], dir)).code).toBe(0);
    expect(fs.statSync(path.join(out, 'notes.txt')).ino).toBe(inode);
    expect(fs.readlinkSync(path.join(out, 'rel'))).toBe('notes.txt');
    // A file of the user's where a generated file would go: refused, nothing changes.
    fs.rmSync(path.join(out, 'a.ts'));
    fs.writeFileSync(path.join(out, 'a.ts'), '// my own');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as { files: string[] };
    fs.writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify({ generator: 'docs2ts', files: manifest.files.filter((f) => f !== 'a.ts') }));
    const before = readTree(out);
    const clash = await runCli(['generate', '-i', 'models', '-o', 'out'], dir);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/`a\.ts`, not written by docs2ts/);
    expect(readTree(out)).toEqual(before);
  });

  it('an --out the file system refuses is exit 1 with a message, not a crash', async () => {
    const dir = tmpDir();
    writeDocs(dir, good);
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    const result = await runCli(['generate', '-i', 'models', '-o', 'file/sub'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/docs2ts: Cannot create the output folder/);
  });

  it.each(['constructor', 'toString', '__proto__'])('config key %s is unknown (exit 2)', async (key) => {
    const dir = tmpDir();
    writeDocs(dir, good);
    fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), `{"input": "models", "out": "o", "${key}": "x"}`);
    const result = await runCli(['generate'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`unknown key \`${key}\``));
  });
});
