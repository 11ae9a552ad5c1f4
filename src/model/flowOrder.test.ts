import { describe, expect, it } from 'vitest';
import { flowOrder } from './flowOrder';
import type { MapNode } from './types';

const step = (id: string, kind: MapNode['kind'] = 'action'): MapNode =>
  ({ id, kind, label: id, position: { x: 0, y: 0 } }) as MapNode;

describe('flowOrder (issue 15, item 15; the hand-off pack and read-only view use it too)', () => {
  it('reads steps from the start along the arrows, then steps nothing leads to; arrows by their step', () => {
    // File order is scrambled: the end first, the start last.
    const nodes = [step('e', 'end'), step('r'), step('x'), step('d'), step('s', 'start')];
    const edges = [
      { id: 'r-e', source: 'r', target: 'e' },
      { id: 'd-r', source: 'd', target: 'r' },
      { id: 's-d', source: 's', target: 'd' },
    ];
    expect(flowOrder(nodes, edges)).toEqual({
      nodeIds: ['s', 'd', 'r', 'e', 'x'],
      edgeIds: ['s-d', 'd-r', 'r-e'],
    });
  });

  it("reads each start's steps before the next start's, and skips arrows to steps not in the map", () => {
    const nodes = [step('s1', 'start'), step('s2', 'start'), step('a'), step('b')];
    const edges = [
      { id: 'x', source: 's2', target: 'b' },
      { id: 'y', source: 's1', target: 'a' },
      { id: 'z', source: 'a', target: 'gone' },
    ];
    expect(flowOrder(nodes, edges)).toEqual({
      nodeIds: ['s1', 'a', 's2', 'b'],
      edgeIds: ['y', 'z', 'x'],
    });
  });
});
