import type { AnalysisContext } from '../AnalysisContext';
import { outArrows } from '../arrowsAt';
import { KIND_END } from '../buildFlowGraph';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import { FIX_OFFSET, newEdge, newNode, offsetFrom } from '../repairHelpers';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

/**
 * An end with arrows out. When a start reaches it, it becomes a step with a new end after it
 * (everything after it stays reachable); otherwise its arrows out carry nothing and are
 * removed (every step that reached an end through them still reaches this end).
 */
function endSuggestion(ctx: AnalysisContext, u: number, arrows: number[]): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  if (ctx.reach[u] === 0) {
    return {
      title: `Remove the arrows out of ${quoteNode(node)}`,
      edits: arrows.map((j) => ({ type: 'removeEdge', edgeId: g.edges[j]!.id })),
    };
  }
  const mint = ctx.ids.session();
  const end = newNode(mint(`fix-end-${node.id}`), 'end', 'End', offsetFrom(node, FIX_OFFSET));
  return {
    title: `Turn ${quoteNode(node)} into a step and add an end after it`,
    edits: [
      { type: 'changeKind', nodeId: node.id, kind: 'action' },
      { type: 'addNode', node: end },
      { type: 'addEdge', edge: newEdge(mint(`fix-e-${node.id}-${end.id}`), node.id, end.id) },
    ],
  };
}

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  if (g.kind[u] !== KIND_END) return;
  const arrows = outArrows(g, u);
  if (arrows.length === 0) return;
  const fix = endSuggestion(ctx, u, arrows);
  out.push(
    makeFinding(
      ctx,
      endHasOutgoing,
      `The end ${quoteNode(g.nodes[u]!)} has arrows going out, but a case stops at an end.`,
      [u],
      arrows,
      [fix],
    ),
  );
}

/** An end with arrows going out of it. */
export const endHasOutgoing: FlowRule = {
  id: 'end-has-outgoing',
  severity: 'warning',
  title: 'Arrows out of an end',
  why: 'A case stops at an end, so arrows leaving it are never followed.',
  atNode,
};
