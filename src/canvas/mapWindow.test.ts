import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepSize } from '../layout/nodeSize';
import { createEdge, createNode, type MapEdge, type MapNode } from '../model';
import { windowOf } from './mapWindow';
import type { ViewRect } from './planMount';
import { coverFor, stillCovers } from './viewCover';

const step = (id: string, x: number, y: number): MapNode =>
  createNode('action', { x, y }, { id, label: id });
const arrow = (id: string, source: string, target: string): MapEdge =>
  createEdge(source, target, { id });
const VIEW: ViewRect = { x: 0, y: 0, width: 1000, height: 500 };
const NONE: ReadonlySet<string> = new Set();
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** React Flow's own tests (isEdgeVisible, getNodesInside): boxes overlap the view. */
function overlaps(box: { x: number; y: number; x2: number; y2: number }, view: ViewRect) {
  const w = Math.min(box.x2, view.x + view.width) - Math.max(box.x, view.x);
  const h = Math.min(box.y2, view.y + view.height) - Math.max(box.y, view.y);
  return w > 0 && h > 0;
}
function boxOf(node: MapNode) {
  const { width, height } = stepSize(node);
  const { x, y } = node.position;
  return { x, y, x2: x + width, y2: y + height };
}
function reactFlowDraws(a: MapNode, b: MapNode, view: ViewRect): boolean {
  const p = boxOf(a);
  const q = boxOf(b);
  const box = {
    x: Math.min(p.x, q.x),
    y: Math.min(p.y, q.y),
    x2: Math.max(p.x2, q.x2),
    y2: Math.max(p.y2, q.y2),
  };
  return overlaps(box, view);
}

describe('windowOf', () => {
  const nodes = [
    step('a', 0, 0),
    step('b', 300, 0),
    step('c', 5000, 0),
    step('d', 6000, 0),
    step('e', 9000, 0),
    step('f', 9500, 4000),
  ];

  it('keeps the steps in the area, the arrows crossing it, and the steps at their ends, in map order', () => {
    const edges = [
      arrow('ab', 'a', 'b'),
      arrow('ac', 'a', 'c'), // leaves the area: c comes along
      arrow('cd', 'c', 'd'), // far away
      arrow('ax', 'a', 'missing'), // React Flow decides
    ];
    const near = windowOf(nodes, edges, VIEW, NONE, NONE);
    expect(ids(near.nodes)).toEqual(['a', 'b', 'c']);
    expect(ids(near.edges)).toEqual(['ab', 'ac', 'ax']);
  });

  it('keeps an arrow that only passes through the area, with both its steps', () => {
    const edges = [arrow('ce', 'c', 'e'), arrow('ef', 'e', 'f')];
    const near = windowOf(nodes, edges, { x: 6500, y: -100, width: 500, height: 300 }, NONE, NONE);
    expect(ids(near.edges)).toEqual(['ce']);
    expect(ids(near.nodes)).toEqual(['c', 'e']);
  });

  it('keeps selected steps and arrows however far away, and the steps of a selected arrow', () => {
    const edges = [arrow('ab', 'a', 'b'), arrow('ef', 'e', 'f')];
    const near = windowOf(nodes, edges, VIEW, new Set(['d']), new Set(['ef']));
    expect(ids(near.nodes)).toEqual(['a', 'b', 'd', 'e', 'f']);
    expect(ids(near.edges)).toEqual(['ab', 'ef']);
  });

  it('gives back the previous lists when they hold the same items, new ones otherwise', () => {
    const edges = [arrow('ab', 'a', 'b'), arrow('cd', 'c', 'd')];
    const first = windowOf(nodes, edges, VIEW, NONE, NONE);
    const again = windowOf(nodes, edges, { ...VIEW, x: 10 }, NONE, NONE, first);
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    const wider = windowOf(nodes, edges, { ...VIEW, width: 7000 }, NONE, NONE, first);
    expect(ids(wider.nodes)).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(wider.edges)).toEqual(['ab', 'cd']);
  });

  it('follows steps that moved, with the same ids (a Tidy up), and steps that grew', () => {
    const edges = [arrow('ab', 'a', 'b')];
    expect(ids(windowOf(nodes, edges, VIEW, NONE, NONE).nodes)).toEqual(['a', 'b']);
    const moved = nodes.map((n) => (n.id === 'e' ? { ...n, position: { x: 200, y: 100 } } : n));
    expect(ids(windowOf(moved, edges, VIEW, NONE, NONE).nodes)).toEqual(['a', 'b', 'e']);
    // A step left of the area, made wider so it reaches into it.
    const left = [...moved, step('g', -200, 0)];
    const base = stepSize(left.at(-1) as MapNode).width;
    const area = { x: -200 + base + 5, y: 0, width: 10, height: 10 };
    expect(ids(windowOf(left, edges, area, NONE, NONE).nodes)).toEqual([]);
    const grown = left.map((n) =>
      n.id === 'g' ? { ...n, size: { width: base + 40, height: 60 } } : n,
    );
    expect(stepSize(grown.at(-1) as MapNode).width).toBeGreaterThan(base + 15);
    expect(ids(windowOf(grown, edges, area, NONE, NONE).nodes)).toEqual(['g']);
  });

  it('property: every step and arrow React Flow would draw in any view the cover still covers is kept, with both ends of each arrow', () => {
    const coord = fc.integer({ min: -3000, max: 3000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coord, coord), { minLength: 2, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 80 }),
        fc.record({
          x: coord,
          y: coord,
          width: fc.integer({ min: 50, max: 3000 }),
          height: fc.integer({ min: 50, max: 3000 }),
        }),
        fc.record({
          dx: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
          dy: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
          zoom: fc.double({ min: 0.2, max: 1.5, noNaN: true }),
        }),
        (points, pairs, view, move) => {
          const steps = points.map(([x, y], i) => step(`n${i}`, x, y));
          const edges = pairs.map(([s, t], i) =>
            arrow(`e${i}`, `n${s % steps.length}`, `n${t % steps.length}`),
          );
          const cover = coverFor(view);
          const near = windowOf(steps, edges, cover, NONE, NONE);
          const keptSteps = new Set(ids(near.nodes));
          const keptEdges = new Set(ids(near.edges));
          for (const edge of near.edges) {
            expect(keptSteps.has(edge.source) && keptSteps.has(edge.target)).toBe(true);
          }
          // A later view: moved and zoomed; the window is only kept while stillCovers says so.
          const later = {
            x: view.x + move.dx * view.width,
            y: view.y + move.dy * view.height,
            width: view.width / move.zoom,
            height: view.height / move.zoom,
          };
          const byId = new Map(steps.map((s) => [s.id, s]));
          for (const shown of stillCovers(cover, later) ? [view, later] : [view]) {
            for (const s of steps)
              if (overlaps(boxOf(s), shown)) expect(keptSteps.has(s.id)).toBe(true);
            for (const edge of edges) {
              const a = byId.get(edge.source) as MapNode;
              const b = byId.get(edge.target) as MapNode;
              if (reactFlowDraws(a, b, shown)) expect(keptEdges.has(edge.id)).toBe(true);
            }
          }
        },
      ),
    );
  });
});
