/** A histogram of values: equal-width bins from 0 to the largest value. */
export interface Histogram {
  bins: { from: number; to: number; count: number }[];
  max: number;
}

/**
 * Counts values (e.g. case lead times in minutes) into `count` equal bins from 0 to the
 * largest value (at least 1 wide). Empty bins stay in the list.
 * @example histogram([1, 2, 9], 3).bins.map((b) => b.count) // [2, 0, 1]
 */
export function histogram(values: ArrayLike<number>, count = 24): Histogram {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const top = Math.max(1, max);
  const width = top / count;
  const bins = Array.from({ length: count }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < values.length; i++) {
    const v = Math.max(0, values[i]!);
    bins[Math.min(count - 1, Math.floor(v / width))]!.count++;
  }
  return { bins, max: top };
}
