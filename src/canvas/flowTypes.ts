import type { Edge, Node } from '@xyflow/react';
import type { MapEdge, MapNode, NodeKind } from '../model';

/** A React Flow node carrying the map step it draws. */
export type FlowNode = Node<{ step: MapNode }, NodeKind>;
/** A React Flow edge carrying the map arrow it draws. */
export type FlowEdge = Edge<{ arrow: MapEdge }, 'arrow'>;
