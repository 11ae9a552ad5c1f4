/** Gives the main thread back (to input, rendering, other tasks) between slices of work. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A 53-bit checksum of text (cyrb53), fed piece by piece: the same text gives the same sum
 * however it is cut. Not cryptographic: it tells a stored text this app wrote from one that
 * was damaged or changed since.
 */
export class TextChecksum {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  update(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): string {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return `c53:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
  }
}

/** The checksum of a whole text at once. @example checksumText('{}') // 'c53:…' */
export function checksumText(text: string): string {
  const sum = new TextChecksum();
  sum.update(text);
  return sum.digest();
}

/**
 * Writes a value as compact JSON (the same text as `JSON.stringify(value)`) in slices of at
 * most about `budgetMs` of main-thread time, handing each slice's text to `emit` in that
 * slice: top-level arrays (a map's steps and arrows) are written element by element, yielding
 * between slices, so a 10,000-step map never blocks a frame. Small values finish without
 * yielding. Resolves to the whole text's checksum. The value must not change meanwhile (the
 * editor's maps are immutable).
 */
async function writeInSlices(
  value: object,
  budgetMs: number,
  emit: (text: string) => void,
): Promise<string> {
  let sliceStart = performance.now();
  // Each slice's pieces are joined in that slice: joining a big map's 200,000 pieces at the
  // end was a task of its own (60 ms at 50,000 steps, profiled).
  let parts: string[] = [];
  const sum = new TextChecksum();
  const push = (part: string) => {
    parts.push(part);
    sum.update(part);
  };
  const check = async () => {
    if (performance.now() - sliceStart < budgetMs) return;
    emit(parts.join(''));
    parts = [];
    await yieldToMain();
    sliceStart = performance.now();
  };
  if (Array.isArray(value)) {
    push(JSON.stringify(value));
  } else {
    push('{');
    let first = true;
    for (const [key, field] of Object.entries(value)) {
      if (Array.isArray(field)) {
        push(`${first ? '' : ','}${JSON.stringify(key)}:[`);
        for (let i = 0; i < field.length; i++) {
          push(`${i === 0 ? '' : ','}${JSON.stringify(field[i]) ?? 'null'}`);
          if (i % 64 === 63) await check();
        }
        push(']');
      } else {
        const text = JSON.stringify(field);
        if (text === undefined) continue; // functions and undefined are left out, as in JSON
        push(`${first ? '' : ','}${JSON.stringify(key)}:${text}`);
      }
      first = false;
      await check();
    }
    push('}');
  }
  emit(parts.join(''));
  return sum.digest();
}

/**
 * Writes a value as compact JSON (the same text as `JSON.stringify(value)`), with its
 * checksum, in slices of at most about `budgetMs` of main-thread time (see `writeInSlices`).
 * @example const { text, checksum } = await stringifyInSlices(map) // JSON.parse(text) deep-equals map
 */
export async function stringifyInSlices(
  value: object,
  budgetMs = 6,
): Promise<{ text: string; checksum: string }> {
  const chunks: string[] = [];
  const checksum = await writeInSlices(value, budgetMs, (text) => chunks.push(text));
  // A text written over several tasks is put together in one of its own, not in the task
  // of what the caller does with it (a big map's is storing it).
  if (chunks.length > 1) await yieldToMain();
  return { text: chunks.join(''), checksum };
}

/**
 * Writes a value as compact JSON in UTF-8 bytes, one array per slice, each encoded in its
 * slice (see `writeInSlices`): handed to a worker with `postMessage(…, parts.map((p) =>
 * p.buffer))`, nothing is copied, where posting a 10 MB string copies it in one task (90 ms
 * at 50,000 steps, profiled), and joining the slices' text into it was another.
 * @example const parts = await encodeInSlices(map); new TextDecoder().decode(parts[0]) // '{"format":…'
 */
export async function encodeInSlices(value: object, budgetMs = 6): Promise<Uint8Array[]> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  await writeInSlices(value, budgetMs, (text) => parts.push(encoder.encode(text)));
  return parts;
}

/**
 * The text {@link encodeInSlices} wrote, decoded (a character split across two parts is
 * put back together).
 * @example JSON.parse(decodeParts(patch.parts))
 */
export function decodeParts(parts: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  const texts = parts.map((part) => decoder.decode(part, { stream: true }));
  texts.push(decoder.decode());
  return texts.join('');
}
