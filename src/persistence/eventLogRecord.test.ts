import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createLogBuilder } from '../eventlog/createLogBuilder';
import { simulateLog } from '../eventlog/simulateLog';
import { exampleMap } from '../model';
import { decodeEventLog, encodeEventLog } from './eventLogRecord';

describe('event log records', () => {
  it('packs a log compressed and reads it back the same', () => {
    const log = simulateLog(exampleMap(), { cases: 2000, seed: 1 });
    const imported = {
      log,
      badCount: 3,
      badRows: [{ line: 4, reason: 'no case id' }],
      ignoredTransitions: 1,
    };
    const bytes = encodeEventLog(imported, 'orders.csv');
    expect(bytes.length).toBeLessThan(log.activity.length * 24); // compressed
    const back = decodeEventLog(bytes);
    if (!back.ok) throw new Error(back.message);
    expect(back.fileName).toBe('orders.csv');
    expect(back.imported).toEqual(imported);
  });

  it('reads an empty log back', () => {
    const { log } = createLogBuilder().finish();
    const back = decodeEventLog(
      encodeEventLog({ log, badCount: 0, badRows: [], ignoredTransitions: 0 }, 'x'),
    );
    expect(back.ok && back.imported.log.caseIds).toEqual([]);
  });

  it('refuses damaged records with a clear message', () => {
    const log = simulateLog(exampleMap(), { cases: 5, seed: 1 });
    const good = encodeEventLog({ log, badCount: 0, badRows: [], ignoredTransitions: 0 }, 'x');
    expect(decodeEventLog(good.slice(0, good.length - 5))).toMatchObject({
      ok: false,
      code: 'damaged',
    });
    expect(decodeEventLog(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });
    expect(
      decodeEventLog(zlibSync(new TextEncoder().encode('\u0002\u0000\u0000\u0000{}'))),
    ).toMatchObject({
      ok: false,
      message: 'The saved event log is damaged (its header is not a log header).',
    });
  });
});
