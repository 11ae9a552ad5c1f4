import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { createLogSession, type LogSessionAnswer } from './createLogSession';
import { discoverMap } from './discoverMap';
import { indexLog } from './indexLog';
import { replayLog } from './replayLog';
import { simulateLog } from './simulateLog';

/** A scheduler the test runs by hand: each call to `run` is one turn of the worker. */
function manualScheduler() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (task: () => void) => {
      tasks.push(task);
    },
    run: () => {
      const task = tasks.shift();
      task?.();
      return task !== undefined;
    },
    get waiting() {
      return tasks.length;
    },
  };
}

const map = exampleMap();
const log = simulateLog(map, { cases: 300, seed: 3 });

describe('createLogSession', () => {
  it('answers a replay and a discovery with what replayLog and discoverMap give', () => {
    const answers: LogSessionAnswer[] = [];
    const turns = manualScheduler();
    const session = createLogSession(log, (a) => answers.push(a), turns.schedule);
    session.receive({ type: 'replay', rev: 1, map, manual: {} });
    session.receive({ type: 'discover', rev: 1, filter: { activities: 3, paths: 0.5 }, name: 'D' });
    expect(answers).toEqual([]); // nothing computed before the worker's next turn
    while (turns.run()) {}
    expect(answers).toEqual([
      { type: 'replayed', rev: 1, replay: replayLog(map, log, {}) },
      {
        type: 'discovered',
        rev: 1,
        discovery: discoverMap(indexLog(log), { activities: 3, paths: 0.5 }, 'D'),
      },
    ]);
  });

  it('drops requests a newer one of the same kind replaced before they were started', () => {
    const answers: LogSessionAnswer[] = [];
    const turns = manualScheduler();
    const session = createLogSession(log, (a) => answers.push(a), turns.schedule);
    for (let k = 1; k <= 5; k++)
      session.receive({ type: 'discover', rev: k, filter: { activities: k, paths: 1 }, name: 'D' });
    const edited = { ...map, edges: map.edges.slice(1) };
    session.receive({ type: 'replay', rev: 1, map, manual: {} });
    session.receive({ type: 'replay', rev: 2, map: edited, manual: {} });
    turns.run(); // the replay of the latest map
    // A slider move arriving while the worker was busy still replaces the one waiting.
    session.receive({ type: 'discover', rev: 6, filter: { activities: 2, paths: 1 }, name: 'D' });
    while (turns.run()) {}
    expect(answers.map((a) => [a.type, a.rev])).toEqual([
      ['replayed', 2],
      ['discovered', 6],
    ]);
    expect(session.computed).toBe(2);
    const replayed = answers[0] as Extract<LogSessionAnswer, { type: 'replayed' }>;
    expect(replayed.replay).toEqual(replayLog(edited, log, {}));
    const discovered = answers[1] as Extract<LogSessionAnswer, { type: 'discovered' }>;
    expect(discovered.discovery.activities.shown).toBe(2);
  });

  it('keeps one turn waiting at a time, and one more only while requests wait', () => {
    const turns = manualScheduler();
    const session = createLogSession(log, () => {}, turns.schedule);
    session.receive({ type: 'replay', rev: 1, map, manual: {} });
    session.receive({ type: 'replay', rev: 2, map, manual: {} });
    session.receive({ type: 'discover', rev: 1, filter: { activities: 1, paths: 1 }, name: 'D' });
    expect(turns.waiting).toBe(1);
    turns.run();
    expect(turns.waiting).toBe(1); // the discovery still waits
    turns.run();
    expect(turns.waiting).toBe(0);
    expect(session.computed).toBe(2);
  });

  it('answers a request that fails with its message, and goes on with the next', () => {
    const answers: LogSessionAnswer[] = [];
    const turns = manualScheduler();
    const session = createLogSession(log, (a) => answers.push(a), turns.schedule);
    const broken = { ...map, nodes: null } as unknown as typeof map;
    session.receive({ type: 'replay', rev: 1, map: broken, manual: {} });
    while (turns.run()) {}
    session.receive({ type: 'replay', rev: 2, map, manual: {} });
    while (turns.run()) {}
    expect(answers[0]).toMatchObject({ type: 'failed', request: 'replay', rev: 1 });
    expect((answers[0] as { message: string }).message).not.toBe('');
    expect(answers[1]).toMatchObject({ type: 'replayed', rev: 2 });
  });

  it('runs work that can wait only once no request waits, one task a turn', () => {
    const done: string[] = [];
    const turns = manualScheduler();
    const session = createLogSession(log, (a) => done.push(`${a.type} ${a.rev}`), turns.schedule);
    session.receive({ type: 'replay', rev: 1, map, manual: {} });
    session.whenIdle(() => done.push('pack'));
    session.whenIdle(() => done.push('other'));
    session.receive({ type: 'discover', rev: 1, filter: { activities: 1, paths: 1 }, name: 'D' });
    turns.run();
    turns.run();
    expect(done).toEqual(['replayed 1', 'discovered 1']);
    // A request arriving before the waiting work's turn still goes first.
    session.receive({ type: 'replay', rev: 2, map, manual: {} });
    turns.run();
    turns.run();
    expect(done).toEqual(['replayed 1', 'discovered 1', 'replayed 2', 'pack']);
    turns.run();
    expect(done.at(-1)).toBe('other');
    expect(turns.waiting).toBe(0);
  });
});
