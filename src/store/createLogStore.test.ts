import { describe, expect, it } from 'vitest';
import { replayLog } from '../eventlog/replayLog';
import { simulateLog } from '../eventlog/simulateLog';
import {
  copyLogArrays,
  type LogArrays,
  type LogJobAnswer,
  type LogJobRequest,
} from '../io/eventLogJob';
import type { LogSessionStarter, LogWorkerAnswer, LogWorkerRequest } from '../io/logSessionJob';
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

/** A log worker stand-in: records what it was sent, and answers when the test says. */
function fakeSessions() {
  const sessions: {
    sent: LogWorkerRequest[];
    answer: (a: LogWorkerAnswer) => void;
    ended: boolean;
    spare: LogArrays | undefined;
  }[] = [];
  const start: LogSessionStarter = (_log, answer, spare) => {
    const session = { sent: [] as LogWorkerRequest[], answer, ended: false, spare };
    sessions.push(session);
    return {
      send: (request) => session.sent.push(request),
      end: () => {
        session.ended = true;
      },
    };
  };
  return { sessions, start };
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
    const { sessions, start } = fakeSessions();
    const logs = createLogStore(run, start);
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
    const spare = copyLogArrays(log);
    jobs[1]!.answer({
      type: 'done',
      result: { log, badCount: 0, badRows: [], ignoredTransitions: 0 },
      spare,
    });
    expect(logs.getState()).toMatchObject({ phase: 'idle', view: 'frequency' });
    expect(logs.getState().imported?.fileName).toBe('orders.csv');
    expect(logs.getState().filter.activities).toBe(log.activities.length);
    // The log now lives in its worker too, which gets the reader's spare copy of the arrays.
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.spare).toBe(spare);
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

  it('replays and discovers in the log worker, and shows only answers to the latest request', () => {
    const { sessions, start } = fakeSessions();
    const logs = createLogStore(fakeRunner().run, start);
    const map = exampleMap();
    const log = simulateLog(map, { cases: 20, seed: 1 });
    logs
      .getState()
      .setLog({ log, badCount: 0, badRows: [], ignoredTransitions: 0, fileName: 'a.csv' });
    const worker = sessions[0]!;
    expect(worker.sent[0]).toMatchObject({
      type: 'discover',
      rev: 1,
      filter: { activities: log.activities.length, paths: 1 },
      name: 'Discovered from a.csv',
    });
    expect(logs.getState()).toMatchObject({ discoveryPending: true, replay: null });

    const edited = { ...map, edges: map.edges.slice(1) };
    logs.getState().requestReplay(map);
    logs.getState().requestReplay(edited);
    expect(worker.sent.slice(1).map((r) => [r.type, 'rev' in r ? r.rev : 0])).toEqual([
      ['replay', 1],
      ['replay', 2],
    ]);
    const old = replayLog(map, log);
    worker.answer({ type: 'replayed', rev: 1, replay: old });
    expect(logs.getState()).toMatchObject({ replay: null, replayPending: true });
    const fresh = replayLog(edited, log);
    worker.answer({ type: 'replayed', rev: 2, replay: fresh });
    expect(logs.getState().replay).toBe(fresh);
    expect(logs.getState().replayPending).toBe(false);

    // After the next edit the last replay stays shown, marked pending, until its answer.
    logs.getState().requestReplay(map);
    expect(logs.getState()).toMatchObject({ replay: fresh, replayPending: true });
    worker.answer({ type: 'failed', request: 'replay', rev: 3, message: 'out of memory' });
    expect(logs.getState()).toMatchObject({ replayPending: false, replay: fresh });
    expect(logs.getState().error).toBe('Could not replay the log: out of memory');

    logs.getState().setFilter({ activities: 2 });
    logs.getState().setFilter({ paths: 0.5 });
    expect(worker.sent.at(-1)).toMatchObject({
      type: 'discover',
      rev: 3,
      filter: { activities: 2, paths: 0.5 },
    });
    const discovery = { map, activities: { shown: 2, total: 5 }, paths: { shown: 1, total: 2 } };
    worker.answer({ type: 'discovered', rev: 2, discovery });
    expect(logs.getState()).toMatchObject({ discovery: null, discoveryPending: true });
    worker.answer({ type: 'discovered', rev: 3, discovery });
    expect(logs.getState()).toMatchObject({ discovery, discoveryPending: false });

    // A new log ends the old worker; its late answers are not heard (the handle drops them).
    logs.getState().setLog(null);
    expect(worker.ended).toBe(true);
    expect(logs.getState()).toMatchObject({ replay: null, discovery: null, imported: null });
    logs.getState().requestReplay(map);
    expect(sessions).toHaveLength(1);
  });

  it('packs the log for storage in its worker; a log gone before that gives nothing', async () => {
    const { sessions, start } = fakeSessions();
    const logs = createLogStore(fakeRunner().run, start);
    expect(await logs.getState().pack()).toBeNull(); // no log
    const log = simulateLog(exampleMap(), { cases: 5, seed: 1 });
    const imported = { log, badCount: 0, badRows: [], ignoredTransitions: 0, fileName: 'a.csv' };
    logs.getState().setLog(imported);
    const packed = logs.getState().pack();
    expect(sessions[0]!.sent.at(-1)).toEqual({ type: 'pack' });
    const data = new Uint8Array([1, 2, 3]);
    sessions[0]!.answer({ type: 'packed', data });
    expect(await packed).toBe(data);
    const late = logs.getState().pack();
    logs.getState().setLog({ ...imported, fileName: 'b.csv' });
    expect(await late).toBeNull();
    expect(sessions).toHaveLength(2);
  });
});
