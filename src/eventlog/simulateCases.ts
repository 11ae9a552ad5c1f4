import { type Failure, failure, type MapNode, type ProcessMap } from '../model';
import { edgeChances } from './edgeChances';
import { mulberry32 } from './mulberry32';

/** One simulated event: a step of a case, started and completed. */
export interface SimulatedEvent {
  caseId: string;
  activity: string;
  resource: string | undefined;
  /** ms since 1970. */
  start: number;
  time: number;
}

/** How to simulate cases through a map. */
export interface SimulateOptions {
  cases: number;
  seed: number;
  /** When the first case arrives (ms); cases then arrive at the map's cases per week. */
  startAt?: number;
  /** Mean wait (minutes, exponential) before each step, by step id; 0 when not given. */
  waitMinutes?: Readonly<Record<string, number>>;
  /** Spread of durations (a log-normal's sigma): 0 gives each step exactly its duration. */
  spread?: number;
  /**
   * Planted deviations: after step `fromId`, this share of passes jumps to `toId` (which
   * need not have an arrow) instead of following the map.
   */
  detours?: readonly { fromId: string; toId: string; share: number }[];
  /** A case that has run this many steps is stopped (a loop that rarely exits). */
  maxSteps?: number;
}

const DAY_MS = 86_400_000;

/**
 * Simulates cases through a map (seeded: the same options give the same events): from the
 * start, each decision picks a branch with the map's chances, each action waits (exponential,
 * mean `waitMinutes`) and then takes its duration (log-normal with the step's duration as its
 * median), done by its owner (the map's owner when it has none). Refuses maps with parallel
 * steps. `emit` receives each event, so a million need not be held at once.
 * @example simulateCases(exampleMap(), { cases: 100, seed: 1 }, (e) => rows.push(e))
 */
export function simulateCases(
  map: ProcessMap,
  options: SimulateOptions,
  emit: (event: SimulatedEvent) => void,
): { ok: true } | Failure<'parallel' | 'no-start'> {
  if (map.nodes.some((n) => n.kind === 'parallel')) {
    return failure('parallel', 'The simulator cannot run maps with parallel steps.');
  }
  const start = map.nodes.find((n) => n.kind === 'start');
  if (!start) return failure('no-start', 'The map has no start.');
  const random = mulberry32(options.seed);
  const normal = () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const chances = edgeChances(map);
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const people = new Map(map.people.map((p) => [p.id, p.name]));
  const owner = map.people.find((p) => p.role === 'owner')?.name;
  const spread = options.spread ?? 0.3;
  const maxSteps = options.maxSteps ?? 500;
  const detours = new Map<string, { toId: string; share: number }[]>();
  for (const d of options.detours ?? []) {
    detours.set(d.fromId, [...(detours.get(d.fromId) ?? []), d]);
  }
  const perWeek = Math.max(1e-6, map.settings.casesPerWeek || 10);
  const gap = (7 * DAY_MS) / perWeek;
  const t0 = options.startAt ?? Date.UTC(2026, 0, 5, 9);
  const width = String(options.cases).length;
  for (let c = 0; c < options.cases; c++) {
    const caseId = `C${String(c + 1).padStart(width, '0')}`;
    let clock = t0 + c * gap + random() * gap * 0.5;
    let node: MapNode = start;
    for (let steps = 0; steps < maxSteps; steps++) {
      if (node.kind === 'action') {
        const mean = options.waitMinutes?.[node.id] ?? 0;
        const began = clock + (mean > 0 ? -Math.log(1 - random()) * mean * 60_000 : 0);
        const minutes = (node.durationMinutes ?? 0) * Math.exp(spread * normal());
        const done = began + minutes * 60_000;
        emit({
          caseId,
          activity: node.label,
          resource: (node.ownerId && people.get(node.ownerId)) || owner,
          start: began,
          time: done,
        });
        clock = done;
      }
      if (node.kind === 'end') break;
      let nextId: string | undefined;
      for (const d of detours.get(node.id) ?? []) {
        if (random() < d.share) nextId = d.toId;
      }
      if (nextId === undefined) {
        const outs = chances.get(node.id);
        if (!outs) break;
        let r = random();
        nextId = outs[outs.length - 1]![0].target;
        for (const [edge, p] of outs) {
          r -= p;
          if (r < 0) {
            nextId = edge.target;
            break;
          }
        }
      }
      const next = nodes.get(nextId);
      if (!next) break;
      node = next;
    }
  }
  return { ok: true };
}
