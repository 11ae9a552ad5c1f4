import type { MapEdge, MapNode, NodeKind, ProcessMap } from '../../model';

const KINDS: Record<string, NodeKind> = {
  s: 'start',
  e: 'end',
  a: 'action',
  d: 'decision',
  p: 'parallel',
};

/**
 * A small map from a compact spec, for tests. Nodes: `id:kind[:label]` with kind s, e, a, d or p (parallel)
 * (label defaults to the id). Arrows: `source>target[:label]`, ids e1, e2, ... in order.
 * @example mapOf('s:s a:a e:e', 's>a a>e')
 */
export function mapOf(nodes: string, edges = ''): ProcessMap {
  const nodeList: MapNode[] = nodes
    .split(/\s+/)
    .filter(Boolean)
    .map((spec, i) => {
      const [id = '', k = 'a', label] = spec.split(':');
      const kind = KINDS[k] ?? 'action';
      return { id, kind, label: (label ?? id).replace(/_/g, ' '), position: { x: 0, y: i * 100 } };
    });
  const edgeList: MapEdge[] = edges
    .split(/\s+/)
    .filter(Boolean)
    .map((spec, i) => {
      const [ends = '', label] = spec.split(':');
      const [source = '', target = ''] = ends.split('>');
      const edge: MapEdge = { id: `e${i + 1}`, source, target };
      if (label !== undefined) edge.label = label.replace(/_/g, ' ');
      return edge;
    });
  return {
    format: 'leverflow-map',
    version: 3,
    name: 'test',
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10, defaultHandOffRate: 25 },
    people: [],
    acceptedFindings: [],
    nodes: nodeList,
    edges: edgeList,
  };
}
