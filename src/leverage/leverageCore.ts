import { scratch } from '../analyzer/scratch';
import type { Person, ProcessMap, StepNode } from '../model';
import { findOwner } from './findOwner';
import { finite } from './finite';
import type { OwnerSplit, PersonLoad } from './types';

/**
 * The leverage figures of every step as columns (index = step, in file order) and what is
 * summed from them, with no per-step objects: {@link computeLeverage} turns them into
 * `StepFigures`, the analysis reads them directly.
 */
export interface LeverageCore {
  target: number;
  cases: number;
  owner: Person | undefined;
  ownerId: string | null;
  /** Number of steps (actions and decisions). */
  count: number;
  /** The steps' nodes (entries from `count` on are unused). */
  nodes: StepNode[];
  /** Who does each step: a person, or undefined for the implicit owner (no owner in People). */
  doer: (Person | undefined)[];
  /** 1 when the step names a known person, 0 when it is the owner's by default. */
  named: Uint8Array;
  /** 1 for routine steps, 0 for one-time ones. */
  routine: Uint8Array;
  minutes: Float64Array;
  visits: Float64Array;
  hourlyCost: Float64Array;
  hoursPerWeek: Float64Array;
  costPerCase: Float64Array;
  oneTimeHours: Float64Array;
  oneTimeCost: Float64Array;
  handOffRate: Float64Array;
  /** Everyone in People, in file order, plus the implicit owner first when there is none. */
  people: PersonLoad[];
  split: OwnerSplit;
  totalCostPerCase: number;
}

/**
 * The per-step figures and sums behind {@link computeLeverage} (see there for the rules).
 * `visits` holds each node's expected visits per case, aligned with `map.nodes` (missing or
 * invalid figures as 0); null when the flow metrics are unavailable (one visit per step).
 * @example leverageCore(map, null).hoursPerWeek[0]
 */
export function leverageCore(map: ProcessMap, visits: ArrayLike<number> | null): LeverageCore {
  const { settings } = map;
  const target = finite(settings.targetHourlyRate);
  const cases = finite(settings.casesPerWeek);
  const defaultRate = finite(settings.defaultHandOffRate);
  const owner = findOwner(map);
  const ownerId = owner?.id ?? null;
  const byId = new Map<string, Person>();
  for (const p of map.people) byId.set(p.id, p);

  const all = map.nodes;
  const size = all.length;
  const nodes: StepNode[] = [];
  const doer: (Person | undefined)[] = [];
  const named = scratch.uint8(size);
  const routine = scratch.uint8(size);
  const minutes = scratch.float64(size);
  const visitsOf = scratch.float64(size);
  const hourlyCost = scratch.float64(size);
  const hoursPerWeek = scratch.float64(size);
  const costPerCase = scratch.float64(size);
  const oneTimeHours = scratch.float64(size);
  const oneTimeCost = scratch.float64(size);
  const handOffRate = scratch.float64(size);
  let count = 0;
  for (let f = 0; f < size; f++) {
    const node = all[f]!;
    if (node.kind !== 'action' && node.kind !== 'decision') continue;
    const i = count++;
    const person = node.ownerId === undefined ? undefined : byId.get(node.ownerId);
    const who = person ?? owner;
    const isOwner = who === undefined || who.role === 'owner';
    const cost = isOwner ? target : finite(who.hourlyCost);
    const m = finite(node.durationMinutes);
    const outOfPocket = finite(node.costPerCase);
    const v = visits === null ? 1 : visits[f]!;
    const oncePass = (m / 60) * cost + outOfPocket;
    nodes.push(node);
    doer.push(who);
    named[i] = person === undefined ? 0 : 1;
    minutes[i] = m;
    visitsOf[i] = v;
    hourlyCost[i] = cost;
    handOffRate[i] = finite(node.handOffRate, defaultRate);
    if (node.cadence !== 'one-time') {
      routine[i] = 1;
      hoursPerWeek[i] = ((v * m) / 60) * cases;
      costPerCase[i] = v * oncePass;
    } else {
      oneTimeHours[i] = m / 60;
      oneTimeCost[i] = oncePass;
    }
  }

  const people: PersonLoad[] = [];
  const loadOf = (personId: string | null, person: Person | undefined): PersonLoad => {
    let hours = 0;
    let oneTime = 0;
    for (let i = 0; i < count; i++) {
      if ((doer[i]?.id ?? null) !== personId) continue;
      hours += hoursPerWeek[i]!;
      oneTime += oneTimeHours[i]!;
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
  if (owner === undefined && count > 0) people.push(loadOf(null, undefined));
  for (const person of map.people) people.push(loadOf(person.id, person));

  const split: OwnerSplit = {
    personId: ownerId,
    productiveHoursPerWeek: 0,
    nonProductiveHoursPerWeek: 0,
    unmarkedHoursPerWeek: 0,
  };
  let totalCostPerCase = 0;
  for (let i = 0; i < count; i++) {
    totalCostPerCase += costPerCase[i]!;
    if ((doer[i]?.id ?? null) !== ownerId) continue;
    const workType = nodes[i]!.workType;
    if (workType === 'productive') split.productiveHoursPerWeek += hoursPerWeek[i]!;
    else if (workType === 'non-productive') split.nonProductiveHoursPerWeek += hoursPerWeek[i]!;
    else split.unmarkedHoursPerWeek += hoursPerWeek[i]!;
  }
  return {
    target,
    cases,
    owner,
    ownerId,
    count,
    nodes,
    doer,
    named,
    routine,
    minutes,
    visits: visitsOf,
    hourlyCost,
    hoursPerWeek,
    costPerCase,
    oneTimeHours,
    oneTimeCost,
    handOffRate,
    people,
    split,
    totalCostPerCase,
  };
}

/**
 * Whether step `i` is a hand-off candidate: a routine step of the owner with some time a
 * week and a hand-off rate below the target.
 * @example isCandidate(core, 0) // true
 */
export function isCandidate(core: LeverageCore, i: number): boolean {
  return (
    (core.doer[i]?.id ?? null) === core.ownerId &&
    core.routine[i] === 1 &&
    core.hoursPerWeek[i]! > 0 &&
    core.handOffRate[i]! < core.target
  );
}
