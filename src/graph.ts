/**
 * A picture of the model graph: models as boxes with their fields, references as edges, enums and
 * unions marked. Three renderings of one {@link ModelGraph}: Mermaid (a `classDiagram`), Graphviz
 * DOT, and a self-contained SVG laid out here (no Graphviz, no network).
 *
 * Everything is deterministic (same IR, same text). This module imports only types, so the CLI may
 * import it eagerly.
 *
 * @module
 */

import type { IR, Model, TypeRef } from './core/ir.js';
import { GRAPH_FORMATS, type GraphFormat } from './core/options.js';

export { GRAPH_FORMATS, type GraphFormat };

/** A model in the graph. */
export interface GraphNode {
  /** The model's id (its doc path). */
  id: string;
  /** The model's TypeScript name, shown as the box's title. */
  name: string;
  kind: Model['kind'];
  /** `enumeration` for enums, `union` for unions, null for objects. */
  stereotype: 'enumeration' | 'union' | null;
  /** True for the run's roots. */
  root: boolean;
  /**
   * The box's rows, TypeScript-like: fields (`status?: TaskStatus`, `"odd key": string | null`,
   * `[key: string]: T` for additional properties), enum values, or union members.
   */
  rows: string[];
}

/** A reference from one model to another. */
export interface GraphEdge {
  /** Id of the referencing model. */
  from: string;
  /** Id of the referenced model. */
  to: string;
  /** `association` (a field's type refers to `to`) or `member` (`to` is a member of the union `from`). */
  kind: 'association' | 'member';
  /** The field's wire name (`[key: string]` for additional properties); empty for union members. */
  label: string;
  /** `""` (one value), `*` (array items) or `* by key` (map values). */
  multiplicity: '' | '*' | '* by key';
  /** Index in `from`'s rows of the row the reference comes from. */
  row: number;
}

/** The graph of an IR: one node per model (in the IR's order), edges in row order, without duplicates. */
export interface ModelGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The model graph of an IR. References to models the IR does not hold (a broken link read as
 * `unknown` never is one) draw no edge.
 */
export function modelGraph(ir: IR): ModelGraph {
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const name = (id: string): string => byId.get(id)?.tsName ?? id;
  const roots = new Set(ir.roots);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const addEdges = (from: string, type: TypeRef, kind: GraphEdge['kind'], label: string, row: number, around: GraphEdge['multiplicity'] = ''): void => {
    for (const { model, multiplicity } of references(type, around)) {
      if (!byId.has(model)) continue;
      const key = JSON.stringify([from, model, kind, label, multiplicity]);
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from, to: model, kind, label, multiplicity, row });
    }
  };
  for (const model of ir.models) {
    const rows: string[] = [];
    if (model.kind === 'object') {
      for (const field of model.fields) {
        addEdges(model.id, field.type, 'association', field.name, rows.length);
        rows.push(`${propertyKey(field.name)}${field.required ? '' : '?'}: ${typeText(field.type, name)}${field.nullable ? ' | null' : ''}`);
      }
      if (model.additionalProperties) {
        addEdges(model.id, model.additionalProperties, 'association', '[key: string]', rows.length, '* by key');
        rows.push(`[key: string]: ${typeText(model.additionalProperties, name)}`);
      }
    } else if (model.kind === 'enum') {
      for (const value of model.values) rows.push(enumValueText(value.value, model.valueType === 'mixed'));
      if (model.open) rows.push('(any other string)');
    } else {
      for (const member of model.members) {
        addEdges(model.id, member, 'member', '', rows.length);
        rows.push(typeText(member, name));
      }
    }
    const stereotype = model.kind === 'enum' ? 'enumeration' : model.kind === 'union' ? 'union' : null;
    nodes.push({ id: model.id, name: model.tsName, kind: model.kind, stereotype, root: roots.has(model.id), rows });
  }
  return { nodes, edges };
}

/**
 * Draw the model graph of an IR.
 *
 * - `mermaid`: a Mermaid `classDiagram` (GitHub renders it in a ```` ```mermaid ```` block): a class
 *   per model with its fields, `<<enumeration>>` / `<<union>>` stereotypes, an association per
 *   reference labelled with the field name, multiplicity `*` for arrays and `* by key` for maps,
 *   and `<|--` from a union to each model it may be.
 * - `dot`: a Graphviz digraph (`dot -Tsvg`): HTML-table nodes, the same edges, roots in bold.
 * - `svg`: a standalone SVG document laid out here: columns by distance from the roots, boxes
 *   stacked and ordered to limit crossings, curved edges from the field's row. No Graphviz needed.
 *
 * Names and types are escaped for each format (Mermaid entity codes `#60;`, HTML/XML character
 * references), so any wire key or enum value draws as written.
 *
 * @param ir the IR (`buildModel` / `buildIR`); its diagnostics are not looked at
 * @param format one of {@link GRAPH_FORMATS}
 * @returns the text, ending with a newline; the same IR always gives the same text
 * @throws {Error} on an unknown format
 *
 * @example
 * ```ts
 * const ir = buildIR({ input: 'docs/models', roots: ['Task'] });
 * fs.writeFileSync('models.mmd', renderGraph(ir, 'mermaid'));
 * ```
 */
export function renderGraph(ir: IR, format: GraphFormat): string {
  const graph = modelGraph(ir);
  switch (format) {
    case 'mermaid':
      return renderMermaid(graph);
    case 'dot':
      return renderDot(graph);
    case 'svg':
      return renderSvg(graph);
    default:
      throw new Error(`Unknown graph format \`${String(format)}\`; known: ${GRAPH_FORMATS.join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Text of types and rows

/** Every model a type refers to, with the multiplicity of the innermost container around it. */
function references(type: TypeRef, multiplicity: GraphEdge['multiplicity']): { model: string; multiplicity: GraphEdge['multiplicity'] }[] {
  switch (type.kind) {
    case 'ref':
      return [{ model: type.model, multiplicity }];
    case 'array':
      return references(type.items, '*');
    case 'map':
      return references(type.values, '* by key');
    case 'union':
      return type.members.flatMap((m) => references(m, multiplicity));
    default:
      return [];
  }
}

/** A type as TypeScript-like text: `string`, `integer`, `Output[]`, `Record<string, X>`, `A | B`. */
function typeText(type: TypeRef, name: (id: string) => string): string {
  switch (type.kind) {
    case 'primitive':
      return type.type;
    case 'ref':
      return name(type.model);
    case 'array': {
      const items = typeText(type.items, name);
      return type.items.kind === 'union' ? `(${items})[]` : `${items}[]`;
    }
    case 'map':
      return `Record<string, ${typeText(type.values, name)}>`;
    case 'literal':
      return JSON.stringify(type.value);
    case 'union':
      return type.members.length === 0 ? 'never' : type.members.map((m) => typeText(m, name)).join(' | ');
  }
}

/** A property key as TypeScript writes it: bare when it can be, else a JSON string (as `propertyKey` in model/naming.ts). */
function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== '__proto__' ? key : JSON.stringify(key);
}

/** An enum value: as written when it is plain text, else (and in mixed enums) a JSON literal. */
function enumValueText(value: string | number | boolean, mixed: boolean): string {
  if (typeof value !== 'string') return String(value);
  // Lone surrogates are not text: JSON.stringify writes them as \u escapes.
  return !mixed && /^[^\s\p{Cc}\p{Cs}"](?:[^\p{Cc}\p{Cs}]*[^\s\p{Cc}\p{Cs}])?$/u.test(value) ? value : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Mermaid

/**
 * Escape text for a Mermaid class diagram: every character outside a plain set becomes an entity
 * code (`#123;`), which Mermaid decodes after parsing. That covers the class-body braces, HTML
 * (`<`, `>`, `&`, `"`), generics (`~`), method and classifier markers (`(`, `)`, `$`, `*`), the
 * entity sign `#` itself, and a leading visibility sign (`+`, `-`).
 */
function mermaidText(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const safe = /^[\p{L}\p{N} _.,:?|[\]/'@!=^]$/u.test(ch) || (ch === '-' && out.length > 0);
    out.push(safe ? ch : `#${ch.codePointAt(0)};`);
  }
  // Before parsing, Mermaid drops the last `;` of a line matching /style.*:\S*#.*;/ (its style
  // statements): no `:` may be followed by an entity code before the next space.
  let entityAhead = false;
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === ' ') entityAhead = false;
    else if (out[i]!.startsWith('#')) entityAhead = true;
    else if (out[i] === ':' && entityAhead) out[i] = '#58;';
  }
  return out.join('');
}

/** Mermaid class ids: the TypeScript name when it is a plain ASCII identifier, else a unique stand-in. */
function mermaidIds(nodes: readonly GraphNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set(nodes.map((n) => n.name).filter((n) => /^[A-Za-z][A-Za-z0-9_]*$/.test(n)));
  for (const node of nodes) {
    if (/^[A-Za-z][A-Za-z0-9_]*$/.test(node.name)) {
      ids.set(node.id, node.name);
      continue;
    }
    const base = `M_${node.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(node.id, id);
  }
  return ids;
}

function renderMermaid(graph: ModelGraph): string {
  const ids = mermaidIds(graph.nodes);
  const lines = ['classDiagram'];
  const roots = graph.nodes.filter((n) => n.root).map((n) => n.name);
  lines.push(`  %% docs2ts: ${graph.nodes.length} models${roots.length > 0 ? `, roots ${roots.map(mermaidText).join(', ')}` : ''}`);
  for (const node of graph.nodes) {
    const id = ids.get(node.id)!;
    const label = id === node.name ? '' : `["${mermaidText(node.name)}"]`;
    const body = [...(node.stereotype ? [`<<${node.stereotype}>>`] : []), ...node.rows.map(mermaidText)];
    if (body.length === 0) {
      lines.push(`  class ${id}${label}`);
      continue;
    }
    lines.push(`  class ${id}${label} {`);
    for (const row of body) lines.push(`    ${row}`);
    lines.push('  }');
  }
  for (const edge of graph.edges) {
    const from = ids.get(edge.from)!;
    const to = ids.get(edge.to)!;
    const multiplicity = edge.multiplicity ? ` "${edge.multiplicity}"` : '';
    if (edge.kind === 'member') {
      lines.push(edge.multiplicity ? `  ${from} ..>${multiplicity} ${to}` : `  ${from} <|-- ${to}`);
    } else {
      // A `:` would start a second label.
      lines.push(`  ${from} -->${multiplicity} ${to} : ${mermaidText(edge.label).replace(/:/g, '#58;')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Graphviz DOT

/** A DOT id: the TypeScript name, quoted (identifier characters never need escaping). */
function dotId(node: GraphNode): string {
  return `"${node.name.replace(/["\\]/g, '_')}"`;
}

/** Graphviz HTML-like labels take XML text: {@link xmlText} escapes them. */
const KIND_COLOR: Record<Model['kind'], string> = { object: '#dbe8fb', enum: '#fdf0c8', union: '#eadcf8' };

function renderDot(graph: ModelGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const lines = [
    'digraph docs2ts {',
    '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.3, ranksep=0.8];',
    '  node [shape=plain, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
  ];
  for (const node of graph.nodes) {
    const border = node.root ? 3 : 1;
    const title = node.stereotype ? `«${node.stereotype}»<br/><b>${xmlText(node.name)}</b>` : `<b>${xmlText(node.name)}</b>`;
    const rows = node.rows.map((row, i) => `<tr><td align="left" port="r${i}">${xmlText(row)}</td></tr>`).join('');
    lines.push(
      `  ${dotId(node)} [label=<<table border="${border}" cellborder="0" cellspacing="0" cellpadding="3"><tr><td bgcolor="${KIND_COLOR[node.kind]}">${title}</td></tr>${rows}</table>>];`,
    );
  }
  for (const edge of graph.edges) {
    const from = byId.get(edge.from)!;
    const to = byId.get(edge.to)!;
    const attrs: string[] = [];
    if (edge.kind === 'member') attrs.push(...(edge.multiplicity ? ['style=dashed'] : ['dir=back', 'arrowtail=empty']));
    if (edge.label) attrs.push(`label=<${xmlText(edge.label)}>`);
    if (edge.multiplicity) attrs.push(`headlabel=<${xmlText(edge.multiplicity)}>`);
    lines.push(`  ${dotId(from)}:r${edge.row}:e -> ${dotId(to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// SVG (own layout)

/** Escape text for XML content and attribute values. */
function xmlText(text: string): string {
  // XML has no way to write most control characters or a lone surrogate: they show as U+FFFD.
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '\ufffd').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const FONT_SIZE = 12;
/** Advance of one monospace character at {@link FONT_SIZE} (0.6 em), in px. */
const CHAR_WIDTH = 7.2;
const ROW_HEIGHT = 16;
const PAD = 8;
const COLUMN_GAP = 90;
const BOX_GAP = 24;
const MARGIN = 20;

/** Display width of text in character cells: wide (East Asian) characters take two. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(ch)
      ? 2
      : 1;
  return n;
}

interface Box {
  node: GraphNode;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Height of the title band (stereotype and name). */
  header: number;
}

/**
 * Columns by breadth-first distance from the roots (no roots: from the models nothing refers to;
 * models still unplaced start new searches, in id order). Within a column, boxes are ordered by
 * the mean position of the boxes that refer to them (one sweep, ties by name).
 */
function layout(graph: ModelGraph): { boxes: Box[]; width: number; height: number } {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const out = graph.nodes.map(() => [] as number[]);
  const into = graph.nodes.map(() => [] as number[]);
  for (const e of graph.edges) {
    const a = index.get(e.from)!;
    const b = index.get(e.to)!;
    if (a === b) continue;
    out[a]!.push(b);
    into[b]!.push(a);
  }
  const column = graph.nodes.map(() => -1);
  const bfs = (starts: number[]): void => {
    const queue = starts.filter((s) => column[s] === -1);
    for (const s of queue) column[s] = 0;
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q]!;
      for (const w of out[v]!) {
        if (column[w] !== -1) continue;
        column[w] = column[v]! + 1;
        queue.push(w);
      }
    }
  };
  const roots = graph.nodes.flatMap((n, i) => (n.root ? [i] : []));
  bfs(roots.length > 0 ? roots : graph.nodes.flatMap((_, i) => (into[i]!.length === 0 ? [i] : [])));
  for (let i = 0; i < graph.nodes.length; i++) if (column[i] === -1) bfs([i]);

  const columns: number[][] = [];
  for (let i = 0; i < graph.nodes.length; i++) (columns[column[i]!] ??= []).push(i);
  const order = new Map<number, number>();
  for (const members of columns) {
    const key = (i: number): number => {
      const parents = into[i]!.filter((p) => order.has(p));
      return parents.length === 0 ? Number.POSITIVE_INFINITY : parents.reduce((s, p) => s + order.get(p)!, 0) / parents.length;
    };
    const keyed = members.map((i) => ({ i, k: key(i) }));
    keyed.sort((a, b) => a.k - b.k || compare(graph.nodes[a.i]!.name, graph.nodes[b.i]!.name) || a.i - b.i);
    keyed.forEach(({ i }, position) => order.set(i, position));
    members.splice(0, members.length, ...keyed.map(({ i }) => i));
  }

  const boxes: Box[] = graph.nodes.map((node, i) => {
    const header = (node.stereotype ? 2 : 1) * ROW_HEIGHT + PAD;
    const widest = Math.max(cells(node.name), node.stereotype ? cells(node.stereotype) + 2 : 0, ...node.rows.map(cells));
    const width = Math.max(100, Math.ceil(widest * CHAR_WIDTH) + 2 * PAD);
    const height = header + (node.rows.length > 0 ? node.rows.length * ROW_HEIGHT + PAD : 0);
    return { node, column: column[i]!, x: 0, y: 0, width, height, header };
  });
  const heights = columns.map((members) => members.reduce((s, i) => s + boxes[i]!.height, 0) + BOX_GAP * (members.length - 1));
  const tallest = Math.max(0, ...heights);
  let x = MARGIN;
  columns.forEach((members, c) => {
    const width = Math.max(...members.map((i) => boxes[i]!.width));
    let y = MARGIN + Math.round((tallest - heights[c]!) / 2);
    for (const i of members) {
      const box = boxes[i]!;
      box.x = x;
      box.y = y;
      y += box.height + BOX_GAP;
    }
    x += width + COLUMN_GAP;
  });
  return { boxes, width: Math.max(x - COLUMN_GAP + MARGIN, 2 * MARGIN), height: tallest + 2 * MARGIN };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The y of a row's middle in a box. */
function rowY(box: Box, row: number): number {
  return box.y + box.header + PAD / 2 + row * ROW_HEIGHT + ROW_HEIGHT / 2;
}

function edgePath(from: Box, to: Box, row: number): { d: string; end: [number, number]; side: 'left' | 'right' } {
  const y1 = rowY(from, row);
  const y2 = to.y + to.header / 2;
  if (from === to) {
    const x = from.x + from.width;
    return { d: `M${x},${y1} C${x + 40},${y1} ${x + 40},${y2} ${x},${y2}`, end: [x, y2], side: 'right' };
  }
  if (to.column > from.column) {
    const x1 = from.x + from.width;
    const x2 = to.x;
    const dx = Math.max(30, Math.round((x2 - x1) / 2));
    return { d: `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`, end: [x2, y2], side: 'left' };
  }
  if (to.column < from.column) {
    const x1 = from.x;
    const x2 = to.x + to.width;
    const dx = Math.max(30, Math.round((x1 - x2) / 2));
    return { d: `M${x1},${y1} C${x1 - dx},${y1} ${x2 + dx},${y2} ${x2},${y2}`, end: [x2, y2], side: 'right' };
  }
  // Same column: out of the right side and back in, bulging by the distance.
  const x1 = from.x + from.width;
  const x2 = to.x + to.width;
  const bulge = 30 + Math.min(60, Math.round(Math.abs(y2 - y1) / 8));
  return { d: `M${x1},${y1} C${x1 + bulge},${y1} ${x2 + bulge},${y2} ${x2},${y2}`, end: [x2, y2], side: 'right' };
}

function renderSvg(graph: ModelGraph): string {
  const { boxes, width, height } = layout(graph);
  const byId = new Map(boxes.map((b) => [b.node.id, b]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" font-size="${FONT_SIZE}">`,
    `<title>docs2ts model graph: ${graph.nodes.length} models</title>`,
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555555"/></marker>',
    '<marker id="triangle" viewBox="0 0 12 12" refX="12" refY="6" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L12,6 L0,12 z" fill="#ffffff" stroke="#555555"/></marker>',
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    '<g fill="none" stroke="#555555" stroke-width="1">',
  ];
  for (const edge of graph.edges) {
    const from = byId.get(edge.from)!;
    const to = byId.get(edge.to)!;
    const { d, end, side } = edgePath(from, to, edge.row);
    // As in the Mermaid and DOT drawings: a union to a model it may be is a generalization (hollow
    // triangle); to a model its array or map member holds, a dashed dependency.
    const generalization = edge.kind === 'member' && !edge.multiplicity;
    const dash = edge.kind === 'member' && edge.multiplicity ? ' stroke-dasharray="5,3"' : '';
    const marker = generalization ? 'triangle' : 'arrow';
    out.push(
      `<path d="${d}"${dash} marker-end="url(#${marker})"><title>${xmlText(`${from.node.name}${edge.label ? `.${edge.label}` : ''} → ${to.node.name}`)}</title></path>`,
    );
    if (edge.multiplicity) {
      const [x, y] = end;
      const anchor = side === 'left' ? 'end' : 'start';
      const tx = side === 'left' ? x - 6 : x + 6;
      out.push(`<text x="${tx}" y="${y - 5}" text-anchor="${anchor}" fill="#555555" stroke="none" font-size="10">${xmlText(edge.multiplicity)}</text>`);
    }
  }
  out.push('</g>');
  for (const box of boxes) {
    const { node, x, y, width: w, height: h } = box;
    out.push(`<g>`);
    out.push(`<title>${xmlText(`${node.name} (${node.id})`)}</title>`);
    out.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff" stroke="#333333" stroke-width="${node.root ? 2.5 : 1}"/>`);
    out.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${box.header}" fill="${KIND_COLOR[node.kind]}" stroke="#333333" stroke-width="${node.root ? 2.5 : 1}"/>`,
    );
    let ty = y + PAD / 2 + ROW_HEIGHT - 4;
    if (node.stereotype) {
      out.push(`<text x="${x + w / 2}" y="${ty}" text-anchor="middle" font-style="italic" font-size="11">«${xmlText(node.stereotype)}»</text>`);
      ty += ROW_HEIGHT;
    }
    out.push(`<text x="${x + w / 2}" y="${ty}" text-anchor="middle" font-weight="bold">${xmlText(node.name)}</text>`);
    node.rows.forEach((row, i) => {
      out.push(`<text x="${x + PAD}" y="${rowY(box, i) + 4}">${xmlText(row)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
