/**
 * Where the simple layer's drawn bitmaps go and when a fresh one is needed. The map is drawn
 * off the main thread onto a bitmap a margin bigger than the view (simpleDraw.worker); each
 * frame the page only moves and scales the latest bitmap to the current view (placement),
 * and asks for a fresh one when the view nears the bitmap's edge or the zoom has moved away
 * from the bitmap's. Where the map's content ends, so does the bitmap: a bitmap holding the
 * whole map (at the zoom that fits it, say) is never drawn again for a pan.
 */

/** A view transform and size: screen = map × zoom + (x, y), in CSS pixels. */
export interface ViewBox {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** A rectangle of the map, in map coordinates: e.g. the bounds of everything drawn on it. */
export interface MapRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** How far past its content's bounds the drawing reaches (outlines, arrowheads, dots), CSS px. */
export const CONTENT_PAD_PX = 16;

/** A bitmap's size in device pixels. */
export interface SheetSize {
  width: number;
  height: number;
}

/**
 * The size, in device pixels, of every bitmap drawn for views of this size: that of the view
 * with its margins, whatever part of it the map fills (see areaFor), so that it stays the
 * same while the view moves. The browser keeps the memory it hands the compositor for a
 * bitmap canvas only while the bitmaps keep one size; each new size had it free the last
 * one's in the GPU process while the page waited (a 67 ms frame, traced), several times a
 * second while the wheel turned.
 * @example sheetFor({ x: 0, y: 0, zoom: 0.1, width: 800, height: 600 }, 2) // { width: 3200, height: 2400 }
 */
export function sheetFor(view: ViewBox, ratio: number): SheetSize {
  const full = areaFor(view, MARGIN);
  return {
    width: Math.max(1, Math.round(full.width * ratio)),
    height: Math.max(1, Math.round(full.height * ratio)),
  };
}

/** Where a bitmap goes on screen, in CSS pixels. */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much bigger than the view a bitmap is drawn, on each side, as a part of the view. */
export const MARGIN = 0.5;
/** A fresh bitmap is asked for once the view comes this close to its edge (part of the view). */
export const EDGE_SLACK = 0.15;
/**
 * While the zoom moves, a fresh bitmap is asked for once it is this factor away from the
 * bitmap's (once it stays put, at any factor: {@link STEADY_MS}). A bitmap blown up 1.6×
 * for a moment looks soft, not wrong, and every drawing competes with the frames for the
 * cores: in each of the bench's fitted wheel gestures on 10,000 steps (in to about 2.3× and
 * out, twice) the worker drew 10 bitmaps at 1.25, 5 at 1.6, and 5 at 2 (measured).
 */
export const ZOOM_FACTOR = 1.6;
/** A zoom that stays put this long gets a sharp bitmap, even a little way from the shown one's. */
export const STEADY_MS = 120;

/** `content` on the screen of `view` (CSS pixels), padded by `pad` ({@link CONTENT_PAD_PX}). */
function contentOnScreen(content: MapRect, view: ViewBox, pad = CONTENT_PAD_PX) {
  return {
    left: content.x0 * view.zoom + view.x - pad,
    top: content.y0 * view.zoom + view.y - pad,
    right: content.x1 * view.zoom + view.x + pad,
    bottom: content.y1 * view.zoom + view.y + pad,
  };
}

/**
 * The area to draw for a view: the view with `margin` of it added on each side, as the view
 * transform of the bitmap's own pixels (its top-left is the view's, moved out by the margin);
 * cut down to the map's `content` where that ends sooner (at least one pixel is left).
 * @example areaFor({ x: 0, y: 0, zoom: 0.1, width: 800, height: 600 }) // { x: 400, y: 300, zoom: 0.1, width: 1600, height: 1200 }
 */
export function areaFor(view: ViewBox, margin = MARGIN, content?: MapRect | null): ViewBox {
  const mx = Math.round(view.width * margin);
  const my = Math.round(view.height * margin);
  const area = {
    x: view.x + mx,
    y: view.y + my,
    zoom: view.zoom,
    width: view.width + 2 * mx,
    height: view.height + 2 * my,
  };
  if (!content) return area;
  // The content on the bitmap, in its pixels, to whole pixels outwards (the map stays put).
  const c = contentOnScreen(content, area);
  const left = Math.max(0, Math.floor(c.left));
  const top = Math.max(0, Math.floor(c.top));
  const right = Math.max(left + 1, Math.min(area.width, Math.ceil(c.right)));
  const bottom = Math.max(top + 1, Math.min(area.height, Math.ceil(c.bottom)));
  return {
    x: area.x - left,
    y: area.y - top,
    zoom: area.zoom,
    width: right - left,
    height: bottom - top,
  };
}

/**
 * Where a bitmap drawn for `area` goes in `view`: moved and scaled so each map point lands
 * where the view puts it.
 * @example placement(areaFor(view), view) // { x: -400, y: -300, width: 1600, height: 1200 }
 */
export function placement(area: ViewBox, view: ViewBox): Placement {
  const scale = view.zoom / area.zoom;
  return {
    x: view.x - scale * area.x,
    y: view.y - scale * area.y,
    width: area.width * scale,
    height: area.height * scale,
  };
}

/**
 * Whether a bitmap drawn for `area` covers the whole view with `slack` of the view to spare
 * on each side (0: just covers it): all of it, or all of it that the map's `content` reaches.
 */
export function covers(area: ViewBox, view: ViewBox, slack = 0, content?: MapRect | null): boolean {
  const p = placement(area, view);
  let left = -slack * view.width;
  let top = -slack * view.height;
  let right = view.width - left;
  let bottom = view.height - top;
  if (content) {
    // A bitmap shrunk to the view shrinks what it drew past the content (outlines, dots) with
    // it: it needs to cover only that much of the pad. (Asking for the whole pad had every
    // wheel zoom out of 7% draw the whole map again.)
    const c = contentOnScreen(content, view, CONTENT_PAD_PX * Math.min(1, view.zoom / area.zoom));
    left = Math.max(left, c.left);
    top = Math.max(top, c.top);
    right = Math.min(right, c.right);
    bottom = Math.min(bottom, c.bottom);
    if (left >= right || top >= bottom) return true; // no content there: nothing to cover
  }
  // A hair of tolerance: moving and scaling in floating point is not exact, nor are the
  // content's edges rounded to whole pixels.
  const e = content ? 1 : 1e-6;
  return (
    p.x <= left + e && p.y <= top + e && p.x + p.width >= right - e && p.y + p.height >= bottom - e
  );
}

/**
 * Whether to ask for a fresh bitmap of the view, given the one drawn for `area`: the view
 * is near its edge (within {@link EDGE_SLACK}) where the map has `content`, or the zoom is
 * more than {@link ZOOM_FACTOR} away from its, or the zoom differs at all and has stayed put
 * for {@link STEADY_MS} (`steadyMs`: how long since it last changed).
 * @example needsFresh(area, view, 0) // false while a pan stays well inside the margin
 */
export function needsFresh(
  area: ViewBox,
  view: ViewBox,
  steadyMs: number,
  content?: MapRect | null,
): boolean {
  if (area.width <= 0 || area.height <= 0) return true;
  const scale = view.zoom / area.zoom;
  if (scale > ZOOM_FACTOR || scale < 1 / ZOOM_FACTOR) return true;
  if (scale !== 1 && steadyMs >= STEADY_MS) return true;
  return !covers(area, view, EDGE_SLACK, content);
}

/**
 * The part of the map (map coordinates) both in view and on a bitmap drawn for `area`: what
 * the screen shows of that bitmap. Null when they do not meet.
 */
export function shownMapRect(
  area: ViewBox,
  view: ViewBox,
): { x0: number; y0: number; x1: number; y1: number } | null {
  const x0 = Math.max(-view.x / view.zoom, -area.x / area.zoom);
  const y0 = Math.max(-view.y / view.zoom, -area.y / area.zoom);
  const x1 = Math.min((view.width - view.x) / view.zoom, (area.width - area.x) / area.zoom);
  const y1 = Math.min((view.height - view.y) / view.zoom, (area.height - area.y) / area.zoom);
  return x0 <= x1 && y0 <= y1 ? { x0, y0, x1, y1 } : null;
}

/** Whether two areas (or views) are the same, to the pixel and the zoom. */
export function sameArea(a: ViewBox, b: ViewBox): boolean {
  return (
    a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height
  );
}

/**
 * The area to draw next, or null when what is shown (drawn for `shown`; null if nothing is,
 * or it is out of date) will do. While an animation heads for a view whose area is `aim`,
 * that area, drawn once, so it is there when the view arrives; else a fresh area of the view
 * when needsFresh.
 * @example nextArea(null, view, 0, bounds, null) // areaFor(view, MARGIN, bounds)
 */
export function nextArea(
  shown: ViewBox | null,
  view: ViewBox,
  steadyMs: number,
  content: MapRect | null,
  aim: ViewBox | null,
): ViewBox | null {
  if (aim) return shown && sameArea(shown, aim) ? null : aim;
  if (shown && !needsFresh(shown, view, steadyMs, content)) return null;
  return areaFor(view, MARGIN, content);
}
