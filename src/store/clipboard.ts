import {
  createId,
  type Failure,
  failure,
  type MapEdge,
  type MapErrorCode,
  type MapNode,
  type ProcessMap,
  parseMapFile,
  serializeMap,
} from '../model';

/**
 * The clipboard text for a selection: a map file holding the selected steps and the
 * arrows between them, so it pastes into another tab (or another app) as map JSON.
 * @example selectionToClipboard(map, ['a', 'b']) // '{"format":"leverflow-map",...}'
 */
export function selectionToClipboard(map: ProcessMap, nodeIds: readonly string[]): string {
  const ids = new Set(nodeIds);
  return serializeMap({
    ...map,
    name: `${map.name} (copy)`,
    nodes: map.nodes.filter((n) => ids.has(n.id)),
    edges: map.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  });
}

export type PasteResult = { ok: true; nodes: MapNode[]; edges: MapEdge[] } | Failure<MapErrorCode>;

/**
 * Turns clipboard text into new steps and arrows with fresh ids, shifted by `offset`.
 * Text that is not a valid map file pastes nothing and says why.
 * @example clipboardToPaste(text, { x: 40, y: 40 }) // { ok: true, nodes, edges }
 */
export function clipboardToPaste(text: string, offset: { x: number; y: number }): PasteResult {
  const parsed = parseMapFile(text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return failure(
      parsed.code,
      `Nothing pasted: the clipboard does not hold Leverflow steps (${first ? `${first.path}: ${first.message}` : 'unknown error'}).`,
      parsed.path,
    );
  }
  const idMap = new Map<string, string>();
  const nodes = parsed.map.nodes.map((n) => {
    const id = createId('n');
    idMap.set(n.id, id);
    return { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges: MapEdge[] = [];
  for (const e of parsed.map.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (source && target) edges.push({ ...e, id: createId('e'), source, target });
  }
  return { ok: true, nodes, edges };
}
