import { LIMITS } from './limits';
import type { Position } from './types';

function clamp(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(LIMITS.maxCoordinate, Math.max(-LIMITS.maxCoordinate, value));
}

/**
 * A position inside the map file's limits (±10,000,000 px; not a number: 0): a step dragged
 * or pasted past them stays at the edge, so the map still opens again from its own export.
 * @example clampPosition({ x: 10_000_040, y: 5 }) // { x: 10_000_000, y: 5 }
 */
export function clampPosition(position: Position): Position {
  const x = clamp(position.x);
  const y = clamp(position.y);
  return x === position.x && y === position.y ? position : { x, y };
}
