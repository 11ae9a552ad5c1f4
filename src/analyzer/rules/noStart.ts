import { makeFinding } from '../makeFinding';
import { planFlowRepair } from '../planFlowRepair';
import { present } from '../present';
import type { FlowRule } from './FlowRule';

/** A map with steps but no start. */
export const noStart: FlowRule = {
  id: 'no-start',
  severity: 'error',
  title: 'No start',
  why: 'Without a start nobody can tell where a case enters the process.',
  check({ ctx }, out) {
    const { g } = ctx;
    if (g.n === 0 || g.starts.length > 0) return;
    out.push(
      makeFinding(
        ctx,
        noStart,
        'The map has no start, so nothing shows where a case begins.',
        [],
        [],
        present(planFlowRepair(ctx, { addStart: true })),
      ),
    );
  },
};
