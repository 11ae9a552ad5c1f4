import { MAX_STEP_SIZE, MIN_STEP_SIZE } from './limits';
import type { MapNode, NodeKind } from './types';
import { CHAR_WIDTH, LINE_HEIGHT, wrapLabel } from './wrapLabel';

/** The drawn size of each kind of step, shared by the canvas, layout and exports. */
export const NODE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  start: { width: 150, height: 48 },
  end: { width: 150, height: 48 },
  action: { width: 170, height: 60 },
  decision: { width: 130, height: 100 },
  /** A fork/join bar: short and thick. */
  parallel: { width: 120, height: 24 },
};

export interface Size {
  width: number;
  height: number;
}

/** How far a step grows to fit its label, at most (a person may resize it further). */
const GROWN: Record<NodeKind, Size> = {
  start: { width: 240, height: 80 },
  end: { width: 240, height: 80 },
  action: { width: 260, height: 150 },
  decision: { width: 200, height: 170 },
  // A bar's name is written beside it: the bar never grows for it.
  parallel: NODE_SIZE.parallel,
};

/**
 * The part of a step's box its label may use, from its size: the width inside the padding
 * (a diamond's text sits in its middle) and the height lines may take.
 * @example labelArea('action', NODE_SIZE.action) // { width: 146, height: 56 }
 */
export function labelArea(kind: NodeKind, size: Size): Size {
  switch (kind) {
    case 'decision':
      return { width: size.width - 52, height: size.height * 0.56 };
    case 'action':
      return { width: size.width - 24, height: size.height - 4 };
    default:
      return { width: size.width - 32, height: size.height - 4 };
  }
}

/** How many lines of label fit in a step of this size. */
export function labelLines(kind: NodeKind, size: Size): number {
  return Math.max(1, Math.floor(labelArea(kind, size).height / LINE_HEIGHT));
}

function clamp(v: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, v));
}

/**
 * The size a step is drawn at: the size a person gave it, else its kind's size, grown to fit
 * a long label (taller first, then wider, up to a limit; past it the label ends in "…").
 * @example stepSize({ kind: 'action', label: 'Pack', ... }) // { width: 170, height: 60 }
 */
export function stepSize(node: Pick<MapNode, 'kind' | 'label'> & { size?: Size }): Size {
  const base = NODE_SIZE[node.kind];
  if (node.size) {
    return {
      width: clamp(node.size.width, MIN_STEP_SIZE.width, MAX_STEP_SIZE.width),
      height: clamp(node.size.height, MIN_STEP_SIZE.height, MAX_STEP_SIZE.height),
    };
  }
  const { label } = node;
  if (node.kind === 'parallel') return base;
  // Most labels fit on one line of the kind's own size: no wrapping to work out.
  const area = labelArea(node.kind, base);
  if (label.length * CHAR_WIDTH <= area.width && !/[\r\n]/.test(label)) return base;
  const grown = GROWN[node.kind];
  let fit: Size = base;
  for (let width = base.width; width <= grown.width; width += 30) {
    const lines = wrapLabel(label, labelArea(node.kind, { width, height: 0 }).width).length;
    const height = Math.max(base.height, heightFor(node.kind, lines));
    fit = { width, height: Math.min(height, grown.height) };
    if (height <= grown.height) break;
  }
  return fit;
}

/** The height a step of this kind needs for `lines` lines of label. */
function heightFor(kind: NodeKind, lines: number): number {
  const text = lines * LINE_HEIGHT;
  const height = kind === 'decision' ? text / 0.56 : text + 4;
  return Math.ceil(height / 4) * 4;
}

export { MAX_STEP_SIZE, MIN_STEP_SIZE };
