import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { nodeFigure } from '../nodeFigure';
import { mapOf } from '../testing/mapOf';

// Issue 14: chances on a split's arrows are ignored, and the rules that existed before
// parallel steps (dead-end, trap-loop, rework-loop, fan-in, must-pass) name a defect inside a
// parallel branch exactly as they name it on a map without parallel steps.

type Map = ReturnType<typeof mapOf>;

/** The findings of one rule that name `nodeId`, as the report shows them. */
function named(map: Map, rule: string, nodeId: string) {
  return analyze(map)
    .findings.filter((f) => f.rule === rule && f.nodeIds.includes(nodeId))
    .map((f) => ({ message: f.message, nodeIds: [...f.nodeIds].sort() }));
}

/**
 * The same branch body twice: once on its own between a start and an end, once as one
 * branch of a parallel split "p" whose other branch is "Side job", both joined at "j".
 */
function both(nodes: string, edges: string): { plain: Map; parallel: Map } {
  const plain = mapOf(`s:s:Order_in ${nodes} w:a:Wrap_up e:e:Done`, `s>IN ${edges} OUT>w w>e`);
  const parallel = mapOf(
    `s:s:Order_in p:p:Both ${nodes} o:a:Side_job j:p:Both_done w:a:Wrap_up e:e:Done`,
    `s>p p>IN p>o o>j ${edges} OUT>j j>w w>e`,
  );
  return { plain, parallel };
}

/** Builds both maps for a branch that begins at `first` and leaves from `last`. */
function branch(nodes: string, edges: string, first: string, last: string) {
  const { plain, parallel } = both(nodes, edges);
  for (const map of [plain, parallel]) {
    for (const edge of map.edges) {
      if (edge.target === 'IN') edge.target = first;
      if (edge.source === 'OUT') edge.source = last;
    }
  }
  expect(parallel.nodes.filter((n) => n.kind === 'parallel')).toHaveLength(2);
  return { plain, parallel };
}

describe('chances on the arrows out of a parallel split', () => {
  it('are ignored: each branch runs once per case even with a 0.3 chance set on it', () => {
    const map = mapOf(
      's:s p:p:Both a:a:Order_gift b:a:Set_up_project j:p:Both_done e:e:Done',
      's>p p>a p>b a>j b>j j>e',
    );
    map.edges[1]!.probability = 0.3;
    map.edges[2]!.probability = 0.3;
    const { metrics, findings } = analyze(map);
    if (!metrics.available) throw new Error(metrics.unavailableReason);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'a')).toBe(1);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'b')).toBe(1);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'j')).toBe(1);
    expect(metrics.endProbabilities).toEqual({ e: 1 });
    // The same chances on a decision's arrows are read: the case follows one of them.
    const decision = structuredClone(map);
    decision.nodes[1]!.kind = 'decision';
    decision.nodes[4]!.kind = 'action';
    decision.edges[1]!.label = 'Yes';
    decision.edges[2]!.label = 'No';
    const either = analyze(decision).metrics;
    if (!either.available) throw new Error(either.unavailableReason);
    expect(nodeFigure(either, either.expectedVisits, 'a')).toBeLessThan(1);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('are ignored when they add up too: a 0.3 / 0.7 split still runs both branches in full', () => {
    const map = mapOf('s:s p:p:Both a:a:A b:a:B j:p:Both_done e:e:Done', 's>p p>a p>b a>j b>j j>e');
    map.nodes[2] = { ...map.nodes[2]!, kind: 'action', durationMinutes: 10 };
    map.nodes[3] = { ...map.nodes[3]!, kind: 'action', durationMinutes: 20 };
    map.edges[1]!.probability = 0.3;
    map.edges[2]!.probability = 0.7;
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error(metrics.unavailableReason);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'a')).toBe(1);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'b')).toBe(1);
    expect(metrics.cycleTimeMinutes).toBeCloseTo(30, 10);
  });
});

describe('the existing rules on a map with parallel steps', () => {
  it('dead-end: a decision inside a branch that sends the case nowhere', () => {
    const { plain, parallel } = branch(
      'd:d:Stock_ok? g:a:Pack x:a:Lost_order',
      'd>g:Yes d>x:No',
      'd',
      'g',
    );
    const want = named(plain, 'dead-end', 'x');
    expect(want).toEqual([
      {
        message:
          "A case that reaches 'Lost order' can never finish: no path leads from there to an end.",
        nodeIds: ['x'],
      },
    ]);
    expect(named(parallel, 'dead-end', 'x')).toEqual(want);
  });

  it('bottleneck: the step that takes most of the work time, inside a branch counted in full', () => {
    const { plain, parallel } = branch('b:a:Build', '', 'b', 'b');
    for (const map of [plain, parallel]) {
      for (const n of map.nodes)
        if (n.kind === 'action') n.durationMinutes = n.id === 'b' ? 60 : 10;
      const found = analyze(map).findings.filter((f) => f.rule === 'bottleneck');
      expect(found.map((f) => f.nodeIds)).toEqual([['b']]);
    }
    // Beside it, the side job (10 min) runs too: 'Build' is 60 of 80 minutes of work.
    const [finding] = analyze(parallel).findings.filter((f) => f.rule === 'bottleneck');
    expect(finding?.message).toMatch(/'Build' takes 75% of/);
    const [alone] = analyze(plain).findings.filter((f) => f.rule === 'bottleneck');
    expect(alone?.message).toMatch(/'Build' takes 86% of/);
  });

  it('trap-loop: a loop with no way out inside a branch', () => {
    const { plain, parallel } = branch(
      'd:d:Stock_ok? g:a:Pack t:a:Chase u:a:Wait',
      'd>g:Yes d>t:No t>u u>t',
      'd',
      'g',
    );
    const want = named(plain, 'trap-loop', 't');
    expect(want).toHaveLength(1);
    expect(want[0]!.nodeIds).toEqual(['t', 'u']);
    expect(named(parallel, 'trap-loop', 't')).toEqual(want);
  });

  it('rework-loop: a check that sends work back inside a branch', () => {
    const { plain, parallel } = branch('a:a:Draft r:d:Right?', 'a>r r>a:No', 'a', 'r');
    // The loop's exit is the branch's way out: "Right?" Yes.
    for (const map of [plain, parallel]) {
      const out = map.edges.find((e) => e.source === 'r' && e.label === undefined)!;
      out.label = 'Yes';
    }
    const want = named(plain, 'rework-loop', 'a');
    expect(want).toHaveLength(1);
    expect(want[0]!.nodeIds).toEqual(['a', 'r']);
    expect(named(parallel, 'rework-loop', 'a')).toEqual(want);
    // With no other defect, the parallel map is otherwise sound.
    const rules = analyze(parallel).findings.filter((f) => f.severity === 'error');
    expect(rules).toEqual([]);
  });

  it('fan-in: three ways into one step inside a branch', () => {
    const { plain, parallel } = branch(
      'd:d:Which_size? x:a:Small y:a:Medium z:a:Large m:a:Weigh',
      'd>x:S d>y:M d>z:L x>m y>m z>m',
      'd',
      'm',
    );
    const want = named(plain, 'fan-in', 'm');
    expect(want).toHaveLength(1);
    expect(want[0]!.nodeIds).toEqual(['m']);
    expect(named(parallel, 'fan-in', 'm')).toEqual(want);
  });

  // Must-pass reads the branches of a block told sound by its branches one after the other,
  // so "Side job" (straight to the join) is no way around 'Label': every case labels.
  it('must-pass: a merge every case passes inside a branch', () => {
    const { plain, parallel } = branch(
      'd:d:Gift_wrap? x:a:Wrap y:a:Bag m:a:Label',
      'd>x:Yes d>y:No x>m y>m',
      'd',
      'm',
    );
    const want = named(plain, 'must-pass', 'm');
    expect(want).toEqual([
      {
        message:
          "Every case passes through 'Label', where 2 paths merge: when it stalls, every case waits.",
        nodeIds: ['m'],
      },
    ]);
    expect(named(parallel, 'must-pass', 'm')).toEqual(want);
  });
});
