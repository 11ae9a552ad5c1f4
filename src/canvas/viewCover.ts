import type { ViewRect } from './planMount';

/** How far past the view, in views, the part of a big map handed to React Flow reaches. */
export const COVER_MARGIN = 0.5;
/** A view this close (in views) to the covered area's border asks for a new area. */
export const COVER_LEAD = 0.1;

/**
 * The area whose steps and arrows are handed to React Flow for `view`: the view and half a
 * view more on each side, so a pan goes a while before the area has to be worked out again.
 * @example coverFor({ x: 0, y: 0, width: 100, height: 50 }) // { x: -50, y: -25, width: 200, height: 100 }
 */
export function coverFor(view: ViewRect, margin = COVER_MARGIN): ViewRect {
  return {
    x: view.x - view.width * margin,
    y: view.y - view.height * margin,
    width: view.width * (1 + 2 * margin),
    height: view.height * (1 + 2 * margin),
  };
}

/**
 * Whether what is near `cover` still does for `view`: the view is inside it, at least
 * {@link COVER_LEAD} of a view from its border, and not so far zoomed in that most of it is
 * far out of view (the cover more than 4 views wide).
 */
export function stillCovers(cover: ViewRect, view: ViewRect): boolean {
  const lx = view.width * COVER_LEAD;
  const ly = view.height * COVER_LEAD;
  return (
    view.x - lx >= cover.x &&
    view.y - ly >= cover.y &&
    view.x + view.width + lx <= cover.x + cover.width &&
    view.y + view.height + ly <= cover.y + cover.height &&
    cover.width <= view.width * 4 &&
    cover.height <= view.height * 4
  );
}
