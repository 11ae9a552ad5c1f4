import { Handle, Position } from '@xyflow/react';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/**
 * A connection handle on each side. The canvas runs in loose connection mode, so any
 * handle starts or ends an arrow; arrows are drawn between node borders, not handles.
 */
export function NodeHandles() {
  return (
    <>
      {SIDES.map(([id, position]) => (
        <Handle key={id} id={id} type="source" position={position} className="lf-handle" />
      ))}
    </>
  );
}
