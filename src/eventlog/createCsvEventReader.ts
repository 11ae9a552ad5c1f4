import { createLogBuilder, transitionOf } from './createLogBuilder';
import { type BadRow, type ImportedLog, MAX_LISTED_BAD_ROWS } from './EventLog';
import type { ColumnMapping } from './guessColumns';
import { type DateFormat, parseTimestamp } from './parseTimestamp';

/** How to read a CSV's rows into events. */
export interface CsvReadOptions {
  mapping: ColumnMapping;
  /** How the timestamp and start columns are written. */
  dateFormat: DateFormat;
}

const MAX_CELL = 500;

/**
 * Turns CSV rows (arrays of cells, the header first) into a log, a chunk at a time, so that
 * a streamed file never has to be held whole. Rows that cannot be read (no case id or
 * activity, an unreadable timestamp) are counted, and the first 20 listed with their line
 * number; they never stop the import. Empty lines are skipped silently.
 * Line numbers count one line per row (a quoted cell spanning lines shifts them).
 * @example const r = createCsvEventReader(options); r.rows(chunk); const { log } = r.finish();
 */
export function createCsvEventReader({ mapping, dateFormat }: CsvReadOptions) {
  const builder = createLogBuilder();
  const badRows: BadRow[] = [];
  let badCount = 0;
  let line = 0;
  let headerSeen = false;
  const bad = (reason: string) => {
    badCount++;
    if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ line, reason });
  };
  const { caseId, activity, timestamp, start, resource, lifecycle } = mapping;
  const width = Math.max(caseId, activity, timestamp, start ?? 0, resource ?? 0, lifecycle ?? 0);
  return {
    /** Reads the next rows of the file (the first call's first row is the header). */
    rows(rows: readonly (readonly string[])[]): void {
      for (const row of rows) {
        line++;
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        if (row.length === 0 || (row.length === 1 && row[0]!.trim() === '')) continue;
        if (row.length <= width) {
          bad(`has ${row.length} columns, ${width + 1} needed`);
          continue;
        }
        const c = row[caseId]!.trim();
        const a = row[activity]!.trim();
        if (c === '') {
          bad('no case id');
          continue;
        }
        if (a === '') {
          bad('no activity');
          continue;
        }
        if (c.length > MAX_CELL || a.length > MAX_CELL) {
          bad(`a case id or activity longer than ${MAX_CELL} characters`);
          continue;
        }
        const t = parseTimestamp(row[timestamp]!, dateFormat);
        if (Number.isNaN(t)) {
          bad(`timestamp "${row[timestamp]!.slice(0, 40)}" is not a ${dateFormat} date`);
          continue;
        }
        let s = Number.NaN;
        if (start !== undefined && row[start]!.trim() !== '') {
          s = parseTimestamp(row[start]!, dateFormat);
          if (Number.isNaN(s) || s > t) {
            bad(`start "${row[start]!.slice(0, 40)}" is not a ${dateFormat} date before the end`);
            continue;
          }
        }
        const r = resource === undefined ? '' : row[resource]!.trim().slice(0, MAX_CELL);
        builder.push(
          c,
          a,
          t,
          s,
          r,
          lifecycle === undefined ? 'complete' : transitionOf(row[lifecycle]),
        );
      }
    },
    /** Rows read so far, the header included. */
    get lines() {
      return line;
    },
    finish(): ImportedLog {
      const { log, ignored } = builder.finish();
      return { log, badCount, badRows, ignoredTransitions: ignored };
    },
  };
}
