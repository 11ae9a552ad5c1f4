import type { NodeKind } from './types';

/** The drawn size of each kind of step, shared by the canvas, layout and exports. */
export const NODE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  start: { width: 150, height: 48 },
  end: { width: 150, height: 48 },
  action: { width: 170, height: 60 },
  decision: { width: 130, height: 100 },
  /** A fork/join bar: short and thick. */
  parallel: { width: 120, height: 24 },
};
