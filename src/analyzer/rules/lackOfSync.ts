import { applyEdits, type MapEdit } from '../../model';
import type { AnalysisContext } from '../AnalysisContext';
import { buildFlowGraph } from '../buildFlowGraph';
import { checkCases } from '../checkCases';
import { quoteNode } from '../describeNodes';
import { makeFinding } from '../makeFinding';
import { present } from '../present';
import { newEdge, newNode, offsetFrom } from '../repairHelpers';
import type { Suggestion } from '../types';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function check({ ctx }: RuleInput, out: RankedFinding[]): void {
  const { g, cases } = ctx;
  if (cases === null) return;
  for (let v = 0; v < g.n; v++) {
    if (cases.doubled[v] === 0) continue;
    const edges: number[] = [];
    for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
      if (cases.doubledEdge[g.inEdge[k]!] === 1) edges.push(g.inEdge[k]!);
    }
    const node = quoteNode(g.nodes[v]!);
    out.push(
      makeFinding(
        ctx,
        lackOfSync,
        `Branches that run side by side both arrive at ${node}, which does not wait for them: it and what follows run once per branch (work done twice).`,
        [v],
        edges,
        present(joinBefore(ctx, v, edges)),
      ),
    );
  }
}

/**
 * Inserts a parallel join before a step: the branches that meet there wait for each other.
 * Not offered when some case would leave that join waiting forever (a branch it would wait
 * for may not come): the fix would trade work done twice for a case stuck, an error it does
 * not name. The map with the join is played to check.
 */
function joinBefore(ctx: AnalysisContext, v: number, edges: number[]): Suggestion | null {
  const { g } = ctx;
  const node = g.nodes[v]!;
  const mint = ctx.ids.session();
  const join = newNode(mint(`fix-join-${node.id}`), 'parallel', '', offsetFrom(node, -70));
  const edits: MapEdit[] = [{ type: 'addNode', node: join }];
  const moved: MapEdit[] = [];
  for (const j of edges) {
    const edge = g.edges[j]!;
    edits.push({ type: 'removeEdge', edgeId: edge.id });
    moved.push({ type: 'addEdge', edge: { ...edge, target: join.id } });
  }
  edits.push(...moved);
  edits.push({
    type: 'addEdge',
    edge: newEdge(mint(`fix-e-${join.id}-${node.id}`), join.id, node.id),
  });
  const g2 = buildFlowGraph(applyEdits(ctx.map, edits));
  const facts = checkCases(g2);
  const at = g2.indexOf.get(join.id);
  if (facts.complete && at !== undefined && facts.missing.has(at)) return null;
  return { title: `Wait for every branch before ${quoteNode(node)}: add a join`, edits };
}

/** Branches of a parallel split meet at a step that is not a join: it runs once per branch. */
export const lackOfSync: FlowRule = {
  id: 'lack-of-sync',
  severity: 'error',
  title: 'Runs twice',
  why: 'Branches that run side by side and meet without a join make what follows happen once per branch: work done twice, a customer served twice.',
  check,
};
