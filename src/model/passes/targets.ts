/**
 * Links of Type cells to model ids: a link to a doc of the input is that doc's model; a link to a
 * doc that does not exist is repaired when exactly one doc of the input is meant; links that name
 * no model (a scalar's text) are still checked.
 *
 * @module
 */

import { posix as posixPath } from 'node:path';
import { tokenize } from '../../notation/tokenize.js';
import type { Notation, NotationType } from '../../notation/types.js';
import type { DocModel } from '../../core/doc-model.js';
import { diagnostic, type Point } from '../../core/diagnostics.js';
import { resolveLink } from '../links.js';
import { docsOf, type BuildContext, type Docs } from './context.js';
import { prefer, titled } from './names.js';

/**
 * A link target → model id, with diagnostics at the name. A link to a doc that does not exist
 * is repaired when {@link repairLink} finds the one doc it means (`link-repaired`, warning);
 * several candidates: `link-ambiguous`, an error listing them; none: `link-missing` (a warning,
 * read as unknown, with --allow-broken-links). A link to a doc without a model is
 * `link-not-model`; a fragment that names no model of the doc, `link-fragment` (the doc's first
 * model is used).
 *
 * @param quiet report nothing (the caller only asks what the link means)
 * @returns the model id, or null when the link names none
 */
export function resolveTarget(ctx: BuildContext, target: string, doc: DocModel, at: Point, quiet = false): string | null {
  let resolved = resolveLink(
    ctx.source.root,
    doc.file,
    target,
    (t) => ctx.files.has(t),
    (t) => ctx.source.isFolder(t),
  );
  const missing = resolved.problems.find((p) => p.ruleId === 'link-missing');
  if (resolved.id === null && missing) {
    const repair = repairLink(ctx, target, doc.id);
    const others = resolved.problems.filter((p) => p !== missing);
    if (repair.id !== null) {
      const hash = target.indexOf('#');
      resolved = {
        id: repair.id,
        fragment: hash === -1 ? null : target.slice(hash + 1).replace(/[>\s][\s\S]*$/, ''),
        problems: [
          ...others,
          {
            severity: 'warning',
            ruleId: 'link-repaired',
            message: `${missing.message}: read as a link to ${repair.id}, the doc with that ${repair.by}`,
            hint: `Link to \`${posixPath.relative(posixPath.dirname(doc.file), repair.id)}\`.`,
          },
        ],
      };
    } else if (repair.candidates.length > 1) {
      resolved = {
        ...resolved,
        problems: [
          ...others,
          {
            severity: 'error',
            ruleId: 'link-ambiguous',
            message: `${missing.message}; ${repair.candidates.length} docs could be meant: ${repair.candidates.join(', ')}`,
            hint: 'Link to one of them.',
          },
        ],
      };
    }
  }
  if (!quiet) {
    for (const p of resolved.problems) {
      const relaxed = p.ruleId === 'link-missing' && ctx.options.allowBrokenLinks === true;
      ctx.diagnostics.push(
        diagnostic(
          relaxed ? 'warning' : p.severity,
          p.ruleId,
          relaxed ? `${p.message}: read as unknown` : p.message,
          doc.file,
          at,
          relaxed ? p.hint : p.ruleId === 'link-missing' ? `${p.hint} --allow-broken-links reads it as unknown.` : p.hint,
        ),
      );
    }
  }
  if (resolved.id === null) return null;
  const docs = docsOf(ctx, resolved.id);
  if (docs.length === 0) {
    // A doc that could not be read has its own error (`doc-unreadable`): the link adds nothing to it.
    const unreadable = ctx.source.load(resolved.id).diagnostics.some((d) => d.ruleId === 'doc-unreadable');
    if (!quiet && !unreadable)
      ctx.diagnostics.push(
        diagnostic('error', 'link-not-model', `Link target \`${target}\` is not a model doc (no \`#\` heading)`, doc.file, at, 'Link to a model doc.'),
      );
    return null;
  }
  if (resolved.fragment !== null) {
    const fragment = resolved.fragment.toLowerCase();
    const anchored = docs.find((d) => d.anchor === fragment);
    if (anchored) return anchored.id;
    if (!quiet) {
      ctx.diagnostics.push(
        diagnostic(
          'warning',
          'link-fragment',
          `Link target \`${target}\` has a fragment that names no model of the doc; the doc's model is used`,
          doc.file,
          at,
          'Link to the doc without `#fragment`.',
        ),
      );
    }
  }
  return docs[0]!.id;
}

/**
 * Links of a Type cell that name no model still point somewhere: `[String](nonexistent.md)`
 * (a scalar's text) links to a doc the input does not have, a `link-missing` like any other,
 * repaired like a model link (`link-repaired`, `link-ambiguous`: see {@link repairLink}).
 * Tolerated without a word: URLs and links outside the input (library types such as
 * `[RFCDate](../../types/rfcdate.md)` are documented beside the models), and the generators'
 * placeholder for "no doc", a file named just `.md` (`[any](../../models/.md)`).
 *
 * @param raw the Type cell as written
 * @param type the cell as the notation read it (its model links are checked by {@link resolveTarget})
 */
export function checkOtherLinks(ctx: BuildContext, raw: string, type: NotationType, doc: DocModel, at: (offset: number) => Point): void {
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
    const resolved = resolveLink(
      ctx.source.root,
      doc.file,
      token.target,
      (t) => ctx.files.has(t),
      (t) => ctx.source.isFolder(t),
    );
    const missing = resolved.problems.find((p) => p.ruleId === 'link-missing');
    if (!missing || isDateText(ctx.notation, token.text)) continue;
    const repair = repairLink(ctx, token.target, doc.id);
    if (repair.id !== null) {
      ctx.diagnostics.push(
        diagnostic(
          'warning',
          'link-repaired',
          `${missing.message}: read as a link to ${repair.id}, the doc with that ${repair.by}`,
          doc.file,
          at(token.textOffset),
          `Link to \`${posixPath.relative(posixPath.dirname(doc.file), repair.id)}\`.`,
        ),
      );
      continue;
    }
    if (repair.candidates.length > 1) {
      ctx.diagnostics.push(
        diagnostic(
          'error',
          'link-ambiguous',
          `${missing.message}; ${repair.candidates.length} docs could be meant: ${repair.candidates.join(', ')}`,
          doc.file,
          at(token.textOffset),
          'Link to one of them.',
        ),
      );
      continue;
    }
    const relaxed = ctx.options.allowBrokenLinks === true;
    ctx.diagnostics.push(
      diagnostic(
        relaxed ? 'warning' : 'error',
        'link-missing',
        missing.message,
        doc.file,
        at(token.textOffset),
        relaxed ? missing.hint : `${missing.hint} --allow-broken-links reads it as unknown.`,
      ),
    );
  }
}

/**
 * The doc a link to a missing doc means (Speakeasy writes `../../models/shared/x.md` for docs
 * that live in `components/`: corpus-wild ruby-clerk-clerk-sdk-ruby 2026): the docs of the input with the
 * link's file name, or, when none has it, those headed like that file name (`userobject.md`:
 * `UserObject`, ignoring case and punctuation), narrowed by {@link prefer} (the link's
 * folders as namespaces).
 *
 * @returns the one doc (`id`), or the candidates left when there is not exactly one
 */
function repairLink(docs: Docs, target: string, fromId: string): { id: string | null; candidates: string[]; by: 'file name' | 'heading' } {
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
  const byBase = (docs.indexes.byBase ??= filesByBase(docs.source.files));
  let found = byBase.get(base.toLowerCase()) ?? [];
  const exact = found.filter((f) => f.endsWith(`/${base}`) || f === base);
  if (exact.length > 0) found = exact;
  const by = found.length > 0 ? 'file name' : 'heading';
  if (found.length === 0) {
    found = titled(docs, base.replace(/\.mdx?$/i, ''));
  }
  const candidates = prefer(found, fromId, parts);
  return { id: candidates.length === 1 ? candidates[0]! : null, candidates, by };
}

/** Doc file name (lower case) → the doc files of that name. */
function filesByBase(files: readonly string[]): Map<string, string[]> {
  const byBase = new Map<string, string[]>();
  for (const file of files) {
    const key = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
    const list = byBase.get(key) ?? [];
    list.push(file);
    byBase.set(key, list);
  }
  return byBase;
}

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

/** Every link target a parsed Type cell uses for a model reference, added to `into`. */
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
