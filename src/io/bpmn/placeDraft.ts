import { stepSize } from '../../layout/nodeSize';
import { LIMITS, type MapNode, type Position } from '../../model';
import { tidyUpOrGrid } from '../import/tidyUpOrGrid';
import { BPMN_SCALE } from './bpmnGeometry';
import type { FlowDraft } from './flowFromDefinitions';

/** How far from its neighbour a start or end added on import is placed, centre to centre. */
const ANCHOR_OFFSET = 240;
/** How far out a step made from a boundary event moves from the event's shape, in BPMN units. */
const AWAY_OFFSET = 60;

/**
 * Places the draft's steps where the file's diagram draws them (scaled to Leverflow's sizes),
 * or lays the whole map out with Tidy up when the diagram misses any step.
 * @example const { positions, layout } = await placeDraft(draft, readDiagramCenters(defs));
 */
export async function placeDraft(
  draft: Pick<FlowDraft, 'nodes' | 'edges' | 'shapeOf' | 'anchors'> &
    Partial<Pick<FlowDraft, 'awayFrom'>>,
  centers: ReadonlyMap<string, Position>,
  options: { quick?: boolean } = {},
): Promise<{
  positions: Record<string, Position>;
  layout: 'file' | 'tidy-up' | 'layered' | 'grid';
}> {
  const centerOf = new Map<string, Position>();
  for (const node of draft.nodes) {
    const bpmnId = draft.shapeOf.get(node.id);
    let c = bpmnId === undefined ? undefined : centers.get(bpmnId);
    const hostId = draft.awayFrom?.get(node.id);
    const host = hostId === undefined ? undefined : centers.get(hostId);
    if (c !== undefined && host !== undefined) c = awayFrom(c, host);
    if (c !== undefined) centerOf.set(node.id, { x: c.x * BPMN_SCALE.x, y: c.y * BPMN_SCALE.y });
  }
  for (const [id, anchor] of draft.anchors) {
    const c = centerOf.get(anchor.nodeId);
    if (c === undefined) continue;
    const dx = anchor.side === 'before' ? -ANCHOR_OFFSET : ANCHOR_OFFSET;
    centerOf.set(id, { x: c.x + dx, y: c.y });
  }
  if (draft.nodes.some((n) => !centerOf.has(n.id))) {
    return tidyUpOrGrid(draft, options);
  }
  const positions: Record<string, Position> = Object.create(null); // keyed by ids: "__proto__" is an id too
  for (const node of draft.nodes) {
    const c = centerOf.get(node.id);
    if (c !== undefined) positions[node.id] = topLeft(node, c);
  }
  return { positions, layout: 'file' };
}

/**
 * A boundary event's shape sits on its task's border; the decision or split made from it is
 * larger, so it moves further out, away from the task's centre (straight down when the
 * event is drawn at the centre).
 */
function awayFrom(at: Position, host: Position): Position {
  const dx = at.x - host.x;
  const dy = at.y - host.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return { x: at.x, y: at.y + AWAY_OFFSET };
  return { x: at.x + (dx / length) * AWAY_OFFSET, y: at.y + (dy / length) * AWAY_OFFSET };
}

function topLeft(node: MapNode, center: Position): Position {
  const size = stepSize(node);
  return {
    x: clampCoordinate(center.x - size.width / 2),
    y: clampCoordinate(center.y - size.height / 2),
  };
}

function clampCoordinate(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return Math.max(-LIMITS.maxCoordinate, Math.min(LIMITS.maxCoordinate, rounded));
}
