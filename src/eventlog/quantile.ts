/**
 * The q-quantile (0..1) of numbers already sorted ascending, interpolated between the two
 * nearest; NaN for none.
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const at = (n - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Median and 90th percentile of a list of numbers (sorted in place when a typed array). */
export function summarize(values: number[] | Float64Array): { median: number; p90: number } {
  const sorted = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  return { median: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
}

/** A growable list of numbers per key, for durations gathered in one pass. */
export function createSamples(keys: number) {
  const lists: number[][] = Array.from({ length: keys }, () => []);
  return {
    add(key: number, value: number) {
      lists[key]!.push(value);
    },
    of(key: number): number[] {
      return lists[key]!;
    },
  };
}
