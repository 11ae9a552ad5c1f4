import { KIND_ACTION, KIND_DECISION } from '../buildFlowGraph';
import { quoteNode } from '../describeNodes';
import { findMustPass } from '../findMustPass';
import { makeFinding } from '../makeFinding';
import { scratch } from '../scratch';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

/** Whether some case can get somewhere it never finishes from (a dead end, a trap loop). */
function someCasesNeverFinish({ reach, coreach }: RuleInput['ctx']): boolean {
  for (let u = 0; u < reach.length; u++) if (reach[u] === 1 && coreach[u] === 0) return true;
  return false;
}

function check({ ctx, onPath }: RuleInput, out: RankedFinding[]): void {
  const { g } = ctx;
  const points = findMustPass(g, onPath, ctx.cases?.chains);
  // Said of the cases that finish: the others may never get here.
  const every =
    points.length > 0 && someCasesNeverFinish(ctx) ? 'Every case that finishes' : 'Every case';
  // Per source: the last point it was counted for (distinct sources, without a Set each).
  const counted = scratch.int32(g.n).fill(-1);
  for (const u of points) {
    const kind = g.kind[u];
    if (kind !== KIND_ACTION && kind !== KIND_DECISION) continue;
    let sources = 0;
    for (let k = g.inStart[u]!; k < g.inStart[u + 1]!; k++) {
      const s = g.inSource[k]!;
      if (onPath[s] === 1 && counted[s] !== u) {
        counted[s] = u;
        sources++;
      }
    }
    if (sources < 2) continue;
    const edges: number[] = [];
    for (let k = g.inStart[u]!; k < g.inStart[u + 1]!; k++) {
      if (onPath[g.inSource[k]!] === 1) edges.push(g.inEdge[k]!);
    }
    out.push(
      makeFinding(
        ctx,
        mustPass,
        `${every} passes through ${quoteNode(g.nodes[u]!)}, where ${sources} paths merge: when it stalls, every case waits.`,
        [u],
        edges,
        [],
      ),
    );
  }
}

/** A merge point (two or more paths in) that every case passes through. */
export const mustPass: FlowRule = {
  id: 'must-pass',
  severity: 'info',
  title: 'Every case waits here',
  why: 'Every case goes through this merge point, so when it stalls, everything stalls.',
  check,
};
