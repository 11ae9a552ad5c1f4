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

/** How many slides each way along a side are tried when the plain places are taken. */
const SLIDES = 6;

/**
 * Where to put a pop-up of `size` beside `anchor` (all in screen pixels, inside `bounds`):
 * right, left, below or above it, the first place that covers none of `others`; when all
 * four are taken, the same sides slid along the step up to its corners, first 12 px from
 * it, then 36 and 60 px (a crowded map at 1,024 px leaves no room right beside a step);
 * else the place that covers the least of them. Never over the anchor itself.
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
  const centreX = anchor.x + anchor.width / 2 - size.width / 2;
  const candidates = [
    { x: anchor.x + anchor.width + GAP, y: clampY(anchor.y) },
    { x: anchor.x - GAP - size.width, y: clampY(anchor.y) },
    { x: clampX(centreX), y: anchor.y + anchor.height + GAP },
    { x: clampX(centreX), y: anchor.y - GAP - size.height },
  ];
  // Then each side slid along the step, a step at a time, as far as its corner; then the
  // same a little further out.
  for (const gap of [GAP, GAP * 3, GAP * 5]) {
    const right = anchor.x + anchor.width + gap;
    const left = anchor.x - gap - size.width;
    const below = anchor.y + anchor.height + gap;
    const above = anchor.y - gap - size.height;
    for (let k = 1; k <= SLIDES; k++) {
      const up = anchor.y - ((size.height + GAP) * k) / SLIDES;
      const down = anchor.y + ((anchor.height + GAP) * k) / SLIDES;
      const dx = ((anchor.width / 2 + size.width / 2 + GAP) * k) / SLIDES;
      candidates.push(
        { x: right, y: up },
        { x: right, y: down },
        { x: left, y: up },
        { x: left, y: down },
        { x: centreX + dx, y: below },
        { x: centreX - dx, y: below },
        { x: centreX + dx, y: above },
        { x: centreX - dx, y: above },
      );
    }
  }
  let best = candidates[0] as { x: number; y: number };
  let bestCost = Number.POSITIVE_INFINITY;
  for (const place of candidates) {
    const rect = { ...place, ...size };
    // Off the canvas counts as badly as covering a step of that size.
    const outside = size.width * size.height - overlap(rect, bounds);
    let cost = outside;
    for (const other of others) cost += overlap(rect, other);
    if (overlap(rect, anchor) > 0) continue;
    if (cost === 0) return place;
    if (cost < bestCost) {
      best = place;
      bestCost = cost;
    }
  }
  return best;
}
