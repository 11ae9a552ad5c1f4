import type { ProcessMap } from '../model';
import { type Review, reviewMap } from '../review';
import { applyMapPatch, type MapPatch } from './mapPatch';

export interface AnalysisRequest {
  id: number;
  patch: MapPatch;
  /** The last answer the main thread holds whole (see createAnswerSplitter), if any. */
  base: number | null;
}
export interface AnalysisAnswer {
  id: number;
  report: Review;
}

/**
 * The analysis worker's side of the conversation: keeps the map it was sent, applies each
 * patch to it (see diffMap) and analyzes the result.
 * @example const answer = createAnalysisHandler(); self.onmessage = (e) => self.postMessage(answer(e.data));
 */
export function createAnalysisHandler(): (request: AnalysisRequest) => AnalysisAnswer {
  let current: ProcessMap | null = null;
  return ({ id, patch }) => {
    current = applyMapPatch(current, patch);
    return { id, report: reviewMap(current) };
  };
}
