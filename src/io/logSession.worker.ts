/// <reference lib="webworker" />
// Holds one event log for as long as it is in use, off the page's thread: the first message
// is the log; every later one is a replay or discovery request (see createLogSession: only
// the latest of each kind is computed), or a request to pack the log for storage. The page
// ends this worker when the log goes.
import {
  createLogSession,
  type LogSession,
  type LogSessionAnswer,
} from '../eventlog/createLogSession';
import { encodeEventLog } from '../persistence/eventLogRecord';
import type { LogWorkerAnswer, LogWorkerRequest, SessionLog } from './logSessionJob';

declare const self: DedicatedWorkerGlobalScope;

let held: SessionLog | null = null;
let session: LogSession | null = null;

self.addEventListener('message', (event: MessageEvent<SessionLog | LogWorkerRequest>) => {
  if (!held) {
    held = event.data as SessionLog;
    session = createLogSession(held.log, (answer: LogSessionAnswer) => self.postMessage(answer));
    return;
  }
  const request = event.data as LogWorkerRequest;
  if (request.type === 'pack') {
    // After the replay and discovery asked for meanwhile: the person waits for those.
    session?.whenIdle(() => {
      if (!held) return;
      const data = encodeEventLog(held, held.fileName);
      self.postMessage({ type: 'packed', data } satisfies LogWorkerAnswer, [data.buffer]);
    });
  } else session?.receive(request);
});
