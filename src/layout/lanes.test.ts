import { describe, expect, it } from 'vitest';
import { applyEdits, type ProcessMap } from '../model';
import { laneAt, laneBands, laneLayout, laneOf, lanesInOrder } from './lanes';
import { NODE_SIZE } from './nodeSize';

function map(): ProcessMap {
  const at = { x: 0, y: 0 };
  return {
    format: 'leverflow-map',
    version: 3,
    name: 'lanes',
    settings: { currency: 'USD', targetHourlyRate: 500, casesPerWeek: 20, defaultHandOffRate: 25 },
    people: [
      { id: 'maria', name: 'Maria', role: 'outsourcer', hourlyCost: 15, hoursPerWeek: 20 },
      { id: 'me', name: 'Me', role: 'owner', hourlyCost: 0, hoursPerWeek: 10 },
      { id: 'cl', name: 'Client', role: 'client', hourlyCost: 0, hoursPerWeek: 0 },
    ],
    nodes: [
      { id: 's', kind: 'start', label: 'Start', position: at },
      { id: 'a', kind: 'action', label: 'Brief', position: at, ownerId: 'cl' },
      { id: 'b', kind: 'action', label: 'Plan', position: at },
      { id: 'c', kind: 'decision', label: 'OK?', position: at, ownerId: 'maria' },
      { id: 'd', kind: 'action', label: 'Book', position: at, ownerId: 'maria' },
      { id: 'e', kind: 'end', label: 'Done', position: at },
    ],
    edges: [
      { id: '1', source: 's', target: 'a' },
      { id: '2', source: 'a', target: 'b' },
      { id: '3', source: 'b', target: 'c' },
      { id: '4', source: 'c', target: 'd', label: 'Yes' },
      { id: '5', source: 'c', target: 'e', label: 'No' },
      { id: '6', source: 'd', target: 'e' },
    ],
    acceptedFindings: [],
  };
}

describe('lanes', () => {
  it('one lane per person, the owner first; unassigned steps are the owner’s', () => {
    const { lanes, of } = laneOf(map());
    expect(lanes.map((l) => l.name)).toEqual(['Me', 'Maria', 'Client']);
    expect(lanes.map((l) => l.peopleIndex)).toEqual([1, 0, 2]);
    expect(Object.fromEntries(of)).toEqual({ s: 2, a: 2, b: 0, c: 1, d: 1, e: 1 });
  });

  it('tidies up within lanes: every step inside its doer’s band, flow left to right', () => {
    const m = map();
    const positions = laneLayout(m);
    const laid = applyEdits(
      m,
      Object.entries(positions).map(([nodeId, position]) => ({
        type: 'moveNode',
        nodeId,
        position,
      })),
    );
    expect(lanesInOrder(m)).toBe(false);
    expect(lanesInOrder(laid)).toBe(true);
    const bands = laneBands(laid)!;
    const { of } = laneOf(laid);
    for (const n of laid.nodes) {
      const centre = n.position.y + NODE_SIZE[n.kind].height / 2;
      expect(laneAt(bands, centre)).toBe(bands.lanes[of.get(n.id)!]);
    }
    // Columns follow the flow.
    expect(positions.a!.x).toBeLessThan(positions.b!.x);
    expect(positions.b!.x).toBeLessThan(positions.c!.x);
    // Bands do not overlap.
    for (let k = 1; k < bands.lanes.length; k++)
      expect(bands.lanes[k]!.top).toBeGreaterThanOrEqual(bands.lanes[k - 1]!.bottom);
  });

  it('finds the lane under a point, and leaves dragged steps out of the bands', () => {
    const m = map();
    const laid = applyEdits(
      m,
      Object.entries(laneLayout(m)).map(([nodeId, position]) => ({
        type: 'moveNode',
        nodeId,
        position,
      })),
    );
    const bands = laneBands(laid)!;
    const maria = bands.lanes[1]!;
    expect(laneAt(bands, (maria.top + maria.bottom) / 2)?.personId).toBe('maria');
    expect(laneAt(bands, bands.lanes[0]!.top - 500)?.personId).toBe('me');
    expect(laneAt(bands, 1e9)?.personId).toBe('cl');
    const without = laneBands(laid, new Set(['b']))!;
    expect(without.lanes[0]!.bottom - without.lanes[0]!.top).toBeGreaterThan(0);
  });

  it('with no one in People, one lane for the owner', () => {
    const solo = { ...map(), people: [] };
    expect(laneOf(solo).lanes.map((l) => l.name)).toEqual(['Owner']);
  });
});
