/** A label compared the way the rules compare them: trimmed, ignoring case. */
export function labelKey(label: string | undefined): string {
  return (label ?? '').trim().toLowerCase();
}

/**
 * `count` new branch labels not already used: Yes / No for a two-way decision, otherwise
 * Option 1, Option 2, ...
 * @example chooseBranchLabels(new Set(['yes']), 1, 2) // ['No']
 */
export function chooseBranchLabels(
  used: ReadonlySet<string>,
  count: number,
  total: number,
): string[] {
  const taken = new Set(used);
  const out: string[] = [];
  const candidates = total === 2 ? ['Yes', 'No'] : [];
  for (const c of candidates) {
    if (out.length < count && !taken.has(labelKey(c))) {
      out.push(c);
      taken.add(labelKey(c));
    }
  }
  for (let i = 1; out.length < count; i++) {
    const c = `Option ${i}`;
    if (!taken.has(labelKey(c))) {
      out.push(c);
      taken.add(labelKey(c));
    }
  }
  return out;
}
