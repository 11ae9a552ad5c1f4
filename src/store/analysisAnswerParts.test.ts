import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { type Review, type ReviewFinding, reviewMap } from '../review';
import {
  type AnalysisMessage,
  createAnswerJoiner,
  createAnswerSplitter,
} from './analysisAnswerParts';

const report = reviewMap(exampleMap());
const { findings } = report;

/** The messages as the main thread reads them: copied, as postMessage copies them. */
const sent = (messages: AnalysisMessage[]) => messages.map((m) => structuredClone(m));

/** The items of every slice of `messages`, in order. */
const items = (messages: AnalysisMessage[]) => messages.flatMap((m) => ('part' in m ? m.part : []));

/** Joins `messages` in order: the answers that came whole. */
function joinAll(join: ReturnType<typeof createAnswerJoiner>, messages: AnalysisMessage[]) {
  return messages.map((m) => join.join(m)).filter((a) => a !== null);
}

/** The report with one finding's message changed and the first finding gone. */
function edited(of: Review): Review {
  const changed = { ...(of.findings[1] as ReviewFinding), message: 'Something else' };
  return { ...of, findings: [changed, ...of.findings.slice(2)] };
}

describe('createAnswerSplitter and createAnswerJoiner', () => {
  it('splits the findings into slices and joins them back in order', () => {
    expect(findings.length).toBeGreaterThan(2);
    const messages = createAnswerSplitter(1)({ id: 7, report }, null);
    expect(messages).toHaveLength(findings.length + 1);
    expect(messages.slice(0, -1).every((m) => 'part' in m && m.part.length === 1)).toBe(true);
    const parts: ReviewFinding[][] = [];
    const joiner = createAnswerJoiner((_id, part) => parts.push(part));
    const answers = sent(messages).map((m) => joiner.join(m));
    expect(answers.slice(0, -1)).toEqual(messages.slice(0, -1).map(() => null));
    expect(answers.at(-1)).toEqual({ id: 7, report });
    // Each slice's findings went on as it came.
    expect(parts.flat()).toEqual(findings);
    expect(joiner.held()).toBe(7);
  });

  it('sends a finding the held answer had, unchanged, as its place there; the joined report has that very object', () => {
    const split = createAnswerSplitter(2);
    const joiner = createAnswerJoiner();
    const [first] = joinAll(joiner, sent(split({ id: 1, report }, null)));
    const next = edited(report);
    const messages = split({ id: 2, report: next }, joiner.held());
    // Only the changed finding travels whole; the rest are places in the first answer.
    expect(items(messages)).toEqual([next.findings[0], ...findings.slice(2).map((_, i) => i + 2)]);
    const [second] = joinAll(joiner, sent(messages));
    expect(second).toEqual({ id: 2, report: next });
    expect(second?.report.findings.slice(1)).toEqual(findings.slice(2));
    second?.report.findings.slice(1).forEach((f, i) => {
      expect(f).toBe(first?.report.findings[i + 2]);
    });
    expect(joiner.held()).toBe(2);
  });

  it('leaves the step ids of the metrics out when the held answer has the same, and sends them when they changed', () => {
    if (!report.metrics.available) throw new Error('the example has metrics');
    const ids = report.metrics.nodeIds;
    const split = createAnswerSplitter(2);
    const joiner = createAnswerJoiner();
    const [first] = joinAll(joiner, sent(split({ id: 1, report }, null)));
    const last = (messages: AnalysisMessage[]) => messages.at(-1) as AnalysisMessage;
    const same = split({ id: 2, report }, joiner.held());
    expect(last(same)).toMatchObject({ idsOf: 1, report: { metrics: { nodeIds: [] } } });
    const [second] = joinAll(joiner, sent(same));
    const idsOf = (a: typeof first) =>
      a?.report.metrics.available ? a.report.metrics.nodeIds : [];
    expect(idsOf(second)).toEqual(ids);
    expect(idsOf(second)).toBe(idsOf(first));
    // A step more (its id added): the ids go again.
    const more = { ...report, metrics: { ...report.metrics, nodeIds: [...ids, 'new'] } };
    const changed = split({ id: 3, report: more }, joiner.held());
    expect(last(changed)).not.toHaveProperty('idsOf');
    expect(idsOf(joinAll(joiner, sent(changed))[0])).toEqual([...ids, 'new']);
  });

  it('sends every finding whole when the request names an answer other than the last split', () => {
    const split = createAnswerSplitter(2);
    split({ id: 1, report }, null);
    split({ id: 2, report }, 1);
    for (const base of [null, 1, 5]) {
      const messages = split({ id: 3, report }, base);
      expect(items(messages)).toEqual(findings);
      split({ id: 2, report }, null); // the worker's last is answer 2 again
    }
  });

  it('drops the slices of an answer that a newer one cut short, and never mixes two answers', () => {
    const split = createAnswerSplitter(2);
    const older = split({ id: 1, report }, null);
    const shorter = { ...report, findings: findings.slice(1) };
    const newer = split({ id: 2, report: shorter }, null);
    const joiner = createAnswerJoiner();
    expect(joinAll(joiner, sent([older[0] as AnalysisMessage, ...newer]))).toEqual([
      { id: 2, report: shorter },
    ]);
    // The last message of an answer whose slices went missing gives nothing.
    expect(joiner.join(older.at(-1) as AnalysisMessage)).toBeNull();
    expect(joiner.held()).toBe(2);
  });

  it('gives nothing for slices that name findings of an answer not held, and the next request heals it', () => {
    const split = createAnswerSplitter(2);
    const joiner = createAnswerJoiner();
    joinAll(joiner, sent(split({ id: 1, report }, null)));
    // Answer 2 is lost on the way: the worker's last is 2, the main thread holds 1.
    split({ id: 2, report }, joiner.held());
    // Slices naming answer 2 cannot be read (a request names only an answer held, so this
    // is a safeguard): nothing is joined, and what is held stays.
    const orphan = split({ id: 3, report }, 2);
    expect(items(orphan).every((item) => typeof item === 'number')).toBe(true);
    expect(joinAll(joiner, sent(orphan))).toEqual([]);
    expect(joiner.held()).toBe(1);
    // The next request names answer 1; the worker's last is 3, so it sends them all whole.
    const healed = split({ id: 4, report }, joiner.held());
    expect(items(healed)).toEqual(findings);
    expect(joinAll(joiner, sent(healed))).toEqual([{ id: 4, report }]);
  });

  it('joins every answer to the report sent, whatever was changed, dropped or cut short on the way', () => {
    const finding = fc.record({
      pick: fc.nat(findings.length - 1),
      message: fc.option(fc.constantFrom('Changed', 'Other'), { nil: undefined }),
    });
    const answer = fc.record({
      picks: fc.array(finding, { maxLength: 12 }),
      // 0: every message arrives; 1: the answer is lost whole; 2: only its first slice arrives.
      fate: fc.constantFrom(0, 0, 0, 1, 2),
    });
    const answers = fc.array(answer, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), answers, (perPart, answers) => {
        const split = createAnswerSplitter(perPart);
        const joiner = createAnswerJoiner();
        answers.forEach(({ picks, fate }, i) => {
          const these = picks.map(({ pick, message }) => {
            const f = findings[pick] as ReviewFinding;
            return message ? { ...f, message } : f;
          });
          const report2 = { ...report, findings: these };
          const messages = sent(split({ id: i + 1, report: report2 }, joiner.held()));
          const arrived = fate === 0 ? messages : fate === 1 ? [] : messages.slice(0, 1);
          const joined = joinAll(joiner, arrived);
          if (fate === 0) expect(joined).toEqual([{ id: i + 1, report: report2 }]);
          else if (messages.length > 1) expect(joined).toEqual([]);
        });
      }),
    );
  });
});
