import type { AnalysisReport } from '../analyzer';
// The flow analysis itself, not the package's analyze(), which adds leverage findings.
import { analyze as analyzeFlow } from '../analyzer/analyze';
import type { Person, ProcessMap, StepNode } from '../model';
import type { HandOffCandidate, Leverage, OwnerSplit, PersonLoad, StepFigures } from './types';
import { visitsById } from './visitsById';

function isStep(node: ProcessMap['nodes'][number]): node is StepNode {
  return node.kind === 'action' || node.kind === 'decision';
}

function finite(x: number | undefined, fallback = 0): number {
  return x !== undefined && Number.isFinite(x) && x >= 0 ? x : fallback;
}

/**
 * The owner: the first person with role `owner`; undefined when the map lists none.
 * @example findOwner(exampleMap())?.name // 'Me'
 */
export function findOwner(map: Pick<ProcessMap, 'people'>): Person | undefined {
  return map.people.find((p) => p.role === 'owner');
}

/**
 * The first outsourcer, whom hand-off suggestions name; undefined when there is none.
 * @example firstOutsourcer(exampleMap())?.name // 'Virtual assistant'
 */
export function firstOutsourcer(map: Pick<ProcessMap, 'people'>): Person | undefined {
  return map.people.find((p) => p.role === 'outsourcer');
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
 * - Hand-off rate = step.handOffRate ?? settings.defaultHandOffRate. A candidate is a
 *   routine step of the owner with some time a week and a hand-off rate below the target;
 *   worth per week = hours a week x (target rate - hand-off rate).
 * - When the flow metrics are unavailable (no start or end, a loop with no way out), each
 *   step counts one visit per case and `visitsNote` says why.
 * @example computeLeverage(exampleMap()).handOffCandidates[0]?.nodeId // 'p'
 */
export function computeLeverage(map: ProcessMap, report?: AnalysisReport): Leverage {
  const { settings } = map;
  const target = finite(settings.targetHourlyRate);
  const cases = finite(settings.casesPerWeek);
  const defaultRate = finite(settings.defaultHandOffRate);
  const metrics = (report ?? analyzeFlow(map)).metrics;
  const visits = visitsById(metrics);
  const owner = findOwner(map);
  const ownerId = owner?.id ?? null;
  const byId = new Map(map.people.map((p) => [p.id, p] as const));

  const steps: StepFigures[] = [];
  for (const node of map.nodes) {
    if (!isStep(node)) continue;
    const named = node.ownerId === undefined ? undefined : byId.get(node.ownerId);
    const doer = named ?? owner;
    const isOwner = doer === undefined || doer.role === 'owner';
    const hourlyCost = isOwner ? target : finite(doer.hourlyCost);
    const minutes = finite(node.durationMinutes);
    const outOfPocket = finite(node.costPerCase);
    const visitsPerCase = visits === null ? 1 : (visits.get(node.id) ?? 0);
    const routine = node.cadence !== 'one-time';
    const oncePass = (minutes / 60) * hourlyCost + outOfPocket;
    steps.push({
      nodeId: node.id,
      label: node.label,
      kind: node.kind,
      doerId: doer?.id ?? null,
      ownerByDefault: named === undefined,
      doerRole: doer?.role ?? 'owner',
      cadence: routine ? 'routine' : 'one-time',
      workType: node.workType,
      durationMinutes: minutes,
      visitsPerCase,
      hourlyCost,
      hoursPerWeek: routine ? ((visitsPerCase * minutes) / 60) * cases : 0,
      costPerCase: routine ? visitsPerCase * oncePass : 0,
      oneTimeHours: routine ? 0 : minutes / 60,
      oneTimeCost: routine ? 0 : oncePass,
      handOffRate: finite(node.handOffRate, defaultRate),
    });
  }

  const people: PersonLoad[] = [];
  const loadOf = (personId: string | null, person: Person | undefined): PersonLoad => {
    let hours = 0;
    let oneTime = 0;
    for (const s of steps) {
      if (s.doerId !== personId) continue;
      hours += s.hoursPerWeek;
      oneTime += s.oneTimeHours;
    }
    const available = finite(person?.hoursPerWeek);
    return {
      personId,
      name: person?.name ?? 'Owner',
      role: person?.role ?? 'owner',
      hoursPerWeek: hours,
      availableHoursPerWeek: available,
      utilisation: available > 0 ? hours / available : null,
      oneTimeHours: oneTime,
    };
  };
  if (owner === undefined && steps.length > 0) people.push(loadOf(null, undefined));
  for (const person of map.people) people.push(loadOf(person.id, person));

  const split: OwnerSplit = {
    personId: ownerId,
    productiveHoursPerWeek: 0,
    nonProductiveHoursPerWeek: 0,
    unmarkedHoursPerWeek: 0,
  };
  const candidates: HandOffCandidate[] = [];
  let costPerCase = 0;
  for (const s of steps) {
    costPerCase += s.costPerCase;
    if (s.doerId !== ownerId) continue;
    if (s.workType === 'productive') split.productiveHoursPerWeek += s.hoursPerWeek;
    else if (s.workType === 'non-productive') split.nonProductiveHoursPerWeek += s.hoursPerWeek;
    else split.unmarkedHoursPerWeek += s.hoursPerWeek;
    if (s.cadence === 'routine' && s.hoursPerWeek > 0 && s.handOffRate < target) {
      candidates.push({
        nodeId: s.nodeId,
        label: s.label,
        hoursPerWeek: s.hoursPerWeek,
        handOffRate: s.handOffRate,
        worthPerWeek: s.hoursPerWeek * (target - s.handOffRate),
        workType: s.workType,
      });
    }
  }
  // Stable: equal worth keeps file order.
  candidates.sort((a, b) => b.worthPerWeek - a.worthPerWeek);

  return {
    currency: settings.currency,
    targetHourlyRate: target,
    casesPerWeek: cases,
    costPerCase,
    ownerId,
    owner: split,
    people,
    handOffCandidates: candidates,
    steps,
    oneTimeSteps: steps.filter((s) => s.cadence === 'one-time'),
    longestPathNodeIds: metrics.longestPath ? [...metrics.longestPath.nodeIds] : null,
    visitsNote: metrics.available
      ? null
      : `Each step counts once per case: ${metrics.unavailableReason}`,
  };
}
