import type { MapEdge, MapNode, ProcessMap } from '../../model';
import { mapOf } from './mapOf';

/**
 * Maps built as people structure work, from a list of choices: a sequence of fragments, each
 * a step, a check that sends work back, an either/or that merges again, or a parallel block
 * (split, 2-3 branches of fragments, join), nested up to two deep; a branch may split again
 * and end at the block's join with both its branches. Some choices draw the
 * mistakes people make: a branch that leaves its block for the end, branches meeting at a
 * step that is not a join, an arrow from inside a block to a step after it, an arrow back
 * into a split, a step with no way on.
 * @example structuredMap([70, 12, 3, 40]).nodes.length
 */
export function structuredMap(choices: readonly number[]): ProcessMap {
  let at = 0;
  const next = () => choices[at++ % choices.length]!;
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const node = (kind: MapNode['kind']) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, kind, label: id, position: { x: 0, y: 0 } } as MapNode);
    return id;
  };
  const arrow = (source: string, target: string) =>
    edges.push({ id: `e${edges.length}`, source, target });
  const start = node('start');
  const end = node('end');
  const after: string[] = []; // steps a leaking arrow may go to
  /** Draws a fragment entered from `from`; returns the step it leaves from. */
  const fragment = (from: string, depth: number): string => {
    const c = next();
    if (depth >= 2 || c < 30) {
      const a = node('action');
      arrow(from, a);
      if (next() < 4) arrow(a, node('action')); // a step with no way on
      return a;
    }
    if (c < 45) {
      const a = node('action');
      arrow(from, a);
      const d = node('decision');
      arrow(a, d);
      arrow(d, a); // rework
      if (next() < 4) arrow(d, end); // gives up: leaves whatever block it is in
      return d;
    }
    if (c < 60) {
      const d = node('decision');
      arrow(from, d);
      const m = node('action');
      for (let b = 0; b < 2; b++) arrow(fragment(d, depth + 1), m);
      return m;
    }
    const split = node('parallel');
    arrow(from, split);
    if (next() < 4) arrow(fragment(from, depth + 1), split); // back into the split
    const meet = node(next() < 6 ? 'action' : 'parallel');
    const branches = 2 + (next() % 2);
    for (let b = 0; b < branches; b++) {
      if (next() < 7) {
        // A split of its own whose branches all end at this block's meeting step.
        const inner = node('parallel');
        arrow(split, inner);
        for (let i = 0; i < 2; i++) arrow(fragment(inner, depth + 1), meet);
        continue;
      }
      const last = fragment(split, depth + 1);
      const r = next();
      if (r < 3) arrow(last, end);
      else arrow(last, meet);
      if (r >= 3 && r < 6) after.push(last);
    }
    if (after.length > 0 && next() < 5) arrow(after.pop()!, meet);
    return meet;
  };
  let last = start;
  const parts = 1 + (next() % 3);
  for (let i = 0; i < parts; i++) last = fragment(last, 0);
  arrow(last, end);
  return { ...mapOf(''), nodes, edges };
}
