import { describe, expect, it } from 'vitest';
import { simulateLog } from '../eventlog/simulateLog';
import type { LogJobAnswer, LogJobRequest } from '../io/eventLogJob';
import { exampleMap } from '../model';
import { createLogStore } from './createLogStore';

/** A worker stand-in: records requests, and answers when the test says. */
function fakeRunner() {
  const jobs: { request: LogJobRequest; answer: (a: LogJobAnswer) => void; cancelled: boolean }[] =
    [];
  const run = (request: LogJobRequest, answer: (a: LogJobAnswer) => void) => {
    const job = { request, answer, cancelled: false };
    jobs.push(job);
    return () => {
      job.cancelled = true;
    };
  };
  return { jobs, run };
}

const file = new File(['Case,Activity,Time\n'], 'orders.csv');
const preview = {
  header: ['Case', 'Activity', 'Time'],
  sample: [],
  delimiter: ',',
  mapping: { caseId: 0, activity: 1, timestamp: 2 },
  dateFormat: 'iso' as const,
  ambiguousDates: false,
};

describe('the event-log store', () => {
  it('reads a CSV in two jobs: columns to confirm, then the log with progress', () => {
    const { jobs, run } = fakeRunner();
    const logs = createLogStore(run);
    logs.getState().openFile(file);
    expect(logs.getState()).toMatchObject({ phase: 'reading', fileName: 'orders.csv' });
    jobs[0]!.answer({ type: 'columns', preview });
    expect(logs.getState().phase).toBe('columns');
    logs.getState().confirmColumns({ caseId: 0, activity: 1, timestamp: 2 }, 'iso');
    expect(jobs[1]!.request).toMatchObject({
      type: 'read',
      options: { dateFormat: 'iso', delimiter: ',' },
    });
    jobs[1]!.answer({ type: 'progress', share: 0.5 });
    expect(logs.getState().progress).toBe(0.5);
    const log = simulateLog(exampleMap(), { cases: 10, seed: 1 });
    jobs[1]!.answer({
      type: 'done',
      result: { log, badCount: 0, badRows: [], ignoredTransitions: 0 },
    });
    expect(logs.getState()).toMatchObject({ phase: 'idle', view: 'frequency' });
    expect(logs.getState().imported?.fileName).toBe('orders.csv');
    expect(logs.getState().filter.activities).toBe(log.activities.length);
  });

  it('cancel ends the job and keeps the log it had; a failure is said', () => {
    const { jobs, run } = fakeRunner();
    const logs = createLogStore(run);
    logs.getState().openFile(file);
    logs.getState().cancel();
    expect(jobs[0]!.cancelled).toBe(true);
    expect(logs.getState()).toMatchObject({ phase: 'idle', imported: null });
    logs.getState().openFile(file);
    jobs[1]!.answer({ type: 'failed', message: 'orders.csv has no header row: it is empty.' });
    expect(logs.getState()).toMatchObject({
      phase: 'idle',
      error: 'orders.csv has no header row: it is empty.',
    });
  });
});
