/**
 * Names, both ways: from a name to the docs it means (roots given by name, unlinked model names in
 * Type cells and union headings, looked up in indexes of the docs' headings), and from the models
 * to their TypeScript names (the `names` pass).
 *
 * @module
 */

import { didYouMean, nearest } from '../../core/suggest.js';
import { diagnostic, type Point } from '../../core/diagnostics.js';
import { assignTypeNames, namespaceRank } from '../naming.js';
import { docOf, type BuildContext, type Docs } from './context.js';

/**
 * The ids of the roots the options name: a doc path (`shared/task.md`, `x.md#anchor`) or a model
 * name (`Task`). A name that matches several docs picks the one in a schema namespace (`shared`,
 * `components`) with a `root-ambiguous` warning; still ambiguous is a `root-ambiguous` error that
 * lists the doc paths to use instead; no such doc or name is `root-missing`. Roots in error are
 * left out.
 */
export function resolveRoots(docs: Docs, roots: readonly string[]): string[] {
  const ids: string[] = [];
  for (const root of roots) {
    if (root.endsWith('.md') || root.includes('/') || root.includes('#')) {
      const id = root.replace(/\\/g, '/').replace(/^\.\//, '');
      const file = id.split('#')[0]!;
      if (!docs.files.has(file) || !docOf(docs, id)) {
        docs.diagnostics.push(
          diagnostic(
            'error',
            'root-missing',
            `Root \`${root}\` is not a model doc in the input folder`,
            null,
            undefined,
            `${didYouMean(nearestDocs(file, docs.source.files))}Give the doc path relative to --input, e.g. \`shared/task.md\`, or a model name.`,
          ),
        );
      } else ids.push(id);
      continue;
    }
    const candidates = titleIndex(docs).get(root) ?? [];
    if (candidates.length === 0) {
      docs.diagnostics.push(
        diagnostic(
          'error',
          'root-missing',
          `No model named \`${root}\` in the input`,
          null,
          undefined,
          `${didYouMean(nearest(root, titleIndex(docs).keys()))}Use the name from the doc's \`#\` heading, or a doc path.`,
        ),
      );
      continue;
    }
    const best = Math.min(...candidates.map(namespaceRank));
    const preferred = candidates.filter((c) => namespaceRank(c) === best);
    if (preferred.length > 1) {
      docs.diagnostics.push(
        diagnostic(
          'error',
          'root-ambiguous',
          `Model name \`${root}\` matches ${preferred.length} docs: ${preferred.join(', ')}`,
          null,
          undefined,
          'Pass the doc path as --root instead of the name.',
        ),
      );
      continue;
    }
    if (candidates.length > 1) {
      docs.diagnostics.push(
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

/**
 * Model title → ids, over every doc of the input, built on first need from the source's cheap
 * scan: a doc is parsed only when a run reaches it.
 */
export function titleIndex(docs: Docs): Map<string, string[]> {
  docs.indexes.titles ??= indexTitles(docs, (title) => title);
  return docs.indexes.titles;
}

/**
 * The docs headed `name`, else those whose heading is `name` ignoring case and punctuation
 * (`user_object`, `User Object` and `UserObject` alike); the second index is built only when the
 * first has no such heading.
 */
export function titled(docs: Docs, name: string): string[] {
  const exact = titleIndex(docs).get(name);
  if (exact) return exact;
  const key = looseKey(name);
  if (key === '') return [];
  docs.indexes.looseTitles ??= indexTitles(docs, looseKey);
  return docs.indexes.looseTitles.get(key) ?? [];
}

/** Ids by a key of their model's title, in file order (no empty key). */
function indexTitles(docs: Docs, key: (title: string) => string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const file of docs.source.files) {
    for (const doc of docs.source.scan ? docs.source.scan(file) : docs.source.load(file).docs) {
      const k = key(doc.title);
      if (k === '') continue;
      const list = index.get(k);
      if (list) list.push(doc.id);
      else index.set(k, [doc.id]);
    }
  }
  return index;
}

/** A title as a loose lookup key: NFC, lower case, letters, marks and digits only. */
function looseKey(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/**
 * Resolve an unlinked model name (`models.Pet`, `shared.ExampleBoat`, `Models::Shared::Pet`,
 * `::OpenApiSDK::Operations::X`, PHP `Components\X`, a bare `Error` inside `Optional<Error>`) by
 * its last segment against the docs' headings: exact first, then ignoring case and punctuation;
 * among several, see {@link prefer} (the folder its namespace names first: `errors.Error` is the
 * doc under `errors/`). No heading: `ref-unresolved` (a warning, read as unknown, with
 * --allow-broken-links), or, for an unqualified name in a Type cell, `notation-unknown`; several
 * left: `ref-ambiguous`, an error listing them.
 * Seen in corpus-wild typescript-openrouterteam (`models.X`), ruby-clerk (`Models::Components::X`).
 *
 * @param cell the raw Type cell the name is read from, '' for a union member heading or fence
 * @returns the model id, or null (with a diagnostic) when there is not exactly one
 */
export function resolveName(ctx: BuildContext, name: string, fromId: string, at: Point, file: string, cell: string): string | null {
  const segments = name.split(/::|\.|\\/).filter(Boolean);
  const last = segments.pop() ?? name;
  // (The index comes from a heading scan: a doc the parse does not read so is no candidate.)
  const named = titled(ctx, last).filter((id) => ctx.source.load(id.split('#')[0]!).docs.some((d) => d.id === id));
  const candidates = prefer(named, fromId, segments);
  if (candidates.length === 1) return candidates[0]!;
  const relaxed = ctx.options.allowBrokenLinks === true;
  if (candidates.length === 0 && segments.length === 0 && cell !== '') {
    // An unqualified, unlinked name in a Type cell is as likely a misspelt scalar as a model.
    ctx.diagnostics.push(
      diagnostic(
        relaxed ? 'warning' : 'error',
        'notation-unknown',
        `Cannot read Type \`${cell}\` as ${ctx.notation.label}: \`${name}\` is neither a ${ctx.notation.label} scalar nor the heading of a model doc${relaxed ? ': read as unknown' : ''}`,
        file,
        at,
        `${didYouMean(nearest(name, [...ctx.notation.scalars, ...titleIndex(ctx).keys()]))}Write the type in ${ctx.notation.label} notation, or link the name to its model doc.`,
      ),
    );
    return null;
  }
  ctx.diagnostics.push(
    candidates.length === 0
      ? diagnostic(
          relaxed ? 'warning' : 'error',
          'ref-unresolved',
          `No model doc is headed \`${last}\` (named \`${name}\`)${relaxed ? ': read as unknown' : ''}`,
          file,
          at,
          `${didYouMean([...nearest(name, ctx.notation.scalars, 1), ...nearest(last, titleIndex(ctx).keys(), 2)])}Link the name to its doc, or add a doc with that heading; --allow-broken-links reads it as unknown.`,
        )
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
export function prefer(ids: readonly string[], fromId: string, namespaces: readonly string[]): string[] {
  let candidates = [...ids];
  const wanted = new Set(namespaces.map((n) => n.toLowerCase()));
  if (candidates.length > 1 && wanted.size > 0) {
    const named = candidates.filter((c) =>
      c
        .toLowerCase()
        .split('/')
        .slice(0, -1)
        .some((folder) => wanted.has(folder)),
    );
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
 * The `names` pass: every model read, in id order, with its TypeScript name (unique, not
 * reserved; see `assignTypeNames`), into `ctx.named`.
 */
export function nameModels(ctx: BuildContext): void {
  const ids = [...ctx.models.keys()].sort();
  const tsNames = assignTypeNames(ids.map((id) => ({ id, name: ctx.models.get(id)!.name })));
  ctx.named = ids.map((id) => ({ ...ctx.models.get(id)!, tsName: tsNames.get(id)! }));
}

/** The doc paths whose file name is nearest to that of `file` (a misspelt `--root` path). */
function nearestDocs(file: string, files: readonly string[]): string[] {
  const base = (f: string): string => f.slice(f.lastIndexOf('/') + 1);
  const names = new Set(nearest(base(file), files.map(base)));
  const folder = file.slice(0, file.lastIndexOf('/') + 1);
  // The same folder first.
  return files
    .filter((f) => names.has(base(f)))
    .sort((a, b) => Number(!a.startsWith(folder)) - Number(!b.startsWith(folder)))
    .slice(0, 3);
}
