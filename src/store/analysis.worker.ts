/// <reference lib="webworker" />
import '../model/zodConfig';
import { type AnalysisRequest, createAnalysisHandler } from './createAnalysisHandler';

/** Analyzes big maps off the main thread: receives { id, patch }, answers { id, report }. */
const answer = createAnalysisHandler();
self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  self.postMessage(answer(event.data));
};
