import type { EdgeTypes } from '@xyflow/react';
import { ArrowEdge } from './ArrowEdge';

/** The one arrow type: drawn border to border, label editable in place. */
export const edgeTypes = { arrow: ArrowEdge } satisfies EdgeTypes;
