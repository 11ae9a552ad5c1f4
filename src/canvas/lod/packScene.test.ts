import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode } from '../../model';
import { drawSimpleMap } from './drawSimpleMap';
import { packScene, unpackScene } from './packScene';
import { buildSimpleScene } from './simpleScene';
import { LETTER_COLORS as colors, loggingPen } from './testPens';

const kinds: MapNode['kind'][] = ['start', 'action', 'decision', 'parallel', 'end'];
const nodes: MapNode[] = Array.from({ length: 300 }, (_, i) => ({
  id: `n${i}`,
  kind: kinds[i % kinds.length]!,
  label: `Step ${i}`,
  position: { x: (i % 20) * 240 + (i % 3) * 17, y: Math.floor(i / 20) * 170 },
}));
const edges: MapEdge[] = nodes
  .slice(1)
  .flatMap((n, i) => [
    { id: `a${i}`, source: nodes[i]!.id, target: n.id },
    ...(i % 7 === 0 ? [{ id: `b${i}`, source: n.id, target: n.id }] : []),
  ]);

describe('packScene / unpackScene', () => {
  const scene = buildSimpleScene(nodes, [...edges, { id: 'gone', source: 'n1', target: 'x' }]);
  // What the worker gets: the packed scene through structured cloning, as postMessage does.
  const copy = unpackScene(structuredClone(packScene(scene)));

  it('draws exactly what the scene draws, marks and all, at any zoom and place', () => {
    const marks = {
      selectedNodeIds: new Set(['n3', 'n40']),
      selectedEdgeIds: new Set(['a5']),
      nodeSeverity: new Map([['n7', 'error' as const]]),
      edgeSeverity: new Map([['a9', 'warning' as const]]),
    };
    for (const view of [
      { x: 0, y: 0, zoom: 0.05, width: 800, height: 600, ratio: 1 },
      { x: -300, y: -120, zoom: 0.3, width: 640, height: 480, ratio: 2 },
    ]) {
      const a = loggingPen();
      const b = loggingPen();
      const drawnA = drawSimpleMap(a.pen, scene, view, colors, marks);
      const drawnB = drawSimpleMap(b.pen, copy, view, colors, marks);
      expect(drawnB).toBe(drawnA);
      expect(drawnA).toBeGreaterThan(0);
      expect(b.log).toEqual(a.log);
    }
  });

  it('keeps the spatial indexes: the same steps and arrows found in an area', () => {
    expect(copy.stepIndex?.search(500, 200, 2000, 900).sort()).toEqual(
      scene.stepIndex?.search(500, 200, 2000, 900).sort(),
    );
    expect(copy.edgeIndex?.search(0, 0, 1000, 1000).sort()).toEqual(
      scene.edgeIndex?.search(0, 0, 1000, 1000).sort(),
    );
  });

  it('packs an empty map', () => {
    const empty = unpackScene(structuredClone(packScene(buildSimpleScene([], []))));
    expect(empty.stepIndex).toBeNull();
    expect(empty.nodes).toEqual([]);
  });
});
