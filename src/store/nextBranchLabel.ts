import type { ProcessMap } from '../model';

/**
 * The default label for a new arrow out of a step: `Yes`, then `No` out of a decision;
 * nothing out of other steps or once both are taken.
 * @example nextBranchLabel(map, 'd') // 'Yes' for a decision with no arrows yet
 */
export function nextBranchLabel(map: ProcessMap, sourceId: string): string | undefined {
  const source = map.nodes.find((n) => n.id === sourceId);
  if (source?.kind !== 'decision') return undefined;
  const taken = new Set(
    map.edges.filter((e) => e.source === sourceId).map((e) => (e.label ?? '').trim().toLowerCase()),
  );
  if (!taken.has('yes')) return 'Yes';
  if (!taken.has('no')) return 'No';
  return undefined;
}
