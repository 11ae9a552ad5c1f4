import { MarkerType, type NodeHandle, Position } from '@xyflow/react';
import { NODE_SIZE } from '../layout/nodeSize';
import type { MapEdge, MapNode, NodeKind } from '../model';
import type { FlowEdge, FlowNode } from './flowTypes';

const KIND_NAMES = { start: 'Start', end: 'End', action: 'Action', decision: 'Decision' } as const;
const HANDLE = 9;

/**
 * Where each kind's four handles are (see NodeHandles and the CSS), declared up front so
 * that an arrow to a step the canvas has not drawn (off-screen, culled) is still drawn:
 * React Flow draws an edge only between nodes whose handles it knows.
 */
function handlesOf(kind: NodeKind): NodeHandle[] {
  const { width, height } = NODE_SIZE[kind];
  const half = HANDLE / 2;
  const at = (id: string, position: Position, x: number, y: number): NodeHandle => ({
    id,
    type: 'source',
    position,
    x: x - half,
    y: y - half,
    width: HANDLE,
    height: HANDLE,
  });
  return [
    at('top', Position.Top, width / 2, 0),
    at('right', Position.Right, width, height / 2),
    at('bottom', Position.Bottom, width / 2, height),
    at('left', Position.Left, 0, height / 2),
  ];
}
const HANDLES: Record<NodeKind, NodeHandle[]> = {
  start: handlesOf('start'),
  end: handlesOf('end'),
  action: handlesOf('action'),
  decision: handlesOf('decision'),
};

/**
 * Makes a converter from map nodes to React Flow nodes that reuses the previous object
 * when neither the step nor its selection changed, so React Flow re-renders only what moved.
 * @example const toFlowNodes = createNodeConverter(); toFlowNodes(map.nodes, selected)
 */
export function createNodeConverter() {
  let cache = new WeakMap<MapNode, FlowNode>();
  return (nodes: readonly MapNode[], selected: ReadonlySet<string>): FlowNode[] => {
    const next = new WeakMap<MapNode, FlowNode>();
    const out = nodes.map((step) => {
      const isSelected = selected.has(step.id);
      const prev = cache.get(step);
      const flow: FlowNode =
        prev && prev.selected === isSelected
          ? prev
          : {
              id: step.id,
              type: step.kind,
              position: step.position,
              data: { step },
              selected: isSelected,
              // Steps have a fixed size per kind (see NODE_SIZE and the CSS), so React Flow
              // need not re-measure a step each time it moves.
              measured: NODE_SIZE[step.kind],
              handles: HANDLES[step.kind],
              ariaLabel: `${KIND_NAMES[step.kind]}: ${step.label.trim() || '(no label)'}`,
            };
      next.set(step, flow);
      return flow;
    });
    cache = next;
    return out;
  };
}

const MARKER = {
  type: MarkerType.ArrowClosed,
  width: 18,
  height: 18,
  color: 'var(--lf-edge)',
} as const;

/** Like {@link createNodeConverter}, for arrows. */
export function createEdgeConverter() {
  let cache = new WeakMap<MapEdge, FlowEdge>();
  return (edges: readonly MapEdge[], selected: ReadonlySet<string>): FlowEdge[] => {
    const next = new WeakMap<MapEdge, FlowEdge>();
    const out = edges.map((arrow) => {
      const isSelected = selected.has(arrow.id);
      const prev = cache.get(arrow);
      const flow: FlowEdge =
        prev && prev.selected === isSelected
          ? prev
          : {
              id: arrow.id,
              type: 'arrow',
              source: arrow.source,
              target: arrow.target,
              data: { arrow },
              selected: isSelected,
              markerEnd: MARKER,
              ariaLabel: `Arrow${arrow.label?.trim() ? ` "${arrow.label.trim()}"` : ''}`,
            };
      next.set(arrow, flow);
      return flow;
    });
    cache = next;
    return out;
  };
}
