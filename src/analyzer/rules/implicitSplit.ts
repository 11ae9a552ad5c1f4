import type { MapEdit } from '../../model';
import type { AnalysisContext } from '../AnalysisContext';
import { outArrows } from '../arrowsAt';
import { KIND_ACTION, KIND_START } from '../buildFlowGraph';
import { branchEdits, clearedChancesNote } from '../decisionEdits';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import { FIX_OFFSET, newEdge, newNode, offsetFrom } from '../repairHelpers';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  const kind = g.kind[u];
  if (kind !== KIND_START && kind !== KIND_ACTION) return;
  if (g.outStart[u + 1]! - g.outStart[u]! < 2) return;
  const edges = outArrows(g, u);
  out.push(
    makeFinding(
      ctx,
      implicitSplit,
      `${quoteNode(g.nodes[u]!)} leads to ${edges.length} next steps without saying which to take: it hides a decision.`,
      [u],
      edges,
      [splitSuggestion(ctx, u, edges)],
    ),
  );
}

/** A start or an action with several ways out: a decision nobody wrote down. */
export const implicitSplit: FlowRule = {
  id: 'implicit-split',
  severity: 'warning',
  title: 'Hidden decision',
  why: 'A step with several ways out hides a choice nobody has written down.',
  atNode,
};

/** Makes a hidden decision explicit: an action becomes a decision; a start gets one after it. */
function splitSuggestion(ctx: AnalysisContext, u: number, edges: number[]): Suggestion {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const branches = branchEdits(g, edges, []);
  const labelOf = (j: number): string | undefined => branches.labels.get(j);
  const note = clearedChancesNote(branches);
  if (g.kind[u] === KIND_ACTION) {
    const edits: MapEdit[] = [{ type: 'changeKind', nodeId: node.id, kind: 'decision' }];
    for (const j of edges) {
      const label = labelOf(j);
      if (label !== undefined) edits.push({ type: 'setEdgeLabel', edgeId: g.edges[j]!.id, label });
    }
    edits.push(...branches.clearChances);
    return { title: `Turn ${quoteNode(node)} into a decision${note}`, edits };
  }
  const mint = ctx.ids.session();
  const choice = newNode(
    mint(`fix-choice-${node.id}`),
    'decision',
    'Which way?',
    offsetFrom(node, FIX_OFFSET),
  );
  const edits: MapEdit[] = [{ type: 'addNode', node: choice }];
  const added: MapEdit[] = [];
  for (const j of edges) {
    const edge = g.edges[j]!;
    edits.push({ type: 'removeEdge', edgeId: edge.id });
    const moved = { ...edge, source: choice.id };
    const label = labelOf(j);
    if (label !== undefined) moved.label = label;
    if (branches.clearChances.length > 0) delete moved.probability;
    added.push({ type: 'addEdge', edge: moved });
  }
  edits.push(...added);
  edits.push({
    type: 'addEdge',
    edge: newEdge(mint(`fix-e-${node.id}-${choice.id}`), node.id, choice.id),
  });
  return { title: `Add a decision after ${quoteNode(node)}${note}`, edits };
}
