/**
 * Zeroed typed arrays on loan for the length of one analysis.
 *
 * Touching a freshly allocated large typed array for the first time is slow: the operating
 * system maps and zeroes every page of it (measured at ~3 ms per MB on the 2-core benchmark
 * machine, more than the graph passes themselves). So analyze() runs inside `scratch.run`,
 * which lends arrays out of buffers kept from earlier analyses and takes them all back when
 * it returns. Arrays handed out inside `run` must not outlive it (nothing in a report may
 * be one); outside `run`, or for small sizes, the allocators return fresh arrays.
 * Runs nest; JavaScript's single thread keeps them from overlapping.
 * @example scratch.run(() => scratch.int32(100_000).length) // 100000
 */
export const scratch = {
  run<T>(fn: () => T): T {
    depth++;
    const mark = lent.length;
    try {
      return fn();
    } finally {
      depth--;
      while (lent.length > mark) release(lent.pop()!);
    }
  },
  int32(length: number): Int32Array {
    const buffer = take(length * 4);
    return buffer === null ? new Int32Array(length) : new Int32Array(buffer, 0, length).fill(0);
  },
  uint8(length: number): Uint8Array {
    const buffer = take(length);
    return buffer === null ? new Uint8Array(length) : new Uint8Array(buffer, 0, length).fill(0);
  },
  float64(length: number): Float64Array {
    const buffer = take(length * 8);
    return buffer === null ? new Float64Array(length) : new Float64Array(buffer, 0, length).fill(0);
  },
};

/** Below this many bytes a fresh array is cheap (it comes from memory already in use). */
const MIN_POOLED_BYTES = 16 * 1024;
/** At most this many bytes are kept between analyses. */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

let depth = 0;
/** Buffers lent out by the runs in progress, in lending order. */
const lent: ArrayBuffer[] = [];
/** Buffers free for lending. */
const free: ArrayBuffer[] = [];
let keptBytes = 0;

/** The smallest free buffer of at least `bytes` (or a new one), or null when not pooling. */
function take(bytes: number): ArrayBuffer | null {
  if (depth === 0 || bytes < MIN_POOLED_BYTES) return null;
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    const size = free[i]!.byteLength;
    if (size >= bytes && (best === -1 || size < free[best]!.byteLength)) best = i;
  }
  let buffer: ArrayBuffer;
  if (best === -1) {
    // Round up to a power of two, so that a buffer fits a slightly larger map next time.
    let size = MIN_POOLED_BYTES;
    while (size < bytes) size *= 2;
    buffer = new ArrayBuffer(size);
  } else {
    buffer = free[best]!;
    free[best] = free[free.length - 1]!;
    free.pop();
    keptBytes -= buffer.byteLength;
  }
  lent.push(buffer);
  return buffer;
}

function release(buffer: ArrayBuffer): void {
  if (keptBytes + buffer.byteLength > MAX_KEPT_BYTES) return;
  free.push(buffer);
  keptBytes += buffer.byteLength;
}
