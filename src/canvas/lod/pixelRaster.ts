/**
 * Drawing straight into a canvas's pixels, for the simple layer far out (drawSimpleMap below
 * its tiny zoom): thousands of boxes a few pixels wide and arrows a few pixels long cost a
 * canvas call each, and the calls cost far more than the pixels. A box is filled to whole
 * pixels, a line is one pixel wide, each in one colour and clipped to the image.
 */

/** An image's pixels as 32-bit words (RGBA bytes in memory order), with its size. */
export interface Raster {
  pixels: Uint32Array;
  width: number;
  height: number;
}

/**
 * A colour's 32-bit word in a Raster (bytes R, G, B, A in memory on a little-endian
 * machine, as ImageData holds them).
 * @example packRgba(255, 0, 0, 255) // 0xff0000ff: opaque red
 */
export function packRgba(r: number, g: number, b: number, a: number): number {
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/**
 * Fills the whole pixels of a box (device pixels, edges rounded to the nearest pixel line,
 * at least one pixel each way) with `color`.
 * @example fillBox(raster, 10.4, 3.6, 4, 2, packRgba(0, 0, 0, 255)) // pixels x 10–13, y 4–5
 */
export function fillBox(
  raster: Raster,
  x: number,
  y: number,
  width: number,
  height: number,
  color: number,
): void {
  const { pixels, width: w, height: h } = raster;
  const left = Math.round(x);
  const top = Math.round(y);
  const right = Math.min(w, Math.max(left + 1, Math.round(x + width)));
  const bottom = Math.min(h, Math.max(top + 1, Math.round(y + height)));
  const from = Math.max(0, left);
  if (from >= right) return;
  for (let row = Math.max(0, top); row < bottom; row++) {
    pixels.fill(color, row * w + from, row * w + right);
  }
}

/** The clipped segment's ends, written by clipSegment (no array per line). */
const clipped = new Float64Array(4);

/**
 * Cuts the segment from (x0, y0) to (x1, y1) to the box from (-1, -1) to (w, h)
 * (Liang–Barsky) into `clipped`; false when none of it is in the box.
 */
function clipSegment(x0: number, y0: number, x1: number, y1: number, w: number, h: number) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  // Each edge: p, the direction across it; q, how far inside it the start is.
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q = edge === 0 ? x0 + 1 : edge === 1 ? w - x0 : edge === 2 ? y0 + 1 : h - y0;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  clipped[0] = x0 + t0 * dx;
  clipped[1] = y0 + t0 * dy;
  clipped[2] = x0 + t1 * dx;
  clipped[3] = y0 + t1 * dy;
  return true;
}

/**
 * Draws a one-pixel line from (x0, y0) to (x1, y1) (device pixels): one pixel per column
 * (or per row, for a steep line) on the exact line, over the part of it on the image only,
 * so a line cut at the image's edge keeps the pixels it has uncut.
 * @example drawLine(raster, 0, 0, 9, 3, packRgba(0, 0, 0, 255)) // 10 pixels
 */
export function drawLine(
  raster: Raster,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: number,
): void {
  const { pixels, width: w, height: h } = raster;
  if (!clipSegment(x0, y0, x1, y1, w, h)) return;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const steep = Math.abs(dy) > Math.abs(dx);
  // Along the major axis, pixel by pixel; the other coordinate from the line itself.
  const a0 = steep ? clipped[1]! : clipped[0]!;
  const a1 = steep ? clipped[3]! : clipped[2]!;
  const from = Math.round(Math.min(a0, a1));
  const to = Math.round(Math.max(a0, a1));
  const slope = steep ? dx / dy : dy === 0 && dx === 0 ? 0 : dy / dx;
  for (let a = from; a <= to; a++) {
    const b = Math.round(steep ? x0 + (a - y0) * slope : y0 + (a - x0) * slope);
    const x = steep ? b : a;
    const y = steep ? a : b;
    if (x >= 0 && y >= 0 && x < w && y < h) pixels[y * w + x] = color;
  }
}

/**
 * Draws the outline of a box `thickness` pixels wide, inside the box's edges (device pixels,
 * rounded as {@link fillBox}).
 * @example strokeBox(raster, 0, 0, 10, 6, 1, color) // the 10 × 6 box's border pixels
 */
export function strokeBox(
  raster: Raster,
  x: number,
  y: number,
  width: number,
  height: number,
  thickness: number,
  color: number,
): void {
  const t = Math.max(1, Math.round(thickness));
  const left = Math.round(x);
  const top = Math.round(y);
  const right = Math.max(left + 1, Math.round(x + width));
  const bottom = Math.max(top + 1, Math.round(y + height));
  fillBox(raster, left, top, right - left, t, color);
  fillBox(raster, left, bottom - t, right - left, t, color);
  fillBox(raster, left, top, t, bottom - top, color);
  fillBox(raster, right - t, top, t, bottom - top, color);
}

/**
 * Fills the pixels whose centres lie within `radius` of (cx, cy) (device pixels); at least
 * the pixel under the centre.
 * @example fillDisc(raster, 5, 5, 1.5, color) // a plus of 5 pixels and its 4 corners: 9
 */
export function fillDisc(raster: Raster, cx: number, cy: number, radius: number, color: number) {
  const { pixels, width: w, height: h } = raster;
  const r2 = radius * radius;
  const top = Math.max(0, Math.floor(cy - radius));
  const bottom = Math.min(h - 1, Math.ceil(cy + radius));
  let any = false;
  for (let row = top; row <= bottom; row++) {
    const dy = row + 0.5 - cy;
    if (dy * dy > r2) continue;
    const half = Math.sqrt(r2 - dy * dy);
    const from = Math.max(0, Math.ceil(cx - half - 0.5));
    const to = Math.min(w, Math.floor(cx + half - 0.5) + 1);
    if (from < to) {
      pixels.fill(color, row * w + from, row * w + to);
      any = true;
    }
  }
  if (!any) fillBox(raster, Math.floor(cx), Math.floor(cy), 1, 1, color);
}
