import { NODE_KINDS, type NodeKind } from '../model';

/** The drag-and-drop data type a palette button puts on the drag. */
export const PALETTE_MIME = 'application/x-leverflow-kind';

export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}
