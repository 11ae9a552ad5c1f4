import { type DateFormat, guessDateFormat } from './parseTimestamp';

/** Which column (by index) holds what; optional ones may be missing. */
export interface ColumnMapping {
  caseId: number;
  activity: number;
  timestamp: number;
  start?: number;
  resource?: number;
  lifecycle?: number;
}

export type ColumnRole = keyof ColumnMapping;

/** The best guess for a file's columns, and what the person must still decide. */
export interface ColumnGuess {
  /** Each role's column, where one fits. */
  mapping: Partial<ColumnMapping>;
  /** How the timestamp (and start) columns are written, when they could be read. */
  dateFormat: DateFormat | null;
  /** True when the dates could be day/month or month/day: ask, do not guess. */
  ambiguousDates: boolean;
}

const HEADER_HINTS: Record<ColumnRole, { exact: RegExp; loose: RegExp }> = {
  caseId: {
    exact:
      /^(case|case ?id|case ?(no|nr|number|key)|order|order ?(id|no|nr|number)|ticket|ticket ?(id|no|number)|trace|trace ?id|deal|deal ?id|concept:name)$/,
    loose: /case|order|ticket|trace|deal|invoice|request/,
  },
  activity: {
    exact: /^(activity|activity ?name|event|event ?name|status|action|task|step|operation)$/,
    loose: /activit|event|status|action|task|step|stage|state/,
  },
  timestamp: {
    exact:
      /^(timestamp|time ?stamp|time|date|date ?time|datetime|end|end ?(time|date|timestamp)|complete ?(time|timestamp)?|completed ?(at|on)?|finished ?(at)?|time:timestamp|created ?at|when)$/,
    loose: /time|date|when|complete|finish|end/,
  },
  start: {
    exact: /^(start|start ?(time|date|timestamp)|started ?(at|on)?|begin|begin ?time)$/,
    loose: /start|begin/,
  },
  resource: {
    exact:
      /^(resource|org:resource|agent|user|user ?name|owner|assignee|assigned ?to|performer|employee|person|who|staff|worker|by|done ?by)$/,
    loose: /resource|agent|user|owner|assign|perform|employee|person|staff|worker/,
  },
  lifecycle: {
    exact: /^(lifecycle|lifecycle:transition|transition|event ?type|lifecycle ?transition)$/,
    loose: /lifecycle|transition/,
  },
};

function norm(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ');
}

function headerScore(role: ColumnRole, header: string): number {
  const h = norm(header);
  const hints = HEADER_HINTS[role];
  if (hints.exact.test(h)) return 10;
  if (hints.loose.test(h)) return 4;
  return 0;
}

interface ColumnFacts {
  dateShare: number;
  distinct: number;
  filled: number;
  lifecycleShare: number;
  numeric: number;
}

function factsOf(rows: readonly string[][], column: number): ColumnFacts & { values: string[] } {
  const values: string[] = [];
  for (const row of rows) {
    const v = row[column]?.trim();
    if (v) values.push(v);
  }
  const date = guessDateFormat(values);
  const lifecycle = values.filter((v) => /^(start|complete|completed|schedule|assign)$/i.test(v));
  return {
    values,
    dateShare:
      date.format && date.format !== 'unix-s' && date.format !== 'unix-ms' ? date.share : 0,
    distinct: new Set(values).size,
    filled: values.length,
    lifecycleShare: values.length ? lifecycle.length / values.length : 0,
    numeric: values.filter((v) => /^-?\d+(\.\d+)?$/.test(v)).length,
  };
}

/** How well a column's values fit a role, from -10 (cannot be) to a few points. */
function valueScore(role: ColumnRole, f: ColumnFacts, rows: number): number {
  if (f.filled === 0) return role === 'start' || role === 'resource' ? -1 : -5;
  const repeats = f.distinct < f.filled;
  switch (role) {
    case 'timestamp':
    case 'start':
      return f.dateShare >= 0.8 ? 6 : f.numeric === f.filled && f.filled > 0 ? 0 : -10;
    case 'lifecycle':
      return f.lifecycleShare >= 0.8 ? 8 : -10;
    case 'caseId':
      if (f.dateShare >= 0.8) return -10;
      return repeats && f.distinct > 1 ? 3 : f.distinct === 1 && rows > 1 ? -3 : 0;
    case 'activity':
    case 'resource':
      if (f.dateShare >= 0.8 || f.lifecycleShare >= 0.8) return -10;
      if (f.numeric === f.filled) return -2;
      return repeats ? 2 : 0;
  }
}

const ORDER: ColumnRole[] = ['timestamp', 'lifecycle', 'start', 'caseId', 'activity', 'resource'];
const REQUIRED: ReadonlySet<ColumnRole> = new Set(['caseId', 'activity', 'timestamp']);

/**
 * Guesses which column is which from the header ("Case ID", "Order", "Activity", "Status",
 * "Timestamp", "Date", "Resource", "Agent", …) and from sample values (dates, lifecycle
 * words, repeated ids), and how the dates are written.
 * @example guessColumns(['Case ID', 'Activity', 'Timestamp'], rows).mapping // { caseId: 0, activity: 1, timestamp: 2 }
 */
export function guessColumns(header: readonly string[], rows: readonly string[][]): ColumnGuess {
  const facts = header.map((_, i) => factsOf(rows, i));
  const taken = new Set<number>();
  const mapping: Partial<ColumnMapping> = {};
  for (const role of ORDER) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    header.forEach((name, i) => {
      if (taken.has(i)) return;
      const h = headerScore(role, name);
      const v = valueScore(role, facts[i]!, rows.length);
      if (v <= -10) return;
      // Optional columns need their header to say so; required ones may be found by values.
      if (!REQUIRED.has(role) && h === 0 && !(role === 'lifecycle' && v > 0)) return;
      const score = h + v;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0 && (bestScore > 0 || REQUIRED.has(role))) {
      mapping[role] = best;
      taken.add(best);
    }
  }
  const dateValues = mapping.timestamp === undefined ? [] : facts[mapping.timestamp]!.values;
  const date = guessDateFormat(dateValues);
  return { mapping, dateFormat: date.format, ambiguousDates: date.ambiguous };
}

/** A complete mapping (every required role has a column), or null. */
export function completeMapping(mapping: Partial<ColumnMapping>): ColumnMapping | null {
  const { caseId, activity, timestamp } = mapping;
  if (caseId === undefined || activity === undefined || timestamp === undefined) return null;
  return { ...mapping, caseId, activity, timestamp };
}
