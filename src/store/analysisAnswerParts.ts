import type { Review, ReviewFinding } from '../review';
import type { AnalysisAnswer } from './createAnalysisHandler';

/**
 * One message of the analysis worker's answer: a slice of the findings, or the report
 * without its findings, sent last with how many slices came before it. In a slice, a number
 * stands for a finding the answer `base` had too, unchanged: its place in that answer's list.
 */
export type AnalysisMessage =
  | { id: number; base: number | null; part: (ReviewFinding | number)[] }
  | {
      id: number;
      report: Review;
      parts: number;
      /** Set when the metrics' step ids were left out: those of answer `base`, unchanged. */
      idsOf?: number;
    };

/** Findings per message: a few milliseconds to copy in on the main thread. */
export const FINDINGS_PER_PART = 500;

/**
 * The worker's side: splits each answer into messages. A big map's report is megabytes
 * (thousands of findings with their fixes), and the main thread copies each message in as
 * one task, so one message would be one long task. A finding the answer `base` (the last
 * one the main thread holds whole, which the request names) had too, unchanged, is sent as
 * its place in that answer: an edit of one step changes a few of 10,000 steps' findings, and
 * copying all of them in again on every edit was most of the garbage an edit left.
 * @example const split = createAnswerSplitter(); for (const m of split(answer, request.base)) self.postMessage(m);
 */
export function createAnswerSplitter(
  perPart = FINDINGS_PER_PART,
): (answer: AnalysisAnswer, base: number | null) => AnalysisMessage[] {
  /**
   * The last answer split: its id, where each of its findings (as JSON) was in it, and its
   * metrics' step ids.
   */
  let last: { id: number; places: Map<string, number>; ids: readonly string[] } | null = null;
  return ({ id, report }, base) => {
    const held = last !== null && last.id === base ? last : null;
    const known = held?.places;
    const places = new Map<string, number>();
    const items = report.findings.map((finding, i): ReviewFinding | number => {
      const key = JSON.stringify(finding);
      if (!places.has(key)) places.set(key, i);
      return known?.get(key) ?? finding;
    });
    const { metrics } = report;
    const ids = metrics.available ? metrics.nodeIds : [];
    last = { id, places, ids };
    const messages: AnalysisMessage[] = [];
    for (let i = 0; i < items.length; i += perPart) {
      messages.push({ id, base: held ? base : null, part: items.slice(i, i + perPart) });
    }
    // The step ids (10,000 strings on a map of 10,000 steps) go only when they changed.
    if (held && metrics.available && sameIds(ids, held.ids)) {
      const without = { ...report, findings: [], metrics: { ...metrics, nodeIds: [] } };
      messages.push({ id, report: without, parts: messages.length, idsOf: held.id });
    } else {
      messages.push({ id, report: { ...report, findings: [] }, parts: messages.length });
    }
    return messages;
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface AnswerJoiner {
  /**
   * Takes in the next message, in the order they came: returns the whole answer on its
   * last message, null before (and for an answer a message of another cut short, or whose
   * slices name findings of an answer not held). Each slice's findings, whole, go to
   * `onPart` as they come.
   */
  join(message: AnalysisMessage): AnalysisAnswer | null;
  /** The id of the last answer taken in whole: the base the next request names. */
  held(): number | null;
}

/**
 * The main thread's side: puts the messages of {@link createAnswerSplitter} together again.
 * @example const joiner = createAnswerJoiner(); worker.onmessage = (e) => { const a = joiner.join(e.data); if (a) use(a) };
 */
export function createAnswerJoiner(
  onPart?: (id: number, findings: ReviewFinding[]) => void,
): AnswerJoiner {
  let last: { id: number; report: Review } | null = null;
  let id: number | null = null;
  let parts: ReviewFinding[][] = [];
  let broken = false;
  return {
    join(message) {
      if (message.id !== id) {
        id = message.id;
        parts = [];
        broken = false;
      }
      if ('part' in message) {
        const held = last !== null && message.base === last.id ? last.report.findings : null;
        const findings: ReviewFinding[] = [];
        for (const item of message.part) {
          const finding = typeof item === 'number' ? held?.[item] : item;
          if (finding === undefined) broken = true;
          else findings.push(finding);
        }
        parts.push(findings);
        if (!broken) onPart?.(message.id, findings);
        return null;
      }
      const received = parts;
      parts = [];
      id = null;
      if (broken || received.length !== message.parts) return null;
      let { metrics } = message.report;
      if (message.idsOf !== undefined) {
        const before = last?.id === message.idsOf ? last.report.metrics : null;
        if (!before?.available || !metrics.available) return null;
        metrics = { ...metrics, nodeIds: before.nodeIds };
      }
      const report = { ...message.report, findings: received.flat(), metrics };
      last = { id: message.id, report };
      return { id: message.id, report };
    },
    held: () => last?.id ?? null,
  };
}
