import type { MapEdge, MapNode, MapSettings, Person, ProcessMap, StepNode } from '../../model';

type StepSpec = { id: string; label?: string; kind?: 'action' | 'decision' } & Partial<
  Omit<StepNode, 'id' | 'label' | 'kind' | 'position'>
>;

/** People for tests: the owner "Me" and the "Virtual assistant" of the example map. */
export const ME: Person = {
  id: 'me',
  name: 'Me',
  role: 'owner',
  hourlyCost: 500,
  hoursPerWeek: 40,
};
export const VA: Person = {
  id: 'va',
  name: 'Virtual assistant',
  role: 'outsourcer',
  hourlyCost: 25,
  hoursPerWeek: 20,
};

/**
 * A straight-line map for tests: start, the steps in order, end; extra arrows (e.g. a loop
 * back from a decision) as [source, target, probability?]. Arrows out of a decision to the
 * next step get `probability` from `forward` when given.
 * @example lineMap([{ id: 'a', durationMinutes: 30 }], { settings: { targetHourlyRate: 500 } })
 */
export function lineMap(
  steps: StepSpec[],
  options: {
    settings?: Partial<MapSettings>;
    people?: Person[];
    extraEdges?: [string, string, number?][];
    forward?: Record<string, number>;
  } = {},
): ProcessMap {
  const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } }];
  steps.forEach(({ id, label, kind = 'action', ...fields }, i) => {
    nodes.push({ ...fields, id, kind, label: label ?? id, position: { x: 0, y: (i + 1) * 100 } });
  });
  nodes.push({
    id: 'e',
    kind: 'end',
    label: 'End',
    position: { x: 0, y: (steps.length + 1) * 100 },
  });
  const ids = nodes.map((n) => n.id);
  const edges: MapEdge[] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    const edge: MapEdge = { id: `f${i}`, source: ids[i]!, target: ids[i + 1]! };
    const p = options.forward?.[ids[i]!];
    if (p !== undefined) edge.probability = p;
    edges.push(edge);
  }
  (options.extraEdges ?? []).forEach(([source, target, probability], i) => {
    const edge: MapEdge = { id: `x${i}`, source, target };
    if (probability !== undefined) edge.probability = probability;
    edges.push(edge);
  });
  return {
    format: 'leverflow-map',
    version: 3,
    name: 'leverage test',
    settings: {
      currency: 'USD',
      targetHourlyRate: 500,
      casesPerWeek: 20,
      defaultHandOffRate: 25,
      ...options.settings,
    },
    people: options.people ?? [ME, VA],
    nodes,
    edges,
    acceptedFindings: [],
  };
}
