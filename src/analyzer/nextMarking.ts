/**
 * The marking after a move in the token game: `m` (a sorted list of the arrows that hold a
 * token, one entry per token) without the tokens at positions `drop` (ascending), with a
 * token added on each arrow of `add`; sorted again.
 * @example nextMarking(Int32Array.of(2, 5), [0], [7]) // Int32Array [5, 7]
 */
export function nextMarking(
  m: Int32Array,
  drop: readonly number[],
  add: ArrayLike<number>,
): Int32Array {
  const next = new Int32Array(m.length - drop.length + add.length);
  let w = 0;
  for (let p = 0, d = 0; p < m.length; p++) {
    if (d < drop.length && drop[d] === p) {
      d++;
      continue;
    }
    next[w++] = m[p]!;
  }
  for (let a = 0; a < add.length; a++) next[w++] = add[a]!;
  if (add.length > 0) next.sort();
  return next;
}
