import { describe, expect, it } from 'vitest';
import { mapOf } from '../analyzer/testing/mapOf';
import { flowOrder } from './flowOrder';

describe('flowOrder (issue 15, item 15)', () => {
  it('reads steps from the start along the arrows, then steps nothing leads to; arrows by their step', () => {
    // File order is scrambled: the end first, the start last.
    const map = mapOf('e:e r:a x:a d:a s:s', 'e1>e d>r s>d r>e');
    map.edges = [
      { id: 'r-e', source: 'r', target: 'e' },
      { id: 'd-r', source: 'd', target: 'r' },
      { id: 's-d', source: 's', target: 'd' },
    ];
    expect(flowOrder(map.nodes, map.edges)).toEqual({
      nodeIds: ['s', 'd', 'r', 'e', 'x'],
      edgeIds: ['s-d', 'd-r', 'r-e'],
    });
  });
});
