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
export function diagnostic(
  severity: Severity,
  ruleId: string,
  message: string,
  file: string | null,
  at?: Point,
  hint?: string,
): Diagnostic {
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
