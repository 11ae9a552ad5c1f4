/// <reference lib="webworker" />
// Holds one event log for as long as it is in use, off the page's thread: the first message
// is the log; every later one is a replay or discovery request (see createLogSession: only
// the latest of each kind is computed). The page ends this worker when the log goes.

import {
  createLogSession,
  type LogSession,
  type LogSessionAnswer,
  type LogSessionRequest,
} from '../eventlog/createLogSession';
import type { EventLog } from '../eventlog/EventLog';

declare const self: DedicatedWorkerGlobalScope;

let session: LogSession | null = null;

self.addEventListener('message', (event: MessageEvent<EventLog | LogSessionRequest>) => {
  if (!session) {
    session = createLogSession(event.data as EventLog, (answer: LogSessionAnswer) =>
      self.postMessage(answer),
    );
    return;
  }
  session.receive(event.data as LogSessionRequest);
});
