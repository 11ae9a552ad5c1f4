import { describe, expect, it } from 'vitest';
import { applyEdits, exampleMap, type MapNode } from '../model';
import { NODE_SIZE } from '../model/nodeSize';
import { analyze } from './analyze';
import { FLOW_RULES, RULES } from './rules';
import { mapOf } from './testing/mapOf';
import { RULE_IDS, type RuleId } from './types';

interface Case {
  name: string;
  nodes: string;
  edges: string;
  rule: RuleId;
  nodeIds: string[];
  edgeIds?: string[];
}

function flagged(rule: RuleId, nodes: string, edges: string) {
  const report = analyze(mapOf(nodes, edges));
  const hits = report.findings.filter((f) => f.rule === rule);
  return {
    nodeIds: [...new Set(hits.flatMap((f) => f.nodeIds))].sort(),
    edgeIds: [...new Set(hits.flatMap((f) => f.edgeIds))].sort(),
    count: hits.length,
    report,
  };
}

const CLEAN = ['s:s a:a d:d:Paid? e:e', 's>a a>d d>e:Yes d>a:No'] as const;

const cases: Case[] = [
  { name: 'no start', nodes: 'a:a e:e', edges: 'a>e', rule: 'no-start', nodeIds: [] },
  { name: 'no end', nodes: 's:s a:a', edges: 's>a', rule: 'no-end', nodeIds: [] },
  {
    name: 'unreachable step and its successors',
    nodes: 's:s a:a x:a y:a e:e',
    edges: 's>a a>e x>y y>e',
    rule: 'unreachable',
    nodeIds: ['x', 'y'],
  },
  {
    name: 'unreachable end',
    nodes: 's:s a:a e:e f:e',
    edges: 's>a a>e',
    rule: 'unreachable',
    nodeIds: ['f'],
  },
  {
    name: 'no unreachable without a start',
    nodes: 'a:a x:a e:e',
    edges: 'a>e',
    rule: 'unreachable',
    nodeIds: [],
  },
  {
    name: 'dead-end sink and what only flows into it',
    nodes: 's:s d:d b:a c:a e:e',
    edges: 's>d d>e:Yes d>b:No b>c',
    rule: 'dead-end',
    nodeIds: ['b', 'c'],
    edgeIds: ['e3'],
  },
  {
    name: 'dead-end into a trap loop',
    nodes: 's:s d:d b:a c:a e:e',
    edges: 's>d d>e:Yes d>b:No b>c c>b',
    rule: 'dead-end',
    nodeIds: ['b', 'c'],
    edgeIds: ['e3'],
  },
  {
    name: 'no dead-end without an end',
    nodes: 's:s a:a',
    edges: 's>a',
    rule: 'dead-end',
    nodeIds: [],
  },
  {
    name: 'unreachable sink is not a dead end',
    nodes: 's:s a:a x:a e:e',
    edges: 's>a a>e',
    rule: 'dead-end',
    nodeIds: [],
  },
  {
    name: 'trap loop',
    nodes: 's:s d:d b:a c:a e:e',
    edges: 's>d d>e:Yes d>b:No b>c c>b',
    rule: 'trap-loop',
    nodeIds: ['b', 'c'],
  },
  {
    name: 'trap self-loop',
    nodes: 's:s d:d b:a e:e',
    edges: 's>d d>e:Yes d>b:No b>b',
    rule: 'trap-loop',
    nodeIds: ['b'],
  },
  {
    name: 'unreachable trap loop',
    nodes: 's:s e:e x:a y:a',
    edges: 's>e x>y y>x',
    rule: 'trap-loop',
    nodeIds: ['x', 'y'],
  },
  {
    name: 'loop with an exit is no trap',
    nodes: 's:s a:a d:d e:e',
    edges: 's>a a>d d>a:No d>e:Yes',
    rule: 'trap-loop',
    nodeIds: [],
  },
  {
    name: 'loop with an end inside is no trap',
    nodes: 's:s a:a e:e',
    edges: 's>a a>e e>a',
    rule: 'trap-loop',
    nodeIds: [],
  },
  {
    name: 'loop leaving only to a dead end is no trap',
    nodes: 's:s a:a b:a x:a e:e',
    edges: 's>a a>b b>a b>x',
    rule: 'trap-loop',
    nodeIds: [],
  },
  {
    name: 'rework loop',
    nodes: CLEAN[0],
    edges: CLEAN[1],
    rule: 'rework-loop',
    nodeIds: ['a', 'd'],
  },
  {
    name: 'rework self-loop',
    nodes: 's:s d:d e:e',
    edges: 's>d d>d:No d>e:Yes',
    rule: 'rework-loop',
    nodeIds: ['d'],
  },
  {
    name: 'trap is no rework loop',
    nodes: 's:s d:d b:a c:a e:e',
    edges: 's>d d>e:Yes d>b:No b>c c>b',
    rule: 'rework-loop',
    nodeIds: [],
  },
  {
    name: 'decision with one branch',
    nodes: 's:s d:d e:e',
    edges: 's>d d>e',
    rule: 'decision-branches',
    nodeIds: ['d'],
  },
  {
    name: 'decision with no branch',
    nodes: 's:s d:d e:e',
    edges: 's>d',
    rule: 'decision-branches',
    nodeIds: ['d'],
  },
  {
    name: 'decision with duplicate arrows counts both',
    nodes: 's:s d:d e:e',
    edges: 's>d d>e:Yes d>e:Yes',
    rule: 'decision-branches',
    nodeIds: [],
  },
  {
    name: 'arrows to missing nodes do not count',
    nodes: 's:s d:d e:e',
    edges: 's>d d>e:Yes d>ghost:No',
    rule: 'decision-branches',
    nodeIds: ['d'],
  },
  {
    name: 'unlabelled branches',
    nodes: 's:s d:d e:e f:e',
    edges: 's>d d>e d>f:_',
    rule: 'unlabeled-branch',
    nodeIds: ['d'],
    edgeIds: ['e2', 'e3'],
  },
  {
    name: 'one unlabelled branch',
    nodes: 's:s d:d e:e f:e',
    edges: 's>d d>e:Yes d>f',
    rule: 'unlabeled-branch',
    nodeIds: ['d'],
    edgeIds: ['e3'],
  },
  {
    name: 'single unlabelled branch is decision-branches only',
    nodes: 's:s d:d e:e',
    edges: 's>d d>e',
    rule: 'unlabeled-branch',
    nodeIds: [],
  },
  {
    name: 'duplicate branch labels ignore case and spaces',
    nodes: 's:s d:d e:e f:e g:e',
    edges: 's>d d>e:Yes d>f:_yes_ d>g:No',
    rule: 'duplicate-branch-label',
    nodeIds: ['d'],
    edgeIds: ['e2', 'e3'],
  },
  {
    name: 'distinct labels are fine',
    nodes: CLEAN[0],
    edges: CLEAN[1],
    rule: 'duplicate-branch-label',
    nodeIds: [],
  },
  {
    name: 'implicit split on an action',
    nodes: 's:s a:a e:e f:e',
    edges: 's>a a>e a>f',
    rule: 'implicit-split',
    nodeIds: ['a'],
    edgeIds: ['e2', 'e3'],
  },
  {
    name: 'implicit split on a start',
    nodes: 's:s e:e f:e',
    edges: 's>e s>f',
    rule: 'implicit-split',
    nodeIds: ['s'],
  },
  {
    name: 'two arrows to the same step are a duplicate, not a hidden decision',
    nodes: 's:s a:a e:e',
    edges: 's>a a>e a>e',
    rule: 'implicit-split',
    nodeIds: [],
  },
  {
    name: 'a decision may split',
    nodes: CLEAN[0],
    edges: CLEAN[1],
    rule: 'implicit-split',
    nodeIds: [],
  },
  {
    name: 'start with incoming',
    nodes: 's:s a:a e:e',
    edges: 's>a a>s a>e',
    rule: 'start-has-incoming',
    nodeIds: ['s'],
    edgeIds: ['e2'],
  },
  {
    name: 'end with outgoing',
    nodes: 's:s a:a e:e',
    edges: 's>a a>e e>a',
    rule: 'end-has-outgoing',
    nodeIds: ['e'],
    edgeIds: ['e3'],
  },
  {
    name: 'duplicate arrow',
    nodes: 's:s a:a e:e',
    edges: 's>a a>e s>a s>a',
    rule: 'duplicate-arrow',
    nodeIds: ['a', 's'],
    edgeIds: ['e3', 'e4'],
  },
  {
    name: 'same ends, other label is no duplicate',
    nodes: 's:s d:d e:e',
    edges: 's>d d>e:Yes d>e:No',
    rule: 'duplicate-arrow',
    nodeIds: [],
  },
  {
    name: 'missing label',
    nodes: 's:s a:a:_ e:e',
    edges: 's>a a>e',
    rule: 'missing-label',
    nodeIds: ['a'],
  },
  {
    name: 'fan-in',
    nodes: 's:s d:d x:a y:a z:a m:a e:e',
    edges: 's>d d>x:1 d>y:2 d>z:3 x>m y>m z>m m>e',
    rule: 'fan-in',
    nodeIds: ['m'],
  },
  {
    name: 'two arrows in is no fan-in',
    nodes: CLEAN[0],
    edges: CLEAN[1],
    rule: 'fan-in',
    nodeIds: [],
  },
  {
    name: 'must-pass merge',
    nodes: 's:s d:d x:a y:a m:a e:e',
    edges: 's>d d>x:Yes d>y:No x>m y>m m>e',
    rule: 'must-pass',
    nodeIds: ['m'],
  },
  {
    name: 'merge that can be bypassed is not must-pass',
    nodes: 's:s d:d x:a y:a m:a e:e',
    edges: 's>d d>x:Yes d>y:No x>m y>m m>e d>e:Skip',
    rule: 'must-pass',
    nodeIds: [],
  },
  {
    name: 'merge from a dead branch does not count',
    nodes: 's:s d:d x:a m:a e:e z:a',
    edges: 's>d d>x:Yes d>z:No x>m z>m m>e z>z',
    rule: 'must-pass',
    nodeIds: ['m'],
  },
  {
    name: 'rework entry is must-pass',
    nodes: CLEAN[0],
    edges: CLEAN[1],
    rule: 'must-pass',
    nodeIds: ['a'],
  },
];

describe('analyze rules', () => {
  it.each(cases)('$rule: $name', ({ nodes, edges, rule, nodeIds, edgeIds }) => {
    const got = flagged(rule, nodes, edges);
    expect(got.nodeIds).toEqual([...nodeIds].sort());
    if (edgeIds !== undefined) expect(got.edgeIds).toEqual([...edgeIds].sort());
  });

  it('a clean map has no errors or warnings', () => {
    const { findings } = analyze(mapOf(...CLEAN));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reports one trap-loop finding per loop', () => {
    const got = flagged(
      'trap-loop',
      's:s d:d a:a b:a c:a e:e',
      's>d d>a:1 d>b:2 d>e:3 a>a b>c c>b',
    );
    expect(got.count).toBe(2);
  });

  it('bottleneck: the slowest step by expected time, with its share', () => {
    const map = mapOf('s:s a:a b:a e:e', 's>a a>b b>e');
    map.nodes[1] = { ...map.nodes[1]!, kind: 'action', durationMinutes: 30 };
    map.nodes[2] = { ...map.nodes[2]!, kind: 'action', durationMinutes: 10 };
    const hits = analyze(map).findings.filter((f) => f.rule === 'bottleneck');
    expect(hits.map((f) => f.nodeIds)).toEqual([['a']]);
    expect(hits[0]!.message).toContain('75%');
    expect(hits[0]!.message).toContain('30');
    expect(
      analyze(map, { bottleneckShare: 0.8 }).findings.some((f) => f.rule === 'bottleneck'),
    ).toBe(false);
  });

  it('bottleneck fix splits the step in place into parts an owner can hand off', () => {
    const map = mapOf('s:s a:a:Pack_order b:a e:e', 's>a a>b b>e');
    map.nodes[1] = { ...map.nodes[1]!, kind: 'action', durationMinutes: 30 };
    map.nodes[2] = { ...map.nodes[2]!, kind: 'action', durationMinutes: 10 };
    const choices = analyze(map).findings.find((f) => f.rule === 'bottleneck')!.suggestions;
    // Side by side: shorten it, or split it (handing it off is added by the review).
    expect(choices.map((c) => c.title)).toEqual([
      "Shorten 'Pack order' from 30 to 15 minutes (a checklist, a template): then 60% of each case",
      "Split 'Pack order' into 4 parts of 7.5 minutes that others can do",
    ]);
    const fix = choices[1]!;
    expect(fix.edits[0]).toEqual({
      type: 'updateStep',
      nodeId: 'a',
      patch: { durationMinutes: 7.5 },
    });
    expect(fix.edits.some((e) => e.type === 'removeNode')).toBe(false);
    const after = applyEdits(map, fix.edits);
    expect(after.nodes.map((n) => n.id).slice(0, 4)).toEqual(['s', 'a', 'b', 'e']);
    const report = analyze(after);
    // The parts take 19% each; the next slowest step, 'b' (25%), is now the bottleneck.
    const next = report.findings.filter((f) => f.rule === 'bottleneck');
    expect(next.map((f) => f.nodeIds)).toEqual([['b']]);
    expect(report.metrics.available && report.metrics.cycleTimeMinutes).toBeCloseTo(40, 10);
  });

  it('bottleneck: shortening it sets its duration, to under the threshold share when half its time is enough', () => {
    const map = mapOf('s:s a:a:Pack_order b:a c:a e:e', 's>a a>b b>c c>e');
    map.nodes[1] = { ...map.nodes[1]!, kind: 'action', durationMinutes: 30 };
    map.nodes[2] = { ...map.nodes[2]!, kind: 'action', durationMinutes: 25 };
    map.nodes[3] = { ...map.nodes[3]!, kind: 'action', durationMinutes: 25 };
    const choices = analyze(map).findings.find((f) => f.rule === 'bottleneck')!.suggestions;
    const shorten = choices.find((c) => c.title.startsWith('Shorten'))!;
    // 30 of 80 minutes (38%); 16 minutes is the longest under 25% (16 / 66 = 24%).
    expect(shorten.title).toBe(
      "Shorten 'Pack order' from 30 to 16 minutes (a checklist, a template): then 24% of each case",
    );
    expect(shorten.edits).toEqual([
      { type: 'updateStep', nodeId: 'a', patch: { durationMinutes: 16 } },
    ]);
    const after = analyze(applyEdits(map, shorten.edits));
    expect(after.findings.filter((f) => f.rule === 'bottleneck').map((f) => f.nodeIds)).toEqual([
      ['b'],
    ]);
  });

  it('bottleneck fix puts the new parts where no step is drawn already', () => {
    const map = exampleMap();
    const fix = analyze(map)
      .findings.find((f) => f.rule === 'bottleneck')!
      .suggestions.find((s) => s.title.startsWith('Split'))!;
    const added = fix.edits.flatMap((e) => (e.type === 'addNode' ? [e.node] : []));
    expect(added.length).toBeGreaterThan(0);
    const box = (n: MapNode) => ({ ...n.position, ...NODE_SIZE[n.kind] });
    const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const all = applyEdits(map, fix.edits).nodes;
    for (const part of added) {
      const others = all.filter((n) => n.id !== part.id);
      expect(others.filter((n) => overlap(box(part), box(n))).map((n) => n.id)).toEqual([]);
    }
  });

  it('probabilities fix sets the chances in place', () => {
    const map = mapOf(...CLEAN);
    map.edges[2]!.probability = 0.8;
    map.edges[3]!.probability = 0.8;
    const fix = analyze(map).findings.find((f) => f.rule === 'probabilities-invalid')!
      .suggestions[0]!;
    expect(fix.edits).toEqual([
      { type: 'setProbability', edgeId: 'e3', probability: 0.5 },
      { type: 'setProbability', edgeId: 'e4', probability: 0.5 },
    ]);
    const after = applyEdits(map, fix.edits);
    expect(after.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(analyze(after).findings.some((f) => f.rule === 'probabilities-invalid')).toBe(false);
  });

  it('fan-in threshold is an option', () => {
    const got = analyze(mapOf(...CLEAN), { fanInThreshold: 2 }).findings.filter(
      (f) => f.rule === 'fan-in',
    );
    expect(got.map((f) => f.nodeIds)).toEqual([['a']]);
  });

  it('probabilities summing above 1 are invalid', () => {
    const map = mapOf(...CLEAN);
    map.edges[2]!.probability = 0.8;
    map.edges[3]!.probability = 0.5;
    const hits = analyze(map).findings.filter((f) => f.rule === 'probabilities-invalid');
    expect(hits.map((f) => f.nodeIds)).toEqual([['d']]);
    expect(hits[0]!.message).toContain('130%');
  });

  it('orders findings by severity, rule, then first node in the file', () => {
    const { findings } = analyze(mapOf('s:s x:a a:a:_ d:d e:e', 's>a a>d d>e d>e a>a'));
    const ranks = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((p, q) => p - q));
    expect(findings[0]!.rule).toBe('unreachable');
  });

  it('names steps by their labels', () => {
    const { findings } = analyze(
      mapOf('s:s d:d:Paid? b:a:Ship_order e:e:Done', 's>d d>e:Yes d>b:No'),
    );
    const dead = findings.find((f) => f.rule === 'dead-end')!;
    expect(dead.message).toContain("'Ship order'");
    expect(dead.suggestions[0]!.title).toBe("Connect 'Ship order' to 'Done'");
    const fixed = analyze(
      applyEdits(
        mapOf('s:s d:d:Paid? b:a:Ship_order e:e:Done', 's>d d>e:Yes d>b:No'),
        dead.suggestions[0]!.edits,
      ),
    );
    expect(fixed.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the rule table', () => {
  it('has one rule file per rule id, in report order, each with its title and why', () => {
    expect(FLOW_RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const rule of FLOW_RULES) {
      expect(RULES[rule.id]).toEqual({ severity: rule.severity, title: rule.title, why: rule.why });
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.why.length).toBeGreaterThan(0);
    }
  });
});
