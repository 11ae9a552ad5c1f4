import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaFor,
  CONTENT_PAD_PX,
  covers,
  EDGE_SLACK,
  MARGIN,
  needsFresh,
  nextArea,
  placement,
  STEADY_MS,
  sameArea,
  sheetFor,
  shownMapRect,
  type ViewBox,
  ZOOM_FACTOR,
} from './bitmapPlan';

const view: ViewBox = { x: 100, y: -50, zoom: 0.1, width: 800, height: 600 };

/** Where a map point lands on screen in a view, and on a bitmap drawn for an area. */
const onScreen = (v: ViewBox, px: number, py: number) => [px * v.zoom + v.x, py * v.zoom + v.y];

describe('areaFor', () => {
  it('is the view with half of it added on each side, at the same zoom', () => {
    expect(areaFor(view)).toEqual({ x: 500, y: 250, zoom: 0.1, width: 1600, height: 1200 });
    expect(MARGIN).toBe(0.5);
  });

  it('puts every map point half a view further in than the view does', () => {
    const area = areaFor(view);
    const [sx, sy] = onScreen(view, 1234, -567);
    const [bx, by] = onScreen(area, 1234, -567);
    expect(bx! - sx!).toBe(400);
    expect(by! - sy!).toBe(300);
  });
});

describe('areaFor, cut to the map', () => {
  // At zoom 0.1 the view shows map x -1000–7000, y 500–6500; the map is 2000 × 1000 in it.
  const content = { x0: 1000, y0: 2000, x1: 3000, y1: 3000 };

  it("stops at the map's content, padded, where that ends before the margin", () => {
    const area = areaFor(view, MARGIN, content);
    // On the view the content spans x 200–400, y 150–250: padded, 184–416 and 134–266.
    expect(placement(area, view)).toEqual({ x: 184, y: 134, width: 232, height: 132 });
    // Every map point lands where the uncut bitmap puts it, moved by the cut.
    const [cx, cy] = onScreen(area, 1500, 2500);
    const [fx, fy] = onScreen(areaFor(view), 1500, 2500);
    expect([fx! - cx!, fy! - cy!]).toEqual([400 + 184, 300 + 134]);
  });

  it('is the whole margin for a map bigger than it, and a pixel for a map out of it', () => {
    const huge = { x0: -1e6, y0: -1e6, x1: 1e6, y1: 1e6 };
    expect(areaFor(view, MARGIN, huge)).toEqual(areaFor(view));
    const away = areaFor(view, MARGIN, { x0: 1e6, y0: 1e6, x1: 1e6 + 10, y1: 1e6 + 10 });
    expect([away.width, away.height]).toEqual([1, 1]);
  });

  it('a bitmap of the whole map needs no fresh one for any pan at its zoom', () => {
    const area = areaFor(view, MARGIN, content);
    for (const [dx, dy] of [
      [0, 0],
      [390, -280],
      [-2000, 900],
      [5000, 5000],
    ]) {
      expect(needsFresh(area, { ...view, x: view.x + dx!, y: view.y + dy! }, 0, content)).toBe(
        false,
      );
    }
    // Without the content's bounds the pan far off would ask for one.
    expect(needsFresh(area, { ...view, x: view.x - 2000 }, 0)).toBe(true);
  });

  it('never leaves a part of the map in view undrawn: when no fresh bitmap is asked for, the bitmap holds all of it', () => {
    const rect = fc
      .tuple(
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
      )
      .map(([x, y, w, h]) => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
    fc.assert(
      fc.property(
        rect,
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -3000, max: 3000, noNaN: true }),
        fc.double({ min: -3000, max: 3000, noNaN: true }),
        (content, x, y, dx, dy) => {
          const drawnFor = { ...view, x, y };
          const area = areaFor(drawnFor, MARGIN, content);
          const now = { ...drawnFor, x: x + dx, y: y + dy };
          if (needsFresh(area, now, 0, content)) return;
          // The content in view, padded as drawn, lies on the bitmap (to a pixel).
          const p = placement(area, now);
          const left = Math.max(0, content.x0 * now.zoom + now.x - CONTENT_PAD_PX);
          const top = Math.max(0, content.y0 * now.zoom + now.y - CONTENT_PAD_PX);
          const right = Math.min(now.width, content.x1 * now.zoom + now.x + CONTENT_PAD_PX);
          const bottom = Math.min(now.height, content.y1 * now.zoom + now.y + CONTENT_PAD_PX);
          if (left >= right || top >= bottom) return;
          expect(p.x).toBeLessThanOrEqual(left + 1);
          expect(p.y).toBeLessThanOrEqual(top + 1);
          expect(p.x + p.width).toBeGreaterThanOrEqual(right - 1);
          expect(p.y + p.height).toBeGreaterThanOrEqual(bottom - 1);
        },
      ),
    );
  });
});

describe('sheetFor', () => {
  it('is the view with its margins in device pixels, whatever the zoom and place of the view', () => {
    expect(sheetFor(view, 1)).toEqual({ width: 1600, height: 1200 });
    expect(sheetFor({ ...view, x: -9999, y: 4321, zoom: 0.013 }, 1)).toEqual({
      width: 1600,
      height: 1200,
    });
    expect(sheetFor(view, 1.5)).toEqual({ width: 2400, height: 1800 });
  });

  it('holds every area drawn for a view of that size, however the map cuts it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.constantFrom(1, 1.25, 2, 3),
        (x, y, zoom, w, h, ratio) => {
          const now = { ...view, x, y, zoom };
          const area = areaFor(now, MARGIN, { x0: 0, y0: 0, x1: w, y1: h });
          const sheet = sheetFor(now, ratio);
          expect(sheet).toEqual(sheetFor(view, ratio));
          expect(Math.round(area.width * ratio)).toBeLessThanOrEqual(sheet.width);
          expect(Math.round(area.height * ratio)).toBeLessThanOrEqual(sheet.height);
        },
      ),
    );
  });
});

describe('placement', () => {
  it('is the margin out from the view for the view it was drawn for', () => {
    expect(placement(areaFor(view), view)).toEqual({ x: -400, y: -300, width: 1600, height: 1200 });
  });

  it('lands every map point of the bitmap where the current view puts it (pan and zoom)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: 0.01, max: 0.35, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        (x, y, zoom, px, py) => {
          const area = areaFor(view);
          const now = { ...view, x, y, zoom };
          const p = placement(area, now);
          // The point's pixel on the bitmap, scaled and moved by the placement ...
          const [bx, by] = onScreen(area, px, py);
          const scale = p.width / area.width;
          // ... is where the current view draws it.
          const [sx, sy] = onScreen(now, px, py);
          expect(p.x + bx! * scale).toBeCloseTo(sx!, 6);
          expect(p.y + by! * scale).toBeCloseTo(sy!, 6);
        },
      ),
    );
  });
});

describe('covers and needsFresh', () => {
  const area = areaFor(view);

  it('a pan within the margin is covered; one past it is not', () => {
    expect(covers(area, { ...view, x: view.x + 399 })).toBe(true);
    expect(covers(area, { ...view, x: view.x - 400, y: view.y + 300 })).toBe(true);
    expect(covers(area, { ...view, x: view.x + 401 })).toBe(false);
    expect(covers(area, { ...view, y: view.y - 301 })).toBe(false);
  });

  it('asks for a fresh bitmap ahead of the edge, not during a small pan', () => {
    expect(needsFresh(area, { ...view, x: view.x + 100 }, 0)).toBe(false);
    const near = 400 - EDGE_SLACK * view.width + 1;
    expect(needsFresh(area, { ...view, x: view.x + near }, 0)).toBe(true);
    expect(needsFresh(area, { ...view, y: view.y - 300 }, 0)).toBe(true);
  });

  it('asks for a fresh bitmap when the zoom moved more than the factor, or moved and stayed', () => {
    // Zooming about the view's centre, as the wheel does there.
    const zoomed = (factor: number): ViewBox => {
      const cx = view.width / 2;
      const cy = view.height / 2;
      return {
        ...view,
        zoom: view.zoom * factor,
        x: cx - (cx - view.x) * factor,
        y: cy - (cy - view.y) * factor,
      };
    };
    expect(needsFresh(area, zoomed(1.1), 0)).toBe(false);
    expect(needsFresh(area, zoomed(1 / 1.1), 0)).toBe(false);
    expect(needsFresh(area, zoomed(ZOOM_FACTOR * 1.01), 0)).toBe(true);
    expect(needsFresh(area, zoomed(1 / (ZOOM_FACTOR * 1.01)), 0)).toBe(true);
    // While the wheel turns, a drawing blown up or shrunk 1.55 times will do; 1.65 will not.
    // (Shrunk, a drawing of the whole map: one of a part would no longer cover the view.)
    expect(needsFresh(area, zoomed(1.55), 0)).toBe(false);
    expect(needsFresh(area, zoomed(1.65), 0)).toBe(true);
    const content = { x0: 0, y0: 1000, x1: 6000, y1: 6000 }; // all in view
    const whole = areaFor(view, MARGIN, content);
    expect(needsFresh(whole, zoomed(1 / 1.55), 0, content)).toBe(false);
    expect(needsFresh(whole, zoomed(1 / 1.65), 0, content)).toBe(true);
    expect(needsFresh(area, zoomed(1.1), STEADY_MS)).toBe(true);
    expect(needsFresh(area, view, STEADY_MS * 10)).toBe(false);
  });

  it('a bitmap still covers the view when zoomed out to the factor about the centre', () => {
    const cx = view.width / 2;
    const f = 1 / ZOOM_FACTOR;
    const out = {
      ...view,
      zoom: view.zoom * f,
      x: cx - (cx - view.x) * f,
      y: 300 - (300 - view.y) * f,
    };
    expect(covers(area, out)).toBe(true);
  });
});

describe('shownMapRect', () => {
  it('is the view in map units while the bitmap covers it', () => {
    expect(shownMapRect(areaFor(view), view)).toEqual({ x0: -1000, y0: 500, x1: 7000, y1: 6500 });
  });

  it('is the part on the bitmap after a pan past it, and null once they do not meet', () => {
    const area = areaFor(view);
    const panned = { ...view, x: view.x - 1000 };
    const rect = shownMapRect(area, panned);
    // The bitmap reaches 800 + 400 CSS px right of the view's left, 12,000 map units at 0.1.
    expect(rect).toEqual({ x0: 9000, y0: 500, x1: 11_000, y1: 6500 });
    expect(shownMapRect(area, { ...view, x: view.x - 5000 })).toBeNull();
  });
});

describe('nextArea', () => {
  const content = { x0: 1000, y0: 2000, x1: 3000, y1: 3000 };

  it('with nothing drawn, the view with its margin, cut to the map', () => {
    expect(nextArea(null, view, 0, content, null)).toEqual(areaFor(view, MARGIN, content));
  });

  it('nothing while what is drawn will do, a fresh area once the view needs it', () => {
    const drawn = areaFor(view, MARGIN, content);
    expect(nextArea(drawn, view, 0, content, null)).toBeNull();
    const zoomed = { ...view, zoom: view.zoom * ZOOM_FACTOR * 1.1 };
    expect(nextArea(drawn, zoomed, 0, content, null)).toEqual(areaFor(zoomed, MARGIN, content));
  });

  it('while an animation heads somewhere, where it heads, once, whatever the view on its way', () => {
    const fitted: ViewBox = { x: 300, y: 200, zoom: 0.02, width: 800, height: 600 };
    const aim = areaFor(fitted, MARGIN, content);
    const onTheWay = { ...view, zoom: 0.5 };
    expect(nextArea(null, onTheWay, 0, content, aim)).toEqual(aim);
    expect(nextArea(areaFor(onTheWay, MARGIN, content), onTheWay, 0, content, aim)).toEqual(aim);
    expect(nextArea({ ...aim }, onTheWay, 0, content, aim)).toBeNull();
    expect(nextArea({ ...aim }, onTheWay, STEADY_MS * 10, content, aim)).toBeNull();
  });

  it('sameArea compares every field', () => {
    const a = areaFor(view);
    expect(sameArea(a, { ...a })).toBe(true);
    for (const k of ['x', 'y', 'zoom', 'width', 'height'] as const) {
      expect(sameArea(a, { ...a, [k]: a[k] + 1 })).toBe(false);
    }
  });
});
