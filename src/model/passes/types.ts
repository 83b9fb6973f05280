/**
 * Type cells to TypeRefs: a field's Type cell read with the notation, then each NotationType
 * turned into a TypeRef, links and names resolved to model ids (and the models they reach queued).
 *
 * @module
 */

import { tokenize } from '../../notation/tokenize.js';
import type { NotationType } from '../../notation/types.js';
import type { DocField, DocModel } from '../../core/doc-model.js';
import { diagnostic, type Point } from '../../core/diagnostics.js';
import type { Field, TypeRef } from '../../core/ir.js';
import { docOf, enqueue, type BuildContext } from './context.js';
import { resolveName } from './names.js';
import { checkOtherLinks, resolveTarget } from './targets.js';

/** Where a type is read: its doc, the raw Type cell, and positions in the cell. */
export interface TypeSite {
  readonly doc: DocModel;
  /** The raw Type cell (ref offsets point into it), or '' for a union member. */
  readonly cell: string;
  /** The position of an offset of the cell. */
  readonly at: (offset: number) => Point;
}

/**
 * A row of a Fields table as an IR field, or null (with a diagnostic) when its Type cell does not
 * read in the notation (`notation-unknown`, error) or is a transport object (`transport-field`,
 * info: left out). Reports `nullable-inferred` and `date-label` infos, and the cell's links that
 * name no model (see {@link checkOtherLinks}).
 */
export function readField(ctx: BuildContext, doc: DocModel, field: DocField): Field | null {
  const result = ctx.notation.parseType(field.type.raw, { bareNames: true });
  const at = (offset: number): Point => ({ line: field.type.start.line, column: field.type.start.column + offset });
  if (!result.ok) {
    ctx.diagnostics.push(
      diagnostic(
        'error',
        'notation-unknown',
        `Cannot read Type \`${field.type.raw}\` as ${ctx.notation.label}: ${result.error.message}`,
        doc.file,
        at(result.error.offset),
        `Write the type in ${ctx.notation.label} notation, or pass --notation for the docs' language.`,
      ),
    );
    return null;
  }
  let type = result.type;
  let nullable = false;
  if (type.kind === 'nullable') {
    // `optional` strength on an optional field only says "may be absent" (NOTATION.md §3).
    nullable = type.strength === 'nullable' || field.required;
    type = type.inner;
  }
  if (type.kind === 'transport') {
    ctx.diagnostics.push(
      diagnostic(
        'info',
        'transport-field',
        `Field \`${field.name}\` is a transport object (${type.name}), not wire data: left out`,
        doc.file,
        field.type.start,
      ),
    );
    return null;
  }
  const ref = typeRef(ctx, type, { doc, cell: field.type.raw, at }, field.type.start);
  checkOtherLinks(ctx, field.type.raw, result.type, doc, at);
  const key = `${doc.title}.${field.name}`;
  if (nullable) {
    ctx.diagnostics.push(
      diagnostic(
        'info',
        'nullable-inferred',
        `\`${key}\` may be null: ${field.required ? 'a required field with an optional/nilable marker' : 'a nullable marker'}`,
        doc.file,
        field.position,
        `Override with \`"${key}": { "nullable": false }\`.`,
      ),
    );
  }
  const label = /\[(Date|DateTime|date|datetime)\]\(\s*[a-z][a-z0-9+.-]*:/i.exec(field.type.raw);
  if (label) {
    const read = JSON.stringify(ref).includes('"date-time"') ? 'date-time' : 'date';
    ctx.diagnostics.push(
      diagnostic(
        'info',
        'date-label',
        `\`${key}\`: \`[${label[1]}](…)\` read as ${read} (the generator swaps the Date/DateTime labels)`,
        doc.file,
        field.type.start,
        `Override with \`"${key}": { "type": "${read === 'date' ? 'date-time' : 'date'}" }\`.`,
      ),
    );
  }
  return {
    name: field.name,
    type: ref,
    required: field.required,
    nullable,
    description: field.description,
    example: field.example,
    deprecated: field.deprecated,
    line: field.position.line,
    column: field.position.column,
  };
}

/**
 * NotationType → TypeRef, resolving links and names (and queueing the models they reach). What
 * does not resolve reads as `unknown`, with the diagnostic its resolution reported.
 *
 * @param start where diagnostics about the whole type point (`binary-as-string`, `transport-nested`)
 */
export function typeRef(ctx: BuildContext, type: NotationType, site: TypeSite, start: Point): TypeRef {
  const { doc, at } = site;
  switch (type.kind) {
    case 'primitive':
      return { kind: 'primitive', type: type.type };
    case 'literal':
      return { kind: 'literal', value: type.value };
    case 'binary':
      ctx.diagnostics.push(diagnostic('info', 'binary-as-string', `\`${type.name}\` (bytes) is a string on the JSON wire`, doc.file, start));
      return { kind: 'primitive', type: 'string' };
    case 'transport':
      ctx.diagnostics.push(diagnostic('warning', 'transport-nested', `Transport object ${type.name} inside a type: read as unknown`, doc.file, start));
      return { kind: 'primitive', type: 'unknown' };
    case 'array':
      return { kind: 'array', items: typeRef(ctx, type.items, site, start) };
    case 'map':
      return { kind: 'map', values: typeRef(ctx, type.values, site, start) };
    case 'nullable':
      return flatUnion([typeRef(ctx, type.inner, site, start), { kind: 'literal', value: null }]);
    case 'ref': {
      const id =
        type.target === null
          ? resolveName(ctx, type.name, doc.id, at(type.offset), doc.file, site.cell)
          : resolveTarget(ctx, type.target, doc, at(type.offset));
      if (id === null) return { kind: 'primitive', type: 'unknown' };
      enqueue(ctx, id);
      return { kind: 'ref', model: id };
    }
    case 'union': {
      const linked = linkedUnion(ctx, type, site);
      if (linked) return linked;
      return flatUnion(type.members.map((m) => typeRef(ctx, m, site, start)));
    }
  }
}

/** A union with nested unions flattened and duplicate members removed; one member is itself. */
export function flatUnion(members: TypeRef[]): TypeRef {
  const flat: TypeRef[] = [];
  const keys = new Set<string>();
  for (const m of members) {
    for (const member of m.kind === 'union' ? m.members : [m]) {
      const key = JSON.stringify(member);
      if (!keys.has(key)) {
        keys.add(key);
        flat.push(member);
      }
    }
  }
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

/**
 * A union written inside one link (`[Union[shared.A, shared.B]](../examplevehicle.md)`) names
 * the linked doc, a union of its own: the field refers to that doc, and a heading-only stub gets
 * the members the cell lists (resolved by name).
 */
function linkedUnion(ctx: BuildContext, type: Extract<NotationType, { kind: 'union' }>, site: TypeSite): TypeRef | null {
  const { doc, at } = site;
  const refs = type.members.filter((m): m is Extract<NotationType, { kind: 'ref' }> => m.kind === 'ref');
  const target = refs[0]?.target;
  if (!target || refs.some((r) => r.target !== target)) return null;
  // `[Union[A, str]](x.md)` names the linked union; `[A](x.md) \| null` is a union around a link.
  if (site.cell !== '' && !unionInsideLink(site.cell, refs[0]!.offset)) return null;
  const id = resolveTarget(ctx, target, doc, at(refs[0]!.offset), true);
  if (id === null) return null;
  const linkedDoc = docOf(ctx, id);
  if (!linkedDoc || (linkedDoc.kind !== 'union' && linkedDoc.kind !== 'none')) return null;
  if (linkedDoc.kind === 'none' && !ctx.stubMembers.has(id)) {
    const members = type.members.map((m) => (m.kind === 'ref' ? typeRef(ctx, { ...m, target: null }, site, at(0)) : typeRef(ctx, m, site, at(0))));
    ctx.stubMembers.set(id, members);
    ctx.stubOrigins.set(id, { file: doc.file, at: at(refs[0]!.offset) });
  }
  enqueue(ctx, id);
  return { kind: 'ref', model: id };
}

/**
 * True when the link holding offset `offset` of a Type cell has a union inside its text
 * (`[Union[A, str]](x.md)`, `[T.any(A, B)](x.md)`, `[A\|B](x.md)`), not only around it
 * (`[models.A](x.md) \| null`).
 */
function unionInsideLink(raw: string, offset: number): boolean {
  let tokens;
  try {
    tokens = tokenize(raw);
  } catch {
    return true;
  }
  const link = tokens.find((t) => t.kind === 'link' && offset >= t.textOffset && offset <= t.textOffset + t.text.length);
  return link === undefined || (link.kind === 'link' && /[|,]/.test(link.text));
}
