import type { MapEdit } from './applyEdits';

type SetEdgeLabel = Extract<MapEdit, { type: 'setEdgeLabel' }>;

import type { ProcessMap } from './types';

/**
 * The edits that swap the labels of a decision's two arrows out ("Yes" <-> "No"), for
 * when the first arrow drawn got the wrong one. Each arrow keeps its chance (the share of
 * cases that take that path). Null when the step is not a decision with exactly two
 * arrows out, or their labels are the same.
 * @example swapBranchLabels(map, 'paid') // [{ type: 'setEdgeLabel', edgeId: 'e3', label: 'No' }, …]
 */
export function swapBranchLabels(map: ProcessMap, nodeId: string): SetEdgeLabel[] | null {
  const node = map.nodes.find((n) => n.id === nodeId);
  if (node?.kind !== 'decision') return null;
  const out = map.edges.filter((e) => e.source === nodeId);
  const [first, second] = out;
  if (out.length !== 2 || !first || !second) return null;
  const a = first.label ?? '';
  const b = second.label ?? '';
  if (a === b) return null;
  return [
    { type: 'setEdgeLabel', edgeId: first.id, label: b },
    { type: 'setEdgeLabel', edgeId: second.id, label: a },
  ];
}

/**
 * The wording of the swap, with the decision's own labels ("Swap Yes/No"), or null when
 * swapBranchLabels offers nothing.
 */
export function swapBranchesTitle(map: ProcessMap, nodeId: string): string | null {
  const edits = swapBranchLabels(map, nodeId);
  if (!edits) return null;
  return `Swap ${edits[1]?.label || '(no label)'}/${edits[0]?.label || '(no label)'}`;
}
