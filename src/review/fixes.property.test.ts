import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbMap, arbMapWithParallelAndPeople } from '../analyzer/testing/arbMap';
import { propertyRuns } from '../analyzer/testing/propertyRuns';
import { applyEdits, type ProcessMap } from '../model';
import { reviewMap } from './reviewMap';

const RANK = { error: 2, warning: 1, info: 0 } as const;
const runs = propertyRuns(500, 1);

/** What a finding is about: its rule and each step it flags (or the whole map). */
function flags(f: { rule: string; nodeIds: readonly string[] }): string[] {
  return f.nodeIds.length === 0 ? [`${f.rule}@map`] : f.nodeIds.map((id) => `${f.rule}@${id}`);
}

/**
 * Findings a fix may leave behind without naming them, each for a reason a person would
 * accept:
 * - the bottleneck is the slowest step by share of time: when a fix shortens or splits it,
 *   the next slowest step takes its place;
 * - figures a broken map could not give (rework loops, chances) are first checked once the
 *   fix makes the map whole;
 * - a step the fix adds inside a part of the map that a rule already flags shares the flag
 *   (a start added before a part that cannot finish cannot finish either);
 * - a part no case could reach before (steps nothing led to, or a map with no start) is
 *   first played once the fix connects it: a join in it that waits forever, or branches of
 *   a split in it that meet without a join (anywhere after it), were there before and
 *   could not be seen (said as an error of their own, with their own fix); so were dead
 *   ends behind a join that never fired;
 * - the hours a week (overloaded) are first counted once the fix makes the map whole, and
 *   the hours of steps no case reached before once the fix connects them;
 * - a fix that says the step is unnamed leaves it unnamed;
 * - a hand-off that says an agreement is still to be made leaves it missing.
 */
/** Errors of the token game that only show once a case can get there. */
const LATENT = new Set(['deadlock', 'lack-of-sync', 'unreachable']);

/** Steps no case ran before because a join before them never fired. */
function behindJoin(before: ReturnType<typeof reviewMap>): ReadonlySet<string> {
  return new Set(
    before.findings
      .filter((f) => f.rule === 'unreachable' && f.message.includes('a join before it never'))
      .flatMap((f) => f.nodeIds),
  );
}

/** Steps no case could reach before the fix: all of them in a map with no start. */
function unplayed(before: ReturnType<typeof reviewMap>): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const f of before.findings) {
    if (f.rule === 'unreachable' || f.rule === 'no-start') for (const id of f.nodeIds) ids.add(id);
  }
  if (before.findings.some((f) => f.rule === 'no-start')) ids.add('*');
  return ids;
}

function excused(
  found: { rule: string; edgeIds: readonly string[] },
  flag: string,
  title: string,
  before: ReturnType<typeof reviewMap>,
  map: ProcessMap,
): boolean {
  const { rule } = found;
  const existing = new Set(map.nodes.map((n) => n.id));
  if (rule === 'bottleneck') return true;
  if (
    !before.metrics.available &&
    (rule === 'rework-loop' || rule === 'probabilities-invalid' || rule === 'overloaded')
  ) {
    return true;
  }
  const nodeId = flag.slice(flag.indexOf('@') + 1);
  const earlier = unplayed(before);
  if (LATENT.has(rule) && (earlier.has(nodeId) || earlier.has('*'))) return true;
  // Split and join bars no case reached before: what their branches do was never played.
  const newBar = map.nodes.some((n) => n.kind === 'parallel' && earlier.has(n.id));
  if ((rule === 'lack-of-sync' || rule === 'deadlock') && newBar) return true;
  if (rule === 'overloaded' && earlier.size > 0) return true;
  if ((rule === 'dead-end' || rule === 'trap-loop') && behindJoin(before).has(nodeId)) {
    return true;
  }
  if (!existing.has(nodeId) && before.findings.some((f) => f.rule === rule)) return true;
  if (rule === 'sla-missing' && title.includes('then agree its turnaround')) return true;
  return rule === 'missing-label' && title.includes('unnamed');
}

describe('fixes (issue 15, item 11)', () => {
  for (const [name, maps] of [
    ['', arbMap],
    [' (maps with parallel steps and people)', arbMapWithParallelAndPeople],
  ] as const)
    it(`applying a fix adds no finding as severe as the one it fixes, unless its title names it${name}`, {
      timeout: 60_000,
    }, () => {
      fc.assert(
        fc.property(maps, (map) => {
          const before = reviewMap(map);
          const had = new Set(before.findings.flatMap(flags));
          for (const finding of before.findings) {
            if (finding.severity === 'info') continue;
            for (const fix of finding.suggestions) {
              const after = reviewMap(applyEdits(map, fix.edits));
              for (const f of after.findings) {
                if (RANK[f.severity] < RANK[finding.severity]) continue;
                for (const flag of flags(f)) {
                  const ok = had.has(flag) || excused(f, flag, fix.title, before, map);
                  expect(
                    ok,
                    `"${fix.title}" (fixing ${finding.rule}) adds ${flag}: ${f.message}`,
                  ).toBe(true);
                }
              }
            }
          }
        }),
        runs,
      );
    });

  it('the fix for unreachable steps adds no hidden decision on the start (the reported case)', () => {
    // Start -> Draft -> Done, and 'Review' -> Done that nothing leads to.
    const map = applyEdits(
      {
        format: 'leverflow-map',
        version: 3,
        name: 'm',
        settings: {
          currency: 'USD',
          targetHourlyRate: 100,
          casesPerWeek: 5,
          defaultHandOffRate: 25,
        },
        people: [],
        acceptedFindings: [],
        nodes: [],
        edges: [],
      },
      [
        {
          type: 'addNode',
          node: { id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } },
        },
        {
          type: 'addNode',
          node: { id: 'd', kind: 'action', label: 'Draft', position: { x: 0, y: 140 } },
        },
        {
          type: 'addNode',
          node: { id: 'r', kind: 'action', label: 'Review', position: { x: 300, y: 140 } },
        },
        {
          type: 'addNode',
          node: { id: 'e', kind: 'end', label: 'Done', position: { x: 0, y: 280 } },
        },
        { type: 'addEdge', edge: { id: 'sd', source: 's', target: 'd' } },
        { type: 'addEdge', edge: { id: 'de', source: 'd', target: 'e' } },
        { type: 'addEdge', edge: { id: 're', source: 'r', target: 'e' } },
      ],
    );
    const finding = reviewMap(map).findings.find((f) => f.rule === 'unreachable')!;
    expect(finding.suggestions.map((s) => s.title)).toEqual(["Add a start before 'Review'"]);
    const after = reviewMap(applyEdits(map, finding.suggestions[0]!.edits));
    expect(after.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual([]);
  });
});
