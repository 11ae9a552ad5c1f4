import { describe, expect, it } from 'vitest';
import { placePopup } from './placePopup';

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
    // Below covers only a thin strip.
    expect(placePopup(step, size, around, bounds)).toEqual({ x: 365, y: 372 });
  });
});
