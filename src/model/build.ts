/**
 * Build the IR from parsed docs: one context made from the doc source and the options (roots
 * resolved, notation chosen), then the passes of {@link PASSES} in order over it (the closure of
 * the roots read by one transform per doc kind, what could not be read, stub unions, union cycles, TypeScript names, the
 * notices about settings left open, overrides). The passes live in `passes/`.
 *
 * @module
 */

import type { DocSource } from '../core/doc-source.js';
import type { Override } from '../core/options.js';
import type { Notation } from '../notation/types.js';
import { sortDiagnostics } from '../core/diagnostics.js';
import { IR_VERSION, type IR } from '../core/ir.js';
import { applyOverrides, settingNotices } from './overrides.js';
import { createContext, reportUnreadable, type BuildContext } from './passes/context.js';
import { transformEnum } from './passes/enums.js';
import { reach, type Transforms } from './passes/graph.js';
import { nameModels } from './passes/names.js';
import { transformObject } from './passes/objects.js';
import { breakUnionCycles, fillStubUnions, transformUnion } from './passes/unions.js';

/** Tarjan's strongly connected components (see `passes/graph.ts`), kept importable from here. */
export { stronglyConnected } from './passes/graph.js';

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** The notation of the Type cells; detected from the docs when absent. */
  notation?: Notation;
  /** Model names (`Task`) or doc paths relative to the input (`shared/task.md`); empty: every model. */
  roots: readonly string[];
  /**
   * Read a link to a doc that does not exist as `unknown` with a `link-missing` warning instead of
   * an error (for trees whose source repository ships broken links). Default false.
   */
  allowBrokenLinks?: boolean;
  /**
   * Wire names from documented names (default `preserve`). Left undefined, a run on docs whose SDK
   * renames properties gets one `property-case-unset` warning (see `settingNotices`).
   */
  propertyCase?: 'preserve' | 'camel' | 'snake';
  /**
   * The emit option `nullableOptionals`, as chosen: read only to say (one
   * `nullable-optionals-unset` warning) when it is left undefined on docs that cannot mark null on
   * optional fields.
   */
  nullableOptionals?: boolean;
  /** Per-model / per-field overrides (see config.ts `Override`). */
  overrides?: Readonly<Record<string, Override>>;
}

/** One transform per doc kind: what the `reach` pass reads each doc it reaches into. */
const TRANSFORMS: Transforms = { fields: transformObject, none: transformObject, values: transformEnum, union: transformUnion };

/**
 * The passes by name, in the order they run over the one context; each reads what the ones
 * before it left there.
 */
const PASSES = {
  reach: (ctx) => reach(ctx, TRANSFORMS),
  unreadable: reportUnreadable,
  'stub-unions': fillStubUnions,
  'union-cycles': breakUnionCycles,
  names: nameModels,
  'setting-notices': (ctx) =>
    settingNotices(
      ctx.named,
      { notation: ctx.notation, propertyCase: ctx.options.propertyCase, nullableOptionals: ctx.options.nullableOptionals },
      ctx.diagnostics,
    ),
  overrides: (ctx) => applyOverrides(ctx.named, ctx.options.overrides ?? {}, ctx.options.propertyCase ?? 'preserve', ctx.diagnostics),
} satisfies Readonly<Record<string, (ctx: BuildContext) => void>>;

/**
 * Build the IR.
 *
 * With roots, the IR holds exactly the closure of the roots (every model reachable through
 * references, cycles included), and only the diagnostics of docs in it. A name that matches
 * several docs picks the one in a schema namespace (`shared`, `components`) with a
 * `root-ambiguous` warning; still ambiguous is an error that lists the doc paths to use instead.
 *
 * @returns the IR; problems in the docs are in `diagnostics`, never thrown
 */
export function buildModel(source: DocSource, options: BuildOptions): IR {
  const ctx = createContext(source, options);
  for (const pass of Object.values(PASSES)) pass(ctx);
  const roots = options.roots.length > 0 ? [...new Set(ctx.roots)].sort() : [];
  return { version: IR_VERSION, roots, models: ctx.named, diagnostics: sortDiagnostics(ctx.diagnostics) };
}
