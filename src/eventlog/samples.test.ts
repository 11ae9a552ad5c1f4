import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { previewEventCsv, readEventCsv } from './readEventCsv';
import { readXes } from './readXes';
import { replayLog } from './replayLog';

const sample = (name: string) =>
  readFileSync(new URL(`../../public/samples/${name}`, import.meta.url), 'utf8');

describe('the shipped sample logs (scripts/makeSampleLogs.ts)', () => {
  it('the CSV is guessed right and has exactly the one planted deviation on the example map', () => {
    const text = sample('order-fulfilment.csv');
    const preview = previewEventCsv(text)!;
    expect(preview.mapping).toEqual({
      caseId: 0,
      activity: 1,
      start: 2,
      timestamp: 3,
      resource: 4,
    });
    const { log, badCount } = readEventCsv(text, {
      mapping: { caseId: 0, activity: 1, start: 2, timestamp: 3, resource: 4 },
      dateFormat: preview.dateFormat!,
    });
    expect(badCount).toBe(0);
    const replay = replayLog(exampleMap(), log);
    expect(replay.deviations.map((d) => d.key)).toEqual(['log-move:r>p']);
  });

  it('the XES follows the example map, with start and complete times', () => {
    const result = readXes(sample('order-fulfilment.xes'));
    if ('ok' in result) throw new Error(result.message);
    expect(result.log.hasStart).toBe(true);
    const replay = replayLog(exampleMap(), result.log);
    expect(replay.deviations).toEqual([]);
    expect(replay.fittingCases).toBe(result.log.caseIds.length);
  });
});
