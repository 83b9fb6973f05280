import { describe, expect, it } from 'vitest';
import { parseDoc } from '../src/parse/doc.js';
import { normalizeSource, LineIndex } from '../src/parse/source.js';

const PAD = ' '.repeat(3);
const fieldsDoc = [
  '# Meter',
  '',
  'Reads power.<br/>Second line',
  'wrapped.',
  '',
  '## Fields',
  '',
  '| Field | Type | Required | Description | Example |',
  '| --- | --- | --- | --- | --- |',
  `| \`label\`${PAD}| *String* | :heavy_check_mark: | The label<br/>on two lines | kitchen |`,
  '| `ratio` | T::Array<[Shared::Kind](../../models/shared/kind.md)> | :heavy_minus_sign: | N/A | [object Object] |',
  '| ~~`old`~~ | *T.nilable(Integer)* | :heavy_minus_sign: | : warning: ** DEPRECATED **: Use label. | |',
  '| `a\\|b` | *String* | :heavy_minus_sign: | pipe \\| inside | |',
].join('\n');

describe('parseDoc', () => {
  it('reads title, description, and every Fields cell with positions', () => {
    const {
      docs: [doc],
      diagnostics,
    } = parseDoc(fieldsDoc, 'shared/meter.md');
    expect(doc).toBeDefined();
    expect(doc!.title).toBe('Meter');
    expect(doc!.titlePosition).toEqual({ line: 1, column: 1 });
    expect(doc!.description).toBe('Reads power.\nSecond line\nwrapped.');
    expect(doc!.kind).toBe('fields');
    const [label, ratio, old, pipe] = doc!.fields;
    expect(label).toMatchObject({
      name: 'label',
      required: true,
      description: 'The label\non two lines',
      example: 'kitchen',
      deprecated: false,
      position: { line: 10, column: 1 },
    });
    expect(label!.type).toEqual({ raw: '*String*', start: { line: 10, column: 15 } });
    // Type cells are read raw: the generic `<…>` survives although Markdown would eat it as HTML.
    expect(ratio!.type.raw).toBe('T::Array<[Shared::Kind](../../models/shared/kind.md)>');
    expect(ratio!.description).toBeNull();
    expect(ratio!.example).toBeNull();
    expect(old).toMatchObject({ name: 'old', deprecated: true, description: 'Use label.' });
    expect(pipe).toMatchObject({ name: 'a|b', description: 'pipe | inside' });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['example-dropped']);
  });

  it('reads a Values table and a struck-through (deprecated) title', () => {
    const text = '# ~~Kind~~\n\n> :warning: **DEPRECATED**: gone.\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `POWER` | power |\n| `H_2` | h\\_2 |';
    const {
      docs: [doc],
    } = parseDoc(text, 'k.md');
    expect(doc).toMatchObject({ title: 'Kind', deprecated: true, description: null, kind: 'values' });
    expect(doc!.values).toEqual([
      { name: 'POWER', value: 'power', json: null, position: { line: 9, column: 1 } },
      { name: 'H_2', value: 'h_2', json: null, position: { line: 10, column: 1 } },
    ]);
  });

  it('skips sections before the table such as Example Usage', () => {
    const text =
      '# A\n\n## Example Usage\n\n```ruby\nx = 1\n```\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | *String* | :heavy_check_mark: | N/A |';
    expect(parseDoc(text, 'a.md').docs[0]!.fields.map((f) => f.name)).toEqual(['x']);
  });

  it('an empty Fields table is a free-form object', () => {
    const {
      docs: [doc],
    } = parseDoc('# Content\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |', 'c.md');
    expect(doc).toMatchObject({ kind: 'fields', fields: [] });
  });

  it('reports a row with the wrong number of cells at that row', () => {
    const text =
      '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | *String* | :heavy_check_mark: | a | b |\n| `y` | *String* | :heavy_check_mark: | ok |';
    const {
      docs: [doc],
      diagnostics,
    } = parseDoc(text, 'a.md');
    expect(doc!.fields.map((f) => f.name)).toEqual(['y']);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'table-row-cells', line: 7, column: 1 })]);
  });

  it('reports an unreadable Required cell at the cell', () => {
    const text = '# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | *String* | maybe | a |';
    expect(parseDoc(text, 'a.md').diagnostics).toEqual([expect.objectContaining({ ruleId: 'required-cell', line: 7, column: 20 })]);
  });

  it('a file without a # heading is not a model', () => {
    const { docs, diagnostics } = parseDoc('Just text', 'README.md');
    expect(docs).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ severity: 'info', ruleId: 'not-a-model' });
  });

  it('reads BOM + CRLF and lone CR exactly like the clean LF text', () => {
    const clean = parseDoc(fieldsDoc, 'm.md');
    expect(parseDoc(`\uFEFF${fieldsDoc.replace(/\n/g, '\r\n')}`, 'm.md')).toEqual(clean);
    expect(parseDoc(fieldsDoc.replace(/\n/g, '\r'), 'm.md')).toEqual(clean);
  });
});

describe('source helpers', () => {
  it('normalizeSource removes a BOM and turns CRLF / CR into LF', () => {
    expect(normalizeSource('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
  it('LineIndex maps offsets to 1-based line and column', () => {
    const index = new LineIndex('ab\ncd\n\ne');
    expect(index.point(0)).toEqual({ line: 1, column: 1 });
    expect(index.point(4)).toEqual({ line: 2, column: 2 });
    expect(index.point(7)).toEqual({ line: 4, column: 1 });
  });
});

describe('parseDoc: other doc shapes', () => {
  it('reads ## Supported Types members: code headings, name headings, empty headings with fences', () => {
    const text = [
      '# Pet',
      '',
      '## Supported Types',
      '',
      '### `models.Cat`',
      '',
      '```typescript',
      'const value: models.Cat = {};',
      '```',
      '',
      '### Dog',
      '',
      '### ',
      '',
      '```go',
      'x := shared.CreatePetStr(string{/* values here */})',
      '```',
    ].join('\n');
    const {
      docs: [doc],
    } = parseDoc(text, 'pet.md');
    expect(doc).toMatchObject({ kind: 'union' });
    expect(doc!.members).toEqual([
      { heading: 'models.Cat', code: 'models.Cat', fence: { lang: 'typescript', text: 'const value: models.Cat = {};' }, position: { line: 5, column: 1 } },
      { heading: 'Dog', code: null, fence: null, position: { line: 11, column: 1 } },
      { heading: '', code: null, fence: { lang: 'go', text: 'x := shared.CreatePetStr(string{/* values here */})' }, position: { line: 13, column: 1 } },
    ]);
  });

  it('reads a Values fence of literals with their JSON types, and open enums', () => {
    const {
      docs: [fence],
    } = parseDoc('# Code\n\n## Example Usage\n\n```typescript\nlet v: Code = 301;\n```\n\n## Values\n\n```typescript\n"dns-01" | 301 | true\n```', 'c.md');
    expect(fence!.values.map((v) => v.json)).toEqual(['dns-01', 301, true]);
    const {
      docs: [open],
    } = parseDoc('# Open\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | a |\n| - | `Unrecognized<string>` |', 'o.md');
    expect(open).toMatchObject({ open: true, values: [{ name: 'A', value: 'a' }] });
  });

  it('reads further ## models of a multi-model doc with ### Fields, and tables without Required', () => {
    const text = [
      '# RetryConfig',
      '',
      '## Fields',
      '',
      '| Name | Type | Description |',
      '| --- | --- | --- |',
      '| `strategy` | `"backoff" | "none"` | The strategy |',
      '| `backoff` | [BackoffStrategy](#backoffstrategy) | N/A |',
      '',
      '## BackoffStrategy',
      '',
      'How to back off.',
      '',
      '### Fields',
      '',
      '| Name | Type | Description |',
      '| --- | --- | --- |',
      '| `exponent` | `*number*` | N/A |',
    ].join('\n');
    const { docs, diagnostics } = parseDoc(text, 'utils/retryconfig.md');
    expect(docs.map((d) => [d.id, d.title, d.description])).toEqual([
      ['utils/retryconfig.md', 'RetryConfig', null],
      ['utils/retryconfig.md#backoffstrategy', 'BackoffStrategy', 'How to back off.'],
    ]);
    // The code span holding an unescaped pipe is kept whole (with a warning); the code span around a Type is removed.
    expect(docs[0]!.fields.map((f) => [f.name, f.type.raw, f.required])).toEqual([
      ['strategy', '"backoff" | "none"', false],
      ['backoff', '[BackoffStrategy](#backoffstrategy)', false],
    ]);
    expect(docs[1]!.fields[0]!.type).toEqual({ raw: '*number*', start: { line: 18, column: 17 } });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['table-pipe-in-code', 'required-missing', 'required-missing']);
  });
});
