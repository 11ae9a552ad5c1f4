import { withinTidyUpBudget } from '../../layout/layoutBudget';
import { NODE_SIZE } from '../../layout/nodeSize';
import { quickLayers } from '../../layout/quickLayers';
import { tidyUp } from '../../layout/tidyUp';
import type { LayoutDirection, MapEdge, MapNode, Position } from '../../model';

/** Steps per row when a chart is placed in a grid. */
const GRID_COLUMNS = 50;

/**
 * Lays a map out with Tidy up; if elkjs cannot (a very long chain can overflow its stack),
 * places the steps in a plain grid in file order instead, so an import never fails on layout.
 * A map over the layout budget, or any map when `quick` is set (elkjs ran out of time in the
 * layout worker), gets the cheap {@link quickLayers} instead.
 * @example const { positions, layout } = await tidyUpOrGrid({ nodes, edges });
 */
export async function tidyUpOrGrid(
  map: {
    nodes: MapNode[];
    edges: MapEdge[];
  },
  options: { quick?: boolean; direction?: LayoutDirection } = {},
): Promise<{ positions: Record<string, Position>; layout: 'tidy-up' | 'layered' | 'grid' }> {
  const direction = options.direction ?? 'down';
  if (options.quick || !withinTidyUpBudget(map)) {
    const layers = quickLayers(map);
    return { positions: direction === 'right' ? sideways(layers) : layers, layout: 'layered' };
  }
  try {
    return { positions: await tidyUp(map, direction), layout: 'tidy-up' };
  } catch {
    // elkjs failed (e.g. RangeError on a very deep graph): fall back to a grid below.
  }
  const positions: Record<string, Position> = Object.create(null); // keyed by ids: "__proto__" is an id too
  const cellWidth = NODE_SIZE.action.width + 60;
  const cellHeight = NODE_SIZE.decision.height + 60;
  map.nodes.forEach((node, i) => {
    positions[node.id] = {
      x: (i % GRID_COLUMNS) * cellWidth,
      y: Math.floor(i / GRID_COLUMNS) * cellHeight,
    };
  });
  return { positions, layout: 'grid' };
}

/** Top-to-bottom layers turned to run left to right: rows become columns. */
function sideways(positions: Record<string, Position>): Record<string, Position> {
  const across = (NODE_SIZE.action.width + 60) / (NODE_SIZE.decision.height + 60);
  const out: Record<string, Position> = Object.create(null);
  for (const id in positions) {
    const p = positions[id]!;
    out[id] = { x: Math.round(p.y * across), y: Math.round(p.x / across) };
  }
  return out;
}
