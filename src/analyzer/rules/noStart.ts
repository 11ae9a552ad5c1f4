import { makeFinding } from '../makeFinding';
import { planFlowRepair } from '../planFlowRepair';
import { present } from '../present';
import type { FlowRule, RankedFinding, RuleInput } from './FlowRule';

/**
 * The check of a rule that a map with steps has a start (or an end): the finding, with the
 * repair that adds one.
 */
export function missingTerminal(
  rule: () => FlowRule,
  kind: 'starts' | 'ends',
  message: string,
): (input: RuleInput, out: RankedFinding[]) => void {
  return ({ ctx }, out) => {
    if (ctx.g.n === 0 || ctx.g[kind].length > 0) return;
    const repair = planFlowRepair(ctx, kind === 'starts' ? { addStart: true } : { addEnd: true });
    out.push(makeFinding(ctx, rule(), message, [], [], present(repair)));
  };
}

/** A map with steps but no start. */
export const noStart: FlowRule = {
  id: 'no-start',
  severity: 'error',
  title: 'No start',
  why: 'Without a start nobody can tell where a case enters the process.',
  check: missingTerminal(
    () => noStart,
    'starts',
    'The map has no start, so nothing shows where a case begins.',
  ),
};
