import type { AvailableMetrics } from './types';

/**
 * One node's figure from a per-node list of the metrics, by node id; undefined for an id
 * the analysis did not list. Linear in the number of nodes: to read many, build a
 * `Map` from `metrics.nodeIds` once, or walk `nodeIds` and the figures side by side.
 * @example nodeFigure(metrics, metrics.expectedVisits, 'a') // 1.111
 */
export function nodeFigure(
  metrics: Pick<AvailableMetrics, 'nodeIds'>,
  figures: Float64Array,
  id: string,
): number | undefined {
  const i = metrics.nodeIds.indexOf(id);
  return i === -1 ? undefined : figures[i];
}
