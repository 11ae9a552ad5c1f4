import { LIMITS, type MapEdge, type MapNode, type Person } from '../../model';
import { createIdAllocator, type IdAllocator } from '../import/createIdAllocator';
import { fallbackLabel } from './bpmnNaming';
import type { readLeverflowAttributes } from './leverflowAttributes';
import { type ModdleElement, stringProp } from './moddleElement';

/** Where a flow element went, for the report. */
export type Counter = Map<string, number>;

export function count(counter: Counter, key: string, by = 1): void {
  counter.set(key, (counter.get(key) ?? 0) + by);
}

/**
 * What flowFromDefinitions gathers while it reads the processes: the steps and arrows,
 * and what the report will say about them.
 */
export interface DraftBuilder {
  ids: IdAllocator;
  leverflow: ReturnType<typeof readLeverflowAttributes>;
  nodes: MapNode[];
  edges: MapEdge[];
  /** BPMN element -> the id of the step made from it. */
  nodeOf: Map<ModdleElement, string>;
  /** Node id -> id of the BPMN element whose diagram shape places it. */
  shapeOf: Map<string, string>;
  simplified: string[];
  skipped: string[];
  skippedKinds: Counter;
  simplifiedNodeIds: string[];
  /** Steps made from catching link events no throwing link event leads to: nothing reaches them. */
  unlinkedCatches: Set<string>;
  /** Labels of intermediate events and boundary events met. */
  intermediates: string[];
  boundaryNames: string[];
  /** Gateways other than exclusive and parallel, by type. */
  otherGateways: Counter;
  /** One person per lane (or pool) name. */
  owners: Map<string, Person>;
  cutLabels: number;
  danglingArrows: number;
  /** The person for a lane (or pool), made the first time it is met. */
  personFor(name: string): Person;
  /** An element's name (or a fallback), cut to the longest label a map takes. */
  label(element: ModdleElement): string;
  addEdge(wanted: string, source: string, target: string, text?: string, p?: number): void;
}

export function createDraftBuilder(
  leverflow: ReturnType<typeof readLeverflowAttributes>,
): DraftBuilder {
  const cut = (text: string): string => {
    if (text.length <= LIMITS.maxLabelLength) return text;
    b.cutLabels++;
    return text.slice(0, LIMITS.maxLabelLength);
  };
  const b: DraftBuilder = {
    ids: createIdAllocator('step'),
    leverflow,
    nodes: [],
    edges: [],
    nodeOf: new Map(),
    shapeOf: new Map(),
    simplified: [],
    skipped: [],
    skippedKinds: new Map(),
    simplifiedNodeIds: [],
    unlinkedCatches: new Set(),
    intermediates: [],
    boundaryNames: [],
    otherGateways: new Map(),
    owners: new Map(),
    cutLabels: 0,
    danglingArrows: 0,
    personFor(name) {
      let person = b.owners.get(name);
      if (!person) {
        person = {
          id: `lane-${b.owners.size + 1}`,
          name,
          role: 'staff',
          hourlyCost: 25,
          hoursPerWeek: 40,
        };
        b.owners.set(name, person);
      }
      return person;
    },
    label: (element) => cut(stringProp(element, 'name') ?? fallbackLabel(element)),
    addEdge(wanted, source, target, text, probability) {
      const edge: MapEdge = { id: b.ids.take(wanted), source, target };
      const label = text === undefined ? undefined : cut(text);
      if (label !== undefined) edge.label = label;
      if (probability !== undefined) edge.probability = probability;
      b.edges.push(edge);
    },
  };
  return b;
}
