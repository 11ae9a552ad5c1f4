/**
 * A name for a new map that no map in the library has yet: the name itself, or the name
 * with " (2)", " (3)"… as draw.io and file managers do.
 * @example uniqueMapName('Onboarding', ['Onboarding', 'Onboarding (2)']) // 'Onboarding (3)'
 */
export function uniqueMapName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  const base = name.replace(/ \(\d+\)$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${base} (${i})`;
    if (!names.has(candidate)) return candidate;
  }
}

/**
 * A map made from pasted text is named after its first named start step (a pasted
 * flowchart has no file name); one with a name of its own keeps it.
 * @example nameAfterStart(map, 'the pasted text') // { ...map, name: 'Order received' }
 */
export function nameAfterStart<
  M extends { name: string; nodes: readonly { kind: string; label: string }[] },
>(map: M, placeholder: string): M {
  if (map.name !== placeholder) return map;
  const start = map.nodes.find((n) => n.kind === 'start' && n.label.trim() !== '');
  return { ...map, name: start ? start.label.trim() : 'Pasted map' };
}
