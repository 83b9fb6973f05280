/**
 * The transform of a doc with a Fields table (or with no table at all) into an object model.
 *
 * @module
 */

import type { DocModel } from '../../core/doc-model.js';
import { diagnostic } from '../../core/diagnostics.js';
import type { Field, ObjectModel, TypeRef } from '../../core/ir.js';
import { draftBase, type BuildContext } from './context.js';
import { readField } from './types.js';

/**
 * Pseudo-fields SDK generators write for `additionalProperties` (NOTATION.md §3). When the schema
 * has a real property of that name, the generator suffixes the pseudo-field with `T` / `_t`
 * (gt-python `additional_properties_t`, gt-go `AdditionalPropertiesT`).
 */
const ADDITIONAL_PROPERTIES = /^(additional_?properties|__pydantic_extra__)(_?t)?$/i;

/**
 * An object model from its doc: each Fields row read (see `readField`; a repeated name is
 * `field-duplicate`, an error, and left out), the additionalProperties pseudo-field taken out as
 * the value type of other keys (`additional-properties`, info). A doc with no table that is not a
 * union stub (see `ctx.stubMembers`) is a free-form object (`doc-no-table`, warning, reported by
 * the `stub-unions` pass unless a cell read later makes the doc a union).
 */
export function transformObject(ctx: BuildContext, doc: DocModel): Omit<ObjectModel, 'tsName'> {
  if (doc.kind === 'none' && !ctx.stubMembers.has(doc.id)) {
    ctx.noTable.set(
      doc.id,
      diagnostic(
        'warning',
        'doc-no-table',
        `\`${doc.title}\` has no Fields, Values or Supported Types section: read as a free-form object`,
        doc.file,
        doc.titlePosition,
        'Add a `## Fields` table if the object has known properties.',
      ),
    );
  }
  const fields: Field[] = [];
  const seen = new Set<string>();
  for (const field of doc.fields) {
    if (seen.has(field.name)) {
      ctx.diagnostics.push(
        diagnostic('error', 'field-duplicate', `Field \`${field.name}\` is listed twice`, doc.file, field.position, 'Remove or rename one of the rows.'),
      );
      continue;
    }
    seen.add(field.name);
    const converted = readField(ctx, doc, field);
    if (converted) fields.push(converted);
  }
  // The additionalProperties pseudo-field: a map named so; the suffixed one when both exist.
  const pseudo = fields.filter((f) => ADDITIONAL_PROPERTIES.test(f.name) && f.type.kind === 'map').sort((a, b) => b.name.length - a.name.length)[0];
  let additionalProperties: TypeRef | null = null;
  if (pseudo && pseudo.type.kind === 'map') {
    additionalProperties = pseudo.type.values;
    fields.splice(fields.indexOf(pseudo), 1);
    ctx.diagnostics.push(
      diagnostic(
        'info',
        'additional-properties',
        `\`${pseudo.name}\` is the additionalProperties pseudo-field: other keys must match its value type`,
        doc.file,
        { line: pseudo.line, column: pseudo.column },
      ),
    );
  }
  return { ...draftBase(doc), kind: 'object', fields, additionalProperties };
}
