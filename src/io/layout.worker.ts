/// <reference lib="webworker" />
import '../model/zodConfig';
import { loadTidyUp } from '../layout/tidyUp';
import { encodeLayoutAnswer } from './layoutAnswer';
import { doLayoutJob, type LayoutJob } from './layoutJob';

/** What the page sends: a job, or { warm: true } to load elkjs ahead of the first job. */
export type LayoutWorkerRequest = { job: LayoutJob; quick: boolean } | { warm: true };

/**
 * Imports files and runs Tidy up off the main thread (elkjs can take minutes on a dense
 * map). Receives { job, quick }; answers { started: true } once elkjs is loaded and the job
 * begins (the page's time budget counts from there, so a slow start on a busy machine does
 * not use it up), then { ok: true, result } or { ok: false, message }. A quick job (quick
 * layers after elkjs ran out of time) never loads elkjs. The page ends this worker when the
 * time budget runs out or the person cancels.
 */
async function handle(event: MessageEvent<LayoutWorkerRequest>): Promise<void> {
  if ('warm' in event.data) {
    void withElk().catch(() => undefined);
    return;
  }
  const { job, quick } = event.data;
  try {
    if (!quick) await withElk();
    self.postMessage({ started: true });
    for (const { message, transfer } of encodeLayoutAnswer(await doLayoutJob(job, quick))) {
      self.postMessage(message, transfer);
    }
  } catch (error) {
    self.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Loads elkjs. Its bundled script, when it runs inside a worker, takes the worker's
 * `self.onmessage` for its own protocol, so this worker's handler is put back afterwards.
 */
async function withElk(): Promise<void> {
  await loadTidyUp();
  self.onmessage = handle;
}

self.onmessage = handle;
