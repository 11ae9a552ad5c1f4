import { LIMITS, type MapEdge, type MapNode, type Person, type ProcessMap } from '../model';
import type { LogIndex } from './indexLog';

/** How much of the log a discovered map shows (Disco's two sliders). */
export interface DiscoveryFilter {
  /** How many activities, most frequent first (at least 1). */
  activities: number;
  /** Share of the paths (0..1), most frequent first; every shown step keeps a way in and out. */
  paths: number;
}

/** A discovered map and what it shows. */
export interface Discovery {
  map: ProcessMap;
  /** Activities shown, of all in the log. */
  activities: { shown: number; total: number };
  /** "Followed by" paths shown, of all between the shown activities. */
  paths: { shown: number; total: number };
}

const ROW = 140;
const COLUMN = 240;

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Counts "followed by" pairs between the activities of rank below `k`, reading every case
 * with the other activities left out. Node -1 is the start, `a` (the activity count) the end.
 */
function countFollows(index: LogIndex, k: number): Map<number, number> {
  const { log, rank } = index;
  const width = log.activities.length + 2;
  const follows = new Map<number, number>();
  for (let c = 0; c < log.caseIds.length; c++) {
    let prev = -1;
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) {
      const act = log.activity[e]!;
      if (rank[act]! >= k) continue;
      const key = (prev + 1) * width + act + 1;
      follows.set(key, (follows.get(key) ?? 0) + 1);
      prev = act;
    }
    if (prev !== -1) {
      const key = (prev + 1) * width + width - 1;
      follows.set(key, (follows.get(key) ?? 0) + 1);
    }
  }
  return follows;
}

/** The paths to show: each step's busiest way in and out, then the busiest others up to `share`. */
function choosePaths(follows: Map<number, number>, width: number, share: number) {
  const all = [...follows].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const bestOut = new Map<number, number>();
  const bestIn = new Map<number, number>();
  for (const [key] of all) {
    const from = Math.floor(key / width);
    const to = key % width;
    if (!bestOut.has(from)) bestOut.set(from, key);
    if (!bestIn.has(to)) bestIn.set(to, key);
  }
  const kept = new Set<number>([...bestOut.values(), ...bestIn.values()]);
  const extra = Math.round(Math.min(1, Math.max(0, share)) * all.length);
  for (let i = 0; i < all.length && kept.size < extra; i++) {
    kept.add(all[i]![0]);
  }
  return { kept: all.filter(([key]) => kept.has(key)), total: all.length };
}

/**
 * Discovers a map from a log (a directly-follows map): a step per activity, an arrow per
 * observed "followed by", a start and an end. Where a step (or the start) is followed by
 * different steps, a decision is put after it, each branch labelled with the next step's
 * name and its chance the observed share. Durations are the median observed times; each
 * step is owned by its most frequent resource, one person per resource.
 * Cheap enough to run on every slider move: one pass over the events, no sorting of them.
 * @example discoverMap(indexLog(log), { activities: 10, paths: 0.8 }).map
 */
export function discoverMap(
  index: LogIndex,
  filter: DiscoveryFilter,
  name = 'Discovered map',
): Discovery {
  const { log } = index;
  const a = log.activities.length;
  const width = a + 2;
  const k = Math.max(1, Math.min(a, Math.round(filter.activities)));
  const { kept, total } = choosePaths(countFollows(index, k), width, filter.paths);

  const people: Person[] = [
    { id: 'me', name: 'Me', role: 'owner', hourlyCost: 100, hoursPerWeek: 40 },
  ];
  const personOf = new Map<number, string>();
  const usedNames = new Set(['me']);
  for (let r = 0; r < log.resources.length && people.length < LIMITS.maxPeople; r++) {
    let personName = log.resources[r]!.slice(0, LIMITS.maxOwnerLength);
    // The log's "Me" (or "me") is the owner, not a second person of that name.
    if (personName.trim().toLowerCase() === 'me') {
      personOf.set(r, 'me');
      continue;
    }
    if (usedNames.has(personName.toLowerCase()))
      personName = `${personName.slice(0, 90)} (${r + 1})`;
    usedNames.add(personName.toLowerCase());
    people.push({ id: `p${r}`, name: personName, role: 'staff', hourlyCost: 25, hoursPerWeek: 40 });
    personOf.set(r, `p${r}`);
  }

  const nodes: MapNode[] = [
    { id: 'start', kind: 'start', label: 'Start', position: { x: 0, y: 0 } },
  ];
  const idOf = (node: number) =>
    node === 0 ? 'start' : node === width - 1 ? 'end' : `a${node - 1}`;
  const labelOf = (node: number) =>
    node === width - 1 ? 'End' : log.activities[node - 1]!.slice(0, LIMITS.maxLabelLength);
  const shown = index.byFrequency.slice(0, k);
  for (const act of shown) {
    const node: MapNode = {
      id: `a${act}`,
      kind: 'action',
      label: labelOf(act + 1),
      position: { x: 0, y: 0 },
    };
    const minutes = index.medianMinutes[act]!;
    if (Number.isFinite(minutes)) node.durationMinutes = round(Math.max(0, minutes), 2);
    const owner = personOf.get(index.owner[act]!);
    if (owner) node.ownerId = owner;
    nodes.push(node);
  }
  nodes.push({ id: 'end', kind: 'end', label: 'End', position: { x: 0, y: 0 } });

  const edges: MapEdge[] = [];
  const outs = new Map<number, [number, number][]>();
  for (const [key, count] of kept) {
    const from = Math.floor(key / width);
    const list = outs.get(from) ?? [];
    list.push([key % width, count]);
    outs.set(from, list);
  }
  for (const [from, list] of outs) {
    const source = idOf(from);
    if (list.length === 1) {
      edges.push({ id: `f${edges.length}`, source, target: idOf(list[0]![0]) });
      continue;
    }
    const decision = from === 0 ? 'd-start' : `d${from - 1}`;
    const label = from === 0 ? 'Which step first?' : `After ${labelOf(from)}?`;
    nodes.push({
      id: decision,
      kind: 'decision',
      label: label.slice(0, LIMITS.maxLabelLength),
      position: { x: 0, y: 0 },
    });
    edges.push({ id: `f${edges.length}`, source, target: decision });
    const sum = list.reduce((s, [, n]) => s + n, 0);
    let given = 0;
    list.forEach(([to, n], i) => {
      const p = i === list.length - 1 ? Math.max(0, round(1 - given, 4)) : round(n / sum, 4);
      given += p;
      edges.push({
        id: `f${edges.length}`,
        source: decision,
        target: idOf(to),
        label: labelOf(to),
        probability: p,
      });
    });
  }
  placeInLayers(nodes, edges);
  return {
    map: {
      format: 'leverflow-map',
      version: 3,
      name,
      settings: {
        currency: 'USD',
        targetHourlyRate: 100,
        casesPerWeek: round(Math.min(1_000_000, index.casesPerWeek), 1),
        defaultHandOffRate: 25,
      },
      people,
      nodes,
      edges,
      acceptedFindings: [],
    },
    activities: { shown: k, total: a },
    paths: { shown: kept.length, total },
  };
}

/** Rough places (rows by distance from the start) until the map is tidied up. */
function placeInLayers(nodes: MapNode[], edges: readonly MapEdge[]): void {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const depth = new Map<string, number>([['start', 0]]);
  const queue = ['start'];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const t of next.get(id) ?? []) {
      if (depth.has(t)) continue;
      depth.set(t, depth.get(id)! + 1);
      queue.push(t);
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const perRow = new Map<number, number>();
  for (const node of nodes) {
    const d = node.kind === 'end' ? maxDepth + 1 : (depth.get(node.id) ?? maxDepth + 2);
    const column = perRow.get(d) ?? 0;
    perRow.set(d, column + 1);
    node.position = { x: column * COLUMN, y: d * ROW };
  }
}
