import { type ReactFlowState, useStore } from '@xyflow/react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Each canvas's label layer, found once (React Flow keeps it for the canvas's life). */
const layers = new WeakMap<Element, Element>();
const domNodeOf = (s: ReactFlowState) => s.domNode;

/**
 * React Flow's `EdgeLabelRenderer`, without its cost: that one looks the label layer up with
 * `querySelector` in a store selector, so every change to the canvas (a drag, a new layout)
 * ran one DOM query per arrow label on screen (41 ms of one frame after a Tidy up of 1,000
 * steps). This one selects only the canvas element and finds the layer once per canvas.
 * @example <EdgeLabelPortal><div style={{ transform: `translate(${x}px, ${y}px)` }}>Yes</div></EdgeLabelPortal>
 */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const domNode = useStore(domNodeOf);
  if (!domNode) return null;
  let layer = layers.get(domNode);
  if (!layer?.isConnected) {
    layer = domNode.querySelector('.react-flow__edgelabel-renderer') ?? undefined;
    if (layer) layers.set(domNode, layer);
  }
  return layer ? createPortal(children, layer) : null;
}
