/**
 * The transform of a doc with a Values table (or a fence of literals) into an enum model.
 *
 * @module
 */

import type { DocModel } from '../../core/doc-model.js';
import { diagnostic } from '../../core/diagnostics.js';
import type { EnumModel } from '../../core/ir.js';
import { enumMemberNames } from '../naming.js';
import { draftBase, type BuildContext } from './context.js';

/**
 * An enum model from its doc: its values, their JSON type and member names. Tables hold values
 * unquoted, so `1` may be a string or a number: values are read as numbers only when every value
 * of the enum reads as one, otherwise all are strings; the number guess is reported
 * (`enum-value-type`, info). Values from a fence keep the type the literal has.
 *
 * A table of `true` / `false` values is read as strings, also reported (`enum-value-type`, info,
 * with the `valueType: "boolean"` override): no notation writes a boolean enum as a Values table
 * (the test API's `booleanEnum: { type: boolean, enum: [false] }` is a plain boolean field in all
 * seven gt-* trees), while OpenAPI `enum: ["true", "false"]` string enums are (corpus-wild
 * ruby-clerk-clerk-sdk-ruby `operations/includeinvalid.md`, php-gando… `IncludeCounts.md`).
 *
 * No values (and not open) is `enum-empty`, a warning; a repeated value, `enum-duplicate-value`
 * (the later row is left out).
 */
export function transformEnum(ctx: BuildContext, doc: DocModel): Omit<EnumModel, 'tsName'> {
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
    ctx.diagnostics.push(
      diagnostic(
        'info',
        'enum-value-type',
        `Every value of \`${doc.title}\` reads as a boolean: the enum is read as strings ("true", "false"), as SDK generators write only string enums as Values tables`,
        doc.file,
        doc.titlePosition,
        `Override with \`"${doc.title}": { "valueType": "boolean" }\` if the API sends booleans.`,
      ),
    );
  }
  if (!typed && valueType !== 'string') {
    ctx.diagnostics.push(
      diagnostic(
        'info',
        'enum-value-type',
        `Every value of \`${doc.title}\` reads as a ${valueType}: the enum is read as ${valueType}s, not strings`,
        doc.file,
        doc.titlePosition,
        `Override with \`"${doc.title}": { "valueType": "string" }\` if the API sends strings.`,
      ),
    );
  }
  if (rows.length === 0 && !doc.open) {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        'enum-empty',
        `Enum \`${doc.title}\` has no values: read as \`never\`: validators reject every value of this type`,
        doc.file,
        doc.titlePosition,
        'Add the Values table (`| Name | Value |`) with a row per value.',
      ),
    );
  }
  const seen = new Set<string | number | boolean>();
  const values: EnumModel['values'] = [];
  rows.forEach((row, i) => {
    const value = read(row.value, row.json);
    if (seen.has(value)) {
      ctx.diagnostics.push(
        diagnostic(
          'warning',
          'enum-duplicate-value',
          `Value \`${row.value}\` is listed twice in \`${doc.title}\`; the later row is left out`,
          doc.file,
          row.position,
          'Remove the duplicate row.',
        ),
      );
      return;
    }
    seen.add(value);
    values.push({ name: row.name, memberName: memberNames[i]!, value, line: row.position.line, column: row.position.column });
  });
  return { ...draftBase(doc), kind: 'enum', valueType, values, open: doc.open };
}
