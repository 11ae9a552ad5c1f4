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
