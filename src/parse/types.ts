/**
 * What the parse stage reads from one doc: plain data with positions, no mdast.
 *
 * @module
 */

import type { Point } from '../model/diagnostics.js';

/** A table cell: its raw Markdown source (escaped pipes unescaped) and where that source starts. */
export interface DocCell {
  /** Raw source text of the cell, trimmed, with `\|` read as `|`. */
  raw: string;
  /** Position of the first character of `raw` (1-based line and column). */
  start: Point;
}

/** One row of a `## Fields` table. */
export interface DocField {
  /** The property name: the Field cell's code text (backticks removed). */
  name: string;
  /** Struck through (`~~name~~`) or marked `DEPRECATED` in its description. */
  deprecated: boolean;
  /** The Type cell, raw: notations are read from the source, never from rendered Markdown. */
  type: DocCell;
  /** `true` for `:heavy_check_mark:`, `false` for `:heavy_minus_sign:`. */
  required: boolean;
  /** Description Markdown with `<br/>` as line breaks; null for `N/A` or empty. */
  description: string | null;
  /** The Example cell, or null when empty or `[object Object]`. */
  example: string | null;
  /** Start of the row. */
  position: Point;
}

/** One row of a `## Values` table. */
export interface DocValue {
  /** The Name column's text (backticks removed). */
  name: string;
  /** The Value column's raw text. */
  value: string;
  position: Point;
}

/**
 * One model doc, as parsed.
 * - `fields`: a `## Fields` table (possibly empty: a free-form object).
 * - `values`: a `## Values` table (an enum).
 * - `none`: a heading with neither (a stub, or a file that is not a model).
 */
export interface DocModel {
  /** Path relative to the input folder, POSIX separators. */
  file: string;
  title: string;
  titlePosition: Point;
  deprecated: boolean;
  description: string | null;
  kind: 'fields' | 'values' | 'none';
  fields: DocField[];
  values: DocValue[];
}
