import type { Review, ReviewFinding } from '../review';
import type { AnalysisAnswer } from './createAnalysisHandler';

/**
 * One message of the analysis worker's answer: a slice of the findings, or the report
 * without its findings, sent last with how many slices came before it.
 */
export type AnalysisMessage =
  | { id: number; part: ReviewFinding[] }
  | { id: number; report: Review; parts: number };

/** Findings per message: a few milliseconds to copy in on the main thread. */
export const FINDINGS_PER_PART = 500;

/**
 * Splits an answer into messages: a big map's report is megabytes (thousands of findings
 * with their fixes), and the main thread copies each message in as one task, so one message
 * would be one long task.
 * @example for (const message of splitAnswer(answer)) self.postMessage(message);
 */
export function splitAnswer(
  { id, report }: AnalysisAnswer,
  perPart = FINDINGS_PER_PART,
): AnalysisMessage[] {
  const { findings } = report;
  if (findings.length <= perPart) return [{ id, report, parts: 0 }];
  const messages: AnalysisMessage[] = [];
  for (let i = 0; i < findings.length; i += perPart) {
    messages.push({ id, part: findings.slice(i, i + perPart) });
  }
  messages.push({ id, report: { ...report, findings: [] }, parts: messages.length });
  return messages;
}

/**
 * Puts the messages of {@link splitAnswer} together again, in the order they came: returns
 * the whole answer on its last message, null before. A message of another answer starts over.
 * @example const join = createAnswerJoiner(); worker.onmessage = (e) => { const a = join(e.data); if (a) use(a) };
 */
export function createAnswerJoiner(): (message: AnalysisMessage) => AnalysisAnswer | null {
  let id: number | null = null;
  let parts: ReviewFinding[][] = [];
  return (message) => {
    if (message.id !== id) {
      id = message.id;
      parts = [];
    }
    if ('part' in message) {
      parts.push(message.part);
      return null;
    }
    const received = parts;
    parts = [];
    id = null;
    if (received.length !== message.parts) return null;
    if (received.length === 0) return { id: message.id, report: message.report };
    return { id: message.id, report: { ...message.report, findings: received.flat() } };
  };
}
