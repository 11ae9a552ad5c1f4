import { listNodesAt, quoteNode } from '../describeNodes';
import { chainGapFixes, findChainGap } from '../findChainGap';
import { makeFinding } from '../makeFinding';
import { markedNodes, maskNodes } from '../maskNodes';
import { planFlowRepair } from '../planFlowRepair';
import { present } from '../present';
import { componentAnchor, pickSafeEnd, terminalComponents } from '../repairHelpers';
import { scratch } from '../scratch';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function check({ ctx }: RuleInput, out: RankedFinding[]): void {
  const { g, sccs, reach, coreach } = ctx;
  if (g.n === 0 || g.starts.length === 0 || g.ends.length === 0) return;
  const deadSet = scratch.uint8(g.n);
  const deadCount = maskNodes(g.n, reach, 1, coreach, 0, deadSet);
  if (deadCount === 0) return;
  const dead = markedNodes(deadSet, deadCount);
  const edges: number[] = [];
  for (let u = 0; u < g.n; u++) {
    if (reach[u] === 0 || coreach[u] === 0) continue;
    for (let k = g.outStart[u]!; k < g.outStart[u + 1]!; k++) {
      if (coreach[g.outTarget[k]!] === 0) edges.push(g.outEdge[k]!);
    }
  }
  const gap = findChainGap(ctx);
  const suggestions = [
    ...(gap ? chainGapFixes(ctx, gap).slice(0, 1) : []),
    ...present(planFlowRepair(ctx, {})),
  ];
  const anchors = terminalComponents(g, sccs, deadSet);
  const usesExisting = anchors.some(
    (c) => pickSafeEnd(g, reach, componentAnchor(g, sccs, c)) !== -1,
  );
  if (usesExisting) suggestions.push(...present(planFlowRepair(ctx, { newEnds: true })));
  const message =
    dead.length === 1
      ? `A case that reaches ${quoteNode(g.nodes[dead[0]!]!)} can never finish: no path leads from there to an end.`
      : `Cases that reach ${listNodesAt(g.nodes, dead)} can never finish: no path leads from there to an end.`;
  out.push(makeFinding(ctx, deadEnd, message, dead, edges, suggestions));
}

/** Steps a start reaches from which no path leads to an end (with a start and an end). */
export const deadEnd: FlowRule = {
  id: 'dead-end',
  severity: 'error',
  title: 'Dead ends',
  why: 'A case that gets here can never finish, so it waits forever and someone has to chase it.',
  check,
};
