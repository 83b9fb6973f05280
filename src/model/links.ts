/**
 * Link resolution: a link target in a doc → the id of the doc it names.
 *
 * @module
 */

import path from 'node:path';
import type { Severity } from '../core/diagnostics.js';

/** A problem with a link, as a rule id, severity and message (the caller adds the position). */
export interface LinkProblem {
  severity: Severity;
  ruleId: string;
  message: string;
  hint: string;
}

/**
 * A resolved link: the target doc file (path relative to the input folder; null when it cannot be
 * resolved), the `#fragment` if any (for the caller to match against the doc's anchors), and the
 * problems found.
 */
export interface LinkResolution {
  id: string | null;
  fragment: string | null;
  problems: LinkProblem[];
}

/**
 * Resolve a link target written in `from` relative to that doc, as a Markdown renderer would.
 *
 * Tolerated with a warning: backslashes as separators (`link-backslash`). A `#fragment` is cut
 * off and returned (a bare `#anchor` names the linking doc itself). Errors: an absolute path or URL (`link-absolute`, `link-external`), a target
 * outside the input folder (`link-outside`), a folder (`link-folder`), a doc that is not in the
 * input (`link-missing`).
 *
 * @param root the input folder's absolute path (POSIX separators): a link may climb above the
 *   input folder and come back into it (`../../models/shared/x.md` from `docs/models/shared/`)
 * @param from the linking doc's id (path relative to the input folder, POSIX)
 * @param target the link's target as written
 * @param exists tells whether a doc id exists in the input
 * @param isFolder tells whether a path relative to the input folder is a folder
 */
export function resolveLink(root: string, from: string, target: string, exists: (id: string) => boolean, isFolder: (id: string) => boolean): LinkResolution {
  const problems: LinkProblem[] = [];
  const fail = (ruleId: string, message: string, hint: string): LinkResolution => ({
    id: null,
    fragment: null,
    problems: [...problems, { severity: 'error', ruleId, message, hint }],
  });
  // CommonMark link destinations: `<...>` form, and an optional title after whitespace.
  let t = target.trim();
  t = t.startsWith('<') ? t.replace(/^<([^>]*)>[\s\S]*$/, '$1') : t.split(/\s+/)[0]!;
  if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !/^[a-z]:[\\/]/i.test(t)) {
    return fail('link-external', `Link target \`${target}\` is a URL, not a model doc`, 'Link to the model doc by a relative path.');
  }
  if (t.includes('\\')) {
    problems.push({
      severity: 'warning',
      ruleId: 'link-backslash',
      message: `Link target \`${target}\` uses backslashes`,
      hint: 'Use `/` as the path separator in links.',
    });
    t = t.replace(/\\/g, '/');
  }
  t = t.replace(/\?[^#]*/, ''); // a `?query` means nothing for a file
  let fragment: string | null = null;
  const hash = t.indexOf('#');
  if (hash !== -1) {
    fragment = t.slice(hash + 1);
    t = t.slice(0, hash);
    if (t === '') return { id: from, fragment, problems };
  }
  try {
    t = decodeURI(t);
  } catch {
    // keep the text as written
  }
  if (t.startsWith('/') || /^[a-z]:\//i.test(t)) {
    return fail('link-absolute', `Link target \`${target}\` is an absolute path`, 'Link relative to the doc, e.g. `../shared/x.md`.');
  }
  if (t === '') return fail('link-missing', 'Link target is empty', 'Point the link at the model doc.');
  const absolute = path.posix.join(root, path.posix.dirname(from), t);
  const id = path.posix.relative(root, absolute);
  if (id === '..' || id.startsWith('../') || path.posix.isAbsolute(id)) {
    return fail('link-outside', `Link target \`${target}\` leaves the input folder`, 'Pass a higher --input folder, or fix the link.');
  }
  const clean = id.replace(/\/$/, '');
  if (t.endsWith('/') || isFolder(clean) || clean === '') {
    return fail('link-folder', `Link target \`${target}\` is a folder, not a doc`, 'Link to the model doc file itself.');
  }
  if (!exists(clean)) {
    return fail('link-missing', `Link target \`${target}\` (${clean}) does not exist in the input`, 'Fix the link, or add the missing doc.');
  }
  return { id: clean, fragment, problems };
}
