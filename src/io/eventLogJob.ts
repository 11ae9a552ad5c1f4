import type { CsvReadOptions } from '../eventlog/createCsvEventReader';
import type { EventLog, ImportedLog } from '../eventlog/EventLog';
import type { CsvPreview } from '../eventlog/readEventCsv';
import type { decodeEventLog } from '../persistence/eventLogRecord';

/** What the page asks the event-log worker. */
export type LogJobRequest =
  | { type: 'open'; file: File }
  | { type: 'read'; file: File; options: CsvReadOptions & { delimiter: string } }
  /** Unpack a log saved with its map (decompressing and checking it takes a while). */
  | { type: 'decode'; data: Uint8Array };

/** What the event-log worker answers: progress, a CSV's columns to confirm, or the log. */
export type LogJobAnswer =
  | { type: 'progress'; share: number }
  | { type: 'columns'; preview: CsvPreview }
  | { type: 'done'; result: ImportedLog; spare: LogArrays }
  | { type: 'decoded'; result: ReturnType<typeof decodeEventLog>; spare?: LogArrays }
  | { type: 'failed'; message: string };

/** The typed arrays of a log (the bulk of it). */
export type LogArrays = Pick<EventLog, 'caseStart' | 'activity' | 'resource' | 'time' | 'start'>;

/** The typed arrays of a log, to hand over to the page without copying. */
export function logBuffers(log: LogArrays): ArrayBuffer[] {
  return [log.caseStart, log.activity, log.resource, log.time, log.start].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/**
 * A copy of a log's typed arrays. Workers make it and hand it over with the log, so that the
 * page can pass it on to the log's own worker without copying tens of megabytes itself.
 */
export function copyLogArrays(log: LogArrays): LogArrays {
  return {
    caseStart: log.caseStart.slice(),
    activity: log.activity.slice(),
    resource: log.resource.slice(),
    time: log.time.slice(),
    start: log.start.slice(),
  };
}

/** Largest event log file read, in bytes. */
export const MAX_LOG_BYTES = 512 * 1024 * 1024;

/**
 * One job in a fresh event-log worker: `onAnswer` hears its progress and its last answer;
 * the returned function cancels it (the worker is ended, nothing is kept).
 * @example const cancel = runLogJob({ type: 'open', file }, (a) => console.log(a));
 */
export function runLogJob(request: LogJobRequest, onAnswer: (answer: LogJobAnswer) => void) {
  const worker = new Worker(new URL('./eventLog.worker.ts', import.meta.url), { type: 'module' });
  let over = false;
  const end = () => {
    over = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<LogJobAnswer>) => {
    if (over) return;
    if (event.data.type !== 'progress') end();
    onAnswer(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (over) return;
    end();
    onAnswer({ type: 'failed', message: event.message || 'the event-log worker stopped' });
  };
  worker.postMessage(request);
  return end;
}

/**
 * Unpacks a saved event log in a fresh worker, off the page's thread (with a spare copy of
 * its typed arrays for the log's own worker).
 * @example const { result } = await decodeLogInWorker(record.data); if (result.ok) use(result.imported)
 */
export function decodeLogInWorker(
  data: Uint8Array,
): Promise<{ result: ReturnType<typeof decodeEventLog>; spare?: LogArrays }> {
  return new Promise((resolve) => {
    runLogJob({ type: 'decode', data }, (answer) => {
      if (answer.type === 'decoded') resolve(answer);
      else if (answer.type === 'failed')
        resolve({ result: { ok: false, code: 'damaged', message: answer.message } });
    });
  });
}
