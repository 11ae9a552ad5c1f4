import type { MapEdit } from '../../model';
import type { AnalysisContext } from '../AnalysisContext';
import { KIND_DECISION } from '../buildFlowGraph';
import { labelKey } from '../chooseBranchLabels';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import { FIX_OFFSET, newEdge, newNode, offsetFrom, pickSafeEnd } from '../repairHelpers';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  if (g.kind[u] !== KIND_DECISION) return;
  const from = g.outStart[u]!;
  const to = g.outStart[u + 1]!;
  if (to - from >= 2) return;
  const node = g.nodes[u]!;
  out.push(
    makeFinding(
      ctx,
      decisionBranches,
      to === from
        ? `The decision ${quoteNode(node)} has no way out; a decision needs at least two branches.`
        : `The decision ${quoteNode(node)} has only one way out; a decision needs at least two branches.`,
      [u],
      to > from ? [g.outEdge[from]!] : [],
      fewBranchSuggestions(ctx, u),
    ),
  );
}

/** Decisions with fewer than two ways out. */
export const decisionBranches: FlowRule = {
  id: 'decision-branches',
  severity: 'warning',
  title: 'Decision with one way out',
  why: 'A decision with fewer than two branches decides nothing, or hides a missing branch.',
  atNode,
};

function fewBranchSuggestions(ctx: AnalysisContext, u: number): Suggestion[] {
  const { g, reach } = ctx;
  const node = g.nodes[u]!;
  const out: Suggestion[] = [];
  const count = g.outStart[u + 1]! - g.outStart[u]!;
  if (count === 1 && g.ends.length > 0) {
    const mint = ctx.ids.session();
    const only = g.edges[g.outEdge[g.outStart[u]!]!]!;
    const edits: MapEdit[] = [];
    const key = labelKey(only.label);
    const [first, second] = key === '' ? ['Yes', 'No'] : [only.label!, key === 'no' ? 'Yes' : 'No'];
    if (key === '') edits.push({ type: 'setEdgeLabel', edgeId: only.id, label: first! });
    const e = pickSafeEnd(g, reach, u);
    let title: string;
    if (e !== -1) {
      const end = g.nodes[e]!;
      edits.push({
        type: 'addEdge',
        edge: newEdge(mint(`fix-e-${node.id}-${end.id}`), node.id, end.id, second),
      });
      title = `Add a '${second}' branch from ${quoteNode(node)} to ${quoteNode(end)}`;
    } else {
      const end = newNode(mint(`fix-end-${node.id}`), 'end', 'End', offsetFrom(node, FIX_OFFSET));
      edits.push({ type: 'addNode', node: end });
      edits.push({
        type: 'addEdge',
        edge: newEdge(mint(`fix-e-${node.id}-${end.id}`), node.id, end.id, second),
      });
      title = `Add a '${second}' branch from ${quoteNode(node)} to a new end`;
    }
    out.push({ title, edits });
  }
  out.push({
    title: `Turn ${quoteNode(node)} into a plain step`,
    edits: [{ type: 'changeKind', nodeId: node.id, kind: 'action' }],
  });
  return out;
}
