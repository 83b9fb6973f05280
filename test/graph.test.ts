/**
 * The model graph (src/graph.ts): Mermaid, DOT and SVG drawings of the IR. Checks what each drawing
 * says (every model, every reference, stereotypes, multiplicities), that names of any kind survive
 * each format's escaping (decoded back to the same text), determinism, and the SVG layout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMATS, modelGraph, renderGraph, type GraphFormat } from '../src/graph.js';
import { buildIR, buildModel, memoryDocSource, type IR, type Model, type TypeRef } from '../src/index.js';
import { ROOT, runCli } from './helpers.js';

const FIXTURES = path.join(ROOT, 'fixtures');
const task = buildIR({ input: FIXTURES, roots: ['Task'] });

const doc = (title: string, rows: string[]): string =>
  [`# ${title}`, '', '## Fields', '', '| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');

/** A Python tree with a union, an array member, a map and additional properties. */
const unionIR = buildModel(
  memoryDocSource({
    'shared/garage.md': doc('Garage', [
      '| `vehicle` | [Union[shared.ExampleBoat, shared.ExampleCar]](../../models/shared/examplevehicle.md) | :heavy_check_mark: | N/A |',
      '| `fleet` | List[[shared.ExampleCar](../../models/shared/examplecar.md)] | :heavy_minus_sign: | N/A |',
      '| `by_name` | Dict[str, [shared.ExampleBoat](../../models/shared/exampleboat.md)] | :heavy_minus_sign: | N/A |',
      '| `additional_properties` | Dict[str, [shared.ExampleCar](../../models/shared/examplecar.md)] | :heavy_minus_sign: | N/A |',
    ]),
    'shared/examplevehicle.md':
      '# ExampleVehicle\n\n## Supported Types\n\n### ExampleBoat\n\n```python\nv: shared.ExampleBoat = /* values here */\n```\n\n### \n\n```python\nv: List[shared.ExampleCar] = /* values here */\n```',
    'shared/exampleboat.md': doc('ExampleBoat', [
      '| `name` | *str* | :heavy_check_mark: | N/A |',
      '| `kind` | [shared.Kind](../../models/shared/kind.md) | :heavy_minus_sign: | N/A |',
    ]),
    'shared/examplecar.md': doc('ExampleCar', [
      '| `name` | *Optional[str]* | :heavy_check_mark: | N/A |',
      '| `garage` | [Optional[shared.Garage]](../../models/shared/garage.md) | :heavy_minus_sign: | N/A |',
    ]),
    'shared/kind.md': '# Kind\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `SAIL` | sail |\n| `MOTOR` | motor |',
  }),
  { roots: ['Garage'] },
);

// ---------------------------------------------------------------------------------------------
// A hand-made IR whose names and values are hostile to every format.

const base = (id: string, tsName: string) => ({ id, name: tsName, tsName, file: id, line: 1, description: null, deprecated: false });
const field = (name: string, type: TypeRef, required = true, nullable = false) => ({
  name,
  type,
  required,
  nullable,
  description: null,
  example: null,
  deprecated: false,
  line: 1,
  column: 1,
});
const ref = (model: string): TypeRef => ({ kind: 'ref', model });
const HOSTILE_KEYS = [
  'style:a#b;',
  '{brace}',
  '-lead',
  '+plus',
  '<script>alert(1)</script>',
  'paren()',
  'tilde~T~',
  '%% comment',
  'new\nline',
  'amp&lt;',
  'back\\slash"',
  '端末',
  'star*',
  'dollar$',
  "it's",
  'semi;colon',
  'a: b',
  '#35;',
  '`tick`',
  '\u0000nul',
  'x'.repeat(3),
];
const hostile: IR = {
  version: 1,
  roots: ['a b/note.md'],
  diagnostics: [],
  models: [
    {
      ...base('a b/note.md', 'Note'),
      kind: 'object',
      additionalProperties: ref('e.md'),
      fields: HOSTILE_KEYS.map((k, i) =>
        field(
          k,
          i === 1
            ? ref('b.md')
            : i === 2
              ? { kind: 'array', items: { kind: 'union', members: [ref('b.md'), { kind: 'literal', value: 'x"y' }] } }
              : i === 4
                ? { kind: 'map', values: ref('c$.md') }
                : i === 5
                  ? ref('a b/note.md')
                  : { kind: 'primitive', type: 'string' },
          i % 2 === 0,
          i % 3 === 0,
        ),
      ),
    },
    {
      ...base('b.md', 'Direction'),
      kind: 'union',
      members: [ref('a b/note.md'), { kind: 'array', items: ref('c$.md') }, { kind: 'primitive', type: 'string' }],
    },
    {
      ...base('c$.md', 'Café$'),
      kind: 'enum',
      valueType: 'mixed',
      open: true,
      values: ['a b', 3, true, '\ud800}{', '<b>'].map((value, i) => ({ name: `v${i}`, memberName: `V${i}`, value, line: 1, column: 1 })),
    },
    {
      ...base('d.md', 'Style'),
      kind: 'enum',
      valueType: 'string',
      open: false,
      values: ['<b>', ' padded', '-1', '#35;', 'a"b', 'end;'].map((value, i) => ({ name: `v${i}`, memberName: `V${i}`, value, line: 1, column: 1 })),
    },
    { ...base('e.md', 'End'), kind: 'object', additionalProperties: null, fields: [] },
    { ...base('f.md', 'Click'), kind: 'object', additionalProperties: null, fields: [field('x', ref('missing.md'))] },
  ] as Model[],
};

const decodeMermaid = (text: string): string => text.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const decodeXml = (text: string): string => text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

describe('modelGraph', () => {
  it('has a node per model and an edge per reference, with multiplicities and row indexes', () => {
    const graph = modelGraph(unionIR);
    expect(graph.nodes.map((n) => [n.name, n.stereotype, n.root])).toEqual([
      ['ExampleBoat', null, false],
      ['ExampleCar', null, false],
      ['ExampleVehicle', 'union', false],
      ['Garage', null, true],
      ['Kind', 'enumeration', false],
    ]);
    const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
    expect(graph.edges.map((e) => `${name.get(e.from)} ${e.kind} ${name.get(e.to)} ${e.label} [${e.multiplicity}] @${e.row}`)).toEqual([
      'ExampleBoat association Kind kind [] @1',
      'ExampleCar association Garage garage [] @1',
      'ExampleVehicle member ExampleBoat  [] @0',
      'ExampleVehicle member ExampleCar  [*] @1',
      'Garage association ExampleVehicle vehicle [] @0',
      'Garage association ExampleCar fleet [*] @1',
      'Garage association ExampleBoat by_name [* by key] @2',
      'Garage association ExampleCar [key: string] [* by key] @3',
    ]);
    expect(graph.nodes.find((n) => n.name === 'Garage')!.rows).toEqual([
      'vehicle: ExampleVehicle',
      'fleet?: ExampleCar[]',
      'by_name?: Record<string, ExampleBoat>',
      '[key: string]: ExampleCar',
    ]);
    expect(graph.nodes.find((n) => n.name === 'ExampleCar')!.rows).toEqual(['name: string | null', 'garage?: Garage']);
    expect(graph.nodes.find((n) => n.name === 'Kind')!.rows).toEqual(['sail', 'motor']);
  });

  it('draws no edge to a model the IR does not hold, and quotes keys and values that are not plain', () => {
    const graph = modelGraph(hostile);
    expect(graph.edges.some((e) => e.to === 'missing.md')).toBe(false);
    const note = graph.nodes[0]!;
    expect(note.rows[0]).toBe('"style:a#b;": string | null');
    expect(note.rows[2]).toBe('"-lead": (Direction | "x\\"y")[]');
    expect(note.rows[8]).toBe('"new\\nline": string');
    expect(note.rows.at(-1)).toBe('[key: string]: End');
    expect(graph.nodes[2]!.rows).toEqual(['"a b"', '3', 'true', '"\\ud800}{"', '"<b>"', '(any other string)']);
    expect(graph.nodes[3]!.rows).toEqual(['<b>', '" padded"', '-1', '#35;', 'a"b', 'end;']);
  });
});

describe('renderGraph: Mermaid', () => {
  const text = renderGraph(task, 'mermaid');

  it('draws all 32 models of the default run as classes, enums marked, references labelled', () => {
    expect(text.startsWith('classDiagram\n')).toBe(true);
    const classes = [...text.matchAll(/^ {2}class (\w+)/gm)].map((m) => m[1]);
    expect(classes).toHaveLength(32);
    expect(new Set(classes)).toEqual(new Set(task.models.map((m) => m.tsName)));
    expect(text.match(/<<enumeration>>/g)).toHaveLength(task.models.filter((m) => m.kind === 'enum').length);
    expect(text).toContain('  Task --> TaskStatus : status\n');
    expect(text).toContain('  TaskStatus --> TaskPhase : phase\n');
    expect(text).toContain('  TranscodeFile --> "*" FfmpegProfile : profiles\n');
    expect(text).toMatch(/ {2}class Task \{\n {4}id\?: string\n/);
    expect(text).toContain('%% docs2ts: 32 models, roots Task');
  });

  it('marks unions and draws their members as generalizations, array members as dependencies', () => {
    const union = renderGraph(unionIR, 'mermaid');
    expect(union).toMatch(/ {2}class ExampleVehicle \{\n {4}<<union>>\n {4}ExampleBoat\n {4}ExampleCar\[\]\n {2}\}/);
    expect(union).toContain('  ExampleVehicle <|-- ExampleBoat\n');
    expect(union).toContain('  ExampleVehicle ..> "*" ExampleCar\n');
    expect(union).toContain('  Garage --> "* by key" ExampleBoat : by_name\n');
    expect(union).toContain('  Garage --> "* by key" ExampleCar : [key#58; string]\n');
    expect(union).toContain('    by_name?: Record#60;string, ExampleBoat#62;\n');
  });

  it('escapes every name so the class bodies parse, and decodes back to the rows', () => {
    const out = renderGraph(hostile, 'mermaid');
    const graph = modelGraph(hostile);
    const lines = out.split('\n');
    // The structure: only the lines docs2ts writes, nothing an escaped name could open or close.
    for (const line of lines) {
      expect(line).toMatch(/^(classDiagram| {2}%% .*| {2}class \w+(\["[^"]*"\])?( \{)?| {4}.*| {2}\}| {2}\w+ (-->|<\|--|\.\.>)( "[^"]*")? \w+( : [^:]*)?|)$/);
    }
    const bodies = lines.filter((l) => l.startsWith('    ') && !l.startsWith('    <<'));
    for (const line of bodies) {
      const raw = line.slice(4).replace(/#\d+;/g, '');
      expect(raw).not.toMatch(/[{}<>"()~$*%;#&\\`+]/);
      expect(line.slice(4)).not.toMatch(/^[-+~]/);
      // eslint-disable-next-line no-control-regex -- no control character may reach the text
      expect(raw).not.toMatch(/[\u0000-\u001f]/);
      // Mermaid drops the last `;` of a line matching its style-statement pattern.
      expect(line).not.toMatch(/style.*:\S*#.*;/);
    }
    expect(bodies.map((l) => decodeMermaid(l.slice(4)))).toEqual(graph.nodes.flatMap((n) => n.rows));
    expect(out).toContain('  class M_Caf__["Café#36;"] {\n');
    expect(out).toContain('  Note --> Note : paren#40;#41;\n');
    expect(out).toContain('  Note --> "* by key" End : [key#58; string]\n');
    // Relation labels: no `:` (a second label) and nothing Mermaid would read as markup.
    for (const line of lines.filter((l) => / : /.test(l))) expect(line.split(' : ')[1]!.replace(/#\d+;/g, '')).not.toMatch(/[:;<>{}"#]/);
  });
});

describe('renderGraph: DOT', () => {
  it('draws every model as an HTML-table node and every reference from its row, union members with a hollow tail', () => {
    const dot = renderGraph(unionIR, 'dot');
    expect(dot.startsWith('digraph docs2ts {\n')).toBe(true);
    expect(dot.endsWith('}\n')).toBe(true);
    expect(dot.match(/^ {2}"\w+" \[label=</gm)).toHaveLength(5);
    expect(dot).toContain('  "Garage":r1:e -> "ExampleCar" [label=<fleet>, headlabel=<*>];\n');
    expect(dot).toContain('  "ExampleVehicle":r0:e -> "ExampleBoat" [dir=back, arrowtail=empty];\n');
    expect(dot).toContain('  "ExampleVehicle":r1:e -> "ExampleCar" [style=dashed, headlabel=<*>];\n');
    expect(dot).toMatch(/"Garage" \[label=<<table border="3"/);
    expect(dot).toContain('«union»<br/><b>ExampleVehicle</b>');
  });

  it('escapes names as XML character references and keeps ids quoted', () => {
    const dot = renderGraph(hostile, 'dot');
    const cells = [...dot.matchAll(/<td align="left" port="r\d+">(.*?)<\/td>/g)].map((m) => m[1]!);
    for (const cell of cells) expect(cell.replace(/&#\d+;/g, '')).not.toMatch(/[<>&"]/);
    expect(cells.map(decodeXml)).toEqual(modelGraph(hostile).nodes.flatMap((n) => n.rows));
    const ids = new Set([...dot.matchAll(/^ {2}("[^"]+") \[label/gm)].map((m) => m[1]));
    for (const m of dot.matchAll(/^ {2}("[^"]+"):r\d+:e -> ("[^"]+")/gm)) {
      expect(ids.has(m[1])).toBe(true);
      expect(ids.has(m[2])).toBe(true);
    }
    expect(dot).toContain('label=<&#60;script&#62;alert(1)&#60;/script&#62;>');
  });
});

describe('renderGraph: SVG', () => {
  const boxes = (svg: string): { x: number; y: number; w: number; h: number }[] =>
    [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="#ffffff"/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      w: Number(m[3]),
      h: Number(m[4]),
    }));

  it('lays out one box per model, none overlapping, all inside the picture', () => {
    for (const ir of [task, unionIR, hostile]) {
      const svg = renderGraph(ir, 'svg');
      const [, width, height] = svg.match(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)"/)!.map(Number);
      const all = boxes(svg);
      expect(all).toHaveLength(ir.models.length);
      for (const [i, a] of all.entries()) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.y).toBeGreaterThanOrEqual(0);
        expect(a.x + a.w).toBeLessThanOrEqual(width!);
        expect(a.y + a.h).toBeLessThanOrEqual(height!);
        for (const b of all.slice(i + 1)) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
      expect(svg.match(/<path d="M[\d.]+,[\d.]+ C/g)?.length ?? 0).toBe(modelGraph(ir).edges.length);
    }
  });

  it('puts the roots in the first column and what they reach to the right', () => {
    const svg = renderGraph(task, 'svg');
    const title = (name: string): number => Number(svg.match(new RegExp(`<title>${name} \\([^)]*\\)</title>\\n<rect x="(\\d+)"`))![1]);
    expect(title('Task')).toBeLessThan(title('TaskStatus'));
    expect(title('TaskStatus')).toBeLessThan(title('TaskPhase'));
    expect(svg).toMatch(/<title>Task \(models\/shared\/task\.md\)<\/title>\n<rect [^>]*stroke-width="2\.5"/);
  });

  it('writes text as XML: no raw markup, no character XML cannot hold', () => {
    const svg = renderGraph(hostile, 'svg');
    const texts = [...svg.matchAll(/<(text|title)[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]!);
    for (const t of texts) expect(t.replace(/&#\d+;/g, '')).not.toMatch(/[&>"']/);
    // eslint-disable-next-line no-control-regex -- none XML 1.0 forbids may reach the SVG
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const rows = modelGraph(hostile).nodes.flatMap((n) => n.rows);
    for (const row of rows) expect(texts.map(decodeXml)).toContain(row);
    expect(svg).toContain('<title>Note (a b/note.md)</title>');
  });
});

describe('renderGraph: every format', () => {
  it.each(GRAPH_FORMATS)('%s is deterministic and ends with a newline', (format) => {
    const a = renderGraph(task, format);
    expect(renderGraph(JSON.parse(JSON.stringify(task)) as IR, format)).toBe(a);
    expect(a.endsWith('\n')).toBe(true);
    expect(renderGraph({ ...task, models: [], roots: [] }, format).length).toBeGreaterThan(0);
  });

  it('rejects an unknown format', () => {
    expect(() => renderGraph(task, 'png' as GraphFormat)).toThrow(/Unknown graph format `png`; known: mermaid, dot, svg/);
  });
});

describe('docs2ts graph (CLI)', () => {
  it('prints the Mermaid graph of the default run with all 32 models', async () => {
    const result = await runCli(['graph', '--root', 'Task']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderGraph(task, 'mermaid'));
    expect([...result.stdout.matchAll(/^ {2}class \w+/gm)]).toHaveLength(32);
  });

  it('--format dot and svg', async () => {
    expect((await runCli(['graph', '--root', 'Task', '--format', 'dot'])).stdout).toBe(renderGraph(task, 'dot'));
    expect((await runCli(['graph', '--root', 'Task', '--format', 'svg'])).stdout).toBe(renderGraph(task, 'svg'));
    expect((await runCli(['graph', '--format', 'png'])).code).toBe(2);
  });
});

describe('README', () => {
  it('embeds the Mermaid graph of the default run (`docs2ts graph --root Task`)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = readme.match(/```mermaid\n([\s\S]*?)```/);
    expect(block, 'README.md has no ```mermaid block').not.toBeNull();
    expect(block![1]).toBe(renderGraph(task, 'mermaid'));
  });
});
