import type { MapEdge, ProcessMap } from '../model';

/**
 * The arrows out of each node with the chance each is taken, as the analyzer reads a map:
 * given chances are used, arrows without one share what is left equally (all equal when the
 * given ones are invalid or add up to more than 1).
 * @example edgeChances(map).get('d') // [[edgeYes, 0.9], [edgeNo, 0.1]]
 */
export function edgeChances(map: ProcessMap): Map<string, [MapEdge, number][]> {
  const outs = new Map<string, MapEdge[]>();
  for (const e of map.edges) outs.set(e.source, [...(outs.get(e.source) ?? []), e]);
  const out = new Map<string, [MapEdge, number][]>();
  for (const [source, edges] of outs) {
    if (edges.length === 1) {
      out.set(source, [[edges[0]!, 1]]);
      continue;
    }
    const given = edges.filter((e) => e.probability !== undefined);
    const sum = given.reduce((s, e) => s + e.probability!, 0);
    const missing = edges.length - given.length;
    if (sum > 1 + 1e-9 || (missing === 0 && sum <= 0)) {
      out.set(
        source,
        edges.map((e) => [e, 1 / edges.length]),
      );
      continue;
    }
    const rest = missing > 0 ? (1 - sum) / missing : 0;
    const scale = missing === 0 ? 1 / sum : 1;
    out.set(
      source,
      edges.map((e) => [e, e.probability !== undefined ? e.probability * scale : rest]),
    );
  }
  return out;
}
