import { describe, expect, it } from 'vitest';
import { laneBands, laneLayout } from '../layout/lanes';
import { applyEdits, exampleMap } from '../model';
import { laneDropEdits } from './laneDropEdits';

describe('laneDropEdits', () => {
  const base = exampleMap();
  const laid = applyEdits(
    base,
    Object.entries(laneLayout(base)).map(([nodeId, position]) => ({
      type: 'moveNode',
      nodeId,
      position,
    })),
  );

  it("gives a step dropped into another person's lane to that person", () => {
    const va = laneBands(laid)!.lanes.find((l) => l.personId === 'va')!;
    const moved = applyEdits(laid, [
      { type: 'moveNode', nodeId: 'p', position: { x: 400, y: va.top + 20 } },
    ]);
    expect(laneDropEdits(moved, ['p'], laneBands(laid))).toEqual([
      { type: 'updateStep', nodeId: 'p', patch: { ownerId: 'va' } },
    ]);
  });

  it('changes nothing when the step stays in its own lane', () => {
    const p = laid.nodes.find((n) => n.id === 'p')!;
    const moved = applyEdits(laid, [
      { type: 'moveNode', nodeId: 'p', position: { x: p.position.x + 200, y: p.position.y } },
    ]);
    // Against the lanes as they were when the drag began.
    expect(laneDropEdits(moved, ['p'], laneBands(laid))).toEqual([]);
  });
});
