import { describe, expect, it } from 'vitest';
import { applyEdits, exampleMap } from '../model';
import { deviationEdits } from './deviationEdits';
import { observedFigureEdits } from './observedFigureEdits';
import { replayLog } from './replayLog';
import { simulateLog } from './simulateLog';

describe('deviationEdits', () => {
  const map = exampleMap();
  const log = simulateLog(map, {
    cases: 3000,
    seed: 2,
    detours: [{ fromId: 'r', toId: 'p', share: 0.4 }],
  });

  it('adds a move that had no arrow through a new decision, after which the log fits', () => {
    const move = replayLog(map, log).deviations.find((d) => d.kind === 'move')!;
    const edits = deviationEdits(map, move, 0.4);
    const next = applyEdits(map, edits);
    const decision = next.nodes.find(
      (n) => n.kind === 'decision' && n.label === 'After Send reminder?',
    );
    expect(decision).toBeDefined();
    const branches = next.edges.filter((e) => e.source === decision!.id);
    expect(branches.map((e) => [e.label, e.probability]).sort()).toEqual([
      ['Check payment', 0.6],
      ['Pack order', 0.4],
    ]);
    const again = replayLog(next, log);
    expect(again.deviations.filter((d) => d.kind === 'move')).toEqual([]);
    expect(again.fittingCases).toBe(3000);
  });

  it('adds a branch to an existing decision, scaling the other chances', () => {
    const move = {
      key: 'k',
      kind: 'move' as const,
      fromId: 'a',
      toId: 'e',
      count: 1,
      examples: [],
      intended: false,
      text: '',
    };
    const next = applyEdits(map, deviationEdits(map, move, 0.1));
    const outs = next.edges.filter((e) => e.source === 'd');
    expect(outs).toHaveLength(3);
    expect(outs.find((e) => e.target === 'e')).toMatchObject({
      label: 'Shipped',
      probability: 0.1,
    });
    expect(outs.find((e) => e.id === 'e3')?.probability).toBeCloseTo(0.81, 5);
  });

  it('adds nothing for a step no case ran', () => {
    expect(
      deviationEdits(map, {
        key: 'k',
        kind: 'unused',
        nodeId: 'r',
        count: 0,
        examples: [],
        intended: false,
        text: '',
      }),
    ).toEqual([]);
  });
});

describe('observedFigureEdits', () => {
  it('copies observed medians and shares into the map', { timeout: 30_000 }, () => {
    const map = exampleMap();
    const slower = {
      ...map,
      nodes: map.nodes.map((n) => (n.id === 'p' ? { ...n, durationMinutes: 40 } : n)),
      edges: map.edges.map((e) => (e.id === 'e3' ? { ...e, probability: 0.7 } : e)),
    };
    const log = simulateLog(map, { cases: 4000, seed: 4, spread: 0 });
    const next = applyEdits(slower, observedFigureEdits(slower, replayLog(slower, log)));
    expect(next.nodes.find((n) => n.id === 'p')).toMatchObject({ durationMinutes: 15 });
    const yes = next.edges.find((e) => e.id === 'e3')!.probability!;
    const no = next.edges.find((e) => e.id === 'e4')!.probability!;
    expect(yes).toBeCloseTo(0.9, 1);
    expect(yes + no).toBeCloseTo(1, 9);
  });
});
