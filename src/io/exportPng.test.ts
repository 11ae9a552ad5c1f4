import { describe, expect, it } from 'vitest';
import { fitPixelRatio, MAX_CANVAS_AREA, MAX_CANVAS_SIDE } from './exportPng';

describe('fitPixelRatio: never more than a browser canvas holds', () => {
  it('keeps 2x for ordinary maps', () => {
    expect(fitPixelRatio(1200, 800)).toBe(2);
  });
  it('lowers the ratio for wide, tall and huge maps', () => {
    for (const [w, h] of [
      [20_000, 500],
      [600, 30_000],
      [15_000, 15_000],
      [200_000, 180_000],
    ] as const) {
      const r = fitPixelRatio(w, h);
      expect(r).toBeGreaterThan(0);
      expect(w * r).toBeLessThanOrEqual(MAX_CANVAS_SIDE + 1e-6);
      expect(h * r).toBeLessThanOrEqual(MAX_CANVAS_SIDE + 1e-6);
      expect(w * h * r * r).toBeLessThanOrEqual(MAX_CANVAS_AREA * (1 + 1e-9));
    }
  });
});
