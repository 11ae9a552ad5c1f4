import { stepAgreement } from '../leverage/stepAgreement';
import type { MapNode, Person, ProcessMap, StepNode } from '../model';
import type { EventLog } from './EventLog';
import { matchActivities, matchKey } from './matchActivities';
import { createSamples, summarize } from './quantile';
import type { AgreementReplay, ArrowReplay, Deviation, Replay, StepReplay } from './replayTypes';
import { createSilentPaths } from './silentPaths';

const DAY = 86_400_000;
const MAX_EXAMPLES = 3;
const MAX_LATE = 20;

/** The Monday (UTC, yyyy-mm-dd) of the week a time falls in. */
function weekOf(t: number): string {
  const day = Math.floor(t / DAY);
  const monday = day - ((day + 3) % 7); // 1 Jan 1970 was a Thursday
  return new Date(monday * DAY).toISOString().slice(0, 10);
}

/** The share of on-time steps an agreement's minimum level asks ("95% on time"); else all. */
function thresholdOf(level: string | undefined): number {
  const m = level ? /(\d+(?:\.\d+)?)\s*%/.exec(level) : null;
  return m ? Math.min(1, Number(m[1]) / 100) : 1;
}

function isStep(node: MapNode): node is StepNode {
  return node.kind === 'action' || node.kind === 'decision';
}

const quote = (node: MapNode) => `“${node.label.trim() || node.kind}”`;

/**
 * Replays a log on a map. Each activity is matched to a step by name (see matchActivities);
 * a case then walks the map from its start: a move from one recorded step to the next must
 * follow arrows through decisions and parallel bars only, else it is a deviation. Gives
 * per step how many cases and events ran it with median and 90th-percentile durations (start
 * to completion, or since the previous event when the log has no start times), per arrow how
 * often it was taken and the median wait on it (previous completion to next start), the
 * deviations (moves with no arrow, steps no case ran, cases that never reached an end), each
 * person's record against their service agreement (turnaround from the hand-over: the
 * previous event's completion to their completion) and the lead time of finished cases.
 * Linear in the events.
 * @example replayLog(map, log).steps.get('a')?.median // 5.2 (minutes)
 */
export function replayLog(
  map: ProcessMap,
  log: EventLog,
  manual: Readonly<Record<string, string>> = {},
): Replay {
  const nodes = map.nodes;
  const match = matchActivities(log, nodes, manual);
  const recorded = new Uint8Array(nodes.length);
  for (const v of match) if (v >= 0) recorded[v] = 1;
  const silent = createSilentPaths(map, recorded);
  const starts = nodes.flatMap((n, i) => (n.kind === 'start' ? [i] : []));
  const accepted = new Set(map.acceptedFindings.map((f) => f.key));

  const stepEvents = new Int32Array(nodes.length);
  const stepCases = new Int32Array(nodes.length);
  const lastCase = new Int32Array(nodes.length).fill(-1);
  const durations = createSamples(nodes.length);
  const edgeCount = new Int32Array(map.edges.length);
  const waits = createSamples(map.edges.length);
  const unmatchedEvents = new Int32Array(log.activities.length);
  const moves = new Map<string, { from: number; to: number; count: number; examples: string[] }>();
  const unfinished = new Map<number, { count: number; examples: string[] }>();
  const leadTimes: number[] = [];
  let fitting = 0;

  // People: who did a step (the log's resource, matched by name) and under which agreement.
  const byName = new Map(map.people.map((p) => [matchKey(p.name), p]));
  const byId = new Map(map.people.map((p) => [p.id, p]));
  const owner = map.people.find((p) => p.role === 'owner');
  const personOfResource = log.resources.map((r) => byName.get(matchKey(r)));
  type Tally = {
    steps: number;
    onTime: number;
    late: Set<number>;
    weeks: Map<string, [number, number]>;
  };
  const tallies = new Map<string, Tally>();
  const untimed = new Map<string, number>();

  const note = <T extends { count: number; examples: string[] }>(entry: T, c: number) => {
    entry.count++;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(log.caseIds[c]!);
  };

  for (let c = 0; c < log.caseIds.length; c++) {
    const from = log.caseStart[c]!;
    const to = log.caseStart[c + 1]!;
    let first = -1;
    for (let e = from; e < to; e++) {
      if (match[log.activity[e]!]! >= 0) {
        first = e;
        break;
      }
    }
    for (let e = from; e < to; e++)
      if (match[log.activity[e]!]! < 0) unmatchedEvents[log.activity[e]!]!++;
    if (first === -1) continue;
    const v0 = match[log.activity[first]!]!;
    let prev = starts.find((s) => silent(s).has(v0)) ?? starts[0] ?? -1;
    let prevTime = Number.NaN;
    let fits = prev !== -1;
    for (let e = first; e < to; e++) {
      const v = match[log.activity[e]!]!;
      if (v < 0) continue;
      const t = log.time[e]!;
      const s = log.start[e]!;
      const path = prev === -1 ? undefined : silent(prev).get(v);
      if (path) {
        for (const j of path) edgeCount[j]!++;
        if (!Number.isNaN(prevTime)) {
          const wait = (Number.isNaN(s) ? t : s) - prevTime;
          if (wait >= 0) waits.add(path[path.length - 1]!, wait / 60_000);
        }
      } else {
        fits = false;
        const key = `${prev}>${v}`;
        const entry = moves.get(key) ?? { from: prev, to: v, count: 0, examples: [] };
        moves.set(key, entry);
        note(entry, c);
      }
      stepEvents[v]!++;
      if (lastCase[v] !== c) {
        lastCase[v] = c;
        stepCases[v]!++;
      }
      const duration = !Number.isNaN(s)
        ? t - s
        : !Number.isNaN(prevTime)
          ? t - prevTime
          : Number.NaN;
      if (duration >= 0) durations.add(v, duration / 60_000);
      // Service agreements: the turnaround runs from the hand-over to completion.
      const node = nodes[v]!;
      const turnaroundMs = !Number.isNaN(prevTime)
        ? t - prevTime
        : !Number.isNaN(s)
          ? t - s
          : Number.NaN;
      if (isStep(node) && turnaroundMs >= 0) {
        const r = log.resource[e]!;
        const person: Person | undefined =
          (r >= 0 ? personOfResource[r] : undefined) ??
          (node.ownerId !== undefined ? byId.get(node.ownerId) : undefined) ??
          owner;
        if (person) {
          const hours = stepAgreement(person, node)?.turnaroundHours;
          if (hours === undefined) {
            untimed.set(person.id, (untimed.get(person.id) ?? 0) + 1);
          } else {
            let tally = tallies.get(person.id);
            if (!tally) {
              tally = { steps: 0, onTime: 0, late: new Set(), weeks: new Map() };
              tallies.set(person.id, tally);
            }
            const onTime = turnaroundMs <= hours * 3_600_000 ? 1 : 0;
            tally.steps++;
            tally.onTime += onTime;
            if (!onTime) tally.late.add(c);
            const week = weekOf(t);
            const w = tally.weeks.get(week) ?? [0, 0];
            w[0]++;
            w[1] += onTime;
            tally.weeks.set(week, w);
          }
        }
      }
      prev = v;
      prevTime = t;
    }
    let endPath: number[] | undefined;
    for (const [w, path] of silent(prev)) {
      if (nodes[w]!.kind === 'end') {
        endPath = path;
        break;
      }
    }
    if (endPath) {
      for (const j of endPath) edgeCount[j]!++;
      const s = log.start[first]!;
      leadTimes.push((log.time[to - 1]! - (Number.isNaN(s) ? log.time[first]! : s)) / 60_000);
      if (fits) fitting++;
    } else {
      const entry = unfinished.get(prev) ?? { count: 0, examples: [] };
      unfinished.set(prev, entry);
      note(entry, c);
    }
  }

  const steps = new Map<string, StepReplay>();
  nodes.forEach((node, v) => {
    if (stepEvents[v] === 0) return;
    const { median, p90 } = summarize(durations.of(v));
    steps.set(node.id, {
      nodeId: node.id,
      events: stepEvents[v]!,
      cases: stepCases[v]!,
      median,
      p90,
    });
  });
  const leaving = new Map<string, number>();
  map.edges.forEach((e, j) => {
    leaving.set(e.source, (leaving.get(e.source) ?? 0) + edgeCount[j]!);
  });
  const arrows = new Map<string, ArrowReplay>();
  map.edges.forEach((edge, j) => {
    if (edgeCount[j] === 0) return;
    const out = leaving.get(edge.source) ?? 0;
    arrows.set(edge.id, {
      edgeId: edge.id,
      count: edgeCount[j]!,
      medianWait: summarize(waits.of(j)).median,
      share: out > 0 ? edgeCount[j]! / out : Number.NaN,
    });
  });

  const deviations: Deviation[] = [];
  for (const m of [...moves.values()].sort((x, y) => y.count - x.count)) {
    const a = nodes[m.from]!;
    const b = nodes[m.to]!;
    const key = `log-move:${a.id}>${b.id}`;
    deviations.push({
      key,
      kind: 'move',
      fromId: a.id,
      toId: b.id,
      count: m.count,
      examples: m.examples,
      intended: accepted.has(key),
      text: `${quote(a)} → ${quote(b)}: no arrow on the map (${m.count} ${m.count === 1 ? 'time' : 'times'})`,
    });
  }
  nodes.forEach((node, v) => {
    if (node.kind !== 'action' || stepEvents[v] !== 0) return;
    const key = `log-unused:${node.id}`;
    deviations.push({
      key,
      kind: 'unused',
      nodeId: node.id,
      count: 0,
      examples: [],
      intended: accepted.has(key),
      text: `${quote(node)}: no case ran this step`,
    });
  });
  for (const [v, u] of [...unfinished].sort((x, y) => y[1].count - x[1].count)) {
    const node = nodes[v]!;
    const key = `log-unfinished:${node.id}`;
    deviations.push({
      key,
      kind: 'unfinished',
      nodeId: node.id,
      count: u.count,
      examples: u.examples,
      intended: accepted.has(key),
      text: `${u.count} ${u.count === 1 ? 'case' : 'cases'} stopped after ${quote(node)} and never reached an end`,
    });
  }

  const agreements: AgreementReplay[] = [];
  for (const person of map.people) {
    const tally = tallies.get(person.id);
    if (!tally) continue;
    const sla = person.agreement;
    const threshold = thresholdOf(sla?.minimumLevel);
    agreements.push({
      personId: person.id,
      name: person.name,
      turnaroundHours: sla?.turnaroundHours ?? Number.NaN,
      threshold,
      bonusPercent: sla?.onTimeBonusPercent,
      steps: tally.steps,
      onTime: tally.onTime,
      lateCases: [...tally.late].slice(0, MAX_LATE).map((c) => log.caseIds[c]!),
      lateCaseCount: tally.late.size,
      weeks: [...tally.weeks]
        .sort((x, y) => (x[0] < y[0] ? -1 : 1))
        .map(([week, [n, onTime]]) => ({
          week,
          steps: n,
          onTime,
          earned: onTime >= threshold * n - 1e-9,
        })),
    });
  }
  const withoutAgreement = [...untimed].map(([personId, n]) => ({
    personId,
    name: byId.get(personId)?.name ?? personId,
    steps: n,
  }));
  const unmatched = log.activities
    .map((activity, a) => ({ activity, events: unmatchedEvents[a]! }))
    .filter((u) => u.events > 0)
    .sort((x, y) => y.events - x.events);
  return {
    cases: log.caseIds.length,
    events: log.activity.length,
    steps,
    arrows,
    deviations,
    unmatched,
    agreements,
    withoutAgreement,
    leadTimes: Float64Array.from(leadTimes).sort(),
    fittingCases: fitting,
  };
}
