import type { NodeKind } from '../../model';

/**
 * Leverflow draws steps larger than BPMN does (an action is 170 wide, a BPMN task 100), so
 * BPMN coordinates are stretched by this much on import and shrunk by it on export: the
 * gaps between steps look the same in both tools.
 */
export const BPMN_SCALE = { x: 1.7, y: 1.3 } as const;

/** The size each kind of step is drawn at in exported BPMN, as bpmn.io draws them. */
export const BPMN_SHAPE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  start: { width: 36, height: 36 },
  end: { width: 36, height: 36 },
  action: { width: 100, height: 80 },
  decision: { width: 50, height: 50 },
  parallel: { width: 50, height: 50 },
};

/** The `exporter` Leverflow writes into its BPMN files. */
export const BPMN_EXPORTER = 'Leverflow';
