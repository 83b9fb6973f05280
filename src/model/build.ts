/**
 * Build the IR from parsed docs: read Type cells with a notation, resolve links and names, take
 * the closure of the roots, name models, and turn each doc model into an object, enum or union.
 *
 * @module
 */

import { posix as posixPath } from 'node:path';
import { detectNotation } from '../notation/detect.js';
import { tokenize } from '../notation/tokenize.js';
import type { Notation, NotationType } from '../notation/types.js';
import type { DocField, DocModel, DocUnionMember } from '../core/doc-model.js';
import { diagnostic, sortDiagnostics, type Diagnostic, type Point } from '../core/diagnostics.js';
import { IR_VERSION, type EnumModel, type Field, type IR, type Model, type ObjectModel, type TypeRef, type UnionModel } from '../core/ir.js';

/** A model before it is named. */
type Draft = Omit<ObjectModel, 'tsName'> | Omit<EnumModel, 'tsName'> | Omit<UnionModel, 'tsName'>;
import { resolveLink } from './links.js';
import { assignTypeNames, enumMemberNames, namespaceRank } from './naming.js';
import { applyOverrides, settingNotices } from './overrides.js';
import type { DocSource } from '../core/doc-source.js';
import type { Override } from '../core/options.js';

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** The notation of the Type cells; detected from the docs when absent. */
  notation?: Notation;
  /** Model names (`Task`) or doc paths relative to the input (`shared/task.md`); empty: every model. */
  roots: readonly string[];
  /**
   * Read a link to a doc that does not exist as `unknown` with a `link-missing` warning instead of
   * an error (for trees whose source repository ships broken links). Default false.
   */
  allowBrokenLinks?: boolean;
  /**
   * Wire names from documented names (default `preserve`). Left undefined, a run on docs whose SDK
   * renames properties gets one `property-case-unset` warning (see `settingNotices`).
   */
  propertyCase?: 'preserve' | 'camel' | 'snake';
  /**
   * The emit option `nullableOptionals`, as chosen: read only to say (one
   * `nullable-optionals-unset` warning) when it is left undefined on docs that cannot mark null on
   * optional fields.
   */
  nullableOptionals?: boolean;
  /** Per-model / per-field overrides (see config.ts `Override`). */
  overrides?: Readonly<Record<string, Override>>;
}

/**
 * Pseudo-fields SDK generators write for `additionalProperties` (NOTATION.md §3). When the schema
 * has a real property of that name, the generator suffixes the pseudo-field with `T` / `_t`
 * (gt-python `additional_properties_t`, gt-go `AdditionalPropertiesT`).
 */
const ADDITIONAL_PROPERTIES = /^(additional_?properties|__pydantic_extra__)(_?t)?$/i;

/**
 * Build the IR.
 *
 * With roots, the IR holds exactly the closure of the roots (every model reachable through
 * references, cycles included), and only the diagnostics of docs in it. A name that matches
 * several docs picks the one in a schema namespace (`shared`, `components`) with a
 * `root-ambiguous` warning; still ambiguous is an error that lists the doc paths to use instead.
 *
 * @returns the IR; problems in the docs are in `diagnostics`, never thrown
 */
export function buildModel(source: DocSource, options: BuildOptions): IR {
  return new Builder(source, options).build();
}

class Builder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly fileSet: Set<string>;
  private readonly loaded = new Set<string>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly models = new Map<string, Draft>();
  /** Members of heading-only union stubs, from the cells that reference them. */
  private readonly stubMembers = new Map<string, TypeRef[]>();
  /** Where each stub's members were read: the cell of the link that named them. */
  private readonly stubOrigins = new Map<string, { file: string; at: Point }>();
  private titles: Map<string, string[]> | null = null;
  private looseTitles: Map<string, string[]> | null = null;
  /** Doc file name (lower case) → doc files, for repairing broken links (built on first need). */
  private byBase: Map<string, string[]> | null = null;
  /** The raw Type cell being read (ref offsets point into it), or '' for a union member heading. */
  private cell = '';
  private notation!: Notation;

  constructor(
    private readonly source: DocSource,
    private readonly options: BuildOptions,
  ) {
    this.fileSet = new Set(source.files);
  }

  build(): IR {
    const roots = this.options.roots.length > 0 ? this.resolveRoots(this.options.roots) : this.allModelIds();
    this.notation = this.options.notation ?? this.detect(roots);
    for (const id of roots) this.enqueue(id);
    while (this.queue.length > 0) this.visit(this.queue.shift()!);
    for (const [id, members] of this.stubMembers) {
      const model = this.models.get(id);
      if (model && model.kind === 'object' && model.fields.length === 0) this.models.set(id, { ...base(model), kind: 'union', members });
    }
    this.breakUnionCycles();
    const ids = [...this.models.keys()].sort();
    const tsNames = assignTypeNames(ids.map((id) => ({ id, name: this.models.get(id)!.name })));
    const models = ids.map((id) => ({ ...this.models.get(id)!, tsName: tsNames.get(id)! }) as Model);
    settingNotices(models, { notation: this.notation, propertyCase: this.options.propertyCase, nullableOptionals: this.options.nullableOptionals }, this.diagnostics);
    applyOverrides(models, this.options.overrides ?? {}, this.options.propertyCase ?? 'preserve', this.diagnostics);
    const rootIds = this.options.roots.length > 0 ? [...new Set(roots)].sort() : [];
    return { version: IR_VERSION, roots: rootIds, models, diagnostics: sortDiagnostics(this.diagnostics) };
  }

  /** The models of a file, loading it (and recording its parse diagnostics) on first use. */
  private docsOf(file: string): DocModel[] {
    const { docs, diagnostics } = this.source.load(file);
    if (!this.loaded.has(file)) {
      this.loaded.add(file);
      this.diagnostics.push(...diagnostics);
    }
    return docs;
  }

  private doc(id: string): DocModel | undefined {
    const hash = id.indexOf('#');
    return this.docsOf(hash === -1 ? id : id.slice(0, hash)).find((d) => d.id === id);
  }

  private allModelIds(): string[] {
    return this.source.files.flatMap((file) => this.docsOf(file).map((d) => d.id));
  }

  private enqueue(id: string): void {
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.queue.push(id);
  }

  private detect(roots: string[]): Notation {
    const sample: string[] = [];
    for (const id of roots.length > 0 ? roots : this.source.files) {
      for (const field of this.doc(id)?.fields ?? []) sample.push(field.type.raw);
      if (sample.length >= 400) break;
    }
    const { notation, parsed } = detectNotation(sample);
    this.diagnostics.push(
      diagnostic('info', 'notation-detected', `Type cells read as ${notation.label} (${parsed} of ${sample.length} sampled cells)`, null, undefined, 'Pass --notation to choose another.'),
    );
    return notation;
  }

  // ----- roots and names -------------------------------------------------------------------

  private resolveRoots(roots: readonly string[]): string[] {
    const ids: string[] = [];
    for (const root of roots) {
      if (root.endsWith('.md') || root.includes('/') || root.includes('#')) {
        const id = root.replace(/\\/g, '/').replace(/^\.\//, '');
        const file = id.split('#')[0]!;
        if (!this.fileSet.has(file) || !this.doc(id)) {
          this.diagnostics.push(diagnostic('error', 'root-missing', `Root \`${root}\` is not a model doc in the input folder`, null, undefined, 'Give the doc path relative to --input, e.g. `shared/task.md`, or a model name.'));
        } else ids.push(id);
        continue;
      }
      const candidates = this.titleIndex().get(root) ?? [];
      if (candidates.length === 0) {
        this.diagnostics.push(diagnostic('error', 'root-missing', `No model named \`${root}\` in the input`, null, undefined, "Use the name from the doc's `#` heading, or a doc path."));
        continue;
      }
      const best = Math.min(...candidates.map(namespaceRank));
      const preferred = candidates.filter((c) => namespaceRank(c) === best);
      if (preferred.length > 1) {
        this.diagnostics.push(diagnostic('error', 'root-ambiguous', `Model name \`${root}\` matches ${preferred.length} docs: ${preferred.join(', ')}`, null, undefined, 'Pass the doc path as --root instead of the name.'));
        continue;
      }
      if (candidates.length > 1) {
        this.diagnostics.push(
          diagnostic('warning', 'root-ambiguous', `Model name \`${root}\` matches ${candidates.length} docs (${candidates.join(', ')}); using ${preferred[0]}, the one in the schema namespace`, null, undefined, 'Pass the doc path as --root to choose another.'),
        );
      }
      ids.push(preferred[0]!);
    }
    return ids;
  }

  /**
   * Model title → ids, over every doc of the input, built on first need from the source's cheap
   * scan: a doc is parsed only when a run reaches it.
   */
  private titleIndex(): Map<string, string[]> {
    if (!this.titles) this.titles = this.indexTitles((title) => title);
    return this.titles;
  }

  /**
   * The docs headed `name`, else those whose heading is `name` ignoring case and punctuation
   * (`user_object`, `User Object` and `UserObject` alike); the second index is built only when the
   * first has no such heading.
   */
  private titled(name: string): string[] {
    const exact = this.titleIndex().get(name);
    if (exact) return exact;
    const key = looseKey(name);
    if (key === '') return [];
    if (!this.looseTitles) this.looseTitles = this.indexTitles(looseKey);
    return this.looseTitles.get(key) ?? [];
  }

  /** Ids by a key of their model's title, in file order (no empty key). */
  private indexTitles(key: (title: string) => string): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (const file of this.source.files) {
      for (const doc of this.source.scan ? this.source.scan(file) : this.source.load(file).docs) {
        const k = key(doc.title);
        if (k === '') continue;
        const list = index.get(k);
        if (list) list.push(doc.id);
        else index.set(k, [doc.id]);
      }
    }
    return index;
  }

  /**
   * Resolve an unlinked model name (`models.Pet`, `shared.ExampleBoat`, `Models::Shared::Pet`,
   * `::OpenApiSDK::Operations::X`, PHP `Components\X`, a bare `Error` inside `Optional<Error>`) by
   * its last segment against the docs' headings: exact first, then ignoring case and punctuation;
   * among several, see {@link Builder.prefer} (the folder its namespace names first:
   * `errors.Error` is the doc under `errors/`). No heading: `ref-unresolved` (a warning, read as
   * unknown, with --allow-broken-links); several left: `ref-ambiguous`, an error listing them.
   * Seen in corpus-wild typescript-openrouterteam (`models.X`), ruby-clerk (`Models::Components::X`).
   */
  private resolveName(name: string, fromId: string, at: Point, file: string): string | null {
    const segments = name.split(/::|\.|\\/).filter(Boolean);
    const last = segments.pop() ?? name;
    // (The index comes from a heading scan: a doc the parse does not read so is no candidate.)
    const named = this.titled(last).filter((id) => this.source.load(id.split('#')[0]!).docs.some((d) => d.id === id));
    const candidates = this.prefer(named, fromId, segments);
    if (candidates.length === 1) return candidates[0]!;
    const relaxed = this.options.allowBrokenLinks === true;
    if (candidates.length === 0 && segments.length === 0 && this.cell !== '') {
      // An unqualified, unlinked name in a Type cell is as likely a misspelt scalar as a model.
      this.diagnostics.push(
        diagnostic(
          relaxed ? 'warning' : 'error',
          'notation-unknown',
          `Cannot read Type \`${this.cell}\` as ${this.notation.label}: \`${name}\` is neither a ${this.notation.label} scalar nor the heading of a model doc${relaxed ? ': read as unknown' : ''}`,
          file,
          at,
          `Write the type in ${this.notation.label} notation, or link the name to its model doc.`,
        ),
      );
      return null;
    }
    this.diagnostics.push(
      candidates.length === 0
        ? diagnostic(relaxed ? 'warning' : 'error', 'ref-unresolved', `No model doc is headed \`${last}\` (named \`${name}\`)${relaxed ? ': read as unknown' : ''}`, file, at, 'Link the name to its doc, or add a doc with that heading; --allow-broken-links reads it as unknown.')
        : diagnostic('error', 'ref-ambiguous', `\`${name}\` matches ${candidates.length} docs: ${candidates.join(', ')}`, file, at, 'Link the name to its doc.'),
    );
    return null;
  }

  /**
   * Narrow the docs a name or a broken link may mean, one step at a time while more than one is
   * left: the docs in a folder the name's namespace names (`errors` in `errors.Error`,
   * `components` in `Models::Components::X`, `shared` in `../shared/x.md`), then those in the
   * referencing doc's folder, then those in a schema namespace (`shared`, `components`).
   *
   * @param namespaces the name's qualifiers or the link's folders, any case
   */
  private prefer(ids: readonly string[], fromId: string, namespaces: readonly string[]): string[] {
    let candidates = [...ids];
    const wanted = new Set(namespaces.map((n) => n.toLowerCase()));
    if (candidates.length > 1 && wanted.size > 0) {
      const named = candidates.filter((c) => c.toLowerCase().split('/').slice(0, -1).some((folder) => wanted.has(folder)));
      if (named.length > 0) candidates = named;
    }
    if (candidates.length > 1) {
      const folder = fromId.slice(0, fromId.lastIndexOf('/') + 1);
      const local = candidates.filter((c) => c.startsWith(folder) && !c.slice(folder.length).includes('/'));
      if (local.length > 0) candidates = local;
    }
    if (candidates.length > 1) {
      const best = Math.min(...candidates.map(namespaceRank));
      candidates = candidates.filter((c) => namespaceRank(c) === best);
    }
    return candidates;
  }

  /**
   * The doc a link to a missing doc means (Speakeasy writes `../../models/shared/x.md` for docs
   * that live in `components/`: corpus-wild ruby-clerk-clerk-sdk-ruby 2026): the docs of the input with the
   * link's file name, or, when none has it, those headed like that file name (`userobject.md`:
   * `UserObject`, ignoring case and punctuation), narrowed by {@link Builder.prefer} (the link's
   * folders as namespaces).
   *
   * @returns the one doc (`id`), or the candidates left when there is not exactly one
   */
  private repairLink(target: string, fromId: string): { id: string | null; candidates: string[]; by: 'file name' | 'heading' } {
    let t = target.trim();
    t = t.startsWith('<') ? t.replace(/^<([^>]*)>[\s\S]*$/, '$1') : t.split(/\s+/)[0]!;
    t = t.replace(/\\/g, '/').split(/[?#]/)[0]!;
    try {
      t = decodeURI(t);
    } catch {
      // keep the text as written
    }
    const parts = t.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
    const base = parts.pop();
    if (base === undefined) return { id: null, candidates: [], by: 'file name' };
    if (!this.byBase) {
      this.byBase = new Map();
      for (const file of this.source.files) {
        const key = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
        const list = this.byBase.get(key) ?? [];
        list.push(file);
        this.byBase.set(key, list);
      }
    }
    let found = this.byBase.get(base.toLowerCase()) ?? [];
    const exact = found.filter((f) => f.endsWith(`/${base}`) || f === base);
    if (exact.length > 0) found = exact;
    const by = found.length > 0 ? 'file name' : 'heading';
    if (found.length === 0) {
      found = this.titled(base.replace(/\.mdx?$/i, ''));
    }
    const candidates = this.prefer(found, fromId, parts);
    return { id: candidates.length === 1 ? candidates[0]! : null, candidates, by };
  }

  // ----- models ----------------------------------------------------------------------------

  private visit(id: string): void {
    const doc = this.doc(id);
    if (!doc) return;
    const common = { id: doc.id, name: doc.title, file: doc.file, line: doc.titlePosition.line, description: doc.description, deprecated: doc.deprecated };
    if (doc.kind === 'values') {
      this.models.set(id, { ...common, kind: 'enum', ...this.enumValues(doc) });
      return;
    }
    if (doc.kind === 'union') {
      this.models.set(id, { ...common, kind: 'union', members: this.unionMembers(doc) });
      return;
    }
    if (doc.kind === 'none' && !this.stubMembers.has(id)) {
      this.diagnostics.push(
        diagnostic('warning', 'doc-no-table', `\`${doc.title}\` has no Fields, Values or Supported Types section: read as a free-form object`, doc.file, doc.titlePosition, 'Add a `## Fields` table if the object has known properties.'),
      );
    }
    const fields: Field[] = [];
    const seen = new Set<string>();
    for (const field of doc.fields) {
      if (seen.has(field.name)) {
        this.diagnostics.push(diagnostic('error', 'field-duplicate', `Field \`${field.name}\` is listed twice`, doc.file, field.position, 'Remove or rename one of the rows.'));
        continue;
      }
      seen.add(field.name);
      const converted = this.field(doc, field);
      if (converted) fields.push(converted);
    }
    // The additionalProperties pseudo-field: a map named so; the suffixed one when both exist.
    const pseudo = fields
      .filter((f) => ADDITIONAL_PROPERTIES.test(f.name) && f.type.kind === 'map')
      .sort((a, b) => b.name.length - a.name.length)[0];
    let additionalProperties: TypeRef | null = null;
    if (pseudo && pseudo.type.kind === 'map') {
      additionalProperties = pseudo.type.values;
      fields.splice(fields.indexOf(pseudo), 1);
      this.diagnostics.push(diagnostic('info', 'additional-properties', `\`${pseudo.name}\` is the additionalProperties pseudo-field: other keys must match its value type`, doc.file, { line: pseudo.line, column: pseudo.column }));
    }
    this.models.set(id, { ...common, kind: 'object', fields, additionalProperties });
  }

  private field(doc: DocModel, field: DocField): Field | null {
    const result = this.notation.parseType(field.type.raw, { bareNames: true });
    const at = (offset: number): Point => ({ line: field.type.start.line, column: field.type.start.column + offset });
    if (!result.ok) {
      this.diagnostics.push(
        diagnostic(
          'error',
          'notation-unknown',
          `Cannot read Type \`${field.type.raw}\` as ${this.notation.label}: ${result.error.message}`,
          doc.file,
          at(result.error.offset),
          `Write the type in ${this.notation.label} notation, or pass --notation for the docs' language.`,
        ),
      );
      return null;
    }
    let type = result.type;
    let nullable = false;
    if (type.kind === 'nullable') {
      // `optional` strength on an optional field only says "may be absent" (NOTATION.md §3).
      nullable = type.strength === 'nullable' || field.required;
      type = type.inner;
    }
    if (type.kind === 'transport') {
      this.diagnostics.push(diagnostic('info', 'transport-field', `Field \`${field.name}\` is a transport object (${type.name}), not wire data: left out`, doc.file, field.type.start));
      return null;
    }
    this.cell = field.type.raw;
    const ref = this.typeRef(type, doc, field.type.start, at);
    this.cell = '';
    this.checkOtherLinks(field.type.raw, result.type, doc, at);
    const key = `${doc.title}.${field.name}`;
    if (nullable) {
      this.diagnostics.push(
        diagnostic('info', 'nullable-inferred', `\`${key}\` may be null: ${field.required ? 'a required field with an optional/nilable marker' : 'a nullable marker'}`, doc.file, field.position, `Override with \`"${key}": { "nullable": false }\`.`),
      );
    }
    const label = /\[(Date|DateTime|date|datetime)\]\(\s*[a-z][a-z0-9+.-]*:/i.exec(field.type.raw);
    if (label) {
      const read = JSON.stringify(ref).includes('"date-time"') ? 'date-time' : 'date';
      this.diagnostics.push(
        diagnostic('info', 'date-label', `\`${key}\`: \`[${label[1]}](…)\` read as ${read} (the generator swaps the Date/DateTime labels)`, doc.file, field.type.start, `Override with \`"${key}": { "type": "${read === 'date' ? 'date-time' : 'date'}" }\`.`),
      );
    }
    return {
      name: field.name,
      type: ref,
      required: field.required,
      nullable,
      description: field.description,
      example: field.example,
      deprecated: field.deprecated,
      line: field.position.line,
      column: field.position.column,
    };
  }

  /** NotationType → TypeRef, resolving links and names (and queueing what they reach). */
  private typeRef(type: NotationType, doc: DocModel, cell: Point, at: (offset: number) => Point): TypeRef {
    switch (type.kind) {
      case 'primitive':
        return { kind: 'primitive', type: type.type };
      case 'literal':
        return { kind: 'literal', value: type.value };
      case 'binary':
        this.diagnostics.push(diagnostic('info', 'binary-as-string', `\`${type.name}\` (bytes) is a string on the JSON wire`, doc.file, cell));
        return { kind: 'primitive', type: 'string' };
      case 'transport':
        this.diagnostics.push(diagnostic('warning', 'transport-nested', `Transport object ${type.name} inside a type: read as unknown`, doc.file, cell));
        return { kind: 'primitive', type: 'unknown' };
      case 'array':
        return { kind: 'array', items: this.typeRef(type.items, doc, cell, at) };
      case 'map':
        return { kind: 'map', values: this.typeRef(type.values, doc, cell, at) };
      case 'nullable':
        return union([this.typeRef(type.inner, doc, cell, at), { kind: 'literal', value: null }]);
      case 'ref': {
        const id = type.target === null ? this.resolveName(type.name, doc.id, at(type.offset), doc.file) : this.resolveTarget(type.target, doc, at(type.offset));
        if (id === null) return { kind: 'primitive', type: 'unknown' };
        this.enqueue(id);
        return { kind: 'ref', model: id };
      }
      case 'union': {
        const linked = this.linkedUnion(type, doc, at);
        if (linked) return linked;
        return union(type.members.map((m) => this.typeRef(m, doc, cell, at)));
      }
    }
  }

  /**
   * A union written inside one link (`[Union[shared.A, shared.B]](../examplevehicle.md)`) names
   * the linked doc, a union of its own: the field refers to that doc, and a heading-only stub gets
   * the members the cell lists (resolved by name).
   */
  private linkedUnion(type: Extract<NotationType, { kind: 'union' }>, doc: DocModel, at: (offset: number) => Point): TypeRef | null {
    const refs = type.members.filter((m): m is Extract<NotationType, { kind: 'ref' }> => m.kind === 'ref');
    const target = refs[0]?.target;
    if (!target || refs.some((r) => r.target !== target)) return null;
    // `[Union[A, str]](x.md)` names the linked union; `[A](x.md) \| null` is a union around a link.
    if (this.cell !== '' && !unionInsideLink(this.cell, refs[0]!.offset)) return null;
    const id = this.resolveTarget(target, doc, at(refs[0]!.offset), true);
    if (id === null) return null;
    const linkedDoc = this.doc(id);
    if (!linkedDoc || (linkedDoc.kind !== 'union' && linkedDoc.kind !== 'none')) return null;
    if (linkedDoc.kind === 'none' && !this.stubMembers.has(id)) {
      const members = type.members.map((m) => (m.kind === 'ref' ? this.typeRef({ ...m, target: null }, doc, at(0), at) : this.typeRef(m, doc, at(0), at)));
      this.stubMembers.set(id, members);
      this.stubOrigins.set(id, { file: doc.file, at: at(refs[0]!.offset) });
    }
    this.enqueue(id);
    return { kind: 'ref', model: id };
  }

  /**
   * Links of a Type cell that name no model still point somewhere: `[String](nonexistent.md)`
   * (a scalar's text) links to a doc the input does not have, a `link-missing` like any other,
   * repaired like a model link (`link-repaired`, `link-ambiguous`: see {@link Builder.repairLink}).
   * Tolerated without a word: URLs and links outside the input (library types such as
   * `[RFCDate](../../types/rfcdate.md)` are documented beside the models), and the generators'
   * placeholder for "no doc", a file named just `.md` (`[any](../../models/.md)`).
   */
  private checkOtherLinks(raw: string, type: NotationType, doc: DocModel, at: (offset: number) => Point): void {
    if (!raw.includes('](')) return;
    const used = new Set<string>();
    collectTargets(type, used);
    let tokens;
    try {
      tokens = tokenize(raw);
    } catch {
      return;
    }
    for (const token of tokens) {
      if (token.kind !== 'link' || used.has(token.target) || token.target === '' || /^[a-z][a-z0-9+.-]*:/i.test(token.target)) continue;
      const path = token.target.replace(/^<|>$/g, '').split(/[#?\s]/)[0]!;
      if (/(^|[/\\])\.md$/i.test(path)) continue;
      const resolved = resolveLink(this.source.root, doc.file, token.target, (t) => this.fileSet.has(t), (t) => this.source.isFolder(t));
      const missing = resolved.problems.find((p) => p.ruleId === 'link-missing');
      if (!missing || isDateText(this.notation, token.text)) continue;
      const repair = this.repairLink(token.target, doc.id);
      if (repair.id !== null) {
        this.diagnostics.push(diagnostic('warning', 'link-repaired', `${missing.message}: read as a link to ${repair.id}, the doc with that ${repair.by}`, doc.file, at(token.textOffset), `Link to \`${posixPath.relative(posixPath.dirname(doc.file), repair.id)}\`.`));
        continue;
      }
      if (repair.candidates.length > 1) {
        this.diagnostics.push(diagnostic('error', 'link-ambiguous', `${missing.message}; ${repair.candidates.length} docs could be meant: ${repair.candidates.join(', ')}`, doc.file, at(token.textOffset), 'Link to one of them.'));
        continue;
      }
      const relaxed = this.options.allowBrokenLinks === true;
      this.diagnostics.push(diagnostic(relaxed ? 'warning' : 'error', 'link-missing', missing.message, doc.file, at(token.textOffset), relaxed ? missing.hint : `${missing.hint} --allow-broken-links reads it as unknown.`));
    }
  }

  /**
   * Unions that refer to themselves directly (`A = A | string`, or `A = B | string` with
   * `B = A | number`, or stubs whose members name each other) have no TypeScript alias
   * (TS2456) and their guards would recurse forever. Each such cycle (a strongly connected
   * component of direct union-to-union references) reads as its least fixed point: every union of
   * the cycle is the union of the cycle's other members (`string | number`), with an info
   * `union-cycle`. A cycle with no other member is no type at all: an error `union-cycle` at each
   * of its docs (for a stub, at the link that named its members). References through arrays, maps
   * and objects are recursion by design and stay.
   */
  private breakUnionCycles(): void {
    const unions = [...this.models.values()].filter((m): m is Omit<UnionModel, 'tsName'> => m.kind === 'union');
    if (unions.length === 0) return;
    const isUnion = (id: string): boolean => this.models.get(id)?.kind === 'union';
    const edges = new Map(unions.map((u) => [u.id, u.members.flatMap((m) => (m.kind === 'ref' && isUnion(m.model) ? [m.model] : []))]));
    for (const component of stronglyConnected([...edges.keys()].sort(), (id) => edges.get(id)!)) {
      const inCycle = new Set(component);
      if (component.length === 1 && !edges.get(component[0]!)!.includes(component[0]!)) continue;
      const others = union(component.flatMap((id) => (this.models.get(id) as Omit<UnionModel, 'tsName'>).members.filter((m) => !(m.kind === 'ref' && inCycle.has(m.model)))));
      const members = others.kind === 'union' ? others.members : [others];
      const names = component.map((id) => `\`${this.models.get(id)!.name}\``).join(', ');
      for (const id of component) {
        const model = this.models.get(id) as Omit<UnionModel, 'tsName'>;
        const origin = this.stubOrigins.get(id);
        const file = origin?.file ?? model.file;
        const at = origin?.at ?? this.doc(id)?.titlePosition ?? { line: model.line, column: 1 };
        if (members.length === 0) {
          this.diagnostics.push(diagnostic('error', 'union-cycle', `Union \`${model.name}\` only refers to itself (cycle: ${names}): it has no member of its own`, file, at, 'Give the union a member that is not itself, or link the field to a model doc.'));
          this.models.set(id, { ...model, members: [] });
        } else {
          this.diagnostics.push(diagnostic('info', 'union-cycle', `Union \`${model.name}\` refers to itself (cycle: ${names}): read as the union of the cycle's other members`, file, at));
          this.models.set(id, { ...model, members });
        }
      }
    }
  }

  /**
   * A link target → model id, with diagnostics at the name. A link to a doc that does not exist
   * is repaired when {@link Builder.repairLink} finds the one doc it means (`link-repaired`,
   * warning); several candidates: `link-ambiguous`, an error listing them; none: `link-missing`
   * (a warning, read as unknown, with --allow-broken-links).
   */
  private resolveTarget(target: string, doc: DocModel, at: Point, quiet = false): string | null {
    let resolved = resolveLink(this.source.root, doc.file, target, (t) => this.fileSet.has(t), (t) => this.source.isFolder(t));
    const missing = resolved.problems.find((p) => p.ruleId === 'link-missing');
    if (resolved.id === null && missing) {
      const repair = this.repairLink(target, doc.id);
      const others = resolved.problems.filter((p) => p !== missing);
      if (repair.id !== null) {
        const hash = target.indexOf('#');
        resolved = {
          id: repair.id,
          fragment: hash === -1 ? null : target.slice(hash + 1).replace(/[>\s][\s\S]*$/, ''),
          problems: [...others, { severity: 'warning', ruleId: 'link-repaired', message: `${missing.message}: read as a link to ${repair.id}, the doc with that ${repair.by}`, hint: `Link to \`${posixPath.relative(posixPath.dirname(doc.file), repair.id)}\`.` }],
        };
      } else if (repair.candidates.length > 1) {
        resolved = {
          ...resolved,
          problems: [...others, { severity: 'error', ruleId: 'link-ambiguous', message: `${missing.message}; ${repair.candidates.length} docs could be meant: ${repair.candidates.join(', ')}`, hint: 'Link to one of them.' }],
        };
      }
    }
    if (!quiet) {
      for (const p of resolved.problems) {
        const relaxed = p.ruleId === 'link-missing' && this.options.allowBrokenLinks === true;
        this.diagnostics.push(diagnostic(relaxed ? 'warning' : p.severity, p.ruleId, relaxed ? `${p.message}: read as unknown` : p.message, doc.file, at, relaxed ? p.hint : p.ruleId === 'link-missing' ? `${p.hint} --allow-broken-links reads it as unknown.` : p.hint));
      }
    }
    if (resolved.id === null) return null;
    const docs = this.docsOf(resolved.id);
    if (docs.length === 0) {
      if (!quiet) this.diagnostics.push(diagnostic('error', 'link-not-model', `Link target \`${target}\` is not a model doc (no \`#\` heading)`, doc.file, at, 'Link to a model doc.'));
      return null;
    }
    if (resolved.fragment !== null) {
      const fragment = resolved.fragment.toLowerCase();
      const anchored = docs.find((d) => d.anchor === fragment);
      if (anchored) return anchored.id;
      if (!quiet) {
        this.diagnostics.push(diagnostic('warning', 'link-fragment', `Link target \`${target}\` has a fragment that names no model of the doc; the doc's model is used`, doc.file, at, 'Link to the doc without `#fragment`.'));
      }
    }
    return docs[0]!.id;
  }

  private unionMembers(doc: DocModel): TypeRef[] {
    const members: TypeRef[] = [];
    for (const member of doc.members) {
      const ref = this.unionMember(doc, member);
      if (ref) members.push(ref);
    }
    if (members.length === 0) {
      this.diagnostics.push(diagnostic('warning', 'union-empty', `Union \`${doc.title}\` lists no readable member: no value is valid`, doc.file, doc.titlePosition, 'Give each `###` member a type heading or code fence.'));
    }
    const flat = union(members);
    return flat.kind === 'union' ? flat.members : [flat];
  }

  /**
   * One `## Supported Types` member: the heading's code (a type: `` `models.Pet` ``,
   * `` `string[]` ``), else the heading as a model name (`### ExampleBoat`), else the type in the
   * section's fence (`const value: string = …`, `name: shared.X = …`, `CreateXStr(string{…})`).
   * A member without a type heading goes first to the notation's own reading, when it has one
   * (`readUnionMember`: C# `### ArrayOfStr` over `X.CreateArrayOfStr(/* values here *\/)`).
   */
  private unionMember(doc: DocModel, member: DocUnionMember): TypeRef | null {
    const at = (): Point => member.position;
    // A fence's `@var` (PHP) says more than its heading (`array` for lists and maps alike).
    let text = (member.fence && varAnnotation(member.fence.text)) ?? member.code;
    const own = text === null ? (this.notation.readUnionMember?.({ heading: member.heading, fence: member.fence?.text ?? null }) ?? null) : null;
    if (own !== null && !own.ok) {
      this.diagnostics.push(diagnostic('error', 'union-member', `Cannot read union member \`${member.heading}\` as ${this.notation.label}: ${own.error.message}`, doc.file, member.position, "Write the member type in the docs' notation."));
      return null;
    }
    if (own !== null && own.ok) return this.typeRef(own.type.kind === 'nullable' ? { kind: 'union', members: [own.type.inner, { kind: 'literal', value: null }] } : own.type, doc, member.position, at);
    if (text === null && member.heading !== '') {
      const byName = this.titleIndex().has(member.heading) ? this.resolveName(member.heading, doc.id, member.position, doc.file) : null;
      if (byName) {
        this.enqueue(byName);
        return { kind: 'ref', model: byName };
      }
    }
    if (text === null && member.fence) text = fenceType(member.fence.text);
    if (text === null) {
      this.diagnostics.push(diagnostic('error', 'union-member', `Cannot tell the type of union member \`${member.heading}\``, doc.file, member.position, 'Give the member a backticked type heading or a code fence.'));
      return null;
    }
    const trimmed = text.trim();
    const result = this.notation.parseType(trimmed, { bareNames: true });
    if (!result.ok) {
      // A grammar that does not read bare names still lets a lone qualified name through.
      if (/^[A-Za-z_]\w*((\.|::)[A-Za-z_]\w*)+$/.test(trimmed)) {
        const id = this.resolveName(trimmed, doc.id, member.position, doc.file);
        if (id === null) return null;
        this.enqueue(id);
        return { kind: 'ref', model: id };
      }
      this.diagnostics.push(diagnostic('error', 'union-member', `Cannot read union member type \`${trimmed}\` as ${this.notation.label}: ${result.error.message}`, doc.file, member.position, "Write the member type in the docs' notation."));
      return null;
    }
    if (result.type.kind === 'transport') {
      this.diagnostics.push(diagnostic('info', 'transport-member', `Union member \`${trimmed}\` is a transport object, not wire data: left out`, doc.file, member.position));
      return null;
    }
    return this.typeRef(result.type.kind === 'nullable' ? { kind: 'union', members: [result.type.inner, { kind: 'literal', value: null }] } : result.type, doc, member.position, at);
  }

  /**
   * Enum values and their JSON type. Tables hold values unquoted, so `1` may be a string or a
   * number: values are read as numbers only when every value of the enum reads as one, otherwise
   * all are strings; the number guess is reported (`enum-value-type`, info). Values from a fence
   * keep the type the literal has.
   *
   * A table of `true` / `false` values is read as strings, also reported (`enum-value-type`, info,
   * with the `valueType: "boolean"` override): no notation writes a boolean enum as a Values table
   * (the test API's `booleanEnum: { type: boolean, enum: [false] }` is a plain boolean field in all
   * seven gt-* trees), while OpenAPI `enum: ["true", "false"]` string enums are (corpus-wild
   * ruby-clerk-clerk-sdk-ruby `operations/includeinvalid.md`, php-gando… `IncludeCounts.md`).
   */
  private enumValues(doc: DocModel): Pick<EnumModel, 'valueType' | 'values' | 'open'> {
    const rows = doc.values;
    const memberNames = enumMemberNames(rows.map((r) => r.name));
    const typed = rows.some((r) => r.json !== null);
    let valueType: EnumModel['valueType'] = 'string';
    let read: (raw: string, json: string | number | boolean | null) => string | number | boolean = (raw) => raw;
    if (typed) {
      const kinds = new Set(rows.map((r) => typeof (r.json ?? r.value)));
      valueType = kinds.size === 1 ? (([...kinds][0] as 'string' | 'number' | 'boolean') ?? 'string') : 'mixed';
      read = (raw, json) => json ?? raw;
    } else if (rows.length > 0 && rows.every((r) => /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(r.value) && Number.isFinite(Number(r.value)))) {
      valueType = 'number';
      read = (raw) => Number(raw);
    } else if (rows.length > 0 && rows.every((r) => r.value === 'true' || r.value === 'false')) {
      this.diagnostics.push(
        diagnostic('info', 'enum-value-type', `Every value of \`${doc.title}\` reads as a boolean: the enum is read as strings ("true", "false"), as SDK generators write only string enums as Values tables`, doc.file, doc.titlePosition, `Override with \`"${doc.title}": { "valueType": "boolean" }\` if the API sends booleans.`),
      );
    }
    if (!typed && valueType !== 'string') {
      this.diagnostics.push(
        diagnostic('info', 'enum-value-type', `Every value of \`${doc.title}\` reads as a ${valueType}: the enum is read as ${valueType}s, not strings`, doc.file, doc.titlePosition, `Override with \`"${doc.title}": { "valueType": "string" }\` if the API sends strings.`),
      );
    }
    if (rows.length === 0 && !doc.open) {
      this.diagnostics.push(diagnostic('warning', 'enum-empty', `Enum \`${doc.title}\` has no values: no value is valid`, doc.file, doc.titlePosition, 'Add rows to the Values table.'));
    }
    const seen = new Set<string | number | boolean>();
    const values: EnumModel['values'] = [];
    rows.forEach((row, i) => {
      const value = read(row.value, row.json);
      if (seen.has(value)) {
        this.diagnostics.push(diagnostic('warning', 'enum-duplicate-value', `Value \`${row.value}\` is listed twice in \`${doc.title}\`; the later row is left out`, doc.file, row.position, 'Remove the duplicate row.'));
        return;
      }
      seen.add(value);
      values.push({ name: row.name, memberName: memberNames[i]!, value, line: row.position.line, column: row.position.column });
    });
    return { valueType, values, open: doc.open };
  }
}

/** A title as a loose lookup key: NFC, lower case, letters, marks and digits only. */
function looseKey(title: string): string {
  return title.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

function base(model: Draft): Omit<UnionModel, 'tsName' | 'kind' | 'members'> {
  return { id: model.id, name: model.name, file: model.file, line: model.line, description: model.description, deprecated: model.deprecated };
}

/**
 * The type a union member's code fence shows: PHP `/** @var T *\/` (see {@link varAnnotation}),
 * TypeScript `const value: T = …`, Python `name: T = …`, Go `x := pkg.CreateXY(T{/* values here *\/})`.
 */
function fenceType(text: string): string | null {
  const annotated = varAnnotation(text);
  if (annotated !== null) return annotated;
  const ts = /^(?:const|let|var)\s+[\w$]+\s*:\s*([\s\S]+?)\s*=/m.exec(text);
  if (ts) return ts[1]!;
  const go = /:=\s*[\w.]+\(([\s\S]+?)\{\s*\/\*\s*values here\s*\*\/\s*\}\)/.exec(text);
  if (go) return go[1]!;
  const py = /^[\w]+\s*:\s*([\s\S]+?)\s*=/m.exec(text);
  if (py) return py[1]!;
  return null;
}

/**
 * The type of a PHP docblock `@var` annotation in a fence: `* @var array<string, mixed>` on its own
 * line or `/** @var T $value *\/`, or null. More precise than the member's heading, which writes
 * just `array` for lists and maps alike (Speakeasy PHP 2024+ union docs, corpus-wild
 * php-gando-solutions-gando-partner-php: `@var \Gando\Partner\Models\Components\X`).
 */
function varAnnotation(text: string): string | null {
  const match = /@var\s+([^\s$][^\n$]*?)\s*(?:\$\w+\s*)?(?:\*\/\s*)?$/m.exec(text);
  return match ? match[1]! : null;
}

/**
 * True when the link holding offset `offset` of a Type cell has a union inside its text
 * (`[Union[A, str]](x.md)`, `[T.any(A, B)](x.md)`, `[A\|B](x.md)`), not only around it
 * (`[models.A](x.md) \| null`).
 */
function unionInsideLink(raw: string, offset: number): boolean {
  let tokens;
  try {
    tokens = tokenize(raw);
  } catch {
    return true;
  }
  const link = tokens.find((t) => t.kind === 'link' && offset >= t.textOffset && offset <= t.textOffset + t.text.length);
  return link === undefined || (link.kind === 'link' && /[|,]/.test(link.text));
}

/** Every link target a parsed Type cell uses for a model reference. */
/**
 * True when a link's text reads as a date or date-time scalar (`[types.Date](../../types/date.md)`,
 * `[*types.Date](…)`, `[RFCDate](../../types/rfcdate.md)`): generators document their date types on
 * pages beside the models folder, so the scalar wins over the link, whatever folder `--input` names
 * (gt-go and gt-typescript with `--input docs/` link `pkg/types/date.md`, which they do not ship).
 */
function isDateText(notation: Notation, text: string): boolean {
  const read = notation.parseType(text.trim(), { bareNames: true });
  if (!read.ok) return false;
  const type = read.type.kind === 'nullable' ? read.type.inner : read.type;
  return type.kind === 'primitive' && (type.type === 'date' || type.type === 'date-time');
}

function collectTargets(type: NotationType, into: Set<string>): void {
  const stack = [type];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.kind === 'ref' && t.target !== null) into.add(t.target);
    else if (t.kind === 'array') stack.push(t.items);
    else if (t.kind === 'map') stack.push(t.values);
    else if (t.kind === 'nullable') stack.push(t.inner);
    else if (t.kind === 'union') stack.push(...t.members);
  }
}

/**
 * Strongly connected components of a graph (Tarjan's algorithm, iterative: no recursion however
 * long the chains), each listed in the order of `nodes`.
 *
 * @param nodes every node, in a stable order
 * @param next the nodes a node points to (nodes outside `nodes` are ignored)
 * @returns the components, in a stable order
 */
export function stronglyConnected(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const order = new Map(nodes.map((n, i) => [n, i]));
  const components: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; edges: readonly string[]; i: number }[] = [];
    const open = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: next(node).filter((n) => order.has(n)), i: 0 });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.edges.length) {
        const to = frame.edges[frame.i++]!;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== frame.node);
        components.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
      }
    }
  }
  return components;
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

