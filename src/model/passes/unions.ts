/**
 * Unions: the transform of a `## Supported Types` doc into a union model, the `stub-unions` pass
 * (heading-only docs a cell names as a union), and the `union-cycles` pass (unions that are
 * made of themselves).
 *
 * @module
 */

import type { DocModel, DocUnionMember } from '../../core/doc-model.js';
import { diagnostic, type Point } from '../../core/diagnostics.js';
import type { TypeRef, UnionModel } from '../../core/ir.js';
import { docOf, draftBase, enqueue, type BuildContext, type Draft, type DraftBase } from './context.js';
import { stronglyConnected } from './graph.js';
import { resolveName, titleIndex } from './names.js';
import { flatUnion, typeRef, type TypeSite } from './types.js';

/**
 * A union model from its doc: each member read (see {@link unionMember}), nested unions flattened
 * and duplicates removed. No readable member is `union-empty`, a warning.
 */
export function transformUnion(ctx: BuildContext, doc: DocModel): Omit<UnionModel, 'tsName'> {
  const members: TypeRef[] = [];
  for (const member of doc.members) {
    const ref = unionMember(ctx, doc, member);
    if (ref) members.push(ref);
  }
  if (members.length === 0) {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        'union-empty',
        `Union \`${doc.title}\` lists no readable member: read as \`never\`: validators reject every value of this type`,
        doc.file,
        doc.titlePosition,
        'Give each `###` member a type heading or code fence.',
      ),
    );
  }
  const flat = flatUnion(members);
  return { ...draftBase(doc), kind: 'union', members: flat.kind === 'union' ? flat.members : [flat] };
}

/**
 * One `## Supported Types` member: the heading's code (a type: `` `models.Pet` ``,
 * `` `string[]` ``), else the heading as a model name (`### ExampleBoat`), else the type in the
 * section's fence (`const value: string = …`, `name: shared.X = …`, `CreateXStr(string{…})`).
 * A member without a type heading goes first to the notation's own reading, when it has one
 * (`readUnionMember`: C# `### ArrayOfStr` over `X.CreateArrayOfStr(/* values here *\/)`).
 * Unreadable: `union-member`, an error; a transport object: `transport-member`, info, left out.
 */
function unionMember(ctx: BuildContext, doc: DocModel, member: DocUnionMember): TypeRef | null {
  const site: TypeSite = { doc, cell: '', at: (): Point => member.position };
  // A fence's `@var` (PHP) says more than its heading (`array` for lists and maps alike).
  let text = (member.fence && varAnnotation(member.fence.text)) ?? member.code;
  const own = text === null ? (ctx.notation.readUnionMember?.({ heading: member.heading, fence: member.fence?.text ?? null }) ?? null) : null;
  if (own !== null && !own.ok) {
    ctx.diagnostics.push(
      diagnostic(
        'error',
        'union-member',
        `Cannot read union member \`${member.heading}\` as ${ctx.notation.label}: ${own.error.message}`,
        doc.file,
        member.position,
        "Write the member type in the docs' notation.",
      ),
    );
    return null;
  }
  if (own !== null && own.ok)
    return typeRef(
      ctx,
      own.type.kind === 'nullable' ? { kind: 'union', members: [own.type.inner, { kind: 'literal', value: null }] } : own.type,
      site,
      member.position,
    );
  if (text === null && member.heading !== '') {
    const byName = titleIndex(ctx).has(member.heading) ? resolveName(ctx, member.heading, doc.id, member.position, doc.file, '') : null;
    if (byName) {
      enqueue(ctx, byName);
      return { kind: 'ref', model: byName };
    }
  }
  if (text === null && member.fence) text = fenceType(member.fence.text);
  if (text === null) {
    ctx.diagnostics.push(
      diagnostic(
        'error',
        'union-member',
        `Cannot tell the type of union member \`${member.heading}\``,
        doc.file,
        member.position,
        'Give the member a backticked type heading or a code fence.',
      ),
    );
    return null;
  }
  const trimmed = text.trim();
  const result = ctx.notation.parseType(trimmed, { bareNames: true });
  if (!result.ok) {
    // A grammar that does not read bare names still lets a lone qualified name through.
    if (/^[A-Za-z_]\w*((\.|::)[A-Za-z_]\w*)+$/.test(trimmed)) {
      const id = resolveName(ctx, trimmed, doc.id, member.position, doc.file, '');
      if (id === null) return null;
      enqueue(ctx, id);
      return { kind: 'ref', model: id };
    }
    ctx.diagnostics.push(
      diagnostic(
        'error',
        'union-member',
        `Cannot read union member type \`${trimmed}\` as ${ctx.notation.label}: ${result.error.message}`,
        doc.file,
        member.position,
        "Write the member type in the docs' notation.",
      ),
    );
    return null;
  }
  if (result.type.kind === 'transport') {
    ctx.diagnostics.push(
      diagnostic('info', 'transport-member', `Union member \`${trimmed}\` is a transport object, not wire data: left out`, doc.file, member.position),
    );
    return null;
  }
  return typeRef(
    ctx,
    result.type.kind === 'nullable' ? { kind: 'union', members: [result.type.inner, { kind: 'literal', value: null }] } : result.type,
    site,
    member.position,
  );
}

/**
 * The type a union member's code fence shows: PHP `/** @var T *\/` (see {@link varAnnotation}),
 * TypeScript `const value: T = …`, Python `name: T = …`, Go `x := pkg.CreateXY(T{/* values here *\/})`.
 */
function fenceType(text: string): string | null {
  const annotated = varAnnotation(text);
  if (annotated !== null) return annotated;
  const ts = /^(?:const|let|var)\s+[\w$]+\s*:\s*([\s\S]+?)\s*=/m.exec(text);
  if (ts) return ts[1]!;
  const go = /:=\s*[\w.]+\(([\s\S]+?)\{\s*\/\*\s*values here\s*\*\/\s*\}\)/.exec(text);
  if (go) return go[1]!;
  const py = /^[\w]+\s*:\s*([\s\S]+?)\s*=/m.exec(text);
  if (py) return py[1]!;
  return null;
}

/**
 * The type of a PHP docblock `@var` annotation in a fence: `* @var array<string, mixed>` on its own
 * line or `/** @var T $value *\/`, or null. More precise than the member's heading, which writes
 * just `array` for lists and maps alike (Speakeasy PHP 2024+ union docs, corpus-wild
 * php-gando-solutions-gando-partner-php: `@var \Gando\Partner\Models\Components\X`).
 */
function varAnnotation(text: string): string | null {
  const match = /@var\s+([^\s$][^\n$]*?)\s*(?:\$\w+\s*)?(?:\*\/\s*)?$/m.exec(text);
  return match ? match[1]! : null;
}

/**
 * The `stub-unions` pass: a heading-only doc that a cell names as a union
 * (`[Union[shared.A, shared.B]](../examplevehicle.md)`) and that was read as an object without
 * fields becomes a union of the members the cell lists; the others keep their `doc-no-table`
 * warning (see `transformObject`).
 */
export function fillStubUnions(ctx: BuildContext): void {
  for (const [id, members] of ctx.stubMembers) {
    const model = ctx.models.get(id);
    if (model && model.kind === 'object' && model.fields.length === 0) {
      ctx.models.set(id, { ...base(model), kind: 'union', members });
      ctx.noTable.delete(id);
    }
  }
  // The heading-only docs that stay free-form objects.
  ctx.diagnostics.push(...ctx.noTable.values());
}

/** The fields a draft took from its doc. */
function base(model: Draft): DraftBase {
  return { id: model.id, name: model.name, file: model.file, line: model.line, description: model.description, deprecated: model.deprecated };
}

/**
 * The `union-cycles` pass. Unions that refer to themselves directly (`A = A | string`, or
 * `A = B | string` with `B = A | number`, or stubs whose members name each other) have no
 * TypeScript alias (TS2456) and their guards would recurse forever. Each such cycle (a strongly
 * connected component of direct union-to-union references) reads as its least fixed point: every
 * union of the cycle is the union of the cycle's other members (`string | number`), with an info
 * `union-cycle`. A cycle with no other member is no type at all: an error `union-cycle` at each
 * of its docs (for a stub, at the link that named its members). References through arrays, maps
 * and objects are recursion by design and stay.
 */
export function breakUnionCycles(ctx: BuildContext): void {
  const unions = [...ctx.models.values()].filter((m): m is Omit<UnionModel, 'tsName'> => m.kind === 'union');
  if (unions.length === 0) return;
  const isUnion = (id: string): boolean => ctx.models.get(id)?.kind === 'union';
  const edges = new Map(unions.map((u) => [u.id, u.members.flatMap((m) => (m.kind === 'ref' && isUnion(m.model) ? [m.model] : []))]));
  for (const component of stronglyConnected([...edges.keys()].sort(), (id) => edges.get(id)!)) {
    const inCycle = new Set(component);
    if (component.length === 1 && !edges.get(component[0]!)!.includes(component[0]!)) continue;
    const others = flatUnion(
      component.flatMap((id) => (ctx.models.get(id) as Omit<UnionModel, 'tsName'>).members.filter((m) => !(m.kind === 'ref' && inCycle.has(m.model)))),
    );
    const members = others.kind === 'union' ? others.members : [others];
    const names = component.map((id) => `\`${ctx.models.get(id)!.name}\``).join(', ');
    for (const id of component) {
      const model = ctx.models.get(id) as Omit<UnionModel, 'tsName'>;
      const origin = ctx.stubOrigins.get(id);
      const file = origin?.file ?? model.file;
      const at = origin?.at ?? docOf(ctx, id)?.titlePosition ?? { line: model.line, column: 1 };
      if (members.length === 0) {
        ctx.diagnostics.push(
          diagnostic(
            'error',
            'union-cycle',
            `Union \`${model.name}\` only refers to itself (cycle: ${names}): it has no member of its own`,
            file,
            at,
            'Give the union a member that is not itself, or link the field to a model doc.',
          ),
        );
        ctx.models.set(id, { ...model, members: [] });
      } else {
        ctx.diagnostics.push(
          diagnostic(
            'info',
            'union-cycle',
            `Union \`${model.name}\` refers to itself (cycle: ${names}): read as the union of the cycle's other members`,
            file,
            at,
          ),
        );
        ctx.models.set(id, { ...model, members });
      }
    }
  }
}
