import { describe, expect, it } from 'vitest';
import type { ViewRect } from './planMount';
import { COVER_LEAD, coverFor, stillCovers } from './viewCover';

const VIEW: ViewRect = { x: 0, y: 0, width: 1000, height: 500 };

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
