/// <reference lib="webworker" />
import { analyze } from '../analyzer';
import type { ProcessMap } from '../model';

/** Analyzes big maps off the main thread: receives { id, map }, answers { id, report }. */
self.onmessage = (event: MessageEvent<{ id: number; map: ProcessMap }>) => {
  const { id, map } = event.data;
  const report = analyze(map);
  self.postMessage({ id, report });
};
