/** A rectangle in map coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the overview map shows: the map area at its top-left corner, and pixels per map unit. */
export interface OverviewFrame {
  x: number;
  y: number;
  scale: number;
}

/**
 * Fits the map's steps and the part of it in view into an overview of `size` pixels,
 * centred, with a margin of `margin` pixels (as React Flow's MiniMap frames it).
 * @example const f = overviewFrame(steps, view, { width: 200, height: 150 }); px = (x - f.x) * f.scale
 */
export function overviewFrame(
  steps: Rect | null,
  view: Rect,
  size: { width: number; height: number },
  margin = 5,
): OverviewFrame {
  const x0 = steps ? Math.min(steps.x, view.x) : view.x;
  const y0 = steps ? Math.min(steps.y, view.y) : view.y;
  const x1 = steps ? Math.max(steps.x + steps.width, view.x + view.width) : view.x + view.width;
  const y1 = steps ? Math.max(steps.y + steps.height, view.y + view.height) : view.y + view.height;
  const innerWidth = Math.max(1, size.width - 2 * margin);
  const innerHeight = Math.max(1, size.height - 2 * margin);
  const scale = Math.min(
    innerWidth / Math.max(1e-9, x1 - x0),
    innerHeight / Math.max(1e-9, y1 - y0),
  );
  return {
    x: (x0 + x1) / 2 - size.width / 2 / scale,
    y: (y0 + y1) / 2 - size.height / 2 / scale,
    scale,
  };
}

/** The part of the map in view, from React Flow's transform and the canvas size. */
export function viewRect(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): Rect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/**
 * How many times smaller, at most, a view's frame shows the steps than the frame they are
 * drawn in: shrunk further, thin steps would flicker in and out of the drawing.
 */
export const MAX_SHRINK = 2;

/**
 * The frame the overview draws the steps in, so that a view that moves or zooms only moves
 * and scales that drawing (a CSS transform: see frameTransform) and draws nothing again: the
 * frame that fits the steps alone, whose scale no view's frame exceeds (so the drawing is
 * never blown up); or, when `frame` shows them more than {@link MAX_SHRINK} times smaller
 * (the view far out, around the map), that frame's scale divided by whole powers of
 * MAX_SHRINK, centred on the steps, so a zoom out draws them again only at each power.
 * @example drawnFrame(steps, overviewFrame(steps, view, size), size) // overviewFrame(steps, steps, size) while the view is inside the map
 */
export function drawnFrame(
  steps: Rect | null,
  frame: OverviewFrame,
  size: { width: number; height: number },
): OverviewFrame {
  if (!steps) return frame;
  const own = overviewFrame(steps, steps, size);
  const shrink = Math.max(0, Math.floor(Math.log(own.scale / frame.scale) / Math.log(MAX_SHRINK)));
  if (shrink === 0) return own;
  const scale = own.scale / MAX_SHRINK ** shrink;
  return {
    x: steps.x + steps.width / 2 - size.width / 2 / scale,
    y: steps.y + steps.height / 2 - size.height / 2 / scale,
    scale,
  };
}

/**
 * The CSS transform (origin at the top-left) that moves a drawing made in frame `drawn` to
 * where `frame` shows what it holds.
 * @example frameTransform(f, f) // 'translate(0px, 0px) scale(1)'
 */
export function frameTransform(drawn: OverviewFrame, frame: OverviewFrame): string {
  const tx = (drawn.x - frame.x) * frame.scale;
  const ty = (drawn.y - frame.y) * frame.scale;
  return `translate(${tx}px, ${ty}px) scale(${frame.scale / drawn.scale})`;
}
