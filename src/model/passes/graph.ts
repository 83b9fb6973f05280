/**
 * The model graph: the `reach` pass (the closure of the roots, every model read once by the
 * transform of its doc's kind) and strongly connected components (used by the `union-cycles` pass).
 *
 * @module
 */

import type { DocModel } from '../../core/doc-model.js';
import { docOf, enqueue, type BuildContext, type Draft } from './context.js';

/** The transform that reads a doc of each kind into a model (references it meets are queued). */
export type Transforms = Readonly<Record<DocModel['kind'], (ctx: BuildContext, doc: DocModel) => Draft>>;

/**
 * The `reach` pass: queue the roots, then read every queued model with the transform of its
 * doc's kind, in queue order, until the queue is empty; the models are the roots' closure
 * (references through fields and members, cycles included). An id with no doc is skipped (its
 * reference was reported when it was resolved).
 */
export function reach(ctx: BuildContext, transforms: Transforms): void {
  for (const id of ctx.roots) enqueue(ctx, id);
  while (ctx.queue.length > 0) {
    const id = ctx.queue.shift()!;
    const doc = docOf(ctx, id);
    if (doc) ctx.models.set(id, transforms[doc.kind](ctx, doc));
  }
}

/**
 * Strongly connected components of a graph (Tarjan's algorithm, iterative: no recursion however
 * long the chains), each listed in the order of `nodes`.
 *
 * @param nodes every node, in a stable order
 * @param next the nodes a node points to (nodes outside `nodes` are ignored)
 * @returns the components, in a stable order
 */
export function stronglyConnected(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const order = new Map(nodes.map((n, i) => [n, i]));
  const components: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; edges: readonly string[]; i: number }[] = [];
    const open = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: next(node).filter((n) => order.has(n)), i: 0 });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.edges.length) {
        const to = frame.edges[frame.i++]!;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== frame.node);
        components.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
      }
    }
  }
  return components;
}
