import { makeFinding } from '../makeFinding';
import { planFlowRepair } from '../planFlowRepair';
import { present } from '../present';
import type { FlowRule } from './FlowRule';

/** A map with steps but no end. */
export const noEnd: FlowRule = {
  id: 'no-end',
  severity: 'error',
  title: 'No end',
  why: 'Without an end no case can ever be finished, so nothing is ever delivered.',
  check({ ctx }, out) {
    const { g } = ctx;
    if (g.n === 0 || g.ends.length > 0) return;
    out.push(
      makeFinding(
        ctx,
        noEnd,
        'The map has no end, so no case can ever be finished.',
        [],
        [],
        present(planFlowRepair(ctx, { addEnd: true })),
      ),
    );
  },
};
