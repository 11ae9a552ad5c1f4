/**
 * What elkjs (Tidy up) is given before the cheaper {@link quickLayers} takes over. elkjs's
 * layered layout grows much faster than the map: a dense 100-step chart (3 arrows a step)
 * takes it seconds and 300 steps minutes, so it runs in a worker, only on maps within
 * `maxSteps`/`maxArrows`, and is stopped after `timeMs`.
 */
export const LAYOUT_BUDGET = {
  maxSteps: 2_000,
  maxArrows: 5_000,
  timeMs: 4_000,
} as const;

/**
 * Whether a map is small enough to try elkjs on at all.
 * @example withinTidyUpBudget({ nodes: [a, b], edges: [ab] }) // true
 */
export function withinTidyUpBudget(map: {
  nodes: readonly unknown[];
  edges: readonly unknown[];
}): boolean {
  return map.nodes.length <= LAYOUT_BUDGET.maxSteps && map.edges.length <= LAYOUT_BUDGET.maxArrows;
}
