import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../model';
import { StepNode } from './StepNode';

/** One React Flow node type per kind, so the DOM shows `.react-flow__node-action` etc. */
export const nodeTypes = {
  start: StepNode,
  end: StepNode,
  action: StepNode,
  decision: StepNode,
  parallel: StepNode,
} satisfies Record<NodeKind, typeof StepNode> & NodeTypes;
