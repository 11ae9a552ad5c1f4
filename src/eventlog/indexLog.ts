import type { EventLog } from './EventLog';
import { quantileSorted } from './quantile';

/** What discovery needs from a log, computed once so that moving a slider is cheap. */
export interface LogIndex {
  log: EventLog;
  /** Activity indexes, most frequent first (ties: first seen first). */
  byFrequency: number[];
  /** Each activity's place in `byFrequency`. */
  rank: Int32Array;
  /** Events per activity. */
  count: Int32Array;
  /**
   * Median minutes per activity: start to completion when the log has start times, else
   * the time since the case's previous event; NaN when nothing was measured.
   */
  medianMinutes: Float64Array;
  /** Each activity's most frequent resource, -1 when none is named. */
  owner: Int32Array;
  /** Cases per week over the log's time span. */
  casesPerWeek: number;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Counts a log once for discovery: activity frequencies and ranks, median durations and
 * each activity's most frequent resource. Linear in the events (plus sorting durations).
 * @example indexLog(log).byFrequency[0] // the most frequent activity
 */
export function indexLog(log: EventLog): LogIndex {
  const a = log.activities.length;
  const count = new Int32Array(a);
  const durations: number[][] = Array.from({ length: a }, () => []);
  const resourceCounts = new Map<number, number>();
  const r = log.resources.length + 1;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const cases = log.caseIds.length;
  for (let c = 0; c < cases; c++) {
    const from = log.caseStart[c]!;
    const to = log.caseStart[c + 1]!;
    for (let e = from; e < to; e++) {
      const act = log.activity[e]!;
      count[act]!++;
      const t = log.time[e]!;
      if (t < first) first = t;
      if (t > last) last = t;
      if (log.hasStart) {
        const s = log.start[e]!;
        if (!Number.isNaN(s)) durations[act]!.push((t - s) / 60_000);
      } else if (e > from) {
        durations[act]!.push((t - log.time[e - 1]!) / 60_000);
      }
      const key = act * r + log.resource[e]! + 1;
      resourceCounts.set(key, (resourceCounts.get(key) ?? 0) + 1);
    }
  }
  const byFrequency = Array.from({ length: a }, (_, i) => i).sort(
    (x, y) => count[y]! - count[x]! || x - y,
  );
  const rank = new Int32Array(a);
  byFrequency.forEach((act, i) => {
    rank[act] = i;
  });
  const medianMinutes = new Float64Array(a);
  for (let i = 0; i < a; i++) {
    medianMinutes[i] = quantileSorted(Float64Array.from(durations[i]!).sort(), 0.5);
  }
  const owner = new Int32Array(a).fill(-1);
  const best = new Int32Array(a);
  for (const [key, n] of resourceCounts) {
    const act = Math.floor(key / r);
    const res = (key % r) - 1;
    if (res >= 0 && n > best[act]!) {
      best[act] = n;
      owner[act] = res;
    }
  }
  const weeks = Math.max(1, (last - first) / WEEK_MS);
  return {
    log,
    byFrequency,
    rank,
    count,
    medianMinutes,
    owner,
    casesPerWeek: cases === 0 ? 0 : cases / weeks,
  };
}
