import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { replayLog } from './replayLog';
import { personTableCsv, stepTableCsv } from './replayTables';
import { simulateLog } from './simulateLog';

describe('replay tables as CSV', () => {
  it('writes one row per step and per person', () => {
    const map = exampleMap();
    const replay = replayLog(map, simulateLog(map, { cases: 100, seed: 1, spread: 0 }));
    const steps = Papa.parse<string[]>(stepTableCsv(map, replay)).data;
    expect(steps[0]).toEqual([
      'Step',
      'Cases',
      'Events',
      'Median minutes',
      '90th percentile minutes',
      'Map minutes',
    ]);
    expect(steps.find((r) => r[0] === 'Pack order')).toEqual([
      'Pack order',
      '100',
      '100',
      '15.0',
      '15.0',
      '15',
    ]);
    const people = Papa.parse<string[]>(personTableCsv(replay)).data;
    expect(people[0]![0]).toBe('Person');
    expect(people.some((r) => r[0] === 'Me')).toBe(true);
  });
});
