import type { NodeKind } from '../model';

// Shared by the canvas (arrows between step borders) and the SVG export, so both draw alike.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  kind: NodeKind;
}

export type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * Where the line from a box's centre towards a point leaves the box's outline (a diamond
 * for decisions, a rectangle otherwise), and which side that is.
 * @example borderPoint({ x: 0, y: 0, width: 100, height: 50, kind: 'action' }, { x: 50, y: 500 })
 * // { x: 50, y: 50, side: 'bottom' }
 */
export function borderPoint(
  box: Box,
  toward: { x: number; y: number },
): { x: number; y: number; side: Side } {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  const hw = box.width / 2;
  const hh = box.height / 2;
  if (dx === 0 && dy === 0) return { x: cx, y: cy + hh, side: 'bottom' };
  const t =
    box.kind === 'decision'
      ? 1 / (Math.abs(dx) / hw + Math.abs(dy) / hh)
      : Math.min(
          dx === 0 ? Number.POSITIVE_INFINITY : hw / Math.abs(dx),
          dy === 0 ? Number.POSITIVE_INFINITY : hh / Math.abs(dy),
        );
  const side: Side =
    Math.abs(dx) * hh > Math.abs(dy) * hw ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'bottom' : 'top';
  return { x: cx + dx * t, y: cy + dy * t, side };
}
