/// <reference lib="webworker" />
import '../model/zodConfig';
import { createAnswerSplitter } from './analysisAnswerParts';
import { type AnalysisRequest, createAnalysisHandler } from './createAnalysisHandler';

/**
 * Analyzes big maps off the main thread: receives { id, patch, base }, answers { id, report }
 * in a few messages (see createAnswerSplitter).
 */
const answer = createAnalysisHandler();
const split = createAnswerSplitter();
self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  for (const message of split(answer(event.data), event.data.base)) self.postMessage(message);
};
