import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/build.js';
import { resolveLink } from '../src/model/links.js';
import { assignTypeNames, enumMemberNames, isReservedTypeName, nameWords, pascalIdentifier } from '../src/model/naming.js';
import { caseName } from '../src/model/overrides.js';
import type { ObjectModel } from '../src/core/ir.js';
import { getNotation } from '../src/notation/index.js';
import { ruby } from '../src/notation/ruby.js';
import { memoryDocSource } from '../src/parse/files.js';

const table = (rows: string[]): string => ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
const doc = (title: string, rows: string[]): string => `# ${title}\n\n## Fields\n\n${table(rows)}`;
const link = (name: string, file: string, nilable = false): string =>
  `[${nilable ? `T.nilable(Shared::${name})` : `Shared::${name}`}](../../models/shared/${file})`;

describe('resolveLink', () => {
  const files = new Set(['shared/a.md', 'shared/b.md', 'operations/a.md']);
  const exists = (id: string): boolean => files.has(id);
  const isFolder = (id: string): boolean => id === 'shared' || id === 'operations';
  const root = '/repo/docs/models';

  it('resolves relative to the doc, also through the input folder itself', () => {
    expect(resolveLink(root, 'shared/a.md', 'b.md', exists, isFolder)).toEqual({ id: 'shared/b.md', fragment: null, problems: [] });
    expect(resolveLink(root, 'shared/a.md', '../../models/shared/b.md', exists, isFolder)).toEqual({ id: 'shared/b.md', fragment: null, problems: [] });
    expect(resolveLink(root, 'shared/a.md', '../operations/a.md', exists, isFolder).id).toBe('operations/a.md');
  });

  it.each([
    ['missing.md', 'link-missing'],
    ['../../../outside.md', 'link-outside'],
    ['../../other/shared/b.md', 'link-outside'],
    ['/abs/b.md', 'link-absolute'],
    ['https://example.com/b.md', 'link-external'],
    ['../shared/', 'link-folder'],
    ['..', 'link-folder'],
  ])('rejects %s as %s', (target, rule) => {
    const result = resolveLink(root, 'shared/a.md', target, exists, isFolder);
    expect(result.id).toBeNull();
    expect(result.problems.at(-1)).toMatchObject({ severity: 'error', ruleId: rule });
  });

  it('tolerates backslashes with a warning and returns the fragment; a bare #anchor is the doc itself', () => {
    const result = resolveLink(root, 'shared/a.md', '..\\shared\\b.md#top', exists, isFolder);
    expect(result.id).toBe('shared/b.md');
    expect(result.fragment).toBe('top');
    expect(result.problems.map((p) => [p.severity, p.ruleId])).toEqual([['warning', 'link-backslash']]);
    expect(resolveLink(root, 'shared/a.md', '#backoff', exists, isFolder)).toEqual({ id: 'shared/a.md', fragment: 'backoff', problems: [] });
  });
});

describe('buildModel', () => {
  const docs = {
    'shared/task.md': doc('Task', [
      `| \`status\` | ${link('Status', 'status.md')} | :heavy_check_mark: | N/A |`,
      `| \`parent\` | ${link('Task', 'task.md', true)} | :heavy_minus_sign: | Self reference |`,
      '| `note` | *T.nilable(String)* | :heavy_check_mark: | required but nilable |',
      '| `tags` | T::Array<*T.nilable(String)*> | :heavy_minus_sign: | nested nilable |',
      '| `raw` | [Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response) | :heavy_minus_sign: | transport |',
    ]),
    'shared/status.md': doc('Status', [
      `| \`phase\` | ${link('Phase', 'phase.md')} | :heavy_check_mark: | N/A |`,
      `| \`task\` | ${link('Task', 'task.md', true)} | :heavy_minus_sign: | cycle |`,
    ]),
    'shared/phase.md': '# Phase\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | a |\n| `B` | b |',
    'shared/unrelated.md': doc('Unrelated', ['| `x` | *Nope* | :heavy_check_mark: | broken but not reached |']),
    'operations/task.md': doc('Task', ['| `id` | *String* | :heavy_check_mark: | N/A |']),
    'shared/record.md': doc('Record', ['| `id` | *String* | :heavy_check_mark: | N/A |']),
    'shared/codes.md': '# Codes\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `OK` | 200 |\n| `NOT_FOUND` | 404 |',
  };
  const source = memoryDocSource(docs);

  it('takes the closure of a root, cycles included, and only its diagnostics', () => {
    const ir = buildModel(source, { notation: ruby, roots: ['Task'] });
    expect(ir.models.map((m) => m.id)).toEqual(['shared/phase.md', 'shared/status.md', 'shared/task.md']);
    expect(ir.roots).toEqual(['shared/task.md']);
    expect(ir.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([
      // Task's optional fields (Ruby cannot mark null on them); nothing of shared/unrelated.md.
      ['warning', 'nullable-optionals-unset'],
      ['warning', 'root-ambiguous'],
      ['info', 'nullable-inferred'],
      ['info', 'transport-field'],
    ]);
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
  });

  it('applies nilable: optional means may be absent, required means may be null; nested is a union with null', () => {
    const ir = buildModel(source, { notation: ruby, roots: ['shared/task.md'] });
    const task = ir.models.find((m) => m.id === 'shared/task.md') as ObjectModel;
    expect(task.fields.map((f) => [f.name, f.required, f.nullable])).toEqual([
      ['status', true, false],
      ['parent', false, false],
      ['note', true, true],
      ['tags', false, false],
    ]);
    expect(task.fields[1]!.type).toEqual({ kind: 'ref', model: 'shared/task.md' });
    expect(task.fields[3]!.type).toEqual({
      kind: 'array',
      items: {
        kind: 'union',
        members: [
          { kind: 'primitive', type: 'string' },
          { kind: 'literal', value: null },
        ],
      },
    });
  });

  it('reports an unreadable Type cell at its line and column', () => {
    const ir = buildModel(source, { notation: ruby, roots: ['shared/unrelated.md'] });
    expect(ir.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'notation-unknown', file: 'shared/unrelated.md', line: 7, column: 10 }),
    ]);
  });

  it('names models uniquely and never after a global; reads all-number enums as numbers', () => {
    const ir = buildModel(source, { notation: ruby, roots: [] });
    const names = Object.fromEntries(ir.models.map((m) => [m.id, m.tsName]));
    expect(names['shared/task.md']).toBe('Task');
    expect(names['operations/task.md']).toBe('OperationsTask');
    expect(names['shared/record.md']).toBe('RecordModel');
    const codes = ir.models.find((m) => m.id === 'shared/codes.md');
    expect(codes).toMatchObject({ kind: 'enum', valueType: 'number', values: [{ value: 200 }, { value: 404 }] });
  });

  it('reports roots that name nothing or too much', () => {
    const ambiguous = memoryDocSource({ 'a/x.md': doc('X', []), 'b/x.md': doc('X', []) });
    expect(buildModel(ambiguous, { notation: ruby, roots: ['X'] }).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'root-ambiguous' }),
    ]);
    expect(buildModel(ambiguous, { notation: ruby, roots: ['Y'] }).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'root-missing' }),
    ]);
    expect(buildModel(ambiguous, { notation: ruby, roots: ['a/x.md'] }).models.map((m) => m.tsName)).toEqual(['X']);
  });

  it('reports a broken link at the name inside the Type cell', () => {
    const broken = memoryDocSource({ 'shared/a.md': doc('A', [`| \`b\` | ${link('B', 'b.md')} | :heavy_check_mark: | N/A |`]) });
    const ir = buildModel(broken, { notation: ruby, roots: ['A'] });
    expect(ir.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'link-missing', line: 7, column: 10 })]);
  });
});

describe('naming', () => {
  it('pascalIdentifier makes valid identifiers from any heading', () => {
    expect(pascalIdentifier('TaskType')).toBe('TaskType');
    expect(pascalIdentifier('task-type v2')).toBe('TaskTypeV2');
    expect(pascalIdentifier('2fa')).toBe('_2fa');
    expect(pascalIdentifier('***')).toBe('Model');
    expect(pascalIdentifier('über')).toBe('Über');
  });

  it('type names are unique, valid, unreserved and independent of input order (property)', () => {
    const heading = fc.string({ unit: fc.constantFrom(...'ab Rc-1_Error Record é'.split('')), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.constantFrom('shared', 'operations', 'errors'), fc.string({ minLength: 1, maxLength: 4, unit: 'grapheme-ascii' }), heading),
          { selector: ([d, f]) => `${d}/${f}`, maxLength: 12 },
        ),
        (rows) => {
          const models = rows.map(([dir, file, name]) => ({ id: `${dir}/${file}.md`, name }));
          const names = assignTypeNames(models);
          const values = [...names.values()];
          expect(new Set(values).size).toBe(values.length);
          for (const n of values) {
            expect(n).toMatch(/^[\p{ID_Start}_$][\p{ID_Continue}$]*$/u);
            expect(isReservedTypeName(n)).toBe(false);
          }
          expect(assignTypeNames([...models].reverse())).toEqual(names);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('enum member names are unique valid identifiers, and a fix-up never takes another member name (property)', () => {
    expect(enumMemberNames(['a-b', 'a_b', 'a b', '1', '', '__proto__'])).toEqual(['a_b_2', 'a_b', 'a_b_3', '_1', 'Value', 'Proto']);
    expect(enumMemberNames(['x', 'x', 'x_2'])).toEqual(['x', 'x_3', 'x_2']);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(...'aA_1 -/.é'.split('')), maxLength: 5 }), { maxLength: 20 }), (names) => {
        const members = enumMemberNames(names);
        expect(new Set(members).size).toBe(members.length);
        for (const m of members) expect(m).toMatch(/^[\p{ID_Start}_$][\p{ID_Continue}$]*$/u);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});

describe('buildModel: unions, names, nullability strength, additionalProperties', () => {
  const py = (title: string, rows: string[]): string => doc(title, rows);
  const docs = {
    'shared/resource.md': py('Resource', [
      '| `vehicle` | [Union[shared.ExampleBoat, shared.ExampleCar]](../../models/shared/examplevehicle.md) | :heavy_check_mark: | N/A |',
      '| `maybe` | [Optional[Union[shared.ExampleBoat, str]]](../../models/shared/stub.md) | :heavy_minus_sign: | N/A |',
      '| `gone` | *OptionalNullable[str]* | :heavy_minus_sign: | may be null though optional |',
      '| `raw` | *bytes* | :heavy_minus_sign: | N/A |',
      '| `additional_properties` | Dict[str, *int*] | :heavy_minus_sign: | N/A |',
    ]),
    'shared/examplevehicle.md':
      '# ExampleVehicle\n\n## Supported Types\n\n### ExampleBoat\n\n```python\nv: shared.ExampleBoat = /* values here */\n```\n\n### \n\n```python\nv: List[str] = /* values here */\n```',
    'shared/stub.md': '# Stub',
    'shared/exampleboat.md': py('ExampleBoat', ['| `name` | *str* | :heavy_check_mark: | N/A |']),
    'shared/examplecar.md': py('ExampleCar', ['| `name` | *str* | :heavy_check_mark: | N/A |']),
  };

  it('a heading-only doc read before the cell that makes it a union gets no doc-no-table warning; a bare one does', () => {
    const ir = buildModel(
      memoryDocSource({
        ...docs,
        'shared/resource.md': py('Resource', ['| `early` | [Union[shared.ExampleBoat, str]](../../models/shared/astub.md) | :heavy_check_mark: | N/A |']),
        'shared/astub.md': '# AStub',
        'shared/bare.md': '# Bare',
      }),
      { roots: [] },
    );
    expect(ir.models.find((m) => m.id === 'shared/astub.md')).toMatchObject({ kind: 'union' });
    expect(
      ir.diagnostics
        .filter((d) => d.ruleId === 'doc-no-table')
        .map((d) => d.file)
        .sort(),
    ).toEqual(['shared/bare.md', 'shared/stub.md']);
  });

  it('a union written inside one link is the linked union doc; stubs take their members from the cell', () => {
    const ir = buildModel(memoryDocSource(docs), { roots: ['Resource'] });
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byId = Object.fromEntries(ir.models.map((m) => [m.id, m]));
    const resource = byId['shared/resource.md'] as ObjectModel;
    expect(resource.fields.map((f) => [f.name, f.type, f.required, f.nullable])).toEqual([
      ['vehicle', { kind: 'ref', model: 'shared/examplevehicle.md' }, true, false],
      ['maybe', { kind: 'ref', model: 'shared/stub.md' }, false, false],
      ['gone', { kind: 'primitive', type: 'string' }, false, true],
      ['raw', { kind: 'primitive', type: 'string' }, false, false],
    ]);
    expect(resource.additionalProperties).toEqual({ kind: 'primitive', type: 'integer' });
    expect(byId['shared/examplevehicle.md']).toMatchObject({
      kind: 'union',
      members: [
        { kind: 'ref', model: 'shared/exampleboat.md' },
        { kind: 'array', items: { kind: 'primitive', type: 'string' } },
      ],
    });
    expect(byId['shared/stub.md']).toMatchObject({
      kind: 'union',
      members: [
        { kind: 'ref', model: 'shared/exampleboat.md' },
        { kind: 'primitive', type: 'string' },
      ],
    });
    expect(ir.diagnostics.find((d) => d.ruleId === 'notation-detected')?.message).toMatch(/Python/);
  });

  it('an unlinked name that names no doc is an error at the name (a warning with allowBrokenLinks)', () => {
    const ir = buildModel(memoryDocSource({ 'a.md': '# A\n\n## Supported Types\n\n### `models.Nope`\n' }), { roots: [] });
    expect(ir.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'ref-unresolved', file: 'a.md', line: 5 }));
    const relaxed = buildModel(memoryDocSource({ 'a.md': '# A\n\n## Supported Types\n\n### `models.Nope`\n' }), { roots: [], allowBrokenLinks: true });
    expect(relaxed.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'ref-unresolved' }));
  });

  it('--allow-broken-links turns a missing target into unknown with a warning', () => {
    const broken = memoryDocSource({ 'shared/a.md': doc('A', [`| \`b\` | ${link('B', 'b.md')} | :heavy_check_mark: | N/A |`]) });
    const ir = buildModel(broken, { notation: ruby, roots: ['A'], allowBrokenLinks: true });
    expect(ir.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'link-missing' })]);
    expect((ir.models[0] as ObjectModel).fields[0]!.type).toEqual({ kind: 'primitive', type: 'unknown' });
  });
});

describe('notation detection', () => {
  const TABLE = '## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n';
  const goTree = {
    'components/context.md':
      '# Context\n\n## Supported Types\n\n### WalletContext\n\n```go\ncontext := components.CreateContextWalletContext(components.WalletContext{/* values here */})\n```\n',
    'components/walletcontext.md': `# WalletContext\n\n${TABLE}| \`Names\` | []*string* | :heavy_check_mark: | N/A |\n| \`Count\` | **int64* | :heavy_minus_sign: | N/A |\n`,
    'components/other.md': `# Other\n\n${TABLE}| \`When\` | [time.Time](https://pkg.go.dev/time#Time) | :heavy_check_mark: | N/A |\n| \`Tags\` | map[string]*string* | :heavy_minus_sign: | N/A |\n| \`Broken\` | [components.Nope](nope.md) | :heavy_minus_sign: | N/A |\n`,
  };

  it("reads a root union doc (no Type cells of its own) with the tree's cells, and reports only the docs the run reaches", () => {
    const ir = buildModel(memoryDocSource(goTree), { roots: ['Context'] });
    expect(ir.diagnostics.find((d) => d.ruleId === 'notation-detected')?.message).toMatch(/^Type cells read as Go \(5 of 5 sampled cells\)/);
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ir.models.map((m) => m.name).sort()).toEqual(['Context', 'WalletContext']);
    expect(ir.models.find((m) => m.name === 'WalletContext')).toMatchObject({
      fields: [
        expect.objectContaining({ name: 'Names', type: { kind: 'array', items: { kind: 'primitive', type: 'string' } } }),
        expect.objectContaining({ name: 'Count' }),
      ],
    });
  });

  it('reads an object root by its own cells when it has enough', () => {
    const many = Array.from({ length: 20 }, (_, i) => `| \`F${i}\` | *string* | :heavy_check_mark: | N/A |\n`).join('');
    const ir = buildModel(memoryDocSource({ ...goTree, 'components/big.md': `# Big\n\n${TABLE}${many}` }), { roots: ['Big'] });
    expect(ir.diagnostics.find((d) => d.ruleId === 'notation-detected')?.message).toMatch(/\(20 of 20 sampled cells\)/);
  });
});

describe('buildModel: enum value types', () => {
  const values = (title: string, rows: [string, string][]): string =>
    `# ${title}\n\n## Values\n\n| Name | Value |\n| --- | --- |\n${rows.map(([n, v]) => `| \`${n}\` | ${v} |`).join('\n')}`;

  it('reads a table of true / false as strings, says so (enum-value-type), and the valueType override makes booleans', () => {
    // As ruby-clerk-clerk-sdk-ruby `operations/includeinvalid.md` (OpenAPI `enum: ["true", "false"]`).
    const source = memoryDocSource({
      'shared/flag.md': values('Flag', [
        ['TRUE', 'true'],
        ['FALSE', 'false'],
      ]),
    });
    const ir = buildModel(source, { notation: ruby, roots: [] });
    expect(ir.models[0]).toMatchObject({ kind: 'enum', valueType: 'string', values: [{ value: 'true' }, { value: 'false' }] });
    expect(ir.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        ruleId: 'enum-value-type',
        file: 'shared/flag.md',
        message: expect.stringMatching(/read as strings/),
        hint: expect.stringContaining('"Flag": { "valueType": "boolean" }'),
      }),
    );
    const overridden = buildModel(source, { notation: ruby, roots: [], overrides: { Flag: { valueType: 'boolean' } } });
    expect(overridden.models[0]).toMatchObject({ valueType: 'boolean', values: [{ value: true }, { value: false }] });
  });

  it('keeps the literal types of a fence: `true | false` are booleans, with no guess to report', () => {
    const ir = buildModel(memoryDocSource({ 'b.md': '# B\n\n## Values\n\n```typescript\ntrue | false\n```' }), { notation: ruby, roots: [] });
    expect(ir.models[0]).toMatchObject({ valueType: 'boolean', values: [{ value: true }, { value: false }] });
    expect(ir.diagnostics.filter((d) => d.ruleId === 'enum-value-type')).toEqual([]);
  });
});

describe('propertyCase: caseName', () => {
  it.each([
    ['ID', 'id', 'id'],
    ['PlaybackID', 'playbackId', 'playback_id'],
    ['HTTPSEnabled', 'httpsEnabled', 'https_enabled'],
    ['URLs', 'urls', 'urls'],
    ['PlaybackIDs', 'playbackIds', 'playback_ids'],
    ['CreatedAt', 'createdAt', 'created_at'],
    ['created_at', 'createdAt', 'created_at'],
    ['createdAt', 'createdAt', 'created_at'],
    ['Base64Encoded', 'base64Encoded', 'base64_encoded'],
    ['content-type', 'contentType', 'content_type'],
    ['_links', '_links', '_links'],
    ['from_', 'from_', 'from_'],
    ['ÉtéAt', 'étéAt', 'été_at'],
  ])('%s: camel %s, snake %s', (name, camel, snake) => {
    expect(caseName(name, 'camel')).toBe(camel);
    expect(caseName(name, 'snake')).toBe(snake);
    expect(caseName(name, 'preserve')).toBe(name);
  });

  // Words as SDK generators join them: lower-case, starting with two letters (`IDA0a` could be `IDA`, `0a`).
  const word = fc.stringMatching(/^[a-z]{2}[a-z0-9]{0,6}$/);
  const acronym = fc.constantFrom('ID', 'URL', 'HTTP', 'API', 'JSON');
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

  it('snake_case, camelCase and PascalCase spellings of the same words give the same wire names (property)', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const snake = words.join('_');
        const camel = words[0] + words.slice(1).map(cap).join('');
        const pascal = words.map(cap).join('');
        for (const name of [snake, camel, pascal]) {
          expect(caseName(name, 'snake')).toBe(snake);
          expect(caseName(name, 'camel')).toBe(camel);
        }
      }),
    );
  });

  it('an acronym word reads as one word, plural or not, wherever it stands (property)', () => {
    fc.assert(
      // (A word `as`, `is` right after an acronym is left out: `IDAs` reads as the plural of `IDA`.)
      fc.property(
        fc.array(word, { maxLength: 3 }),
        acronym,
        fc.array(word, { maxLength: 3 }).filter((a) => !/^[a-z]s$/.test(a[0] ?? '')),
        fc.boolean(),
        (before, upper, after, plural) => {
          const acr = plural ? `${upper}s` : upper;
          const pascal = [...before.map(cap), acr, ...after.map(cap)].join('');
          const words = [...before, acr.toLowerCase(), ...after];
          expect(nameWords(pascal)).toEqual([...before.map(cap), acr, ...after.map(cap)]);
          expect(caseName(pascal, 'snake')).toBe(words.join('_'));
          expect(caseName(pascal, 'camel')).toBe(words[0] + words.slice(1).map(cap).join(''));
        },
      ),
    );
  });

  it('its output is in the style: no capitals in snake (and snake is idempotent), no `_` or `-` inside camel (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{0,16}$/).filter((n) => /[A-Za-z0-9]/.test(n)),
        (name) => {
          const once = caseName(name, 'snake');
          expect(caseName(once, 'snake')).toBe(once);
          expect(caseName(name, 'snake')).not.toMatch(/[A-Z]/);
          expect(caseName(name, 'camel').replace(/^_+|_+$/g, '')).not.toMatch(/[-_]/);
        },
      ),
    );
  });
});

describe('settings the docs leave open: one warning each', () => {
  const fields = (...rows: [string, string, boolean][]): string =>
    doc(
      'M',
      rows.map(([name, type, required]) => `| \`${name}\` | ${type} | ${required ? ':heavy_check_mark:' : ':heavy_minus_sign:'} | N/A |`),
    );
  const notices = (notation: string, text: string, options: { propertyCase?: 'preserve' | 'camel' | 'snake'; nullableOptionals?: boolean } = {}) =>
    buildModel(memoryDocSource({ 'm.md': text }), { notation: getNotation(notation), roots: [], ...options }).diagnostics.filter((d) =>
      d.ruleId.endsWith('-unset'),
    );

  it('property-case-unset: once for Go / C# PascalCase and Ruby / Python snake_case names, naming the setting and what it would do', () => {
    const go = notices('go', fields(['PlaybackID', '*string*', true], ['CreatedAt', '*int64*', true], ['Name', '*string*', true]));
    expect(go).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'property-case-unset', file: null, hint: expect.stringContaining('--property-case') }),
    ]);
    expect(go[0]!.message).toMatch(
      /Go SDK's PascalCase names \(3 of 3 fields, e.g. `PlaybackID`\).*`camel` reads `PlaybackID` as `playbackId`, `snake` as `playback_id`; `preserve`/,
    );
    const python = notices('python', fields(['created_at', '*int*', true], ['name', '*str*', true]));
    expect(python).toEqual([
      expect.objectContaining({
        ruleId: 'property-case-unset',
        message: expect.stringMatching(/Python SDK's snake_case names \(1 of 2 fields, e.g. `created_at`\).*`createdAt`/),
      }),
    ]);
    expect(notices('csharp', fields(['Id', '*string*', true]))).toHaveLength(1);
    expect(notices('ruby', fields(['created_at', '*String*', true]))).toHaveLength(1);
    // TypeScript, Java and PHP SDKs write camelCase for snake_case APIs (openrouter, php-clerk).
    for (const notation of ['typescript', 'java', 'php']) {
      expect(notices(notation, fields(['createdAt', '*string*', true], ['name', '*string*', true]))).toEqual([
        expect.objectContaining({
          ruleId: 'property-case-unset',
          message: expect.stringMatching(/SDK's camelCase names \(1 of 2 fields, e.g. `createdAt`\).*`snake` reads `createdAt` as `created_at`/),
        }),
      ]);
    }
  });

  it('property-case-unset: not once propertyCase is chosen (preserve too), nor on names that are the wire names as far as the docs tell', () => {
    const pascal = fields(['CreatedAt', '*string*', true]);
    for (const propertyCase of ['preserve', 'camel', 'snake'] as const) expect(notices('go', pascal, { propertyCase })).toEqual([]);
    expect(notices('ruby', fields(['status', '*String*', true], ['id', '*String*', true]))).toEqual([]);
    for (const notation of ['typescript', 'java', 'php']) expect(notices(notation, fields(['status', '*string*', true], ['id', '*string*', true]))).toEqual([]);
    expect(notices('typescript', fields(['created_at', '*string*', true]))).toEqual([]);
  });

  it('nullable-optionals-unset: once when optional fields exist and none is marked nullable; not when chosen or when the docs mark it', () => {
    const optional = fields(['id', '*String*', true], ['note', '*T.nilable(String)*', false], ['tag', '*String*', false]);
    expect(notices('ruby', optional)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        ruleId: 'nullable-optionals-unset',
        file: null,
        message: expect.stringMatching(/Ruby \(Sorbet\) docs .* 2 optional fields reject null.*`nullableOptionals`/),
      }),
    ]);
    expect(notices('ruby', optional, { nullableOptionals: false })).toEqual([]);
    expect(notices('ruby', optional, { nullableOptionals: true })).toEqual([]);
    expect(notices('ruby', fields(['id', '*String*', true]))).toEqual([]);
    // Python's OptionalNullable marks null on an optional field (python-mistralai-client-python).
    expect(notices('python', fields(['id', '*str*', true], ['note', '*OptionalNullable[str]*', false], ['tag', '*Optional[str]*', false]))).toEqual([]);
    expect(notices('python', fields(['id', '*str*', true], ['tag', '*Optional[str]*', false]))).toHaveLength(1);
  });
});
