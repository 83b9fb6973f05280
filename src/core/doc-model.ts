/**
 * What the parse stage reads from one doc: plain data with positions, no mdast.
 *
 * @module
 */

import type { Point } from './diagnostics.js';

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

/** One value of a `## Values` table or fence. */
export interface DocValue {
  /** The Name column's text (backticks removed); for a fence, the value's text. */
  name: string;
  /** The Value column's raw text, or the fence literal's value as text. */
  value: string;
  /** The value's JSON type when the doc says it (a fence literal: `"a"` is a string, `1` a number); null for unquoted table cells. */
  json: string | number | boolean | null;
  position: Point;
}

/** One `###` section of `## Supported Types`: a union member. */
export interface DocUnionMember {
  /** The heading text: a backticked type (`` `models.Pet` ``, code kept without backticks in `code`), a member name (`ExampleBoat`), or empty. */
  heading: string;
  /** The heading's code span text when the heading is a code span, else null. */
  code: string | null;
  /** The first code fence of the section: its language and text, or null. */
  fence: { lang: string | null; text: string } | null;
  position: Point;
}

/**
 * One model of a doc, as parsed.
 * - `fields`: a `## Fields` table (possibly empty: a free-form object).
 * - `values`: a `## Values` table or literal-union fence (an enum).
 * - `union`: a `## Supported Types` section.
 * - `none`: a heading with none of them (a stub, or a file that is not a model).
 */
export interface DocModel {
  /** `file` for a doc's first model; `file#anchor` for the further models of a multi-model doc. */
  id: string;
  /** Path relative to the input folder, POSIX separators. */
  file: string;
  /** The GitHub-style heading anchor (`backoffstrategy`), for intra-doc links. */
  anchor: string;
  title: string;
  titlePosition: Point;
  deprecated: boolean;
  description: string | null;
  kind: 'fields' | 'values' | 'union' | 'none';
  fields: DocField[];
  values: DocValue[];
  /** An open enum: a `Unrecognized<string>` row says unknown strings are accepted too. */
  open: boolean;
  members: DocUnionMember[];
}
