import type { AnalysisContext } from './AnalysisContext';
import { RULES } from './rules';
import type { Finding, RuleId, Suggestion } from './types';

/** A finding with the keys it is sorted by. */
export interface RankedFinding {
  finding: Finding;
  firstNode: number;
  firstEdge: number;
}

/**
 * A finding for graph node indices and file edge indices (both listed in file order).
 * @example makeFinding(ctx, 'no-end', 'The map has no end.', [], [], [])
 */
export function makeFinding(
  ctx: AnalysisContext,
  rule: RuleId,
  message: string,
  nodes: number[],
  edges: number[],
  suggestions: Suggestion[],
): RankedFinding {
  const ns = ascendingUnique(nodes);
  const es = ascendingUnique(edges);
  return {
    finding: {
      rule,
      severity: RULES[rule].severity,
      message,
      nodeIds: ns.map((i) => ctx.g.nodes[i]!.id),
      edgeIds: es.map((j) => ctx.g.edges[j]!.id),
      suggestions,
    },
    firstNode: ns.length > 0 ? ctx.g.fileIndex[ns[0]!]! : Number.MAX_SAFE_INTEGER,
    firstEdge: es.length > 0 ? es[0]! : Number.MAX_SAFE_INTEGER,
  };
}

/** The list itself when already strictly ascending (the usual case), else a sorted copy. */
function ascendingUnique(xs: number[]): number[] {
  for (let i = 1; i < xs.length; i++) {
    if (xs[i]! <= xs[i - 1]!) return [...new Set(xs)].sort((a, b) => a - b);
  }
  return xs;
}
