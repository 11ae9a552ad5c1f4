/**
 * An event log held column by column: one entry per event in typed arrays, grouped by case
 * and in time order within a case, so a million events cost a few tens of megabytes and every
 * pass over them is a plain loop. Names are stored once and referred to by index.
 */
export interface EventLog {
  /** Case ids, by case index. */
  caseIds: string[];
  /** Activity names, by activity index. */
  activities: string[];
  /** Resource (person) names, by resource index. */
  resources: string[];
  /** Events of case `c` are `caseStart[c]` up to (not including) `caseStart[c + 1]`. */
  caseStart: Int32Array;
  /** Activity index of each event. */
  activity: Int32Array;
  /** Resource index of each event, -1 when the log names none. */
  resource: Int32Array;
  /** When each event completed, in ms since 1970 (UTC). */
  time: Float64Array;
  /** When each event started (ms), NaN when the log does not say. */
  start: Float64Array;
  /** True when at least one event has a start time. */
  hasStart: boolean;
}

/** A row or event of the input that could not be read, with its 1-based line. */
export interface BadRow {
  line: number;
  reason: string;
}

/** What reading a file gave: the log, and the rows it had to skip. */
export interface ImportedLog {
  log: EventLog;
  /** How many rows or events were skipped. */
  badCount: number;
  /** The first {@link MAX_LISTED_BAD_ROWS} of them. */
  badRows: BadRow[];
  /** Events dropped on purpose: lifecycle transitions other than start and complete. */
  ignoredTransitions: number;
}

/** How many unreadable rows are listed (all are counted). */
export const MAX_LISTED_BAD_ROWS = 20;

/** The number of events in a log. */
export function eventCount(log: EventLog): number {
  return log.activity.length;
}
