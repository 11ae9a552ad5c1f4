import { type Box, borderPoint } from './borderPoint';

/** How far the middle of an arrow bows out when another arrow runs back the other way. */
export const PAIRED_BEND = 36;

export interface BentArrow {
  /** SVG path data: a quadratic curve from the source's border to the target's. */
  d: string;
  /** The middle of the curve, where the label goes. */
  labelX: number;
  labelY: number;
}

/**
 * An arrow between two steps bowed `bend` px to its right (seen along its direction), so
 * that A -> B and B -> A, each bowed to its own right, are drawn apart with their own
 * labels and hit areas instead of on top of each other.
 * @example bentArrow(a, b, PAIRED_BEND).d // 'M 85 60 Q 121 180 85 300'
 */
export function bentArrow(source: Box, target: Box, bend: number): BentArrow {
  const sc = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const dx = tc.x - sc.x;
  const dy = tc.y - sc.y;
  const length = Math.hypot(dx, dy) || 1;
  // The curve's control point: the middle pushed out along the right-hand normal. A
  // quadratic curve's middle lies halfway to it, so push twice the bend.
  const control = {
    x: (sc.x + tc.x) / 2 - (dy / length) * bend * 2,
    y: (sc.y + tc.y) / 2 + (dx / length) * bend * 2,
  };
  const s = borderPoint(source, control);
  const t = borderPoint(target, control);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    d: `M ${r(s.x)} ${r(s.y)} Q ${r(control.x)} ${r(control.y)} ${r(t.x)} ${r(t.y)}`,
    labelX: (s.x + 2 * control.x + t.x) / 4,
    labelY: (s.y + 2 * control.y + t.y) / 4,
  };
}
