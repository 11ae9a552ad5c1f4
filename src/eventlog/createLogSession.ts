import type { ProcessMap } from '../model';
import { type Discovery, type DiscoveryFilter, discoverMap } from './discoverMap';
import type { EventLog } from './EventLog';
import { indexLog, type LogIndex } from './indexLog';
import { replayLog } from './replayLog';
import type { Replay } from './replayTypes';

/** What the page asks the worker that holds a log: replay it on a map, or discover a map. */
export type LogSessionRequest =
  | { type: 'replay'; rev: number; map: ProcessMap; manual: Record<string, string> }
  | { type: 'discover'; rev: number; filter: DiscoveryFilter; name: string };

/** What it answers, tagged with the revision of the request it answers. */
export type LogSessionAnswer =
  | { type: 'replayed'; rev: number; replay: Replay }
  | { type: 'discovered'; rev: number; discovery: Discovery }
  | { type: 'failed'; request: LogSessionRequest['type']; rev: number; message: string };

/** Runs `task` later, after the messages already waiting (setTimeout in a worker). */
export type Scheduler = (task: () => void) => void;

const laterByDefault: Scheduler = (task) => {
  setTimeout(task, 0);
};

/**
 * Holds one log (and, from the first discovery on, its index) and answers replay and
 * discovery requests. Only the latest request of each kind is answered: a request that a
 * newer one of the same kind replaced before it was started (a slider dragged on, a map
 * edited again) is dropped, never computed. One request is computed per scheduled turn, so
 * requests that arrive meanwhile can still replace the ones waiting; work that can wait (packing
 * the log for storage) runs only when no request does.
 * @example const s = createLogSession(log, (a) => postMessage(a)); s.receive({ type: 'replay', rev: 1, map, manual: {} });
 */
export function createLogSession(
  log: EventLog,
  post: (answer: LogSessionAnswer) => void,
  schedule: Scheduler = laterByDefault,
) {
  let index: LogIndex | null = null;
  const waiting: {
    replay?: Extract<LogSessionRequest, { type: 'replay' }>;
    discover?: Extract<LogSessionRequest, { type: 'discover' }>;
  } = {};
  const idle: (() => void)[] = [];
  let scheduled = false;
  let computed = 0;

  const answer = (request: LogSessionRequest): LogSessionAnswer => {
    computed++;
    if (request.type === 'replay')
      return {
        type: 'replayed',
        rev: request.rev,
        replay: replayLog(request.map, log, request.manual),
      };
    index ??= indexLog(log);
    return {
      type: 'discovered',
      rev: request.rev,
      discovery: discoverMap(index, request.filter, request.name),
    };
  };

  const turn = () => {
    scheduled = false;
    const request = waiting.replay ?? waiting.discover;
    if (!request) {
      idle.shift()?.();
      if (idle.length > 0) later();
      return;
    }
    delete waiting[request.type];
    let result: LogSessionAnswer;
    try {
      result = answer(request);
    } catch (error) {
      result = { type: 'failed', request: request.type, rev: request.rev, message: String(error) };
    }
    post(result);
    if (waiting.replay || waiting.discover || idle.length > 0) later();
  };

  const later = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(turn);
  };

  return {
    /** Takes a request; it replaces a waiting one of the same kind. */
    receive(request: LogSessionRequest) {
      waiting[request.type] = request as never;
      later();
    },
    /** Runs `task` in a turn of its own once no request waits (work that can wait its turn). */
    whenIdle(task: () => void) {
      idle.push(task);
      later();
    },
    /** How many requests were computed (the rest were replaced while waiting). */
    get computed() {
      return computed;
    },
  };
}

export type LogSession = ReturnType<typeof createLogSession>;
