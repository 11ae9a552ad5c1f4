import type { LogSessionAnswer, LogSessionRequest } from '../eventlog/createLogSession';
import type { ImportedLog } from '../eventlog/EventLog';
import { copyLogArrays, type LogArrays, logBuffers } from './eventLogJob';

/** The log a session worker holds, with what packing it for storage needs. */
export type SessionLog = ImportedLog & { fileName: string };

/** What the page asks a log's worker: a replay, a discovery, or the log packed for storage. */
export type LogWorkerRequest = LogSessionRequest | { type: 'pack' };

/** What it answers (the packed bytes are transferred). */
export type LogWorkerAnswer = LogSessionAnswer | { type: 'packed'; data: Uint8Array };

/** A log held by a worker: send it requests; end it when the log is no longer in use. */
export interface LogSessionHandle {
  send: (request: LogWorkerRequest) => void;
  end: () => void;
}

/** Starts a log session (replaced in tests). */
export type LogSessionStarter = (
  log: SessionLog,
  onAnswer: (answer: LogWorkerAnswer) => void,
  spare?: LogArrays,
) => LogSessionHandle;

/**
 * Starts a long-lived worker that keeps a copy of `log` (and its discovery index) and
 * answers replay, discovery and packing requests; nothing is heard once it has been ended.
 * `spare`, a copy of the log's typed arrays nobody else uses, is handed over as it is.
 * @example const s = startLogSession(log, console.log); s.send({ type: 'replay', rev: 1, map, manual: {} });
 */
export const startLogSession: LogSessionStarter = (log, onAnswer, spare) => {
  const worker = new Worker(new URL('./logSession.worker.ts', import.meta.url), {
    type: 'module',
  });
  let over = false;
  worker.onmessage = (event: MessageEvent<LogWorkerAnswer>) => {
    if (!over) onAnswer(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (over) return;
    over = true;
    worker.terminate();
    const message = event.message || 'the event-log worker stopped';
    onAnswer({ type: 'failed', request: 'replay', rev: -1, message });
  };
  // The typed arrays are handed over, not serialized: a spare copy made by the worker that
  // read the log, or else a copy made here (a plain memory copy, still far cheaper).
  const arrays = spare ?? copyLogArrays(log.log);
  worker.postMessage({ ...log, log: { ...log.log, ...arrays } }, logBuffers(arrays));
  return {
    send: (request) => {
      if (!over) worker.postMessage(request);
    },
    end: () => {
      over = true;
      worker.terminate();
    },
  };
};
