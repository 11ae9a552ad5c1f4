import { describe, expect, it } from 'vitest';
import { overviewFrame, viewRect } from './overviewFrame';

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
