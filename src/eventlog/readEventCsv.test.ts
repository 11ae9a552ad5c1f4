import { describe, expect, it } from 'vitest';
import { eventCount } from './EventLog';
import { previewEventCsv, readEventCsv } from './readEventCsv';

const mapping = { caseId: 0, activity: 1, timestamp: 2 };

describe('readEventCsv', () => {
  it('reads any delimiter and quoted cells with delimiters, quotes and line breaks inside', () => {
    const text = [
      'Case;Activity;Timestamp;Resource',
      '1;"Check; payment";2024-01-02 09:00;"Ann ""A"" Lee"',
      '1;Pack order;2024-01-02 10:00;Bob',
      '2;"Send',
      'reminder";2024-01-03 09:00;Ann',
    ].join('\r\n');
    const preview = previewEventCsv(text);
    expect(preview?.delimiter).toBe(';');
    expect(preview?.mapping).toMatchObject({ caseId: 0, activity: 1, timestamp: 2, resource: 3 });
    const { log, badCount } = readEventCsv(text, {
      mapping: { ...mapping, resource: 3 },
      dateFormat: 'iso',
    });
    expect(badCount).toBe(0);
    expect(log.caseIds).toEqual(['1', '2']);
    expect(log.activities).toEqual(['Check; payment', 'Pack order', 'Send\r\nreminder']);
    expect(log.resources).toEqual(['Ann "A" Lee', 'Bob', 'Ann']);
    expect(eventCount(log)).toBe(3);
  });

  it('reads tab- and pipe-separated files', () => {
    for (const d of ['\t', '|']) {
      const text = `Case${d}Activity${d}Time\n1${d}A${d}2024-01-01\n1${d}B${d}2024-01-02\n`;
      expect(previewEventCsv(text)?.delimiter).toBe(d);
      expect(eventCount(readEventCsv(text, { mapping, dateFormat: 'iso' }).log)).toBe(2);
    }
  });

  it('counts and lists broken rows with their line numbers, and imports the rest', () => {
    const lines = ['Case,Activity,Timestamp'];
    for (let i = 0; i < 30; i++) {
      lines.push(`c${i},Pack,2024-01-01 10:00`);
      lines.push(
        i % 3 === 0 ? `c${i},,2024-01-01` : i % 3 === 1 ? `c${i},Ship,not a date` : `c${i}`,
      );
    }
    const result = readEventCsv(lines.join('\n'), { mapping, dateFormat: 'iso' });
    expect(eventCount(result.log)).toBe(30);
    expect(result.badCount).toBe(30);
    expect(result.badRows).toHaveLength(20);
    expect(result.badRows.slice(0, 3)).toEqual([
      { line: 3, reason: 'no activity' },
      { line: 5, reason: 'timestamp "not a date" is not a iso date' },
      { line: 7, reason: 'has 1 columns, 3 needed' },
    ]);
  });

  it('sorts each case by time and pairs lifecycle start and complete into durations', () => {
    const text = [
      'case,activity,time,lifecycle',
      'x,Pack,2024-01-01T10:30:00Z,complete',
      'x,Pack,2024-01-01T10:00:00Z,start',
      'x,Check,2024-01-01T09:00:00Z,complete',
      'x,Check,2024-01-01T08:00:00Z,schedule',
    ].join('\n');
    const result = readEventCsv(text, { mapping: { ...mapping, lifecycle: 3 }, dateFormat: 'iso' });
    const { log } = result;
    expect(result.ignoredTransitions).toBe(1);
    expect([...log.activity].map((a) => log.activities[a])).toEqual(['Check', 'Pack']);
    expect(log.hasStart).toBe(true);
    expect(log.time[1]! - log.start[1]!).toBe(30 * 60_000);
    expect(log.start[0]).toBeNaN();
  });

  it('reads a file of 0 rows: a header only, or nothing at all', () => {
    const empty = readEventCsv('Case,Activity,Timestamp\n', { mapping, dateFormat: 'iso' });
    expect(eventCount(empty.log)).toBe(0);
    expect(empty.log.caseIds).toEqual([]);
    expect(empty.badCount).toBe(0);
    expect(previewEventCsv('Case,Activity,Timestamp\n')?.sample).toEqual([]);
    expect(previewEventCsv('')).toBeNull();
    expect(eventCount(readEventCsv('', { mapping, dateFormat: 'iso' }).log)).toBe(0);
  });

  it('reads day-first dates when told, after the guess said they were ambiguous', () => {
    const text = 'Case,Activity,Date\n1,A,01/02/2024 09:00\n1,B,03/02/2024 09:00\n';
    expect(previewEventCsv(text)?.ambiguousDates).toBe(true);
    const dmy = readEventCsv(text, { mapping, dateFormat: 'dmy' }).log;
    const mdy = readEventCsv(text, { mapping, dateFormat: 'mdy' }).log;
    expect(dmy.time[0]).toBe(Date.UTC(2024, 1, 1, 9));
    expect(mdy.time[0]).toBe(Date.UTC(2024, 0, 2, 9));
  });
});
