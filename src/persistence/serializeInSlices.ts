/** Gives the main thread back (to input, rendering, other tasks) between slices of work. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Writes a value as compact JSON (the same text as `JSON.stringify(value)`) in slices of at
 * most about `budgetMs` of main-thread time: top-level arrays (a map's steps and arrows) are
 * written element by element, yielding between slices, so a 10,000-step map never blocks
 * a frame. Small values finish without yielding. The value must not change meanwhile (the
 * editor's maps are immutable).
 * @example const text = await stringifyInSlices(map) // JSON.parse(text) deep-equals map
 */
export async function stringifyInSlices(value: object, budgetMs = 6): Promise<string> {
  const now = () => performance.now();
  let sliceStart = now();
  const parts: string[] = [];
  const check = async () => {
    if (now() - sliceStart < budgetMs) return;
    await yieldToMain();
    sliceStart = now();
  };
  if (Array.isArray(value)) return JSON.stringify(value);
  parts.push('{');
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    let text: string | undefined;
    if (Array.isArray(field)) {
      const items: string[] = [];
      for (const item of field) {
        items.push(JSON.stringify(item) ?? 'null');
        if (items.length % 64 === 0) await check();
      }
      text = `[${items.join(',')}]`;
    } else {
      text = JSON.stringify(field);
    }
    if (text === undefined) continue; // functions and undefined are left out, as JSON.stringify does
    parts.push(`${first ? '' : ','}${JSON.stringify(key)}:${text}`);
    first = false;
    await check();
  }
  parts.push('}');
  return parts.join('');
}
