import { describe, expect, it } from 'vitest';
import { drawnFrame, frameTransform, MAX_SHRINK, overviewFrame, viewRect } from './overviewFrame';

const SIZE = { width: 200, height: 150 };
const toPixels = (f: ReturnType<typeof overviewFrame>, x: number, y: number) => [
  (x - f.x) * f.scale,
  (y - f.y) * f.scale,
];

describe('overviewFrame', () => {
  it('fits the steps and the view inside the overview, centred, with a margin', () => {
    const steps = { x: 0, y: 0, width: 4000, height: 1000 };
    const view = { x: 100, y: 100, width: 800, height: 600 };
    const f = overviewFrame(steps, view, SIZE);
    expect(f.scale).toBeCloseTo(190 / 4000);
    const [left, top] = toPixels(f, 0, 0);
    const [right, bottom] = toPixels(f, 4000, 1000);
    expect(left).toBeCloseTo(5);
    expect(right).toBeCloseTo(195);
    // Centred vertically: as much room above as below.
    expect(top).toBeCloseTo(150 - (bottom as number));
  });

  it('grows to keep the view in the overview when it is beside the steps', () => {
    const steps = { x: 0, y: 0, width: 100, height: 100 };
    const view = { x: 1000, y: 0, width: 100, height: 100 };
    const f = overviewFrame(steps, view, SIZE);
    const [viewRight] = toPixels(f, 1100, 0);
    expect(viewRight).toBeLessThanOrEqual(195 + 1e-9);
    expect(toPixels(f, 0, 0)[0]).toBeGreaterThanOrEqual(5 - 1e-9);
  });

  it('frames the view alone on an empty map', () => {
    const f = overviewFrame(null, { x: -50, y: -50, width: 100, height: 75 }, SIZE);
    expect(f.scale).toBeCloseTo(140 / 75);
  });
});

describe('viewRect', () => {
  it('turns the viewport transform into the map area in view', () => {
    expect(viewRect([-200, 100, 2], 800, 600)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });
});

/** Where the CSS transform frameTransform(drawn, frame) puts a map point drawn in `drawn`. */
function placed(
  drawn: ReturnType<typeof overviewFrame>,
  frame: typeof drawn,
  x: number,
  y: number,
) {
  const match = /translate\((.+)px, (.+)px\) scale\((.+)\)/.exec(frameTransform(drawn, frame));
  if (!match) throw new Error('not a transform');
  const [tx, ty, k] = match.slice(1).map(Number) as [number, number, number];
  const [px = 0, py = 0] = toPixels(drawn, x, y);
  return [px * k + tx, py * k + ty];
}

describe('drawnFrame and frameTransform: the steps drawn once, moved and scaled to each view', () => {
  const steps = { x: 0, y: 0, width: 4000, height: 1000 };
  const own = overviewFrame(steps, steps, SIZE);
  /** A view `times` the steps' size, centred on them (the fitted zoom and further out). */
  const around = (times: number) => ({
    x: 2000 - 2000 * times,
    y: 500 - 500 * times,
    width: 4000 * times,
    height: 1000 * times,
  });

  it("draws in the steps' own frame while the view is inside the map: no transform", () => {
    const frame = overviewFrame(steps, { x: 100, y: 100, width: 800, height: 600 }, SIZE);
    expect(drawnFrame(steps, frame, SIZE)).toEqual(own);
    expect(frameTransform(own, frame)).toBe('translate(0px, 0px) scale(1)');
  });

  it("keeps that drawing while the view grows up to MAX_SHRINK times its frame, and puts every step where the view's frame shows it", () => {
    for (const times of [1.2, 1.5, 1.9]) {
      const frame = overviewFrame(steps, around(times), SIZE);
      expect(drawnFrame(steps, frame, SIZE)).toEqual(own);
      for (const [x, y] of [
        [0, 0],
        [4000, 1000],
        [1234, 567],
      ] as const) {
        const [sx, sy] = placed(own, frame, x, y);
        const [fx = 0, fy = 0] = toPixels(frame, x, y);
        expect(sx).toBeCloseTo(fx, 9);
        expect(sy).toBeCloseTo(fy, 9);
      }
    }
  });

  it('further out, draws again at each power of MAX_SHRINK only, the steps whole and centred, never blown up', () => {
    const at = (times: number) =>
      drawnFrame(steps, overviewFrame(steps, around(times), SIZE), SIZE);
    expect(at(2.5).scale).toBeCloseTo(own.scale / MAX_SHRINK);
    // The same drawing from 2.5 to 3.5 times: a wheel zoom out there draws nothing.
    expect(at(3.5)).toEqual(at(2.5));
    expect(at(5).scale).toBeCloseTo(own.scale / MAX_SHRINK ** 2);
    for (const times of [2.5, 3.5, 5, 40]) {
      const frame = overviewFrame(steps, around(times), SIZE);
      const drawn = at(times);
      const shrink = frame.scale / drawn.scale;
      expect(shrink).toBeLessThanOrEqual(1 + 1e-9);
      expect(shrink).toBeGreaterThan(1 / MAX_SHRINK);
      const [left = 0, top = 0] = toPixels(drawn, 0, 0);
      const [right = 0, bottom = 0] = toPixels(drawn, 4000, 1000);
      expect(left).toBeCloseTo(SIZE.width - right, 9);
      expect(top).toBeCloseTo(SIZE.height - bottom, 9);
      const [sx] = placed(drawn, frame, 4000, 1000);
      expect(sx).toBeCloseTo(toPixels(frame, 4000, 1000)[0] as number, 9);
    }
  });

  it("on an empty map, is the view's frame", () => {
    const frame = overviewFrame(null, { x: -50, y: -50, width: 100, height: 75 }, SIZE);
    expect(drawnFrame(null, frame, SIZE)).toBe(frame);
  });
});
