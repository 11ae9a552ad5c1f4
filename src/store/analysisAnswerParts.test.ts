import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { reviewMap } from '../review';
import { type AnalysisMessage, createAnswerJoiner, splitAnswer } from './analysisAnswerParts';

const report = reviewMap(exampleMap());

describe('splitAnswer and createAnswerJoiner', () => {
  it('sends a report of few findings as one message', () => {
    const messages = splitAnswer({ id: 3, report });
    expect(messages).toEqual([{ id: 3, report, parts: 0 }]);
    expect(createAnswerJoiner()(messages[0]!)).toEqual({ id: 3, report });
  });

  it('splits the findings into slices and joins them back in order', () => {
    expect(report.findings.length).toBeGreaterThan(2);
    const messages = splitAnswer({ id: 7, report }, 1);
    expect(messages).toHaveLength(report.findings.length + 1);
    expect(messages.slice(0, -1).every((m) => 'part' in m && m.part.length === 1)).toBe(true);
    const join = createAnswerJoiner();
    const answers = messages.map((m) => join(structuredClone(m)));
    expect(answers.slice(0, -1)).toEqual(messages.slice(0, -1).map(() => null));
    expect(answers.at(-1)).toEqual({ id: 7, report });
  });

  it('drops the slices of an answer that a newer one cut short, and never mixes two answers', () => {
    const older = splitAnswer({ id: 1, report }, 2);
    const newer = splitAnswer(
      { id: 2, report: { ...report, findings: report.findings.slice(1) } },
      2,
    );
    const join = createAnswerJoiner();
    const got: ReturnType<typeof join>[] = [];
    for (const m of [older[0]!, ...newer] as AnalysisMessage[]) got.push(join(m));
    expect(got.filter((a) => a !== null)).toEqual([
      { id: 2, report: { ...report, findings: report.findings.slice(1) } },
    ]);
    // The last message of an answer whose slices went missing gives nothing.
    expect(join(older.at(-1)!)).toBeNull();
  });
});
