import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVER_LEAD, coverFor, edgesNearView, stillCovers } from './edgesNearView';
import type { MountEdge, MountNode, ViewRect } from './planMount';

const step = (id: string, x: number, y: number): MountNode => ({
  id,
  position: { x, y },
  width: 100,
  height: 40,
});
const VIEW: ViewRect = { x: 0, y: 0, width: 1000, height: 500 };

/** React Flow's own test (isEdgeVisible): the box around both ends overlaps the view. */
function reactFlowDraws(a: MountNode, b: MountNode, view: ViewRect): boolean {
  const x = Math.min(a.position.x, b.position.x);
  const y = Math.min(a.position.y, b.position.y);
  const x2 = Math.max(a.position.x + (a.width ?? 0), b.position.x + (b.width ?? 0));
  const y2 = Math.max(a.position.y + (a.height ?? 0), b.position.y + (b.height ?? 0));
  const w = Math.min(x2, view.x + view.width) - Math.max(x, view.x);
  const h = Math.min(y2, view.y + view.height) - Math.max(y, view.y);
  return w > 0 && h > 0;
}

describe('coverFor / stillCovers', () => {
  it('covers the view and half a view on each side', () => {
    expect(coverFor(VIEW)).toEqual({ x: -500, y: -250, width: 2000, height: 1000 });
  });

  it('still covers a view moved a little, not one near its border or far zoomed in', () => {
    const cover = coverFor(VIEW);
    expect(stillCovers(cover, VIEW)).toBe(true);
    expect(stillCovers(cover, { ...VIEW, x: 300 })).toBe(true);
    // Within COVER_LEAD of a view of the border.
    expect(stillCovers(cover, { ...VIEW, x: 500 - 1000 * COVER_LEAD + 1 })).toBe(false);
    expect(stillCovers(cover, { ...VIEW, y: -260 })).toBe(false);
    // Zoomed out: the view is bigger than the cover.
    expect(stillCovers(cover, { x: -600, y: -300, width: 2200, height: 1100 })).toBe(false);
    // Zoomed far in: the cover is more than 4 views wide.
    expect(stillCovers(cover, { x: 400, y: 200, width: 400, height: 200 })).toBe(false);
  });
});

describe('edgesNearView', () => {
  it('keeps the edges whose ends box overlaps the area, selected edges, and unknown ends', () => {
    const nodes = [step('a', 0, 0), step('b', 300, 0), step('c', 5000, 0), step('d', 6000, 0)];
    const edges: (MountEdge & { selected?: boolean })[] = [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'ac', source: 'a', target: 'c' }, // passes through the view
      { id: 'cd', source: 'c', target: 'd' }, // far away
      { id: 'cd2', source: 'c', target: 'd', selected: true },
      { id: 'ax', source: 'a', target: 'missing' },
    ];
    const near = edgesNearView(edges, nodes, VIEW);
    expect(near.map((e) => e.id)).toEqual(['ab', 'ac', 'cd2', 'ax']);
  });

  it('returns the previous list when it holds the same edges, a new one otherwise', () => {
    const nodes = [step('a', 0, 0), step('b', 300, 0), step('c', 5000, 0), step('d', 6000, 0)];
    const edges = [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'cd', source: 'c', target: 'd' },
    ];
    const first = edgesNearView(edges, nodes, VIEW);
    expect(first.map((e) => e.id)).toEqual(['ab']);
    expect(edgesNearView(edges, nodes, { ...VIEW, x: 10 }, first)).toBe(first);
    const moved = [step('a', 0, 0), step('b', 300, 0), step('c', 5000, 0), step('d', 6000, 0)];
    expect(edgesNearView(edges, moved, VIEW, first)).toBe(first);
    const wider = edgesNearView(edges, nodes, { ...VIEW, width: 6000 }, first);
    expect(wider).not.toBe(first);
    expect(wider.map((e) => e.id)).toEqual(['ab', 'cd']);
  });

  it('property: every edge React Flow would draw in any view the cover still covers is handed over', () => {
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
          const nodes = points.map(([x, y], i) => step(`n${i}`, x, y));
          const edges = pairs.map(([s, t], i) => ({
            id: `e${i}`,
            source: `n${s % nodes.length}`,
            target: `n${t % nodes.length}`,
          }));
          const cover = coverFor(view);
          const near = new Set(edgesNearView(edges, nodes, cover).map((e) => e.id));
          // A later view: moved and zoomed; the list is only kept while stillCovers says so.
          const later = {
            x: view.x + move.dx * view.width,
            y: view.y + move.dy * view.height,
            width: view.width / move.zoom,
            height: view.height / move.zoom,
          };
          for (const shown of stillCovers(cover, later) ? [view, later] : [view]) {
            for (const edge of edges) {
              const a = nodes.find((n) => n.id === edge.source) as MountNode;
              const b = nodes.find((n) => n.id === edge.target) as MountNode;
              if (reactFlowDraws(a, b, shown)) expect(near.has(edge.id)).toBe(true);
            }
          }
        },
      ),
    );
  });
});
