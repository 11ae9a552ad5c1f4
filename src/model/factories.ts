import { createId } from './createId';
import { MAP_FORMAT, MAP_VERSION } from './schema';
import type { MapEdge, MapNode, NodeKind, Position, ProcessMap } from './types';

/** The label a new step of each kind starts with. */
export const DEFAULT_LABELS: Record<NodeKind, string> = {
  start: 'Start',
  end: 'End',
  action: 'New step',
  decision: 'Decision?',
  parallel: '',
};

/**
 * Makes a new node of a kind at a position.
 * @example createNode('action', { x: 0, y: 120 }, { label: 'Pack order' })
 */
export function createNode(
  kind: NodeKind,
  position: Position,
  options: { id?: string; label?: string } = {},
): MapNode {
  return {
    id: options.id ?? createId('n'),
    kind,
    label: options.label ?? DEFAULT_LABELS[kind],
    position: { x: position.x, y: position.y },
  };
}

/**
 * Makes a new arrow from one node to another.
 * @example createEdge('s', 'a') // { id: 'e-…', source: 's', target: 'a' }
 */
export function createEdge(
  source: string,
  target: string,
  options: { id?: string; label?: string } = {},
): MapEdge {
  const edge: MapEdge = { id: options.id ?? createId('e'), source, target };
  if (options.label !== undefined) edge.label = options.label;
  return edge;
}

/** An empty map with default settings. */
export function createMap(name = 'Untitled map'): ProcessMap {
  return {
    format: MAP_FORMAT,
    version: MAP_VERSION,
    name,
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10, defaultHandOffRate: 25 },
    people: [],
    nodes: [],
    edges: [],
    acceptedFindings: [],
  };
}
