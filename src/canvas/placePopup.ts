export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 12;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to put a pop-up of `size` beside `anchor` (all in screen pixels, inside `bounds`):
 * right, left, below or above it, the first place that covers none of `others`, or else
 * the one that covers the least of them. Never over the anchor itself.
 * @example placePopup({ x: 0, y: 0, width: 100, height: 50 }, { width: 240, height: 80 }, [], bounds) // { x: 112, y: 0 }
 */
export function placePopup(
  anchor: Rect,
  size: { width: number; height: number },
  others: readonly Rect[],
  bounds: Rect,
): { x: number; y: number } {
  const clampY = (y: number) =>
    Math.max(bounds.y, Math.min(y, bounds.y + bounds.height - size.height));
  const clampX = (x: number) =>
    Math.max(bounds.x, Math.min(x, bounds.x + bounds.width - size.width));
  const candidates = [
    { x: anchor.x + anchor.width + GAP, y: clampY(anchor.y) },
    { x: anchor.x - GAP - size.width, y: clampY(anchor.y) },
    { x: clampX(anchor.x + anchor.width / 2 - size.width / 2), y: anchor.y + anchor.height + GAP },
    { x: clampX(anchor.x + anchor.width / 2 - size.width / 2), y: anchor.y - GAP - size.height },
  ];
  let best = candidates[0] as { x: number; y: number };
  let bestCost = Number.POSITIVE_INFINITY;
  for (const place of candidates) {
    const rect = { ...place, ...size };
    // Off the canvas counts as badly as covering a step of that size.
    const outside = size.width * size.height - overlap(rect, bounds);
    let cost = outside;
    for (const other of others) cost += overlap(rect, other);
    if (cost === 0) return place;
    if (cost < bestCost) {
      best = place;
      bestCost = cost;
    }
  }
  return best;
}
