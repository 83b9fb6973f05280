/**
 * Diagnostics: plain, JSON-serializable messages with a stable rule id, a position in a doc and a
 * one-line hint that says what to do. Every stage returns them; the CLI prints them with
 * vfile-reporter.
 *
 * @module
 */

/** How bad a diagnostic is. `error` fails the run (exit 1, nothing written). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One diagnostic.
 *
 * `file` is the doc's path relative to the input folder (POSIX separators), or `null` when the
 * message concerns no single doc (a root that names no model, say). `line` and `column` are
 * 1-based, counted after a byte order mark is removed and CRLF / CR line ends are read as LF.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable id of the rule that fired, such as `link-missing` or `notation-unknown`. */
  ruleId: string;
  message: string;
  /** One line on how to fix or silence it. */
  hint?: string;
  file: string | null;
  line?: number;
  column?: number;
}

/** A 1-based position in a doc. */
export interface Point {
  line: number;
  column: number;
}

/**
 * Build a diagnostic.
 *
 * @param severity `error`, `warning` or `info`
 * @param ruleId stable rule id (kebab-case)
 * @param message what is wrong, in one sentence
 * @param file doc path relative to the input folder, or null
 * @param at position in the doc, if known
 * @param hint one line on what to do
 */
export function diagnostic(severity: Severity, ruleId: string, message: string, file: string | null, at?: Point, hint?: string): Diagnostic {
  const d: Diagnostic = { severity, ruleId, message, file };
  if (at) {
    d.line = at.line;
    d.column = at.column;
  }
  if (hint) d.hint = hint;
  return d;
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Order diagnostics by file, line, column, then rule id, so output is stable whatever order the
 * stages found them in. Diagnostics without a file come first.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A rule of {@link RULES}. */
export interface Rule {
  /** The severity it has (`error / warning`: depends on the case or on --allow-broken-links). */
  severity: string;
  /** True for an inference the docs forced (what `docs2ts explain` lists). */
  inference: boolean;
  /** When it fires, in one line. */
  when: string;
}

/**
 * Every rule id docs2ts reports: the one registry the README's rule table, the `explain` list and
 * the rule ids of the stages come from. Rule ids are stable: tools may filter on them.
 */
export const RULES: Readonly<Record<string, Rule>> = {
  'notation-unknown': {
    severity: 'error / warning',
    inference: false,
    when: 'a Type cell the notation cannot read, or an unlinked unqualified name that is neither a scalar nor a heading (a warning with --allow-broken-links)',
  },
  'notation-detected': { severity: 'info', inference: true, when: 'the notation detected for the Type cells' },
  'ref-unresolved': { severity: 'error / warning', inference: false, when: 'an unlinked model name no doc heading has (a warning with --allow-broken-links)' },
  'ref-ambiguous': { severity: 'error', inference: false, when: 'an unlinked model name several docs have, with no preferred one' },
  'link-missing': {
    severity: 'error / warning',
    inference: false,
    when: 'a link to a doc the input does not have, and no doc of that file name or heading (a warning with --allow-broken-links)',
  },
  'link-repaired': {
    severity: 'warning',
    inference: false,
    when: 'a link to a doc that does not exist, read as a link to the one doc with its file name (or heading)',
  },
  'link-ambiguous': {
    severity: 'error',
    inference: false,
    when: 'a link to a doc that does not exist, with several docs of its file name (or heading) and no preferred one',
  },
  'link-outside': { severity: 'error', inference: false, when: 'a model link that leaves the input folder' },
  'link-folder': { severity: 'error', inference: false, when: 'a model link to a folder' },
  'link-absolute': { severity: 'error', inference: false, when: 'a model link with an absolute path' },
  'link-external': { severity: 'error', inference: false, when: 'a model link to a URL' },
  'link-not-model': { severity: 'error', inference: false, when: 'a model link to a doc with no model' },
  'link-backslash': { severity: 'warning', inference: false, when: 'a link with `\\` separators' },
  'link-fragment': { severity: 'warning', inference: false, when: 'a link `#fragment` that names no model of the doc' },
  'union-member': { severity: 'error', inference: false, when: 'a union member whose type cannot be read' },
  'values-fence': { severity: 'error', inference: false, when: 'a Values fence that is not a union of literals' },
  'table-row-cells': { severity: 'error', inference: false, when: 'a table row with another number of cells than the header' },
  'table-columns': { severity: 'error', inference: false, when: 'a Fields or Values table without its columns' },
  'table-malformed': { severity: 'error', inference: false, when: 'pipe rows under Fields / Values that are no GFM table' },
  'table-pipe-in-code': { severity: 'warning', inference: false, when: 'an unescaped `|` in a code span of a table cell' },
  'required-cell': { severity: 'error', inference: false, when: 'a Required cell that is neither check mark nor minus sign' },
  'required-missing': { severity: 'info', inference: true, when: 'a Fields table without a Required column' },
  'field-name-empty': { severity: 'error', inference: false, when: 'an empty Field cell' },
  'field-duplicate': { severity: 'error', inference: false, when: 'a field listed twice' },
  'union-cycle': { severity: 'error / info', inference: true, when: 'a union that refers to itself (only: error; beside other members: info)' },
  'union-empty': { severity: 'warning', inference: false, when: 'a union with no readable member' },
  'doc-unreadable': {
    severity: 'error / warning',
    inference: false,
    when: 'a doc that cannot be read (a warning when a rooted run does not reach it: skipped)',
  },
  'folder-unreadable': {
    severity: 'error / warning',
    inference: false,
    when: 'a sub-folder of the input that cannot be listed (a warning in a rooted run)',
  },
  'markdown-too-deep': { severity: 'error', inference: false, when: 'a doc nested too deeply to parse' },
  'root-missing': { severity: 'error', inference: false, when: 'a --root that names no model' },
  'root-ambiguous': { severity: 'error / warning', inference: true, when: 'a --root name several docs have' },
  'doc-no-table': { severity: 'warning', inference: false, when: 'a model doc with no Fields, Values or Supported Types section' },
  'enum-empty': { severity: 'warning', inference: false, when: 'an enum with no values' },
  'enum-duplicate-value': { severity: 'warning', inference: false, when: 'an enum value listed twice' },
  'enum-value-type': { severity: 'info', inference: true, when: 'enum values read as numbers, or `true` / `false` values read as strings' },
  'transport-nested': { severity: 'warning', inference: false, when: 'a transport object inside a type' },
  'transport-field': { severity: 'info', inference: true, when: 'a transport-object field, left out' },
  'transport-member': { severity: 'info', inference: true, when: 'a transport-object union member, left out' },
  'html-comment-unclosed': { severity: 'warning', inference: false, when: 'an HTML comment not closed before the next blank line' },
  'not-a-model': { severity: 'info', inference: true, when: 'a file with no `#` heading nor front matter title: not a model doc, skipped' },
  'example-dropped': { severity: 'info', inference: true, when: 'an `[object Object]` example, dropped' },
  'binary-as-string': { severity: 'info', inference: true, when: 'bytes read as a string' },
  'additional-properties': { severity: 'info', inference: true, when: 'the additionalProperties pseudo-field' },
  'nullable-inferred': { severity: 'info', inference: true, when: 'a field read as nullable' },
  'date-label': { severity: 'info', inference: true, when: 'a swapped Date / DateTime link label' },
  'override-applied': { severity: 'info', inference: true, when: 'a config override applied' },
  'override-unknown': { severity: 'error', inference: false, when: 'a config override key that names no model or field' },
  'override-invalid': { severity: 'error', inference: false, when: 'a config override that does not fit its model or field' },
  'property-case-unset': {
    severity: 'warning',
    inference: true,
    when: "once a run: `propertyCase` not chosen while the field names are the SDK's renamed ones (PascalCase, snake_case or camelCase words)",
  },
  'nullable-optionals-unset': {
    severity: 'warning',
    inference: true,
    when: 'once a run: `nullableOptionals` not chosen while no optional field says whether it may be null',
  },
};

/** The diagnostics that are inferences the docs forced (rules with `inference`), in their order: what `docs2ts explain` lists. */
export function inferences(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => RULES[d.ruleId]?.inference === true);
}
