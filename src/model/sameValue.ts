/**
 * Structural equality of plain data (what a map file holds): the same primitives, arrays
 * with the same items in order, objects with the same keys and values in any key order.
 * A key set to `undefined` counts as missing, as in the map file.
 * @example sameValue({ a: 1, b: [2] }, { b: [2], a: 1 }) // true
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>; // a non-null, non-array object
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  if (kx.length !== keys(y).length) return false;
  for (const k of kx) if (!Object.hasOwn(y, k) || !sameValue(x[k], y[k])) return false;
  return true;
}
