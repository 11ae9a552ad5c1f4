import { describe, expect, it } from 'vitest';
import { generateMap } from '../../bench/generateMap';
import { exampleMap } from '../model';
import { tidyUpOrGrid } from './import/tidyUpOrGrid';
import { doLayoutJob } from './layoutJob';
import { coordsToMoves, fromStepColumns, positionsToCoords, toStepColumns } from './stepColumns';

describe('stepColumns', () => {
  it('keeps what layout reads of each step and arrow; an arrow to a step not on the map is left out', () => {
    const map = exampleMap();
    const sized = map.nodes.map((n, i) =>
      i === 1 ? { ...n, size: { width: 300, height: 90 } } : n,
    );
    const edges = [...map.edges, { id: 'loose', source: 'a', target: 'gone' }];
    const back = fromStepColumns(structuredClone(toStepColumns(sized, edges)));
    expect(back.nodes.map(({ id, kind, label, size }) => ({ id, kind, label, size }))).toEqual(
      sized.map(({ id, kind, label, size }) => ({ id, kind, label, size })),
    );
    expect(back.edges.map((e) => [e.source, e.target])).toEqual(
      map.edges.map((e) => [e.source, e.target]),
    );
    expect(new Set(back.edges.map((e) => e.id)).size).toBe(back.edges.length);
  });

  it('turns positions into pairs and those into moves; a step with none is not moved', () => {
    const ids = ['a', '__proto__', 'c'];
    const coords = positionsToCoords(ids, { a: { x: 1, y: 2 }, c: { x: -3.5, y: 4 } });
    expect([...coords]).toEqual([1, 2, Number.NaN, Number.NaN, -3.5, 4]);
    expect(coordsToMoves(ids, coords)).toEqual([
      { type: 'moveNode', nodeId: 'a', position: { x: 1, y: 2 } },
      { type: 'moveNode', nodeId: 'c', position: { x: -3.5, y: 4 } },
    ]);
  });

  it('lays a map out the same through columns as from its own steps (elkjs, and quick layers)', async () => {
    for (const map of [exampleMap(), generateMap(2500)]) {
      const steps = toStepColumns(map.nodes, map.edges);
      for (const direction of ['down', 'right'] as const) {
        const result = await doLayoutJob({ type: 'tidy-up', steps, direction }, false);
        if (!('coords' in result)) throw new Error('not a Tidy up result');
        const direct = await tidyUpOrGrid(map, { direction });
        expect(result.layout).toBe(direct.layout);
        const moves = coordsToMoves(steps.ids, result.coords);
        expect(Object.fromEntries(moves.map((m) => [m.nodeId, m.position]))).toEqual(
          direct.positions,
        );
      }
    }
  });
});
