import type { AnalysisContext } from './AnalysisContext';
import { RULES } from './rules';
import type { Finding, RuleId, Suggestion } from './types';

/** A finding with the keys it is sorted by. */
export interface RankedFinding {
  finding: Finding;
  firstNode: number;
  firstEdge: number;
}

/** Shared by findings that offer no fix (never mutated). */
const NO_SUGGESTIONS: Suggestion[] = [];

/**
 * A finding for graph node indices and file edge indices (both listed in file order). The
 * index lists may be typed-array views; they are read, never kept.
 * @example makeFinding(ctx, 'no-end', 'The map has no end.', [], [], [])
 */
export function makeFinding(
  ctx: AnalysisContext,
  rule: RuleId,
  message: string,
  nodes: ArrayLike<number>,
  edges: ArrayLike<number>,
  suggestions: Suggestion[],
): RankedFinding {
  const ns = ascendingUnique(nodes);
  const es = ascendingUnique(edges);
  const { g } = ctx;
  const nodeIds = new Array<string>(ns.length);
  for (let i = 0; i < ns.length; i++) nodeIds[i] = g.ids[ns[i]!]!;
  const edgeIds = new Array<string>(es.length);
  for (let i = 0; i < es.length; i++) edgeIds[i] = g.edges[es[i]!]!.id;
  return {
    finding: {
      rule,
      severity: RULES[rule].severity,
      message,
      nodeIds,
      edgeIds,
      suggestions: suggestions.length === 0 ? NO_SUGGESTIONS : suggestions,
    },
    firstNode: ns.length > 0 ? g.fileIndex[ns[0]!]! : Number.MAX_SAFE_INTEGER,
    firstEdge: es.length > 0 ? es[0]! : Number.MAX_SAFE_INTEGER,
  };
}

/** The list itself when already strictly ascending (the usual case), else a sorted copy. */
function ascendingUnique(xs: ArrayLike<number>): ArrayLike<number> {
  for (let i = 1; i < xs.length; i++) {
    if (xs[i]! <= xs[i - 1]!) return [...new Set(Array.from(xs))].sort((a, b) => a - b);
  }
  return xs;
}
