/**
 * Issue 13, "every real tree generates on the first try": `.mdx` docs with front matter, files and
 * sections that are not models, links repaired by file name or heading, unlinked names by
 * namespace folder, rooted runs that read only what they reach, and the summary line of a failed run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocSource } from '../src/core/doc-source.js';
import { buildModel } from '../src/model/build.js';
import { RULES } from '../src/core/diagnostics.js';
import { go } from '../src/notation/go.js';
import { ruby } from '../src/notation/ruby.js';
import { typescript } from '../src/notation/typescript.js';
import { parseDoc } from '../src/parse/doc.js';
import { memoryDocSource } from '../src/parse/files.js';
import { listDocs } from '../src/parse/list.js';
import { readFrontMatter, scanModels } from '../src/parse/scan.js';
import { normalizeSource } from '../src/parse/source.js';
import { HAS_SHARED, ROOT, runCli, SHARED, tmpDir, writeDocs } from './helpers.js';

const table = (rows: string[]): string => ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
const doc = (title: string, rows: string[]): string => `# ${title}\n\n## Fields\n\n${table(rows)}\n`;
const row = (name: string, type: string): string => `| \`${name}\` | ${type} | :heavy_check_mark: | N/A |`;
const STR = row('id', '*string*');
const RSTR = row('id', '*::String*');

const errorsOf = (ir: { diagnostics: { severity: string; ruleId: string }[] }): string[] =>
  ir.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);

describe('.mdx docs with a front-matter title', () => {
  const mdx = `---\ntitle: "Pet"\ndescription: a pet\n---\n\nA pet of the store.\n\n## Fields\n\n${table([STR])}\n`;

  it('read like .md: the title, the description, the fields, positions in the file', () => {
    const { docs, diagnostics } = parseDoc(mdx, 'pet.mdx');
    expect(diagnostics).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ id: 'pet.mdx', title: 'Pet', titlePosition: { line: 2, column: 1 }, description: 'A pet of the store.', kind: 'fields' });
    expect(docs[0]!.fields[0]).toMatchObject({ name: 'id', position: { line: 12, column: 1 } });
  });

  it('are listed, linked to and found by name', async () => {
    const dir = tmpDir();
    writeDocs(dir, {
      'pet.mdx': mdx,
      'owner.mdx': `---\ntitle: Owner\n---\n\n## Fields\n\n${table([row('pet', '[models.Pet](./pet.mdx)'), row('other', 'models.Pet')])}\n`,
    });
    expect(listDocs(dir).files).toEqual(['owner.mdx', 'pet.mdx']);
    const out = path.join(dir, 'out');
    const result = await runCli(['ir', '--input', dir, '--root', 'Owner', '--notation', 'typescript', '--format', 'json'], ROOT);
    expect(result.code).toBe(0);
    const ir = JSON.parse(result.stdout) as { models: { id: string; fields?: { type: unknown }[] }[] };
    expect(ir.models.map((m) => m.id)).toEqual(['owner.mdx', 'pet.mdx']);
    expect(ir.models[0]!.fields!.map((f) => f.type)).toEqual([
      { kind: 'ref', model: 'pet.mdx' },
      { kind: 'ref', model: 'pet.mdx' },
    ]);
    expect((await runCli(['generate', '--input', dir, '--out', out], ROOT)).code).toBe(0);
    expect(fs.readdirSync(out)).toContain('pet.ts');
  });

  it('front matter: quoted, bare and commented titles; unclosed is no front matter', () => {
    expect(readFrontMatter("---\ntitle: 'It''s'\n---\n")?.title).toBe("It's");
    expect(readFrontMatter('---\nid: 3\ntitle: Pet # the pet\n---\nbody')).toEqual({ title: 'Pet', titleLine: 3, end: 35 });
    expect(readFrontMatter('---\ntitle: Pet\n')).toBeNull();
    expect(readFrontMatter('# Pet\n---\n')).toBeNull();
  });
});

describe('files and sections that are not models', () => {
  it('a file with no heading, and unknown sections holding odd tables, are never an error', () => {
    const source = memoryDocSource({
      'utils/notes.md': 'Notes for the SDK.\n\n## Fields\n\n| a | b |\n| c | d |\n',
      'pet.md': `${doc('Pet', [STR])}\n## Notes\n\n| a | b |\n| c |\n\n### Something else\n\n| x |\n| - |\n| 1 |\n`,
    });
    const ir = buildModel(source, { roots: [], notation: typescript });
    expect(errorsOf(ir)).toEqual([]);
    expect(ir.models.map((m) => m.id)).toEqual(['pet.md']);
    expect(ir.diagnostics.find((d) => d.ruleId === 'not-a-model')).toMatchObject({ severity: 'info', file: 'utils/notes.md' });
  });
});

describe('link-repaired: a link to a doc that does not exist', () => {
  const user = (target: string): string => doc('User', [row('object', `[Models::Components::UserObject](${target})`)]);

  it('names the one doc with that file name: a warning, the link reads as that doc', () => {
    const ir = buildModel(
      memoryDocSource({ 'components/user.md': user('../../models/shared/userobject.md'), 'components/userobject.md': doc('UserObject', [RSTR]) }),
      { roots: [], notation: ruby },
    );
    expect(errorsOf(ir)).toEqual([]);
    const d = ir.diagnostics.find((x) => x.ruleId === 'link-repaired');
    expect(d).toMatchObject({ severity: 'warning', file: 'components/user.md', hint: 'Link to `userobject.md`.' });
    expect(d!.message).toContain('components/userobject.md');
    expect(ir.models.find((m) => m.id === 'components/user.md')).toMatchObject({ fields: [{ type: { kind: 'ref', model: 'components/userobject.md' } }] });
  });

  it('failing a file name, names the one doc with that heading', () => {
    const ir = buildModel(memoryDocSource({ 'components/user.md': user('../shared/userobject.md'), 'components/user_object.md': doc('User Object', [RSTR]) }), {
      roots: [],
      notation: ruby,
    });
    expect(errorsOf(ir)).toEqual([]);
    expect(ir.diagnostics.find((x) => x.ruleId === 'link-repaired')!.message).toContain('the doc with that heading');
  });

  it('several docs: the preferred one (the folder the link names, then schema namespaces), else an error listing them', () => {
    const two = {
      'components/user.md': user('../shared/userobject.md'),
      'shared/sub/userobject.md': doc('UserObject', [RSTR]),
      'operations/userobject.md': doc('UserObject', [RSTR]),
    };
    const ir = buildModel(memoryDocSource(two), { roots: ['components/user.md'], notation: ruby });
    expect(ir.models.find((m) => m.id === 'components/user.md')).toMatchObject({ fields: [{ type: { model: 'shared/sub/userobject.md' } }] });
    const ambiguous = buildModel(
      memoryDocSource({
        'components/user.md': user('../x/userobject.md'),
        'a/userobject.md': doc('UserObject', [RSTR]),
        'b/userobject.md': doc('UserObject', [RSTR]),
      }),
      {
        roots: ['components/user.md'],
        notation: ruby,
        allowBrokenLinks: true,
      },
    );
    const d = ambiguous.diagnostics.find((x) => x.ruleId === 'link-ambiguous');
    expect(d).toMatchObject({ severity: 'error' });
    expect(d!.message).toContain('a/userobject.md, b/userobject.md');
  });

  it('a link that matches nothing stays link-missing (a warning with allowBrokenLinks), also in a scalar link', () => {
    const docs = {
      'components/user.md': doc('User', [row('a', '[Models::Components::Gone](../shared/gone.md)'), row('b', '[String](../shared/stringdoc.md)')]),
      'components/stringdoc.md': doc('StringDoc', [RSTR]),
    };
    const strict = buildModel(memoryDocSource(docs), { roots: [], notation: ruby });
    expect(errorsOf(strict)).toEqual(['link-missing']);
    expect(strict.diagnostics.find((x) => x.ruleId === 'link-missing')!.hint).toContain('--allow-broken-links');
    expect(strict.diagnostics.filter((x) => x.ruleId === 'link-repaired')).toHaveLength(1);
    const relaxed = buildModel(memoryDocSource(docs), { roots: [], notation: ruby, allowBrokenLinks: true });
    expect(errorsOf(relaxed)).toEqual([]);
  });
});

describe('unlinked model names', () => {
  const docs = {
    'components/response.md': doc('Response', [row('error', 'errors.Error'), row('other', 'Thing')]),
    'components/error.md': doc('Error', [STR]),
    'errors/error.md': doc('Error', [row('code', '*number*')]),
    'a/thing.md': doc('Thing', [STR]),
    'b/thing.md': doc('Thing', [STR]),
  };

  it("prefer the folder the namespace names over the referencing doc's folder; ambiguous names list the candidates", () => {
    const ir = buildModel(memoryDocSource(docs), { roots: ['components/response.md'], notation: typescript });
    const response = ir.models.find((m) => m.id === 'components/response.md');
    expect(response).toMatchObject({
      fields: [
        { name: 'error', type: { kind: 'ref', model: 'errors/error.md' } },
        { name: 'other', type: { kind: 'primitive', type: 'unknown' } },
      ],
    });
    const d = ir.diagnostics.find((x) => x.ruleId === 'ref-ambiguous');
    expect(d).toMatchObject({ severity: 'error', file: 'components/response.md' });
    expect(d!.message).toContain('a/thing.md, b/thing.md');
  });

  it('Ruby `::OpenApiSDK::Operations::X` and PHP `Components\\X` prefer their folder too', () => {
    const ir = buildModel(
      memoryDocSource({
        'shared/r.md': doc('R', [row('x', '::OpenApiSDK::Operations::Error')]),
        'operations/error.md': doc('Error', [RSTR]),
        'shared/error.md': doc('Error', [RSTR]),
      }),
      {
        roots: ['shared/r.md'],
        notation: ruby,
      },
    );
    expect(ir.models.find((m) => m.id === 'shared/r.md')).toMatchObject({ fields: [{ type: { kind: 'ref', model: 'operations/error.md' } }] });
  });
});

describe('rooted runs read only what their roots reach', () => {
  /** A memory source that records which docs are parsed. */
  const counting = (docs: Record<string, string>): { source: DocSource; loaded: Set<string> } => {
    const inner = memoryDocSource(docs);
    const loaded = new Set<string>();
    return {
      loaded,
      source: { ...inner, scan: inner.scan!.bind(inner), load: (file) => (loaded.add(file), inner.load(file)) },
    };
  };
  const docs: Record<string, string> = {
    'shared/pet.md': doc('Pet', [row('owner', '[shared.Owner](./owner.md)'), row('tag', 'shared.Tag')]),
    'shared/owner.md': doc('Owner', [STR]),
    'shared/tag.md': doc('Tag', [STR]),
    'shared/broken.md': doc('Broken', [row('x', '[shared.Gone](./gone.md)'), '| `y` | *string* | maybe | N/A |']),
  };
  for (let i = 0; i < 50; i++) docs[`shared/other${i}.md`] = doc(`Other${i}`, [STR]);

  it('a root by name parses its closure only, and errors elsewhere do not stop it', () => {
    const { source, loaded } = counting(docs);
    const ir = buildModel(source, { roots: ['Pet'] });
    expect(errorsOf(ir)).toEqual([]);
    expect(ir.models.map((m) => m.id)).toEqual(['shared/owner.md', 'shared/pet.md', 'shared/tag.md']);
    expect([...loaded].sort()).toEqual(['shared/owner.md', 'shared/pet.md', 'shared/tag.md']);
  });

  it('the same run from the CLI exits 0; the whole tree fails with a summary that says where and what next', async () => {
    const dir = tmpDir();
    writeDocs(dir, docs);
    expect((await runCli(['generate', '--input', dir, '--out', path.join(dir, 'out'), '--root', 'Pet'], ROOT)).code).toBe(0);
    const whole = await runCli(['generate', '--input', dir, '--out', path.join(dir, 'out2')], ROOT);
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain('nothing written: 2 errors in 1 doc (link-missing 1, required-cell 1); fix the errors above, or pass --root <Model>');
  });

  it('when every error is a broken link, the next step is --allow-broken-links', async () => {
    const dir = tmpDir();
    writeDocs(dir, {
      'a.md': doc('A', [row('x', '[shared.Gone](./gone.md)'), row('y', 'shared.Missing')]),
      'b.md': doc('B', [row('x', '[shared.Gone](./gone.md)')]),
    });
    const result = await runCli(['generate', '--input', dir, '--out', path.join(dir, 'out'), '--notation', 'typescript'], ROOT);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'nothing written: 3 errors in 2 docs (link-missing 2, ref-unresolved 1); every one is a link or name that matches no doc: pass --allow-broken-links',
    );
    expect((await runCli(['generate', '--input', dir, '--out', path.join(dir, 'out'), '--notation', 'typescript', '--allow-broken-links'], ROOT)).code).toBe(0);
  });
});

describe('the heading scan', () => {
  it('reads titles as the parser does: fences, comments, setext, front matter, further models, markup', () => {
    const cases: Record<string, string> = {
      'a.md': '```\n# Not\n```\n<!--\n# Hidden\n-->\n# ~~`Pet`~~ \\* x\n\n## Fields\n',
      'b.md': 'Title here\n===\n\n## Sub\n\n### Fields\n\n## Sub\n\n### Values\n\n## Example Usage\n\n### Fields\n',
      'c.md': '---\ntitle: Front\n---\n\nNo heading.\n',
      'd.md': 'Just text.\n\n## Fields\n',
      'e.md': '    # indented code\n\n# **Strong** [Link](x.md) #\n',
      'g.md': '<!--\nhidden -->\n===\n\n```\nx\n```\n===\n\n<!-- c -->\n===\n\n  Real\n  ===\n',
      'h.md': '~~~\n# no\n   ~~~\n\n# Yes\n\n```js\n## no\n````\n',
    };
    for (const [file, text] of Object.entries(cases)) {
      const parsed = parseDoc(text, file).docs.map((d) => ({ id: d.id, title: d.title }));
      expect(scanModels(normalizeSource(text), file).map(({ id, title }) => ({ id, title }))).toEqual(parsed);
    }
    expect(scanModels('# *Pet*\n', 'f.md')[0]!.uncertain).toBe(true);
  });

  it.skipIf(!HAS_SHARED)('agrees with the parser on every doc of a corpus tree', () => {
    let count = 0;
    for (const tree of ['livepeer-ruby']) {
      const dir = path.join(SHARED, 'corpus', tree);
      for (const file of listDocs(dir).files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const scanned = scanModels(normalizeSource(text), file);
        if (scanned.some((m) => m.uncertain)) continue;
        expect(
          scanned.map(({ id, title }) => ({ id, title })),
          `${tree}/${file}`,
        ).toEqual(parseDoc(text, file).docs.map((d) => ({ id: d.id, title: d.title })));
        count++;
      }
    }
    expect(count).toBeGreaterThan(150);
  });
});

describe('rule registry', () => {
  it('lists every rule id the sources report', () => {
    const ids = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const text = fs.readFileSync(p, 'utf8');
          for (const m of text.matchAll(/diagnostic\(\s*(?:[^,()]|\([^()]*\))+?,\s*'([a-z-]+)'/g)) ids.add(m[1]!);
          for (const m of text.matchAll(/(?:ruleId: |fail\(|problem\()'([a-z-]+)'/g)) ids.add(m[1]!);
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(ids.size).toBeGreaterThan(40);
    expect([...ids].filter((id) => !(id in RULES))).toEqual([]);
  });
});

describe('date types linked to their own pages', () => {
  it('the scalar wins over a link to a doc the input does not hold, whatever folder --input names', () => {
    const cells = [
      row('born', '[types.Date](../../types/date.md)'),
      row('seen', '[*types.Date](../../types/date.md)'),
      row('name', '[string](../../types/nothing.md)'),
    ];
    // The input is the docs/ folder: `../../types/date.md` from `models/shared/` lies inside it, missing.
    const ir = buildModel(memoryDocSource({ 'models/shared/pet.md': doc('Pet', cells) }), { roots: [], notation: go });
    const pet = ir.models.find((m) => m.name === 'Pet');
    expect(pet && pet.kind === 'object' ? pet.fields.map((f) => [f.name, JSON.stringify(f.type)]) : []).toEqual([
      ['born', '{"kind":"primitive","type":"date"}'],
      ['seen', '{"kind":"primitive","type":"date"}'],
      ['name', '{"kind":"primitive","type":"string"}'],
    ]);
    // A date page is no model doc the input lacks; any other scalar's link to a missing doc still is.
    expect(ir.diagnostics.filter((d) => d.ruleId === 'link-missing').map((d) => d.line)).toEqual([9]);
  });
});
