import { KIND_ACTION, KIND_DECISION } from '../buildFlowGraph';
import { quoteNode } from '../describeNodes';
import { makeRangeFinding } from '../makeFinding';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

function atNode({ ctx, fanInThreshold }: RuleInput, u: number, out: RankedFinding[]): void {
  const { g } = ctx;
  const kind = g.kind[u];
  if (kind !== KIND_ACTION && kind !== KIND_DECISION) return;
  const count = g.inStart[u + 1]! - g.inStart[u]!;
  if (count < fanInThreshold) return;
  out.push(
    makeRangeFinding(
      ctx,
      fanIn,
      `${count} arrows lead into ${quoteNode(g.nodes[u]!)}: work converges and queues there.`,
      [u],
      0,
      1,
      g.inEdge,
      g.inStart[u]!,
      g.inStart[u + 1]!,
      [],
    ),
  );
}

/** A step with many arrows in (from the fan-in threshold on, default 3). */
export const fanIn: FlowRule = {
  id: 'fan-in',
  severity: 'info',
  title: 'Work converges',
  why: 'Where many paths meet, work queues up and waits.',
  atNode,
};
