import { describe, expect, it } from 'vitest';
import { placePopup, type Rect } from './placePopup';

const bounds = { x: 0, y: 0, width: 1000, height: 700 };
const step = { x: 400, y: 300, width: 170, height: 60 };
const size = { width: 240, height: 90 };

describe('placePopup', () => {
  it('goes to the right of the step when nothing is there', () => {
    expect(placePopup(step, size, [], bounds)).toEqual({ x: 582, y: 300 });
  });

  it('goes left, then below, then above when the places before cover a step', () => {
    const right = { x: 600, y: 300, width: 170, height: 60 };
    expect(placePopup(step, size, [right], bounds)).toEqual({ x: 148, y: 300 });
    const left = { x: 200, y: 300, width: 170, height: 60 };
    expect(placePopup(step, size, [right, left], bounds)).toEqual({ x: 365, y: 372 });
    const below = { x: 400, y: 400, width: 170, height: 60 };
    expect(placePopup(step, size, [right, left, below], bounds)).toEqual({ x: 365, y: 198 });
  });

  it('stays on the canvas: a step at the right edge gets its pop-up on the left', () => {
    const edge = { x: 900, y: 300, width: 90, height: 40 };
    expect(placePopup(edge, size, [], bounds)).toEqual({ x: 648, y: 300 });
  });

  it('covers as little as it can when every side is taken', () => {
    const around = [
      { x: 600, y: 300, width: 240, height: 90 },
      { x: 150, y: 300, width: 240, height: 90 },
      { x: 350, y: 370, width: 270, height: 20 },
      { x: 350, y: 200, width: 270, height: 90 },
    ];
    // It covers no more than below (a thin strip), the least of the four plain sides.
    const covered = (place: { x: number; y: number }) =>
      around.reduce((sum, r) => {
        const w = Math.min(place.x + size.width, r.x + r.width) - Math.max(place.x, r.x);
        const h = Math.min(place.y + size.height, r.y + r.height) - Math.max(place.y, r.y);
        return sum + (w > 0 && h > 0 ? w * h : 0);
      }, 0);
    const place = placePopup(step, size, around, bounds);
    expect(covered(place)).toBeLessThanOrEqual(covered({ x: 365, y: 372 }));
    expect(place.x).toBeGreaterThanOrEqual(0);
    expect(place.x + size.width).toBeLessThanOrEqual(bounds.width);
  });
});

describe('placePopup when every plain side is taken', () => {
  // The example map at 1024x700: 'Paid?' between 'Check payment' (above), 'Send reminder'
  // (right), 'Pack order' (below) and the canvas edge (left).
  const canvas = { x: 0, y: 0, width: 636, height: 664 };
  const paid = { x: 103, y: 283, width: 130, height: 100 };
  const around = [
    { x: 83, y: 173, width: 170, height: 60 },
    { x: 353, y: 293, width: 170, height: 60 },
    { x: 83, y: 423, width: 170, height: 60 },
    { x: 93, y: 63, width: 150, height: 48 },
  ];
  const popup = { width: 240, height: 86 };
  const overlaps = (a: Rect, b: Rect) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('slides along a side to a place that covers no step, still beside the step', () => {
    const place = placePopup(paid, popup, around, canvas);
    const rect = { ...place, ...popup };
    for (const other of [...around, paid]) expect(overlaps(rect, other)).toBe(false);
    expect(rect.x + rect.width).toBeLessThanOrEqual(canvas.width);
    // Beside it: within a gap of the step on some side.
    const gapX = Math.max(rect.x - (paid.x + paid.width), paid.x - (rect.x + rect.width));
    const gapY = Math.max(rect.y - (paid.y + paid.height), paid.y - (rect.y + rect.height));
    expect(Math.max(gapX, gapY)).toBeLessThanOrEqual(60);
  });
});
