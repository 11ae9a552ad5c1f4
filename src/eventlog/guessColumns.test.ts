import { describe, expect, it } from 'vitest';
import { completeMapping, guessColumns } from './guessColumns';

const rows = [
  ['1001', 'Check payment', '2024-01-02 09:00', 'Ann', 'complete'],
  ['1001', 'Pack order', '2024-01-02 10:00', 'Bob', 'complete'],
  ['1002', 'Check payment', '2024-01-03 09:00', 'Ann', 'complete'],
  ['1002', 'Send reminder', '2024-01-03 09:30', 'Ann', 'complete'],
];

describe('guessColumns', () => {
  it('reads the usual process-mining headers', () => {
    const guess = guessColumns(['Case ID', 'Activity', 'Timestamp', 'Resource', 'Lifecycle'], rows);
    expect(guess.mapping).toEqual({
      caseId: 0,
      activity: 1,
      timestamp: 2,
      resource: 3,
      lifecycle: 4,
    });
    expect(guess.dateFormat).toBe('iso');
    expect(guess.ambiguousDates).toBe(false);
  });

  it('reads shop and help-desk headers in any order and case', () => {
    const shop = rows.map(([c, a, t, r]) => [t!, r!, a!, c!]);
    expect(guessColumns(['Date', 'Agent', 'Status', 'Order'], shop).mapping).toEqual({
      timestamp: 0,
      resource: 1,
      activity: 2,
      caseId: 3,
    });
    expect(
      guessColumns(['order_id', 'event_name', 'completed_at', 'assignee'], rows).mapping,
    ).toMatchObject({ caseId: 0, activity: 1, timestamp: 2, resource: 3 });
  });

  it('finds a start column beside the end', () => {
    const withStart = rows.map(([c, a, t]) => [c!, a!, t!.replace('09', '08'), t!]);
    expect(guessColumns(['Case', 'Task', 'Start time', 'End time'], withStart).mapping).toEqual({
      caseId: 0,
      activity: 1,
      start: 2,
      timestamp: 3,
    });
  });

  it('falls back on the values when the header says nothing', () => {
    const guess = guessColumns(
      ['A', 'B', 'C'],
      rows.map(([c, a, t]) => [t!, c!, a!]),
    );
    expect(guess.mapping.timestamp).toBe(0);
    expect(completeMapping(guess.mapping)).not.toBeNull();
  });

  it('says when the dates are ambiguous', () => {
    const slashed = rows.map(([c, a], i) => [c!, a!, `0${i + 1}/02/2024 09:00`]);
    const guess = guessColumns(['Case', 'Activity', 'Date'], slashed);
    expect(guess.ambiguousDates).toBe(true);
  });

  it('leaves optional columns out when nothing names them', () => {
    const guess = guessColumns(
      ['Case', 'Activity', 'Time', 'Amount'],
      rows.map(([c, a, t]) => [c!, a!, t!, '12.50']),
    );
    expect(guess.mapping.resource).toBeUndefined();
    expect(guess.mapping.start).toBeUndefined();
  });
});
