/**
 * A non-negative finite number, else the fallback.
 * @example finite(-1, 5) // 5
 */
export function finite(x: number | undefined, fallback = 0): number {
  return x !== undefined && Number.isFinite(x) && x >= 0 ? x : fallback;
}
