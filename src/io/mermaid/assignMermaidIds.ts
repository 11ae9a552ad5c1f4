/** Words Mermaid reads as keywords where a node id would stand. */
const RESERVED = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'style',
  'class',
  'classdef',
  'click',
  'linkstyle',
  'direction',
  'call',
  'href',
  'default',
]);

/**
 * A Mermaid node id for each map id: kept when it is plain letters, digits and `_`, otherwise
 * made so (other characters become `_`), keywords such as `end` prefixed, repeats numbered.
 * @example assignMermaidIds(['a', 'n-1', 'end']) // Map { a → a, n-1 → n_1, end → n_end }
 */
export function assignMermaidIds(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_') || 'n';
    if (RESERVED.has(base.toLowerCase())) base = `n_${base}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
    used.add(candidate);
    out.set(id, candidate);
  }
  return out;
}
