import type { AnalysisContext } from '../AnalysisContext';
import { inArrows } from '../arrowsAt';
import { KIND_START } from '../buildFlowGraph';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import { FIX_OFFSET, newEdge, newNode, offsetFrom } from '../repairHelpers';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  if (g.kind[u] !== KIND_START || !(g.inStart[u + 1]! > g.inStart[u]!)) return;
  const arrows = inArrows(g, u);
  out.push(
    makeFinding(
      ctx,
      startHasIncoming,
      `Arrows lead back into the start ${quoteNode(g.nodes[u]!)}; a start should only begin a case.`,
      [u],
      arrows,
      [startSuggestion(ctx, u)],
    ),
  );
}

/** A start with arrows leading back into it. */
export const startHasIncoming: FlowRule = {
  id: 'start-has-incoming',
  severity: 'warning',
  title: 'Arrows into a start',
  why: 'A start should only begin a case; going back to it blurs where cases enter.',
  atNode,
};

/**
 * A start with arrows in becomes a step with a new start before it: reachability and every
 * path to an end stay as they were (removing the arrows in could strand a loop).
 */
function startSuggestion(ctx: AnalysisContext, u: number): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const mint = ctx.ids.session();
  const start = newNode(
    mint(`fix-start-${node.id}`),
    'start',
    'Start',
    offsetFrom(node, -FIX_OFFSET),
  );
  return {
    title: `Turn ${quoteNode(node)} into a step and add a start before it`,
    edits: [
      { type: 'changeKind', nodeId: node.id, kind: 'action' },
      { type: 'addNode', node: start },
      { type: 'addEdge', edge: newEdge(mint(`fix-e-${start.id}-${node.id}`), start.id, node.id) },
    ],
  };
}
