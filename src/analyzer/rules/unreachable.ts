import { listNodesAt } from '../describeNodes';
import { chainGapFixes, findChainGap } from '../findChainGap';
import { makeFinding } from '../makeFinding';
import { planFlowRepair } from '../planFlowRepair';
import { present } from '../present';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function check({ ctx }: RuleInput, out: RankedFinding[]): void {
  const { g, reach } = ctx;
  if (g.n === 0 || g.starts.length === 0) return;
  const unreached: number[] = [];
  for (let u = 0; u < g.n; u++) if (reach[u] === 0) unreached.push(u);
  if (unreached.length === 0) return;
  const gap = findChainGap(ctx);
  const what = unreached.length === 1 ? 'this step never runs' : 'these steps never run';
  out.push(
    makeFinding(
      ctx,
      unreachable,
      `No path from a start leads to ${listNodesAt(g.nodes, unreached)}, so ${what}.`,
      unreached,
      [],
      [
        ...(gap ? chainGapFixes(ctx, gap) : []),
        ...present(planFlowRepair(ctx, { connectUnreached: true })),
      ],
    ),
  );
}

/** Steps no path from a start reaches (only said when there is a start). */
export const unreachable: FlowRule = {
  id: 'unreachable',
  severity: 'error',
  title: 'Steps nothing leads to',
  why: 'Steps no path reaches never run: they are forgotten work or a missing arrow.',
  check,
};
