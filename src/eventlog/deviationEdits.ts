import { createId, type MapEdge, type MapEdit, type MapNode, type ProcessMap } from '../model';
import type { Deviation } from './replayTypes';

const round4 = (p: number) => Math.round(p * 10_000) / 10_000;

/**
 * The edits that put a deviation on the map, as one undoable change: a move from A to B gets
 * a branch to B (labelled with B's name) from the decision right after A, or, when A leads
 * straight on, a new decision after A with a branch to where it went and one to B; a case
 * that stopped after A gets a branch to the map's end the same way. `share` (0..1) is the
 * observed chance of the new branch; the other branches keep their chances scaled to the
 * rest. Empty when the deviation cannot be added (a step no case ran; missing steps).
 * @example change(deviationEdits(map, deviation, 0.05))
 */
export function deviationEdits(map: ProcessMap, deviation: Deviation, share = 0): MapEdit[] {
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const fromId = deviation.kind === 'move' ? deviation.fromId : deviation.nodeId;
  const toId =
    deviation.kind === 'move'
      ? deviation.toId
      : deviation.kind === 'unfinished'
        ? map.nodes.find((n) => n.kind === 'end')?.id
        : undefined;
  const from = fromId === undefined ? undefined : nodes.get(fromId);
  const to = toId === undefined ? undefined : nodes.get(toId);
  if (!from || !to || from.kind === 'end') return [];
  const p = Math.min(1, Math.max(0, share));
  const outs = (id: string) => map.edges.filter((e) => e.source === id);
  let source: MapNode = from;
  const first = outs(from.id);
  if (first.length === 1 && nodes.get(first[0]!.target)?.kind === 'decision') {
    source = nodes.get(first[0]!.target)!;
  }
  const branch = (id: string, target: MapNode, probability: number | undefined): MapEdge => ({
    id,
    source: '',
    target: target.id,
    label: target.label.trim() || (target.kind === 'end' ? 'End' : 'Next'),
    ...(probability === undefined ? {} : { probability: round4(probability) }),
  });
  if (source.kind === 'decision') {
    const edits: MapEdit[] = [];
    for (const e of outs(source.id)) {
      if (e.probability !== undefined && p > 0) {
        edits.push({
          type: 'setProbability',
          edgeId: e.id,
          probability: round4(e.probability * (1 - p)),
        });
      }
    }
    const edge = { ...branch(createId('e'), to, p > 0 ? p : undefined), source: source.id };
    edits.push({ type: 'addEdge', edge });
    return edits;
  }
  if (first.length === 0) {
    return [{ type: 'addEdge', edge: { id: createId('e'), source: from.id, target: to.id } }];
  }
  // A leads straight on: a decision after A chooses between where it went and B.
  const decision: MapNode = {
    id: createId('d'),
    kind: 'decision',
    label: `After ${from.label.trim() || 'this step'}?`.slice(0, 500),
    position: { x: from.position.x + 220, y: from.position.y + 40 },
  };
  const edits: MapEdit[] = [
    { type: 'addNode', node: decision },
    { type: 'addEdge', edge: { id: createId('e'), source: from.id, target: decision.id } },
  ];
  const rest = p > 0 ? (1 - p) / first.length : undefined;
  for (const e of first) {
    const target = nodes.get(e.target);
    if (!target) continue;
    edits.push({ type: 'removeEdge', edgeId: e.id });
    edits.push({
      type: 'addEdge',
      edge: { ...branch(createId('e'), target, rest), source: decision.id },
    });
  }
  edits.push({
    type: 'addEdge',
    edge: { ...branch(createId('e'), to, p > 0 ? p : undefined), source: decision.id },
  });
  return edits;
}
