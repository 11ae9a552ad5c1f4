import { type LaneBands, laneAt, laneBands, laneOf } from '../layout/lanes';
import { NODE_SIZE } from '../layout/nodeSize';
import type { MapEdit, ProcessMap } from '../model';

/**
 * The edits that give steps dropped into another person's lane to that person: a step
 * changes doer when its centre lands in a lane other than its own. `bands`: the lanes as
 * they were when the drag began (default: measured without the dropped steps).
 * @example laneDropEdits(map, ['a']) // [{ type: 'updateStep', nodeId: 'a', patch: { ownerId: 'maria' } }]
 */
export function laneDropEdits(
  map: ProcessMap,
  movedIds: readonly string[],
  bands: LaneBands | null = laneBands(map, new Set(movedIds)),
): MapEdit[] {
  const moved = new Set(movedIds);
  if (!bands) return [];
  const { of } = laneOf(map);
  const edits: MapEdit[] = [];
  for (const node of map.nodes) {
    if (!moved.has(node.id) || (node.kind !== 'action' && node.kind !== 'decision')) continue;
    const lane = laneAt(bands, node.position.y + NODE_SIZE[node.kind].height / 2);
    if (!lane || lane === bands.lanes[of.get(node.id)!]) continue;
    edits.push({
      type: 'updateStep',
      nodeId: node.id,
      patch: { ownerId: lane.personId },
    });
  }
  return edits;
}
