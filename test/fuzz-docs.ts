/**
 * Random doc trees for the fuzz test: a notation-independent spec (models, fields, types, links,
 * hostile names and texts, one injected fault at most), its rendering as Markdown in any of the
 * seven notations, and an oracle that builds JSON values the docs say are valid.
 */
import fc from 'fast-check';
import path from 'node:path';

export const NOTATIONS = ['ruby', 'python', 'typescript', 'go', 'java', 'csharp', 'php'] as const;
export type NotationId = (typeof NOTATIONS)[number];

export type Scalar = 'string' | 'integer' | 'number' | 'boolean' | 'unknown';
/** A field's type: `nullable` is a nested "may be null" (array items, map values). */
export type TypeSpec = { k: Scalar } | { k: 'array'; of: TypeSpec } | { k: 'map'; of: TypeSpec } | { k: 'ref'; to: number } | { k: 'nullable'; of: TypeSpec };

export interface FieldSpec {
  name: string;
  type: TypeSpec;
  /** The notation's top-level "may be absent / null" marker (`T.nilable`, `Optional`, `*X`, …). */
  marker: boolean;
  required: boolean;
  description: string;
  example: string;
}

export interface ModelSpec {
  kind: 'object' | 'enum' | 'union';
  title: string;
  folder: string;
  file: string;
  description: string[];
  fields: FieldSpec[];
  values: { name: string; value: string }[];
  members: TypeSpec[];
}

/** How a link target is spelled (all resolve to the same doc). */
export type LinkStyle = 'relative' | 'climb' | 'dot' | 'angle' | 'encoded' | 'backslash' | 'fragment';

export type FaultKind =
  | 'link-missing'
  | 'link-outside'
  | 'link-folder'
  | 'link-absolute'
  | 'link-url'
  | 'scalar-link'
  | 'extra-cell'
  | 'raw-pipe'
  | 'bad-type'
  | 'bad-required'
  | 'duplicate-field'
  | 'table-malformed'
  | 'stub-loop';

const FAULTS: readonly FaultKind[] = [
  'link-missing',
  'link-outside',
  'link-folder',
  'link-absolute',
  'link-url',
  'scalar-link',
  'extra-cell',
  'raw-pipe',
  'bad-type',
  'bad-required',
  'duplicate-field',
  'table-malformed',
  'stub-loop',
];

export interface TreeSpec {
  notation: NotationId;
  models: ModelSpec[];
  linkStyles: LinkStyle[];
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
  fault: { kind: FaultKind; model: number } | null;
}

// ----- hostile material ------------------------------------------------------------------------

/** Property names that break naive generators; never `additional_properties`-like (a pseudo-field). */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'delete',
  'default',
  'import',
  'class',
  'enum',
  'await',
  'content-type',
  'size[0]',
  '16x16',
  '0',
  '-1',
  'a.b',
  'a b',
  ' lead',
  'trail ',
  'größe',
  '日本語',
  'emoji😀',
  "it's",
  'say "hi"',
  'back\\slash',
  'a/b',
  'm~n',
  '~1',
  '$ref',
  '@type',
  '#hash',
  '*/',
  '/*',
  '${x}',
  '<br/>',
  'a\u2028b',
  'NaN',
  'Infinity',
  'undefined',
  'null',
  'true',
  'x|y',
];
const HOSTILE_TITLES = [
  'Record',
  'Error',
  'Object',
  'Date',
  'Promise',
  'List',
  'Map',
  'Array',
  'Symbol',
  'Function',
  'ValidationError',
  'Response',
  'constructor',
  '__proto__',
  '2FA Settings',
  '123',
  '!!!',
  'Ünïcödé thing',
  'नमस्ते',
  '日本',
  'task-type v2',
  'Task',
  'task',
  'TASK',
  'Task2',
  'Model',
  'RecordModel',
  'is',
  'check',
  'a\u0300b',
  'x²',
  'Ⅻ',
  '$dollar',
  'with space',
  'Ο',
  'Ǆ',
];
const HOSTILE_TEXT = [
  '*/',
  '/*',
  '/** x */',
  '`code`',
  '``',
  '${x}',
  '`${y}`',
  "'",
  '"',
  '\\',
  '\\\\',
  '<br/>',
  '<div>',
  '</div>',
  '<script>alert(1)</script>',
  '<!-- c -->',
  '-->',
  '@param',
  '@example',
  '{@link X}',
  '@',
  'http://x/*/y',
  '\u2028',
  '\u2029',
  '😀',
  'ü',
  '\t',
  '&amp;',
  '&#42;',
  '*',
  '_',
  '~~',
  '[x](y.md)',
  'N/A',
  '#',
  '>',
];
const HOSTILE_VALUES = [
  'a',
  'A',
  'keep',
  'Keep',
  'KEEP',
  '*',
  '+',
  '-',
  'жёлтый',
  '青い',
  "Worker's Comp",
  'say "hi"',
  'a\\b',
  '${x}',
  '1',
  '2.5',
  '-0',
  'true',
  'false',
  '0x1',
  ' x',
  '__proto__',
  'x|y',
  '*/',
];

/** Keys the generator leaves out: control characters, an escaped pipe, and the names of additional-properties fields. */
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const UNUSABLE_KEY = /[\x00-\x1f\x7f-\x9f]|\\\||^additional_?properties|^__pydantic_extra__/i;
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,6}$/);
const hostileKey = fc.oneof(
  fc.constantFrom(...HOSTILE_KEYS),
  word,
  fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }).filter((s) => s.trim() !== '' && !s.includes('`') && !UNUSABLE_KEY.test(s)),
);
const text = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_TEXT), word), { minLength: 0, maxLength: 5 }).map((parts) => parts.join(' '));

function typeSpec(models: number, depth: number): fc.Arbitrary<TypeSpec> {
  const scalar = fc.constantFrom<Scalar>('string', 'integer', 'number', 'boolean', 'unknown').map((k): TypeSpec => ({ k }));
  const ref = fc.nat({ max: models - 1 }).map((to): TypeSpec => ({ k: 'ref', to }));
  if (depth <= 0) return fc.oneof(scalar, ref);
  const inner = typeSpec(models, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: scalar },
    { weight: 2, arbitrary: ref },
    { weight: 1, arbitrary: inner.map((of): TypeSpec => ({ k: 'array', of })) },
    { weight: 1, arbitrary: inner.map((of): TypeSpec => ({ k: 'map', of })) },
    { weight: 1, arbitrary: fc.oneof(scalar, ref).map((of): TypeSpec => ({ k: 'array', of: { k: 'nullable', of } })) },
  );
}

/** A random doc tree (1–4 models), possibly with one injected fault. */
export function treeSpec(): fc.Arbitrary<TreeSpec> {
  return fc
    .record({
      notation: fc.constantFrom(...NOTATIONS),
      count: fc.integer({ min: 1, max: 4 }),
      eol: fc.constantFrom<TreeSpec['eol']>('\n', '\n', '\r\n', '\r'),
      bom: fc.boolean(),
      fault: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom(...FAULTS), model: fc.nat() }) }),
    })
    .chain(({ notation, count, eol, bom, fault }) =>
      fc
        .record({
          models: fc.array(modelSpec(count), { minLength: count, maxLength: count }),
          linkStyles: fc.array(fc.constantFrom<LinkStyle>('relative', 'climb', 'dot', 'angle', 'encoded', 'backslash', 'fragment'), {
            minLength: 4,
            maxLength: 4,
          }),
        })
        .map(({ models, linkStyles }) => {
          models.forEach((m, i) => {
            m.file = `${m.folder ? `${m.folder}/` : ''}${m.file}${i}.md`;
            // Union members name models by heading: those get plain, unique headings.
            if (m.kind === 'union' || models.some((o) => o.kind === 'union' && o.members.some((t) => refersTo(t, i)))) m.title = `Simple${i}`;
          });
          models[0]!.kind = models[0]!.kind === 'union' ? 'object' : models[0]!.kind;
          for (const m of models) {
            // A union always has a member of its own (a union only of itself is an error, tested apart).
            if (m.kind === 'union' && !m.members.some((t) => t.k !== 'ref')) m.members.push({ k: 'string' });
            // Go, C# and PHP docs mark only scalars and models as may-be-null, never arrays or maps.
            for (const f of m.fields)
              if (f.marker && (notation === 'go' || notation === 'csharp' || notation === 'php') && (f.type.k === 'array' || f.type.k === 'map'))
                f.marker = false;
          }
          const target = fault ? fault.model % models.length : 0;
          return {
            notation,
            models,
            linkStyles,
            eol,
            bom,
            fault: fault && fixFault(fault.kind, models[target]!, notation) ? { kind: fault.kind, model: target } : null,
          };
        }),
    );
}

function refersTo(type: TypeSpec, model: number): boolean {
  return type.k === 'ref' ? type.to === model : 'of' in type ? refersTo(type.of, model) : false;
}

/** Make the fault applicable to the model it is injected in (false: no fault this time). */
function fixFault(kind: FaultKind, model: ModelSpec, notation: NotationId): boolean {
  if (kind === 'stub-loop') return notation === 'ruby' || notation === 'python';
  if (model.kind === 'union') return false;
  if (model.kind !== 'object') return kind === 'extra-cell' || kind === 'table-malformed';
  if (model.fields.length === 0) model.fields.push({ name: 'f', type: { k: 'string' }, marker: false, required: true, description: 'd', example: '' });
  return true;
}

function modelSpec(count: number): fc.Arbitrary<ModelSpec> {
  const field = fc.record({
    name: hostileKey,
    type: typeSpec(count, 2),
    marker: fc.boolean(),
    required: fc.boolean(),
    description: text,
    example: text,
  });
  return fc.record({
    kind: fc.constantFrom<ModelSpec['kind']>('object', 'object', 'object', 'enum', 'union'),
    title: fc.oneof(fc.constantFrom(...HOSTILE_TITLES), word),
    folder: fc.constantFrom('shared', 'shared', 'operations', 'components', ''),
    file: fc.constantFrom('m', 'Ünï', 'with space', 'UPPER', 'x.y'),
    description: fc.array(
      fc.oneof(text, fc.constantFrom('<!-- a comment -->', '<!-- c --> after the comment', '<div>', '</div>', '@param x', 'line with */ inside')),
      { maxLength: 4 },
    ),
    fields: fc.uniqueArray(field, { maxLength: 5, selector: (f) => f.name }),
    values: fc.uniqueArray(fc.record({ name: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), word), value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), word) }), {
      minLength: 1,
      maxLength: 6,
      selector: (v) => v.value,
    }),
    members: fc.array(typeSpec(count, 1), { minLength: 1, maxLength: 3 }),
  });
}

// ----- rendering -------------------------------------------------------------------------------

const SCALARS: Record<NotationId, Record<Scalar, string>> = {
  ruby: { string: 'String', integer: 'Integer', number: 'Float', boolean: 'T::Boolean', unknown: 'Object' },
  python: { string: 'str', integer: 'int', number: 'float', boolean: 'bool', unknown: 'Any' },
  typescript: { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', unknown: 'any' },
  go: { string: 'string', integer: 'int64', number: 'float64', boolean: 'bool', unknown: 'any' },
  java: { string: 'String', integer: 'Long', number: 'Double', boolean: 'Boolean', unknown: 'Object' },
  csharp: { string: 'string', integer: 'long', number: 'double', boolean: 'bool', unknown: 'object' },
  php: { string: 'string', integer: 'int', number: 'float', boolean: 'bool', unknown: 'mixed' },
};

/** A model's name as each notation writes it in a link's text or a union member heading. */
function modelName(notation: NotationId, i: number, title = `M${i}`): string {
  switch (notation) {
    case 'ruby':
      return `Shared::${title}`;
    case 'python':
    case 'go':
      return `shared.${title}`;
    case 'typescript':
      return `models.${title}`;
    case 'java':
      return title;
    case 'csharp':
      return title;
    case 'php':
      return `\\OpenAPI\\OpenAPI\\Models\\Shared\\${title}`;
  }
}

/** Wrappers per notation: array, map, nested nullable, top-level marker. */
function wrap(notation: NotationId, kind: 'array' | 'map' | 'nullable' | 'marker', inner: string): string {
  const table: Record<NotationId, Record<typeof kind, (x: string) => string>> = {
    ruby: { array: (x) => `T::Array<${x}>`, map: (x) => `T::Hash[Symbol, ${x}]`, nullable: (x) => `T.nilable(${x})`, marker: (x) => `T.nilable(${x})` },
    python: { array: (x) => `List[${x}]`, map: (x) => `Dict[str, ${x}]`, nullable: (x) => `Optional[${x}]`, marker: (x) => `Optional[${x}]` },
    typescript: {
      array: (x) => (x.includes('|') ? `(${x})[]` : `${x}[]`),
      map: (x) => `Record<string, ${x}>`,
      nullable: (x) => `${x} \\| null`,
      marker: (x) => `${x} \\| null`,
    },
    go: { array: (x) => `[]${x}`, map: (x) => `map[string]${x}`, nullable: (x) => `*${x}`, marker: (x) => `*${x}` },
    java: { array: (x) => `List<${x}>`, map: (x) => `Map<String, ${x}>`, nullable: (x) => `Optional<${x}>`, marker: (x) => `Optional<${x}>` },
    csharp: { array: (x) => `List<${x}>`, map: (x) => `Dictionary<string, ${x}>`, nullable: (x) => `${x}?`, marker: (x) => `${x}?` },
    php: { array: (x) => `array<${x}>`, map: (x) => `array<string, ${x}>`, nullable: (x) => `?${x}`, marker: (x) => `?${x}` },
  };
  return table[notation][kind](inner);
}

/** A link target from `from` (doc path) to `to` (doc path), spelled in `style`. */
export function linkTarget(from: string, to: string, style: LinkStyle): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  switch (style) {
    case 'relative':
      return rel.replace(/ /g, '%20');
    case 'climb': {
      // Up to the input's parent and back into `models/` (the input folder's name).
      const ups = from.split('/').length;
      return `${'../'.repeat(ups)}models/${to}`.replace(/ /g, '%20');
    }
    case 'dot':
      return (rel.startsWith('.') ? rel : `./${rel}`).replace(/ /g, '%20');
    case 'angle':
      return `<${rel}>`;
    case 'encoded':
      return encodeURI(rel);
    case 'backslash':
      return rel.replace(/ /g, '%20').replace(/\//g, '\\');
    case 'fragment':
      return `${rel.replace(/ /g, '%20')}#no-such-anchor`;
  }
}

interface Rendered {
  /** Doc path → text (BOM and line ends applied). */
  docs: Record<string, string>;
  /** Where the injected fault is: doc path and 1-based line. */
  fault: { file: string; line: number } | null;
}

/** Render a tree spec as Markdown docs in its notation. */
export function renderTree(tree: TreeSpec): Rendered {
  const docs: Record<string, string> = {};
  let fault: Rendered['fault'] = null;
  const n = tree.notation;
  const linkTo = (from: number, to: number, linkIndex: number): string =>
    linkTarget(tree.models[from]!.file, tree.models[to]!.file, tree.linkStyles[linkIndex % tree.linkStyles.length]!);
  let links = 0;

  /** The Type cell of a type; `marker` wraps the top level in the notation's nullable marker. */
  const typeCell = (from: number, type: TypeSpec, marker: boolean): string => {
    const ts = n === 'typescript';
    const ref = (to: number, wrapped: boolean): string => {
      const target = linkTo(from, to, links++);
      const name = modelName(n, to);
      if (!wrapped) return `[${name}](${target})`;
      return ts ? `[${name}](${target}) \\| null` : `[${wrap(n, 'marker', name)}](${target})`;
    };
    const scalar = (k: Scalar, wrapped: boolean): string => {
      if (!wrapped) return `*${SCALARS[n][k]}*`;
      return ts ? `*${SCALARS[n][k]}* \\| null` : `*${wrap(n, 'marker', SCALARS[n][k])}*`;
    };
    const render = (t: TypeSpec, wrapped: boolean): string => {
      switch (t.k) {
        case 'ref':
          return ref(t.to, wrapped);
        case 'array':
        case 'map': {
          const inner = wrap(n, t.k, render(t.of, false));
          return !wrapped ? inner : ts ? `${inner} \\| null` : wrap(n, 'marker', inner);
        }
        case 'nullable':
          return render(t.of, true);
        default:
          return scalar(t.k, wrapped);
      }
    };
    return render(type, marker);
  };

  tree.models.forEach((model, i) => {
    const lines: string[] = [`# ${model.title}`, ''];
    for (const d of model.description) lines.push(safeLine(d));
    if (model.description.length > 0) lines.push('');
    const injected = tree.fault?.model === i ? tree.fault.kind : null;
    if (model.kind === 'object' || (injected === 'stub-loop' && i === tree.fault!.model)) {
      lines.push('## Fields', '');
      const header = ['Field', 'Type', 'Required', 'Description', 'Example'];
      lines.push(`| ${header.join(' | ')} |`, injected === 'table-malformed' ? '| --- | --- | --- |' : '| --- | --- | --- | --- | --- |');
      if (injected === 'table-malformed') fault = { file: model.file, line: lines.length - 1 };
      const fields = injected === 'stub-loop' ? [] : model.fields;
      fields.forEach((field, f) => {
        let type = typeCell(i, field.type, field.marker);
        let description = cell(field.description);
        let extra = '';
        if (injected && f === 0) {
          if (injected === 'link-missing') type = `[${modelName(n, 0)}](nope-${i}.md)`;
          else if (injected === 'link-outside') type = `[${modelName(n, 0)}](../../../../outside.md)`;
          else if (injected === 'link-folder') type = `[${modelName(n, 0)}](./)`;
          else if (injected === 'link-absolute') type = `[${modelName(n, 0)}](/abs/x.md)`;
          else if (injected === 'link-url') type = `[${modelName(n, 0)}](https://example.com/docs/models/m0.md)`;
          else if (injected === 'scalar-link') type = `[${SCALARS[n].string}](nope-${i}.md)`;
          else if (injected === 'bad-type') type = '*Not A Type ~*';
          else if (injected === 'raw-pipe') description = `${description} | raw pipe`;
          else if (injected === 'extra-cell') extra = ' extra |';
          if (injected !== 'table-malformed') fault = { file: model.file, line: lines.length + 1 };
        }
        const required = injected === 'bad-required' && f === 0 ? 'maybe' : field.required ? ':heavy_check_mark:' : ':heavy_minus_sign:';
        lines.push(`| ${codeSpan(field.name)} | ${type} | ${required} | ${description} | ${cell(field.example)} |${extra}`);
        if (injected === 'duplicate-field' && f === 0) {
          lines.push(`| ${codeSpan(field.name)} | *${SCALARS[n].string}* | ${required} | twice | |`);
          fault = { file: model.file, line: lines.length };
        }
      });
      if (injected === 'stub-loop') {
        // A heading-only stub whose members, named by the linking cell, are only itself.
        const stub = `${model.folder ? `${model.folder}/` : ''}loop${i}.md`;
        docs[stub] = `# Loop${i}\n`;
        const name = n === 'ruby' ? `T.any(Shared::Loop${i}, Shared::Loop${i})` : `Union[shared.Loop${i}, shared.Loop${i}]`;
        lines.push(`| \`loop\` | [${name}](${path.posix.relative(path.posix.dirname(model.file), stub)}) | :heavy_minus_sign: | d | |`);
        fault = { file: model.file, line: lines.length };
      }
    } else if (model.kind === 'enum') {
      lines.push('## Values', '', '| Name | Value |', injected === 'table-malformed' ? '| --- |' : '| --- | --- |');
      if (injected === 'table-malformed') fault = { file: model.file, line: lines.length - 1 };
      model.values.forEach((v, k) => {
        const extra = injected === 'extra-cell' && k === 0 ? ' x |' : '';
        if (extra) fault = { file: model.file, line: lines.length + 1 };
        lines.push(`| ${codeSpan(v.name)} | ${codeSpan(v.value)} |${extra}`);
      });
    } else {
      lines.push('## Supported Types', '');
      for (const member of model.members) lines.push(`### \`${memberType(n, member, tree.models)}\``, '', '```', 'value = 1', '```', '');
    }
    docs[model.file] = (tree.bom ? '\ufeff' : '') + lines.join('\n').replace(/\n/g, tree.eol) + tree.eol;
  });
  return { docs, fault };
}

/** A union member heading's type: scalars and arrays as written, models by (plain) name. */
function memberType(n: NotationId, type: TypeSpec, models: readonly ModelSpec[]): string {
  switch (type.k) {
    case 'ref':
      return modelName(n, type.to, models[type.to]!.title);
    case 'array':
      return n === 'typescript' && type.of.k === 'nullable' ? `(${memberType(n, type.of, models)})[]` : wrap(n, 'array', memberType(n, type.of, models));
    case 'map':
      return wrap(n, 'map', memberType(n, type.of, models));
    case 'nullable':
      return n === 'typescript' ? `${memberType(n, type.of, models)} | null` : wrap(n, 'nullable', memberType(n, type.of, models));
    default:
      return SCALARS[n][type.k];
  }
}

/** Text as a table cell: pipes escaped, nothing that starts a new row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n\u0085]/g, ' ');
}

/** A description line that keeps the doc's structure: no heading, list, quote, table, code or setext line. */
function safeLine(text: string): string {
  const line = text.replace(/[\r\n\u0085]/g, ' ').trim();
  return line === '' || /^([#>|=+\-*~`\d]|<!--(?!.*-->)|\s{4})/.test(line) ? `Text: ${line}` : line;
}

/** A Field or Name cell: a code span holding `text` exactly (pipes escaped). */
function codeSpan(text: string): string {
  const pad = /^ .* $/.test(text) || text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `\`${pad}${text.replace(/\|/g, '\\|')}${pad}\``;
}

// ----- the oracle ------------------------------------------------------------------------------

/** What the docs say about one model, for building values (after the README's rules). */
export type Oracle = (model: number, rng: () => number) => { ok: true; value: unknown } | { ok: false };

/**
 * An oracle for a (fault-free) tree: a random JSON value each model's validator must accept.
 * Values are built with own properties only (`__proto__` included), so they read as `JSON.parse`
 * would give them.
 */
export function oracle(tree: TreeSpec): Oracle {
  const n = tree.notation;
  const MAX = 5;
  const fail = Symbol('fail');
  const put = (object: Record<string, unknown>, key: string, value: unknown): void => {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const scalar = (k: Scalar, rng: () => number): unknown => {
    switch (k) {
      case 'string':
        return pick(['', 'x', '__proto__', '*/', '${x}', 'ü😀'], rng);
      case 'integer':
        return pick([0, -3, 42, 2 ** 40], rng);
      case 'number':
        return pick([0, 1.5, -2.25, 1e-7], rng);
      case 'boolean':
        return rng() < 0.5;
      case 'unknown':
        return pick([null, 1, 'x', [], {}, { a: [1] }], rng);
    }
  };
  const typeValue = (t: TypeSpec, depth: number, rng: () => number): unknown => {
    switch (t.k) {
      case 'array': {
        if (depth > MAX || rng() < 0.3) return [];
        const item = typeValue(t.of, depth + 1, rng);
        return item === fail ? [] : [item];
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        if (depth > MAX || rng() < 0.3) return out;
        const item = typeValue(t.of, depth + 1, rng);
        if (item !== fail) put(out, pick(['k', '__proto__', 'a/b', ''], rng), item);
        return out;
      }
      case 'nullable':
        return rng() < 0.3 ? null : typeValue(t.of, depth, rng);
      case 'ref':
        return modelValue(t.to, depth + 1, rng);
      default:
        return scalar(t.k, rng);
    }
  };
  const modelValue = (i: number, depth: number, rng: () => number): unknown => {
    const model = tree.models[i]!;
    if (model.kind === 'enum') return pick(enumValues(model), rng);
    if (model.kind === 'union') {
      // Members that are no union reached back through unions only (a cycle adds nothing).
      const order = [...model.members].sort(() => rng() - 0.5);
      for (const member of order) {
        if (member.k === 'ref' && tree.models[member.to]!.kind === 'union' && depth > MAX) continue;
        const v = typeValue(member, depth + 1, rng);
        if (v !== fail) return v;
      }
      return fail;
    }
    const out: Record<string, unknown> = {};
    for (const field of model.fields) {
      if (!field.required && (depth > MAX || rng() < 0.4)) continue;
      // The marker makes a required field nullable and an optional one just optional; TypeScript
      // writes it as `X | null`, which always admits null.
      const mayBeNull = field.marker && (field.required || n === 'typescript');
      if (mayBeNull && (depth > MAX || rng() < 0.3)) {
        put(out, field.name, null);
        continue;
      }
      if (depth > MAX + 3) return fail;
      const v = typeValue(field.type, depth, rng);
      if (v === fail) {
        if (!field.required) continue;
        if (mayBeNull) put(out, field.name, null);
        else return fail;
      } else put(out, field.name, v);
    }
    return out;
  };
  return (model, rng) => {
    const value = modelValue(model, 0, rng);
    return value === fail || containsFail(value, fail) ? { ok: false } : { ok: true, value };
  };
}

function containsFail(value: unknown, fail: symbol): boolean {
  if (value === fail) return true;
  if (Array.isArray(value)) return value.some((v) => containsFail(v, fail));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => containsFail(v, fail));
  return false;
}

/** The values an enum accepts (README: numbers when every value reads as one, booleans likewise). */
export function enumValues(model: ModelSpec): (string | number | boolean)[] {
  const raw = model.values.map((v) => v.value);
  if (raw.every((v) => /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v))) return raw.map(Number);
  if (raw.every((v) => v === 'true' || v === 'false')) return raw.map((v) => v === 'true');
  return raw;
}

function pick<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length) % items.length]!;
}
