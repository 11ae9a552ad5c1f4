import { describe, expect, it } from 'vitest';
import { FULL_PICTURE_MAX_STEPS, pictureDrawing } from './pictureDrawing';

describe('pictureDrawing', () => {
  it('draws small and mid-sized maps in full', () => {
    expect(pictureDrawing(6, 800, 500)).toBe('full');
    expect(pictureDrawing(FULL_PICTURE_MAX_STEPS, 12_000, 9_000)).toBe('full');
  });

  it('draws plain shapes above the step limit, however small the map', () => {
    expect(pictureDrawing(FULL_PICTURE_MAX_STEPS + 1, 12_000, 9_000)).toBe('simple');
  });

  it('draws plain shapes when the canvas limit would shrink labels below readable', () => {
    // Steps 10 million px apart: scaled to 16,000 px wide, a label is 0.02 px high.
    expect(pictureDrawing(2, 10_000_000, 100)).toBe('simple');
    // 40,000 px wide: scaled to 0.4, labels are still 5 px high.
    expect(pictureDrawing(2, 40_000, 100)).toBe('full');
  });
});
