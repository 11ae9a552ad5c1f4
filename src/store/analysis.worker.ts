/// <reference lib="webworker" />
import '../model/zodConfig';
import { splitAnswer } from './analysisAnswerParts';
import { type AnalysisRequest, createAnalysisHandler } from './createAnalysisHandler';

/**
 * Analyzes big maps off the main thread: receives { id, patch }, answers { id, report } in
 * a few messages (see splitAnswer).
 */
const answer = createAnalysisHandler();
self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  for (const message of splitAnswer(answer(event.data))) self.postMessage(message);
};
