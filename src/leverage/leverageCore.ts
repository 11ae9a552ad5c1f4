import { scratch } from '../analyzer/scratch';
import type { Person, ProcessMap, StepNode } from '../model';
import { findOwner } from './findOwner';
import { finite } from './finite';
import { firstOutsourcer } from './firstOutsourcer';
import { isOutside } from './isOutside';
import type { HandOffCandidate, OwnerSplit, PersonLoad, RateSource } from './types';

/** Rate sources by code, as `LeverageCore.rateSource` stores them. */
export const RATE_SOURCES: readonly RateSource[] = ['step', 'person', 'default', 'doer'];

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
  /** The map's nodes and people, which the indices below point into. */
  map: ProcessMap;
  /** Position in `map.nodes` of each step (entries from `count` on are unused). */
  node: Int32Array;
  /** Who does each step: a position in `map.people`, or -1 for the implicit owner. */
  doer: Int32Array;
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
  /** Where each hand-off rate comes from: an index into {@link RATE_SOURCES}. */
  rateSource: Uint8Array;
  /** 1 when a client or supplier does the step. */
  outside: Uint8Array;
  /** Routine steps: hours of one case (visits x minutes / 60); one-time: 0. */
  leadHours: Float64Array;
  /** Who hand-offs would go to, or undefined for nobody. */
  handTo: Person | undefined;
  leadTimeHoursPerCase: number;
  outsideHoursPerCase: number;
  /** Everyone in People, in file order, plus the implicit owner first when there is none. */
  people: PersonLoad[];
  split: OwnerSplit;
  totalCostPerCase: number;
}

/**
 * The per-step figures and sums behind {@link computeLeverage} (see there for the rules).
 * `visits` holds each node's expected visits per case, aligned with `map.nodes` (invalid
 * figures count 0); null when the flow metrics are unavailable (one visit per step).
 * @example leverageCore(map, null).hoursPerWeek[0]
 */
export function leverageCore(
  map: ProcessMap,
  visits: ArrayLike<number> | null,
  handToId?: string | null,
): LeverageCore {
  const { settings } = map;
  const target = finite(settings.targetHourlyRate);
  const cases = finite(settings.casesPerWeek);
  const defaultRate = finite(settings.defaultHandOffRate);
  const { people: persons } = map;
  const owner = findOwner(map);
  const ownerId = owner?.id ?? null;
  const ownerAt = owner === undefined ? -1 : persons.indexOf(owner);
  const handTo =
    handToId === undefined
      ? firstOutsourcer(map)
      : handToId === null
        ? undefined
        : persons.find((p) => p.id === handToId);
  const handToRate = handTo === undefined ? undefined : finite(handTo.hourlyCost);
  // The last person with an id wins, as in a Map built from the list.
  const byId = new Map<string, number>();
  for (let p = 0; p < persons.length; p++) byId.set(persons[p]!.id, p);

  const all = map.nodes;
  const size = all.length;
  const node = scratch.int32(size);
  const doer = scratch.int32(size);
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
  const rateSource = scratch.uint8(size);
  const outside = scratch.uint8(size);
  const leadHours = scratch.float64(size);
  let leadTimeHoursPerCase = 0;
  let outsideHoursPerCase = 0;
  // Hours per doer id (null: the implicit owner), summed in step order as a pass per person
  // would; and the owner's split by kind of work.
  const loads = new Map<string | null, { hours: number; oneTime: number }>();
  const split: OwnerSplit = {
    personId: ownerId,
    productiveHoursPerWeek: 0,
    nonProductiveHoursPerWeek: 0,
    unmarkedHoursPerWeek: 0,
  };
  let totalCostPerCase = 0;
  let count = 0;
  for (let f = 0; f < size; f++) {
    const step = all[f]!;
    if (step.kind !== 'action' && step.kind !== 'decision') continue;
    const i = count++;
    const person = step.ownerId === undefined ? undefined : byId.get(step.ownerId);
    const at = person ?? ownerAt;
    const who = at < 0 ? undefined : persons[at];
    const isOwner = who === undefined || who.role === 'owner';
    const away = !isOwner && isOutside(who.role);
    // Outside parties' time costs the owner nothing (their out-of-pocket cost still counts).
    const cost = isOwner ? target : away ? 0 : finite(who.hourlyCost);
    const m = finite(step.durationMinutes);
    const outOfPocket = finite(step.costPerCase);
    const v = visits === null ? 1 : finite(visits[f]);
    const oncePass = (m / 60) * cost + outOfPocket;
    node[i] = f;
    doer[i] = at;
    named[i] = person === undefined ? 0 : 1;
    minutes[i] = m;
    visitsOf[i] = v;
    hourlyCost[i] = cost;
    outside[i] = away ? 1 : 0;
    // Rate precedence: the step's own rate, else the person it would go to, else the default.
    if (!isOwner) {
      handOffRate[i] = cost;
      rateSource[i] = 3;
    } else if (step.handOffRate !== undefined && Number.isFinite(step.handOffRate)) {
      handOffRate[i] = step.handOffRate;
      rateSource[i] = 0;
    } else if (handToRate !== undefined) {
      handOffRate[i] = handToRate;
      rateSource[i] = 1;
    } else {
      handOffRate[i] = defaultRate;
      rateSource[i] = 2;
    }
    if (step.cadence !== 'one-time') {
      routine[i] = 1;
      leadHours[i] = (v * m) / 60;
      leadTimeHoursPerCase += leadHours[i]!;
      if (away) outsideHoursPerCase += leadHours[i]!;
      // An outside party's time is in the lead time of a case, in no one's hours.
      hoursPerWeek[i] = away ? 0 : ((v * m) / 60) * cases;
      costPerCase[i] = v * oncePass;
    } else {
      oneTimeHours[i] = m / 60;
      oneTimeCost[i] = oncePass;
    }
    const doerId = doerIdOf(persons, at);
    let load = loads.get(doerId);
    if (load === undefined) {
      load = { hours: 0, oneTime: 0 };
      loads.set(doerId, load);
    }
    load.hours += hoursPerWeek[i]!;
    load.oneTime += oneTimeHours[i]!;
    totalCostPerCase += costPerCase[i]!;
    if (doerId === ownerId) {
      const { workType } = step;
      if (workType === 'productive') split.productiveHoursPerWeek += hoursPerWeek[i]!;
      else if (workType === 'non-productive') split.nonProductiveHoursPerWeek += hoursPerWeek[i]!;
      else split.unmarkedHoursPerWeek += hoursPerWeek[i]!;
    }
  }

  const people: PersonLoad[] = [];
  const loadOf = (personId: string | null, person: Person | undefined): PersonLoad => {
    const load = loads.get(personId);
    const hours = load?.hours ?? 0;
    const oneTime = load?.oneTime ?? 0;
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

  return {
    target,
    cases,
    owner,
    ownerId,
    count,
    map,
    node,
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
    rateSource,
    outside,
    leadHours,
    handTo,
    leadTimeHoursPerCase,
    outsideHoursPerCase,
    people,
    split,
    totalCostPerCase,
  };
}

/**
 * Whether step `i` is a hand-off candidate: a routine step of the owner, not productive
 * (productive work is the owner's to keep), with some time a week and a hand-off rate
 * below the target.
 * @example isCandidate(core, 0) // true
 */
export function isCandidate(core: LeverageCore, i: number): boolean {
  return (
    doerIdOf(core.map.people, core.doer[i]!) === core.ownerId &&
    core.routine[i] === 1 &&
    coreStep(core, i).workType !== 'productive' &&
    core.hoursPerWeek[i]! > 0 &&
    core.handOffRate[i]! < core.target
  );
}

/**
 * Step `i` as a hand-off candidate, worth its hours times what the owner's hour is worth
 * above the hand-off rate.
 * @example coreCandidate(core, 0).worthPerWeek
 */
export function coreCandidate(core: LeverageCore, i: number): HandOffCandidate {
  const node = coreStep(core, i);
  const hoursPerWeek = core.hoursPerWeek[i]!;
  const handOffRate = core.handOffRate[i]!;
  return {
    nodeId: node.id,
    label: node.label,
    hoursPerWeek,
    handOffRate,
    rateSource: RATE_SOURCES[core.rateSource[i]!]!,
    worthPerWeek: hoursPerWeek * (core.target - handOffRate),
    workType: node.workType,
  };
}

function doerIdOf(people: readonly Person[], at: number): string | null {
  return at < 0 ? null : people[at]!.id;
}

function stepAt(nodes: ProcessMap['nodes'], f: number): StepNode {
  const node = nodes[f]!;
  if (node.kind !== 'action' && node.kind !== 'decision') throw new Error(`Not a step: ${f}`);
  return node;
}

/**
 * Step `i`'s node.
 * @example coreStep(core, 0).label
 */
export function coreStep(core: LeverageCore, i: number): StepNode {
  return stepAt(core.map.nodes, core.node[i]!);
}

/**
 * Who does step `i`: a person, or undefined for the implicit owner.
 * @example coreDoer(core, 0)?.name
 */
export function coreDoer(core: LeverageCore, i: number): Person | undefined {
  const at = core.doer[i]!;
  return at < 0 ? undefined : core.map.people[at];
}
