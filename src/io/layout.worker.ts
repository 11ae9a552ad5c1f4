/// <reference lib="webworker" />
import '../model/zodConfig';
import { doLayoutJob, type LayoutJob } from './layoutJob';

/**
 * Imports files and runs Tidy up off the main thread (elkjs can take minutes on a dense
 * map). Receives { job, quick }, answers { ok: true, result } or { ok: false, message }.
 * The page ends this worker when the time budget runs out or the person cancels.
 */
self.onmessage = async (event: MessageEvent<{ job: LayoutJob; quick: boolean }>) => {
  try {
    self.postMessage({ ok: true, result: await doLayoutJob(event.data.job, event.data.quick) });
  } catch (error) {
    self.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
