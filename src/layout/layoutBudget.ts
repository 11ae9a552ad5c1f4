/**
 * What elkjs (Tidy up) is given before the cheaper {@link quickLayers} takes over. elkjs's
 * layered layout grows much faster than the map, and mostly with its arrows (in Node, on
 * this machine: 100 steps and 130 arrows 1.4 s, 300 and 365 3.8 s, 133 and 396 6.3 s,
 * 300 and 598 15 s, 1,000 and 1,250 over 20 s). So it runs in a worker, only on maps
 * within `maxSteps`/`maxArrows`, where it has a chance to finish, and is stopped after
 * `timeMs`. Past them it would only make the person wait `timeMs` for quick layers anyway,
 * with a core busy meanwhile.
 */
export const LAYOUT_BUDGET = {
  maxSteps: 400,
  maxArrows: 400,
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
