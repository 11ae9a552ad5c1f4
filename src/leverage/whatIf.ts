import type { AnalysisReport } from '../analyzer';
import { applyEdits, type ProcessMap } from '../model';
import { computeLeverage } from './computeLeverage';
import { handOffEdits } from './leverageFindings';
import type { Leverage } from './types';

/** The figures a what-if compares. */
export interface WhatIfTotals {
  /** The owner's routine hours a week. */
  ownerHoursPerWeek: number;
  costPerCase: number;
  /** Worth a week of the hand-offs made: 0 before; after, the sum over the handed-off steps. */
  worthPerWeek: number;
}

export interface WhatIf {
  before: WhatIfTotals;
  after: WhatIfTotals;
  /** The map as it would be; the input map is not changed. */
  map: ProcessMap;
  leverage: Leverage;
}

/**
 * What handing `nodeIds` to `personId` would change, without changing the map: the owner's
 * hours, cost per case (after, the steps cost the new doer's hourly cost) and the worth a
 * week of those hand-offs (hours x (target rate - hand-off rate), ranked at that person's
 * rate unless a step has its own hand-off rate). Expected visits
 * do not depend on who does a step, so the same analysis report serves both maps.
 * @example whatIf(map, ['a'], 'va', report).after.ownerHoursPerWeek
 */
export function whatIf(
  map: ProcessMap,
  nodeIds: readonly string[],
  personId: string,
  report?: Pick<AnalysisReport, 'metrics'>,
  given?: Leverage,
): WhatIf {
  // The worth is at the chosen person's rate: rank again unless `given` already is.
  const before =
    given !== undefined && given.handToId === personId
      ? given
      : computeLeverage(map, report, { handToId: personId });
  const next = applyEdits(map, handOffEdits(nodeIds, personId));
  const after = computeLeverage(next, report);
  const chosen = new Set(nodeIds);
  let worth = 0;
  for (const c of before.handOffCandidates) if (chosen.has(c.nodeId)) worth += c.worthPerWeek;
  const ownerHours = (l: Leverage) =>
    l.people.find((p) => p.personId === l.ownerId)?.hoursPerWeek ?? 0;
  return {
    before: {
      ownerHoursPerWeek: ownerHours(before),
      costPerCase: before.costPerCase,
      worthPerWeek: 0,
    },
    after: {
      ownerHoursPerWeek: ownerHours(after),
      costPerCase: after.costPerCase,
      worthPerWeek: worth,
    },
    map: next,
    leverage: after,
  };
}
