/**
 * Above this many steps the canvas draws only what is in view, a frame's worth at a time
 * (useProgressiveMount). The first view of a map is set by usePersistence (its saved view,
 * or its opening view), not by React Flow's fitView.
 */
export const CULL_ABOVE = 200;

/**
 * Above this many arrows a map is drawn the same way whatever its steps: arrows cost the
 * most to mount. A dense map of 133 steps and 396 arrows took one 140 ms task (CPU,
 * profiled) to mount all at once, and as long again to lay out and paint; one of 60 steps
 * and 177 arrows, 90-200 ms of CPU (bench:layout: 231 ms in one run of 8).
 */
export const CULL_ARROWS_ABOVE = 150;

/**
 * Whether the canvas draws a map of this size a part at a time (see {@link CULL_ABOVE}).
 * @example isCulled(map.nodes.length, map.edges.length)
 */
export function isCulled(steps: number, arrows: number): boolean {
  return steps > CULL_ABOVE || arrows > CULL_ARROWS_ABOVE;
}
