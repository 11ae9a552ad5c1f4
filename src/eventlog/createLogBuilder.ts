import type { EventLog } from './EventLog';

/** What a lifecycle value means for the log: a start, a completion, or something to skip. */
export type Transition = 'start' | 'complete' | 'other';

const COMPLETE = 0;
const START = 1;
const OTHER = 2;

/**
 * Reads a lifecycle value (XES `lifecycle:transition` or a CSV column): "start" and
 * "complete" (and their common spellings); anything else (schedule, assign, …) is skipped.
 * @example transitionOf('COMPLETE') // 'complete'
 */
export function transitionOf(value: string | undefined): Transition {
  if (value === undefined) return 'complete';
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'complete' || v === 'completed' || v === 'end' || v === 'done')
    return 'complete';
  if (v === 'start' || v === 'started' || v === 'begin') return 'start';
  return 'other';
}

/** Index of `name` in `names`, adding it when new. */
function indexer() {
  const index = new Map<string, number>();
  const names: string[] = [];
  return {
    names,
    of(name: string): number {
      let i = index.get(name);
      if (i === undefined) {
        i = names.length;
        index.set(name, i);
        names.push(name);
      }
      return i;
    },
  };
}

/**
 * Collects events in any order and builds an {@link EventLog}: grouped by case (in the order
 * cases first appear), sorted by time within a case (ties keep file order), and with each
 * lifecycle "start" paired with the next "complete" of the same activity in its case.
 * Linear apart from sorting inside each case, which is skipped when a case is already in order.
 * @example const b = createLogBuilder(); b.add('c1', 'Pack', Date.UTC(2024, 0, 1)); b.finish()
 */
export function createLogBuilder() {
  const cases = indexer();
  const activities = indexer();
  const resources = indexer();
  // Columns grow by doubling: a million events are a few typed arrays, not a million objects.
  let capacity = 1024;
  let n = 0;
  let caseOf = new Int32Array(capacity);
  let activityOf = new Int32Array(capacity);
  let resourceOf = new Int32Array(capacity);
  let timeOf = new Float64Array(capacity);
  let startOf = new Float64Array(capacity);
  let kindOf = new Uint8Array(capacity);
  const grow = () => {
    capacity *= 2;
    const more = <T extends Int32Array | Float64Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ) => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    caseOf = more(caseOf, (k) => new Int32Array(k));
    activityOf = more(activityOf, (k) => new Int32Array(k));
    resourceOf = more(resourceOf, (k) => new Int32Array(k));
    timeOf = more(timeOf, (k) => new Float64Array(k));
    startOf = more(startOf, (k) => new Float64Array(k));
    kindOf = more(kindOf, (k) => new Uint8Array(k));
  };
  // Logs usually list a case's events together: the last case is looked up without the map.
  let lastCase = '';
  let lastCaseIndex = -1;
  return {
    /**
     * Adds one event: its case, activity, completion (or, for a lifecycle start, start) time
     * in ms, and optionally an explicit start time, a resource and a lifecycle transition.
     */
    add(
      caseId: string,
      activity: string,
      time: number,
      extra: { start?: number; resource?: string; transition?: Transition } = {},
    ): void {
      this.push(caseId, activity, time, extra.start, extra.resource, extra.transition);
    },
    /** {@link add} without the options object, for readers that add a million events. */
    push(
      caseId: string,
      activity: string,
      time: number,
      start = Number.NaN,
      resource = '',
      transition: Transition = 'complete',
    ): void {
      if (n === capacity) grow();
      if (caseId !== lastCase || lastCaseIndex < 0) {
        lastCase = caseId;
        lastCaseIndex = cases.of(caseId);
      }
      caseOf[n] = lastCaseIndex;
      activityOf[n] = activities.of(activity);
      resourceOf[n] = resource ? resources.of(resource) : -1;
      timeOf[n] = time;
      startOf[n] = start;
      kindOf[n] = transition === 'complete' ? COMPLETE : transition === 'start' ? START : OTHER;
      n++;
    },
    /** How many events were added. */
    get size() {
      return n;
    },
    /** Builds the log; `ignored` counts transitions that are neither start nor complete. */
    finish(): { log: EventLog; ignored: number } {
      const caseCount = cases.names.length;
      const caseStartRaw = new Int32Array(caseCount + 1);
      for (let i = 0; i < n; i++) caseStartRaw[caseOf[i]! + 1]!++;
      for (let c = 0; c < caseCount; c++) caseStartRaw[c + 1]! += caseStartRaw[c]!;
      const fill = caseStartRaw.slice(0, caseCount);
      const order = new Int32Array(n);
      for (let i = 0; i < n; i++) order[fill[caseOf[i]!]!++] = i;
      // Sort each case by time; most logs are already in order, which one pass confirms.
      for (let c = 0; c < caseCount; c++) {
        const from = caseStartRaw[c]!;
        const to = caseStartRaw[c + 1]!;
        let sorted = true;
        for (let k = from + 1; k < to; k++) {
          if (timeOf[order[k]!]! < timeOf[order[k - 1]!]!) {
            sorted = false;
            break;
          }
        }
        if (!sorted) {
          const part = Array.from(order.subarray(from, to));
          part.sort((a, b) => timeOf[a]! - timeOf[b]! || a - b);
          order.set(part, from);
        }
      }
      // Pair lifecycle starts with completions; keep completions only.
      const keep = new Int32Array(n);
      const pairedStart = new Float64Array(n).fill(Number.NaN);
      let kept = 0;
      let ignored = 0;
      const caseStart = new Int32Array(caseCount + 1);
      const open = new Map<number, number[]>();
      for (let c = 0; c < caseCount; c++) {
        caseStart[c] = kept;
        open.clear();
        for (let k = caseStartRaw[c]!; k < caseStartRaw[c + 1]!; k++) {
          const i = order[k]!;
          const kind = kindOf[i]!;
          if (kind === OTHER) {
            ignored++;
          } else if (kind === START) {
            const list = open.get(activityOf[i]!);
            if (list) list.push(timeOf[i]!);
            else open.set(activityOf[i]!, [timeOf[i]!]);
          } else {
            const list = open.get(activityOf[i]!);
            const began = list?.shift();
            pairedStart[kept] = began ?? startOf[i]!;
            keep[kept++] = i;
          }
        }
      }
      caseStart[caseCount] = kept;
      const activity = new Int32Array(kept);
      const resource = new Int32Array(kept);
      const time = new Float64Array(kept);
      const start = new Float64Array(kept);
      let hasStart = false;
      for (let k = 0; k < kept; k++) {
        const i = keep[k]!;
        activity[k] = activityOf[i]!;
        resource[k] = resourceOf[i]!;
        time[k] = timeOf[i]!;
        start[k] = pairedStart[k]!;
        if (!Number.isNaN(start[k]!)) hasStart = true;
      }
      return {
        log: {
          caseIds: cases.names,
          activities: activities.names,
          resources: resources.names,
          caseStart,
          activity,
          resource,
          time,
          start,
          hasStart,
        },
        ignored,
      };
    },
  };
}

/** A log builder (see {@link createLogBuilder}). */
export type LogBuilder = ReturnType<typeof createLogBuilder>;
