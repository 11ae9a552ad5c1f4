import type ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutDirection, Position, ProcessMap } from '../model';
import { stepSize } from './nodeSize';

let elk: Promise<InstanceType<typeof ELK>> | undefined;

/**
 * Loads elkjs (about 1.5 MB of script) once, on first need: a worker that only lays out in
 * quick layers never loads it. The layout worker awaits this before its time budget starts.
 * @example await loadTidyUp();
 */
export function loadTidyUp(): Promise<InstanceType<typeof ELK>> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk());
  return elk;
}

/**
 * Lays a map out top to bottom, or left to right (layered, as a flowchart reads) with elkjs
 * and returns the new top-left position of every node. Arrows to missing nodes are ignored.
 * @example const positions = await tidyUp(map); // { s: { x: 12, y: 12 }, ... }
 */
export async function tidyUp(
  map: Pick<ProcessMap, 'nodes' | 'edges'>,
  direction: LayoutDirection = 'down',
): Promise<Record<string, Position>> {
  const layout = await loadTidyUp();
  const ids = new Set(map.nodes.map((n) => n.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction === 'right' ? 'RIGHT' : 'DOWN',
      'elk.spacing.nodeNode': '50',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.layered.spacing.edgeNodeBetweenLayers': '30',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.separateConnectedComponents': 'true',
    },
    children: map.nodes.map((n) => ({ id: n.id, ...stepSize(n) })),
    edges: map.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const laid = await layout.layout(graph);
  const positions: Record<string, Position> = Object.create(null); // keyed by ids: "__proto__" is an id too
  for (const child of laid.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}
