import type { AnalysisContext } from './AnalysisContext';
import type { FlowRule, RankedFinding } from './rules/FlowRule';
import type { Suggestion } from './types';

export type { RankedFinding } from './rules/FlowRule';

/** The rule a finding is made for: its id and severity. */
type RuleOf = Pick<FlowRule, 'id' | 'severity'>;

/** Shared by findings that offer no fix (never mutated). */
const NO_SUGGESTIONS: Suggestion[] = [];

/**
 * A finding for graph node indices and file edge indices (both listed in file order). The
 * index lists may be typed-array views; they are read, never kept.
 * @example makeFinding(ctx, noEnd, 'The map has no end.', [], [], [])
 */
export function makeFinding(
  ctx: AnalysisContext,
  rule: RuleOf,
  message: string,
  nodes: ArrayLike<number>,
  edges: ArrayLike<number>,
  suggestions: Suggestion[],
): RankedFinding {
  return makeRangeFinding(
    ctx,
    rule,
    message,
    nodes,
    0,
    nodes.length,
    edges,
    0,
    edges.length,
    suggestions,
  );
}

/**
 * {@link makeFinding} for the nodes `nodes[nodeFrom .. nodeTo)` and the edges
 * `edges[edgeFrom .. edgeTo)`: slices of a larger list, read in place (no copy, no view).
 * @example makeRangeFinding(ctx, fanIn, message, [u], 0, 1, g.inEdge, from, to, [])
 */
export function makeRangeFinding(
  ctx: AnalysisContext,
  rule: RuleOf,
  message: string,
  nodes: ArrayLike<number>,
  nodeFrom: number,
  nodeTo: number,
  edges: ArrayLike<number>,
  edgeFrom: number,
  edgeTo: number,
  suggestions: Suggestion[],
): RankedFinding {
  const { g } = ctx;
  const nodeIds = ascendingUnique(nodes, nodeFrom, nodeTo, g.ids);
  const edgeIds = ascendingUnique(edges, edgeFrom, edgeTo, g.edgeIds);
  return {
    finding: {
      rule: rule.id,
      severity: rule.severity,
      message,
      nodeIds,
      edgeIds,
      suggestions: suggestions.length === 0 ? NO_SUGGESTIONS : suggestions,
    },
    firstNode:
      nodeIds.length > 0 ? g.fileIndex[lowest(nodes, nodeFrom, nodeTo)]! : Number.MAX_SAFE_INTEGER,
    firstEdge: edgeIds.length > 0 ? lowest(edges, edgeFrom, edgeTo) : Number.MAX_SAFE_INTEGER,
  };
}

function lowest(xs: ArrayLike<number>, from: number, to: number): number {
  let low = xs[from]!;
  for (let i = from + 1; i < to; i++) if (xs[i]! < low) low = xs[i]!;
  return low;
}

/** The ids (`ids[x]`) of xs[from .. to), ascending, each once (in place when already strictly ascending). */
function ascendingUnique(
  xs: ArrayLike<number>,
  from: number,
  to: number,
  ids: readonly string[],
): string[] {
  let ascending = true;
  for (let i = from + 1; i < to && ascending; i++) ascending = xs[i]! > xs[i - 1]!;
  if (!ascending && to - from > 32) {
    const sorted = Float64Array.from({ length: to - from }, (_, i) => xs[from + i]!).sort();
    const out: string[] = [];
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(ids[sorted[i]!]!);
    }
    return out;
  }
  if (!ascending) {
    // An insertion sort that drops repeats: most findings name a few steps or arrows (a
    // fan-in finding per step of a tangled map), so no Set and no comparator calls.
    const sorted: number[] = [];
    for (let i = from; i < to; i++) {
      const x = xs[i]!;
      let t = sorted.length - 1;
      while (t >= 0 && sorted[t]! > x) t--;
      if (t >= 0 && sorted[t] === x) continue;
      sorted.splice(t + 1, 0, x);
    }
    const out = new Array<string>(sorted.length);
    for (let i = 0; i < sorted.length; i++) out[i] = ids[sorted[i]!]!;
    return out;
  }
  const out = new Array<string>(to - from);
  for (let i = from; i < to; i++) out[i - from] = ids[xs[i]!]!;
  return out;
}
