/**
 * The one context of a build, made once from the doc source and the options before any pass runs:
 * the docs (loaded on first use, their parse diagnostics recorded once), the diagnostics every
 * pass adds to, the resolved roots, the notation of the Type cells, and the models the passes fill
 * in. Every pass and every per-construct transform takes it as its first argument.
 *
 * @module
 */

import { detectNotation } from '../../notation/detect.js';
import type { Notation } from '../../notation/types.js';
import type { DocModel } from '../../core/doc-model.js';
import type { DocSource } from '../../core/doc-source.js';
import type { BuildOptions } from '../build.js';
import { diagnostic, type Diagnostic, type Point } from '../../core/diagnostics.js';
import type { EnumModel, Model, ObjectModel, TypeRef, UnionModel } from '../../core/ir.js';
import { resolveRoots } from './names.js';

/** A model before it is named (the `names` pass adds `tsName`). */
export type Draft = Omit<ObjectModel, 'tsName'> | Omit<EnumModel, 'tsName'> | Omit<UnionModel, 'tsName'>;

/** The fields every model takes from its doc, in the IR's key order. */
export type DraftBase = Omit<UnionModel, 'tsName' | 'kind' | 'members'>;

/**
 * The docs as the passes read them: what the context holds before the roots and the notation are
 * known (root resolution and notation detection read docs through it).
 */
export interface Docs {
  readonly source: DocSource;
  readonly options: BuildOptions;
  /** `source.files` as a set. */
  readonly files: ReadonlySet<string>;
  /** Every diagnostic of the build, in the order the passes report them (sorted at the end). */
  readonly diagnostics: Diagnostic[];
  /** Files whose parse diagnostics are in `diagnostics`. */
  readonly loaded: Set<string>;
  /** Lookup indexes over every doc of the input, each built on first need (see `names.ts`). */
  readonly indexes: {
    /** Model title → ids. */
    titles?: Map<string, string[]>;
    /** Model title ignoring case and punctuation → ids. */
    looseTitles?: Map<string, string[]>;
    /** Doc file name (lower case) → doc files, for repairing broken links. */
    byBase?: Map<string, string[]>;
  };
}

/** The context every pass reads and fills in. */
export interface BuildContext extends Docs {
  /** The root model ids (from `options.roots`), or every model id when no root is given. */
  readonly roots: readonly string[];
  /** The notation of the Type cells: the option, else detected from the roots' docs. */
  readonly notation: Notation;
  /** Model ids waiting to be read (the `reach` pass reads them in order). */
  readonly queue: string[];
  /** Every id ever queued. */
  readonly queued: Set<string>;
  /** The models read so far, by id. */
  readonly models: Map<string, Draft>;
  /** Members of heading-only union stubs, from the cells that reference them. */
  readonly stubMembers: Map<string, TypeRef[]>;
  /** Where each stub's members were read: the cell of the link that named them. */
  readonly stubOrigins: Map<string, { file: string; at: Point }>;
  /**
   * The `doc-no-table` warnings of heading-only docs read as objects, by model id: the
   * `stub-unions` pass reports those no cell made a union of (a cell read later may still do).
   */
  readonly noTable: Map<string, Diagnostic>;
  /** The named models in id order, set by the `names` pass (empty before). */
  named: Model[];
}

/**
 * Make the context of a build: resolve the roots (`root-missing` / `root-ambiguous` diagnostics)
 * or, without roots, list every model of the input; then take the notation from the options or
 * detect it from the roots' Type cells (a `notation-detected` info).
 */
export function createContext(source: DocSource, options: BuildOptions): BuildContext {
  const docs: Docs = { source, options, files: new Set(source.files), diagnostics: [], loaded: new Set(), indexes: {} };
  const roots = options.roots.length > 0 ? resolveRoots(docs, options.roots) : allModelIds(docs);
  const notation = options.notation ?? detect(docs, roots);
  return {
    ...docs,
    roots,
    notation,
    queue: [],
    queued: new Set(),
    models: new Map(),
    stubMembers: new Map(),
    stubOrigins: new Map(),
    noTable: new Map(),
    named: [],
  };
}

/** The models of a file, loading it (and recording its parse diagnostics) on first use. */
export function docsOf(docs: Docs, file: string): DocModel[] {
  const { docs: models, diagnostics } = docs.source.load(file);
  if (!docs.loaded.has(file)) {
    docs.loaded.add(file);
    docs.diagnostics.push(...diagnostics);
  }
  return models;
}

/** The doc model of an id (`file` or `file#anchor`), or undefined when the file has no such model. */
export function docOf(docs: Docs, id: string): DocModel | undefined {
  const hash = id.indexOf('#');
  return docsOf(docs, hash === -1 ? id : id.slice(0, hash)).find((d) => d.id === id);
}

/** Queue a model id for the `reach` pass, once. */
export function enqueue(ctx: BuildContext, id: string): void {
  if (ctx.queued.has(id)) return;
  ctx.queued.add(id);
  ctx.queue.push(id);
}

/** The fields a model takes from its doc. */
export function draftBase(doc: DocModel): DraftBase {
  return { id: doc.id, name: doc.title, file: doc.file, line: doc.titlePosition.line, description: doc.description, deprecated: doc.deprecated };
}

/** Every model id of the input, in file order. */
function allModelIds(docs: Docs): string[] {
  return docs.source.files.flatMap((file) => docsOf(docs, file).map((d) => d.id));
}

/**
 * The notation read from up to about 400 Type cells of the roots (or of every file), reported as
 * an info. Roots with no Type cells of their own (a union doc: its members are headings and fences)
 * are read with the rest of the tree's cells, in file order (a rooted run otherwise parses only
 * the docs it reaches).
 */
function detect(docs: Docs, roots: readonly string[]): Notation {
  const sample: string[] = [];
  const take = (models: (id: string) => DocModel | undefined, ids: Iterable<string>): void => {
    for (const id of ids) {
      if (sample.length >= 400) return;
      for (const field of models(id)?.fields ?? []) sample.push(field.type.raw);
    }
  };
  take((id) => docOf(docs, id), roots.length > 0 ? roots : docs.source.files);
  if (roots.length > 0 && sample.length === 0) {
    // Read without recording their parse diagnostics: a rooted run reports only the docs it reaches.
    const rootFiles = new Set(roots.map((id) => id.split('#')[0]));
    take(
      (file) => docs.source.load(file).docs[0],
      docs.source.files.filter((file) => !rootFiles.has(file)),
    );
  }
  const { notation, parsed } = detectNotation(sample);
  docs.diagnostics.push(
    diagnostic(
      'info',
      'notation-detected',
      `Type cells read as ${notation.label} (${parsed} of ${sample.length} sampled cells)`,
      null,
      undefined,
      'Pass --notation to choose another.',
    ),
  );
  return notation;
}

/**
 * The `unreadable` pass: what the doc source could not read outside a load. A doc a rooted run
 * reached gave its error when loaded; one it did not reach stays a warning (skipped). A folder
 * that could not be listed is an error of a run over every doc, a warning of a rooted run (a link
 * into it still fails as a missing doc).
 */
export function reportUnreadable(ctx: BuildContext): void {
  const rooted = ctx.options.roots.length > 0;
  for (const problem of ctx.source.problems?.() ?? []) {
    if (problem.file !== null && ctx.loaded.has(problem.file)) continue;
    if (problem.ruleId === 'folder-unreadable' && rooted) {
      ctx.diagnostics.push({ ...problem, severity: 'warning', message: `${problem.message}; skipped, the roots do not reach a doc in it` });
    } else if (problem.ruleId === 'folder-unreadable') {
      ctx.diagnostics.push({ ...problem, message: `${problem.message}; the docs in it are not read` });
    } else ctx.diagnostics.push(problem);
  }
}
