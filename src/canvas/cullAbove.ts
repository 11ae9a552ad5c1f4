/**
 * Above this many steps the canvas draws only what is in view, a frame's worth at a time
 * (useProgressiveMount). The first view of a map is set by usePersistence (its saved view,
 * or its opening view), not by React Flow's fitView.
 */
export const CULL_ABOVE = 200;
