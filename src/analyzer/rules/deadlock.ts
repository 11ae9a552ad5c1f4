import type { MapEdit } from '../../model';
import type { AnalysisContext } from '../AnalysisContext';
import { KIND_PARALLEL } from '../buildFlowGraph';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';
import { moveDecisionSuggestions } from './moveDecisionFix';

function check({ ctx }: RuleInput, out: RankedFinding[]): void {
  const { g, cases } = ctx;
  if (cases === null || !cases.complete || cases.missing.size === 0) return;
  const joins = [...cases.missing.keys()].sort((a, b) => a - b);
  for (const v of joins) {
    const edges: number[] = [];
    for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
      if (cases.waits[g.inEdge[k]!] === 1) edges.push(g.inEdge[k]!);
    }
    const lacking = cases.missing.get(v)!;
    const cause = choiceBefore(ctx, g.edgeSource[lacking]!);
    const join = quoteNode(g.nodes[v]!);
    const awaited = quoteNode(g.nodes[g.edgeSource[lacking]!]!);
    const branch = cause === g.edgeSource[lacking]! ? 'its branch' : `the branch from ${awaited}`;
    const message =
      cause >= 0
        ? `${join} waits for every branch, but ${quoteNode(g.nodes[cause]!)} can send the case another way, so ${branch} may never come: the case waits forever.`
        : `${join} waits for every branch, but the branch from ${awaited} may never come: the case waits forever.`;
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    const fixes = [...suggestionsFor(ctx, v), ...moveDecisionSuggestions(ctx, v)];
    out.push(makeFinding(ctx, deadlock, sentence, [v], edges, fixes));
  }
}

/**
 * The nearest step before `u` (or `u` itself) that picks one way out of several: the choice
 * that can take a case away from a join. Walks back along arrows, nearest first; -1 if none.
 */
export function choiceBefore(ctx: AnalysisContext, u: number): number {
  const { g } = ctx;
  const seen = new Uint8Array(g.n);
  const queue = [u];
  seen[u] = 1;
  for (let head = 0; head < queue.length; head++) {
    const w = queue[head]!;
    if (g.kind[w] !== KIND_PARALLEL && g.outStart[w + 1]! - g.outStart[w]! >= 2) return w;
    for (let k = g.inStart[w]!; k < g.inStart[w + 1]!; k++) {
      const p = g.inSource[k]!;
      if (seen[p] === 0) {
        seen[p] = 1;
        queue.push(p);
      }
    }
  }
  return -1;
}

/**
 * "Turn the join into a plain merge": its arrows in go straight to the step after it.
 * Offered only when no case ever has two branches before the join at once (its branches
 * are alternatives): otherwise, as a merge, it would pass the case on once per branch and
 * the step after it would run twice, an error the fix does not name. "Move the decision"
 * (moveDecisionFix.ts) is offered beside it where that is sure to be sound.
 */
function suggestionsFor(ctx: AnalysisContext, v: number): Suggestion[] {
  const { g, cases } = ctx;
  if (g.outStart[v + 1]! - g.outStart[v]! !== 1) return [];
  if (cases !== null && cases.crowded[v] === 1) return [];
  const next = g.outTarget[g.outStart[v]!]!;
  if (next === v) return [];
  const join = g.nodes[v]!;
  const edits: MapEdit[] = [];
  const moved: MapEdit[] = [];
  for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
    const edge = g.edges[g.inEdge[k]!]!;
    edits.push({ type: 'removeEdge', edgeId: edge.id });
    moved.push({ type: 'addEdge', edge: { ...edge, target: g.ids[next]! } });
  }
  edits.push({ type: 'removeEdge', edgeId: g.edges[g.outEdge[g.outStart[v]!]!]!.id });
  edits.push({ type: 'removeNode', nodeId: join.id });
  edits.push(...moved);
  return [
    {
      title: `Turn ${quoteNode(join)} into a plain merge: each branch goes on to ${quoteNode(g.nodes[next]!)}`,
      edits,
    },
  ];
}

/** A join some case waits at forever, because a branch it waits for may never come. */
export const deadlock: FlowRule = {
  id: 'deadlock',
  severity: 'error',
  title: 'Waits forever',
  why: 'A join waits for every branch; when a decision before it sends the case another way, the case is stuck there and nobody is told.',
  check,
};
