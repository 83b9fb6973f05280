/**
 * Build the IR from parsed docs: read Type cells with a notation, resolve links, take the closure
 * of the roots, name models, and turn each doc into an object, enum or union model.
 *
 * @module
 */

import type { Notation, NotationType } from '../notation/types.js';
import type { DocField, DocModel, DocValue } from '../parse/types.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { IR_VERSION, type EnumModel, type Field, type IR, type Model, type TypeRef } from './ir.js';
import { resolveLink } from './links.js';
import { assignTypeNames, enumMemberNames, namespaceRank } from './naming.js';

/** Where the model stage gets its docs: the input's doc ids and a (cached) parser for each. */
export interface DocSource {
  /** The input folder's absolute path, POSIX separators (links are resolved in it). */
  readonly root: string;
  /** Every doc id (path relative to the input folder, POSIX), sorted. */
  readonly files: readonly string[];
  /** True when a path relative to the input folder is a folder. */
  isFolder(id: string): boolean;
  /** The parsed doc (null when the file is not a model) and the parse diagnostics. */
  load(id: string): { doc: DocModel | null; diagnostics: Diagnostic[] };
}

/** Options of {@link buildModel}. */
export interface BuildOptions {
  notation: Notation;
  /** Model names (`Task`) or doc paths relative to the input (`shared/task.md`); empty: every model. */
  roots: readonly string[];
}

interface Pending {
  doc: DocModel;
  fields: { field: DocField; type: NotationType | null }[];
}

/**
 * Build the IR.
 *
 * With roots, the IR holds exactly the closure of the roots (every model reachable through
 * references, cycles included), and only the diagnostics of docs in it. A name that matches
 * several docs picks the one in a schema namespace (`shared`, `components`) with a
 * `root-ambiguous` warning; still ambiguous is an error that lists the doc paths to use instead.
 *
 * @returns the IR; `diagnostics` holds errors instead of throwing
 */
export function buildModel(source: DocSource, options: BuildOptions): IR {
  const diagnostics: Diagnostic[] = [];
  const fileSet = new Set(source.files);
  const pending = new Map<string, Pending>();
  const refTargets = new Map<string, Map<NotationType, string | null>>();

  const roots = options.roots.length > 0 ? resolveRoots(source, options.roots, diagnostics) : source.files;
  const queue = [...roots];
  const visited = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (visited.has(id)) continue;
    visited.add(id);
    const { doc, diagnostics: found } = source.load(id);
    diagnostics.push(...found);
    if (!doc) continue;
    const entry: Pending = { doc, fields: [] };
    const targets = new Map<NotationType, string | null>();
    for (const field of doc.fields) {
      const result = options.notation.parseType(field.type.raw);
      if (!result.ok) {
        diagnostics.push(
          diagnostic(
            'error',
            'notation-unknown',
            `Cannot read Type \`${field.type.raw}\` as ${options.notation.label}: ${result.error.message}`,
            doc.file,
            { line: field.type.start.line, column: field.type.start.column + result.error.offset },
            `Write the type in ${options.notation.label} notation, or pass --notation for the docs' language.`,
          ),
        );
        entry.fields.push({ field, type: null });
        continue;
      }
      entry.fields.push({ field, type: result.type });
      forEachRef(result.type, (ref) => {
        if (ref.kind !== 'ref') return;
        const at = { line: field.type.start.line, column: field.type.start.column + ref.offset };
        const resolved = resolveLink(source.root, doc.file, ref.target, (t) => fileSet.has(t), (t) => source.isFolder(t));
        for (const p of resolved.problems) diagnostics.push(diagnostic(p.severity, p.ruleId, p.message, doc.file, at, p.hint));
        targets.set(ref, resolved.id);
        if (resolved.id !== null) {
          if (source.load(resolved.id).doc === null) {
            diagnostics.push(diagnostic('error', 'link-not-model', `Link target \`${ref.target}\` is not a model doc (no \`#\` heading)`, doc.file, at, 'Link to a model doc.'));
            targets.set(ref, null);
          } else if (!visited.has(resolved.id)) queue.push(resolved.id);
        }
      });
    }
    refTargets.set(id, targets);
    pending.set(id, entry);
  }

  const ids = [...pending.keys()].sort();
  const tsNames = assignTypeNames(ids.map((id) => ({ id, name: pending.get(id)!.doc.title })));
  const models: Model[] = ids.map((id) => toModel(pending.get(id)!, tsNames.get(id)!, refTargets.get(id)!, diagnostics));
  const rootIds = options.roots.length > 0 ? [...new Set(roots)].sort() : [];
  return { version: IR_VERSION, roots: rootIds, models, diagnostics: sortDiagnostics(diagnostics) };
}

function forEachRef(type: NotationType, visit: (t: NotationType) => void): void {
  visit(type);
  switch (type.kind) {
    case 'array':
      forEachRef(type.items, visit);
      break;
    case 'map':
      forEachRef(type.values, visit);
      break;
    case 'nullable':
      forEachRef(type.inner, visit);
      break;
    case 'union':
      for (const m of type.members) forEachRef(m, visit);
      break;
  }
}

/** Roots → doc ids; problems become diagnostics. */
function resolveRoots(source: DocSource, roots: readonly string[], diagnostics: Diagnostic[]): string[] {
  const ids: string[] = [];
  let byTitle: Map<string, string[]> | null = null;
  for (const root of roots) {
    if (root.endsWith('.md') || root.includes('/')) {
      const id = root.replace(/\\/g, '/').replace(/^\.\//, '');
      if (!source.files.includes(id)) {
        diagnostics.push(diagnostic('error', 'root-missing', `Root \`${root}\` is not a doc in the input folder`, null, undefined, 'Give the doc path relative to --input, e.g. `shared/task.md`, or a model name.'));
      } else if (source.load(id).doc === null) {
        diagnostics.push(diagnostic('error', 'root-missing', `Root \`${root}\` is not a model doc`, null, undefined, 'Point --root at a model doc.'));
      } else ids.push(id);
      continue;
    }
    byTitle ??= titleIndex(source);
    const candidates = byTitle.get(root) ?? [];
    if (candidates.length === 0) {
      diagnostics.push(diagnostic('error', 'root-missing', `No model named \`${root}\` in the input`, null, undefined, 'Use the name from the doc\'s `#` heading, or a doc path.'));
      continue;
    }
    const best = Math.min(...candidates.map(namespaceRank));
    const preferred = candidates.filter((c) => namespaceRank(c) === best);
    if (preferred.length > 1) {
      diagnostics.push(
        diagnostic('error', 'root-ambiguous', `Model name \`${root}\` matches ${preferred.length} docs: ${preferred.join(', ')}`, null, undefined, 'Pass the doc path as --root instead of the name.'),
      );
      continue;
    }
    if (candidates.length > 1) {
      diagnostics.push(
        diagnostic(
          'warning',
          'root-ambiguous',
          `Model name \`${root}\` matches ${candidates.length} docs (${candidates.join(', ')}); using ${preferred[0]}, the one in the schema namespace`,
          null,
          undefined,
          'Pass the doc path as --root to choose another.',
        ),
      );
    }
    ids.push(preferred[0]!);
  }
  return ids;
}

/** Model title → doc ids. Looks at docs named like the title first would need a parse anyway, so parse all. */
function titleIndex(source: DocSource): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const id of source.files) {
    const doc = source.load(id).doc;
    if (!doc) continue;
    const list = index.get(doc.title) ?? [];
    list.push(id);
    index.set(doc.title, list);
  }
  return index;
}

function toModel(entry: Pending, tsName: string, targets: Map<NotationType, string | null>, diagnostics: Diagnostic[]): Model {
  const { doc } = entry;
  const base = { id: doc.file, name: doc.title, tsName, file: doc.file, line: doc.titlePosition.line, description: doc.description, deprecated: doc.deprecated };
  if (doc.kind === 'values') return { ...base, kind: 'enum', ...enumValues(doc, diagnostics) };
  if (doc.kind === 'none') {
    diagnostics.push(
      diagnostic('warning', 'doc-no-table', `\`${doc.title}\` has neither a Fields nor a Values table: read as a free-form object`, doc.file, doc.titlePosition, 'Add a `## Fields` table if the object has known properties.'),
    );
  }
  const fields: Field[] = [];
  const seen = new Set<string>();
  for (const { field, type } of entry.fields) {
    if (seen.has(field.name)) {
      diagnostics.push(diagnostic('error', 'field-duplicate', `Field \`${field.name}\` is listed twice`, doc.file, field.position, 'Remove or rename one of the rows.'));
      continue;
    }
    seen.add(field.name);
    if (type?.kind === 'transport') {
      diagnostics.push(diagnostic('info', 'transport-field', `Field \`${field.name}\` is a transport object (${type.name}), not wire data: left out`, doc.file, field.type.start));
      continue;
    }
    let inner: NotationType = type ?? { kind: 'primitive', type: 'unknown' };
    let nilable = false;
    if (inner.kind === 'nullable') {
      nilable = true;
      inner = inner.inner;
    }
    fields.push({
      name: field.name,
      type: toTypeRef(inner, targets, doc, field, diagnostics),
      required: field.required,
      // A nilable wrapper on an optional field only says "may be absent" (NOTATION.md §3).
      nullable: nilable && field.required,
      description: field.description,
      example: field.example,
      deprecated: field.deprecated,
      line: field.position.line,
      column: field.position.column,
    });
  }
  return { ...base, kind: 'object', fields };
}

function toTypeRef(type: NotationType, targets: Map<NotationType, string | null>, doc: DocModel, field: DocField, diagnostics: Diagnostic[]): TypeRef {
  switch (type.kind) {
    case 'primitive':
      return { kind: 'primitive', type: type.type };
    case 'literal':
      return { kind: 'literal', value: type.value };
    case 'ref': {
      const id = targets.get(type);
      return id ? { kind: 'ref', model: id } : { kind: 'primitive', type: 'unknown' };
    }
    case 'array':
      return { kind: 'array', items: toTypeRef(type.items, targets, doc, field, diagnostics) };
    case 'map':
      return { kind: 'map', values: toTypeRef(type.values, targets, doc, field, diagnostics) };
    case 'nullable':
      return union([toTypeRef(type.inner, targets, doc, field, diagnostics), { kind: 'literal', value: null }]);
    case 'union':
      return union(type.members.map((m) => toTypeRef(m, targets, doc, field, diagnostics)));
    case 'transport':
      diagnostics.push(diagnostic('warning', 'transport-nested', `Transport object ${type.name} inside a type: read as unknown`, doc.file, field.type.start));
      return { kind: 'primitive', type: 'unknown' };
  }
}

/** A union with nested unions flattened and duplicate members removed; one member is itself. */
function union(members: TypeRef[]): TypeRef {
  const flat: TypeRef[] = [];
  const keys = new Set<string>();
  for (const m of members) {
    for (const member of m.kind === 'union' ? m.members : [m]) {
      const key = JSON.stringify(member);
      if (!keys.has(key)) {
        keys.add(key);
        flat.push(member);
      }
    }
  }
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

/**
 * Enum values and their JSON type. Tables hold values unquoted, so `1` may be a string or a
 * number: values are read as numbers (or booleans) only when every value of the enum reads as one,
 * otherwise all are strings; a non-string guess is reported (`enum-value-type`, info).
 */
function enumValues(doc: DocModel, diagnostics: Diagnostic[]): Pick<EnumModel, 'valueType' | 'values'> {
  const rows: DocValue[] = doc.values;
  const memberNames = enumMemberNames(rows.map((r) => r.name));
  const isNumber = (v: string): boolean => /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v);
  const isBoolean = (v: string): boolean => v === 'true' || v === 'false';
  let valueType: EnumModel['valueType'] = 'string';
  if (rows.length > 0 && rows.every((r) => isNumber(r.value))) valueType = 'number';
  else if (rows.length > 0 && rows.every((r) => isBoolean(r.value))) valueType = 'boolean';
  if (valueType !== 'string') {
    diagnostics.push(
      diagnostic('info', 'enum-value-type', `Every value of \`${doc.title}\` reads as a ${valueType}: the enum is read as ${valueType}s, not strings`, doc.file, doc.titlePosition, 'Override the value type if the API sends strings.'),
    );
  }
  if (rows.length === 0) {
    diagnostics.push(diagnostic('warning', 'enum-empty', `Enum \`${doc.title}\` has no values: no value is valid`, doc.file, doc.titlePosition, 'Add rows to the Values table.'));
  }
  const seen = new Map<string | number | boolean, DocValue>();
  const values: EnumModel['values'] = [];
  rows.forEach((row, i) => {
    const value = valueType === 'number' ? Number(row.value) : valueType === 'boolean' ? row.value === 'true' : row.value;
    if (seen.has(value)) {
      diagnostics.push(diagnostic('warning', 'enum-duplicate-value', `Value \`${row.value}\` is listed twice in \`${doc.title}\`; the later row is left out`, doc.file, row.position, 'Remove the duplicate row.'));
      return;
    }
    seen.set(value, row);
    values.push({ name: row.name, memberName: memberNames[i]!, value, line: row.position.line, column: row.position.column });
  });
  return { valueType, values };
}
