import { type AnalysisReport, analyze as analyzeFlow } from '../analyzer';
import type { ProcessMap } from '../model';
import { firstOutsourcer } from './firstOutsourcer';
import {
  coreCandidate,
  coreDoer,
  coreStep,
  isCandidate,
  leverageCore,
  RATE_SOURCES,
} from './leverageCore';
import type { HandOffCandidate, Leverage, StepFigures } from './types';
import { visitsById } from './visitsById';

export { findOwner } from './findOwner';
export { firstOutsourcer };

/** Options of {@link computeLeverage}. */
export interface LeverageOptions {
  /**
   * Who the hand-offs would go to: their hourly cost is the rate of every owner's step
   * without its own hand-off rate. Default: the first outsourcer; null: nobody (the map's
   * default rate).
   */
  handToId?: string | null;
}

/**
 * Who does what, for how long and at what cost: hours a week and utilisation per person,
 * cost per case, the owner's productive / non-productive split and the ranked hand-off
 * candidates. Pure; uses the analyzer's expected visits (pass `report` when you have one,
 * else the flow is analyzed here; only its metrics are read). Decisions, in one place:
 * - The owner is the first person with role `owner`. A step with no owner, or an owner
 *   missing from People, counts as the owner's (a solo business owner does everything not
 *   yet handed off). With no owner in People, these steps belong to an implicit owner
 *   (personId null, no hours available) valued at the target rate.
 * - The owner's hours are valued at the target rate; everyone else's at their hourly cost.
 * - A decision's time counts like an action's.
 * - Routine steps count per case: expected visits x duration; one-time steps are counted
 *   once (duration, whatever the visits) and kept out of every per-case and per-week figure.
 * - Cost per case = sum over routine steps of visits x (minutes / 60 x the doer's hourly
 *   cost + out-of-pocket cost per case).
 * - Hand-off rate = step.handOffRate, else the hourly cost of the person the hand-offs go
 *   to (`options.handToId`, default the first outsourcer), else settings.defaultHandOffRate;
 *   each candidate says which it used. A candidate is a routine, non-productive step of the
 *   owner with some time a week and a hand-off rate below the target (productive work is
 *   the owner's to keep); worth per week = hours a week x (target rate - hand-off rate).
 * - Clients and suppliers (outside parties): their time costs nothing and is in no one's
 *   hours, but counts in the lead time of a case (visits x duration over routine steps).
 * - When the flow metrics are unavailable (no start or end, a loop with no way out), each
 *   step counts one visit per case and `visitsNote` says why.
 * @example computeLeverage(exampleMap()).handOffCandidates[0]?.nodeId // 'p'
 */
export function computeLeverage(
  map: ProcessMap,
  report?: Pick<AnalysisReport, 'metrics'>,
  options: LeverageOptions = {},
): Leverage {
  const metrics = (report ?? analyzeFlow(map)).metrics;
  const byId = visitsById(metrics);
  const visits =
    byId === null ? null : Float64Array.from(map.nodes, (node) => byId.get(node.id) ?? 0);
  const core = leverageCore(map, visits, options.handToId);
  const steps: StepFigures[] = [];
  const candidates: HandOffCandidate[] = [];
  for (let i = 0; i < core.count; i++) {
    const node = coreStep(core, i);
    const doer = coreDoer(core, i);
    const s: StepFigures = {
      nodeId: node.id,
      label: node.label,
      kind: node.kind,
      doerId: doer?.id ?? null,
      ownerByDefault: core.named[i] === 0,
      doerRole: doer?.role ?? 'owner',
      cadence: core.routine[i] === 1 ? 'routine' : 'one-time',
      workType: node.workType,
      durationMinutes: core.minutes[i]!,
      visitsPerCase: core.visits[i]!,
      hourlyCost: core.hourlyCost[i]!,
      hoursPerWeek: core.hoursPerWeek[i]!,
      costPerCase: core.costPerCase[i]!,
      oneTimeHours: core.oneTimeHours[i]!,
      oneTimeCost: core.oneTimeCost[i]!,
      handOffRate: core.handOffRate[i]!,
      rateSource: RATE_SOURCES[core.rateSource[i]!]!,
      outside: core.outside[i] === 1,
      leadHoursPerCase: core.leadHours[i]!,
    };
    steps.push(s);
    if (isCandidate(core, i)) candidates.push(coreCandidate(core, i));
  }
  // Stable: equal worth keeps file order.
  candidates.sort((a, b) => b.worthPerWeek - a.worthPerWeek);

  return {
    currency: map.settings.currency,
    targetHourlyRate: core.target,
    casesPerWeek: core.cases,
    costPerCase: core.totalCostPerCase,
    ownerId: core.ownerId,
    owner: core.split,
    people: core.people,
    handOffCandidates: candidates,
    handToId: core.handTo?.id ?? null,
    handToName: core.handTo?.name ?? null,
    productiveByOthers: steps.filter(
      (s) =>
        s.workType === 'productive' && !s.outside && s.doerId !== null && s.doerId !== core.ownerId,
    ),
    leadTimeHoursPerCase: core.leadTimeHoursPerCase,
    outsideHoursPerCase: core.outsideHoursPerCase,
    steps,
    oneTimeSteps: steps.filter((s) => s.cadence === 'one-time'),
    longestPathNodeIds: metrics.longestPath ? [...metrics.longestPath.nodeIds] : null,
    visitsNote: metrics.available
      ? null
      : `Each step counts once per case: ${metrics.unavailableReason}`,
  };
}
