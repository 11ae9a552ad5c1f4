import { describe, expect, it } from 'vitest';
import { applyEdits } from './applyEdits';
import { exampleMap } from './exampleMap';
import { swapBranchLabels } from './swapBranchLabels';

describe('swapBranchLabels', () => {
  it("swaps a decision's Yes and No and leaves each arrow's chance with its path", () => {
    const map = exampleMap();
    const decision = map.nodes.find((n) => n.kind === 'decision');
    if (!decision) throw new Error('the example has a decision');
    const before = map.edges.filter((e) => e.source === decision.id);
    const edits = swapBranchLabels(map, decision.id);
    expect(edits).not.toBeNull();
    const after = applyEdits(map, edits ?? []).edges.filter((e) => e.source === decision.id);
    expect(after.map((e) => e.label)).toEqual([before[1]?.label, before[0]?.label]);
    expect(after.map((e) => e.target)).toEqual(before.map((e) => e.target));
    expect(after.map((e) => e.probability)).toEqual(before.map((e) => e.probability));
  });

  it('offers nothing for an action, a decision with three ways out, or equal labels', () => {
    const map = exampleMap();
    const action = map.nodes.find((n) => n.kind === 'action');
    const decision = map.nodes.find((n) => n.kind === 'decision');
    if (!action || !decision) throw new Error('the example changed');
    expect(swapBranchLabels(map, action.id)).toBeNull();
    expect(swapBranchLabels(map, 'nope')).toBeNull();
    const three = {
      ...map,
      edges: [...map.edges, { id: 'x', source: decision.id, target: action.id, label: 'Maybe' }],
    };
    expect(swapBranchLabels(three, decision.id)).toBeNull();
    const same = {
      ...map,
      edges: map.edges.map((e) => (e.source === decision.id ? { ...e, label: 'Yes' } : e)),
    };
    expect(swapBranchLabels(same, decision.id)).toBeNull();
  });
});
