/**
 * The README's recipes run as written (issue #15 item 7): the ajv recipe for the JSON Schema
 * target, the pre-commit recipes without placeholders; the requirements the package declares.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from './helpers.js';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The code block after `<!-- recipe:name -->`. */
function recipe(name: string): string {
  const at = README.indexOf(`<!-- recipe:${name} -->`);
  expect(at, `README has no recipe:${name}`).toBeGreaterThan(-1);
  const match = /```\w*\n([\s\S]*?)\n```/.exec(README.slice(at));
  return match![1]!;
}

describe('README recipes', () => {
  it('the ajv recipe validates against the generated JSON Schema documents: valid values pass, invalid ones fail with ajv errors', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'gen');
    const r = await runCli(['generate', '--input', 'fixtures/models', '--out', out, '--root', 'Task', '--target', 'json-schema', '--no-format']);
    expect(r.code, r.stderr).toBe(0);
    // Beside the project's node_modules, so that `ajv` resolves as in a user's project.
    const cache = path.join(ROOT, 'node_modules/.cache/docs2ts-recipes');
    fs.mkdirSync(cache, { recursive: true });
    const script = path.join(cache, `validate-${process.pid}.mjs`);
    fs.writeFileSync(script, recipe('ajv'));
    try {
      const run = (json: string): { status: number | null; stdout: string } =>
        spawnSync(process.execPath, [script, path.join(out, 'schema'), 'task.schema.json', json], { encoding: 'utf8' });
      const valid = run('{"id": "09F8B46C-61A0-4254-9875-F71F4C605BC7", "type": "upload"}');
      expect(valid.stdout.trim()).toBe('valid');
      expect(valid.status).toBe(0);
      const invalid = run('{"id": 7, "type": "video"}');
      expect(invalid.status).toBe(1);
      const errors = JSON.parse(invalid.stdout) as { instancePath: string }[];
      expect(errors.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/id', '/type']));
    } finally {
      fs.rmSync(script, { force: true });
    }
  });

  it('the hook recipes have nothing to fill in (no <placeholder>)', () => {
    const recipes = README.slice(README.indexOf('### Recipes'), README.indexOf('### Exit codes'));
    expect(recipes.length).toBeGreaterThan(100);
    const blocks = [...recipes.matchAll(/```\w*\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) expect(block).not.toMatch(/<[a-z][\w-]*>/i);
  });
});

describe('declared requirements', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };

  it('zod 4 is an optional peer dependency, and the README says the zod target needs it', () => {
    expect(pkg.peerDependencies?.zod).toBe('^4');
    expect(pkg.peerDependenciesMeta?.zod?.optional).toBe(true);
    expect(README).toMatch(/`zod`: needs \*\*zod 4\*\*/);
  });

  it('packed tarballs are ignored by git', () => {
    expect(execFileSync('git', ['check-ignore', 'docs2ts-0.1.0.tgz'], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe('docs2ts-0.1.0.tgz');
  });
});
