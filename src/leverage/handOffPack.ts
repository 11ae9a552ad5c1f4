import type { AnalysisReport } from '../analyzer';
import {
  flowPlaces,
  type MapEdge,
  type MapNode,
  type Person,
  type ProcessMap,
  type Sla,
  type StepNode,
} from '../model';
import { computeLeverage } from './computeLeverage';
import { findOwner } from './findOwner';
import { stepAgreement } from './stepAgreement';

/** One step in a hand-off pack, with what the person doing it needs to know. */
export interface PackStep {
  id: string;
  label: string;
  kind: 'action' | 'decision';
  /** Labels of the steps just before (what comes in). */
  comesFrom: string[];
  /** Labels of the steps just after (what goes out). */
  goesTo: string[];
  /** The step's notes: how to do it. */
  instructions: string | undefined;
  /** A decision's branches: each arrow's label and where it leads. */
  branches: { label: string; to: string }[];
  durationMinutes: number | undefined;
  /** Expected passes a week: visits per case x cases a week. */
  timesPerWeek: number;
  /** The agreement this step works under (its doer's, with the step's overrides). */
  agreement: Sla | undefined;
}

/** What a hand-off pack holds: one document for the person doing the work. */
export interface HandOffPack {
  /** Who it is for, or null for a selection of steps done by several people. */
  person: Person | null;
  /** "Maria", or "Selected steps". */
  title: string;
  ownerName: string;
  /** ISO date, yyyy-mm-dd. */
  date: string;
  mapName: string;
  /** The map's content fingerprint (8 hex digits) and file format version. */
  mapVersion: string;
  casesPerWeek: number;
  /** Their steps, in flow order. */
  steps: PackStep[];
  /** The person's own agreement (their steps may override fields). */
  agreement: Sla | undefined;
  /** Their steps, one step before and after each: the part of the map they work in. */
  partNodeIds: string[];
}

/** Whom a pack is for: a person (their steps), or any selection of steps. */
export type PackFor = { personId: string } | { nodeIds: readonly string[] };

const isStep = (n: MapNode): n is StepNode => n.kind === 'action' || n.kind === 'decision';

/**
 * The hand-off pack for a person (every step they do) or a selection of steps: each step in
 * flow order with what comes in and goes out, its instructions, a decision's branches, its
 * expected time and passes a week, and the agreement; plus the part of the map around them,
 * the owner's name, the date and the map's name and version. Pure.
 * @example handOffPack(map, { personId: 'maria' }, '2026-11-30').steps.map((s) => s.label)
 */
export function handOffPack(
  map: ProcessMap,
  request: PackFor,
  date: string,
  report?: Pick<AnalysisReport, 'metrics'>,
): HandOffPack {
  const owner = findOwner(map);
  const personById = new Map(map.people.map((p) => [p.id, p] as const));
  const doerOf = (step: StepNode) =>
    (step.ownerId === undefined ? undefined : personById.get(step.ownerId)) ?? owner;
  const person = 'personId' in request ? (personById.get(request.personId) ?? null) : null;
  const wanted =
    'personId' in request
      ? (step: StepNode) => doerOf(step)?.id === request.personId
      : (step: StepNode) => request.nodeIds.includes(step.id);
  const order = flowPlaces(map.nodes, map.edges);
  const theirs = map.nodes
    .filter(isStep)
    .filter(wanted)
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const label = new Map(map.nodes.map((n) => [n.id, n.label.trim() || 'Unnamed step'] as const));
  const into = new Map<string, MapEdge[]>();
  const outOf = new Map<string, MapEdge[]>();
  for (const e of map.edges) {
    into.set(e.target, [...(into.get(e.target) ?? []), e]);
    outOf.set(e.source, [...(outOf.get(e.source) ?? []), e]);
  }
  const lev = computeLeverage(map, report);
  const visits = new Map(lev.steps.map((s) => [s.nodeId, s.visitsPerCase] as const));
  const part = new Set<string>();
  const steps: PackStep[] = theirs.map((step) => {
    part.add(step.id);
    const ins = into.get(step.id) ?? [];
    const outs = outOf.get(step.id) ?? [];
    for (const e of ins) part.add(e.source);
    for (const e of outs) part.add(e.target);
    return {
      id: step.id,
      label: label.get(step.id)!,
      kind: step.kind,
      comesFrom: unique(ins.map((e) => label.get(e.source) ?? e.source)),
      goesTo: unique(outs.map((e) => label.get(e.target) ?? e.target)),
      instructions: step.notes?.trim() || undefined,
      branches:
        step.kind === 'decision'
          ? outs.map((e) => ({
              label: e.label?.trim() || 'Otherwise',
              to: label.get(e.target) ?? e.target,
            }))
          : [],
      durationMinutes: step.durationMinutes,
      timesPerWeek:
        (step.cadence === 'one-time' ? 0 : (visits.get(step.id) ?? 1)) * lev.casesPerWeek,
      agreement: stepAgreement(doerOf(step), step),
    };
  });
  return {
    person,
    title: person ? person.name : 'Selected steps',
    ownerName: owner?.name ?? 'The owner',
    date,
    mapName: map.name.trim() || 'Untitled map',
    mapVersion: `${fingerprint(JSON.stringify({ ...map, handOff: undefined }))} (file format v${map.version})`,
    casesPerWeek: lev.casesPerWeek,
    steps,
    agreement: person?.agreement,
    partNodeIds: map.nodes.filter((n) => part.has(n.id)).map((n) => n.id),
  };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** FNV-1a of a text, as 8 hex digits: which version of the map a pack was made from. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
