import { LIMITS, type MapEdge, type MapNode, type Person } from '../../model';
import { createIdAllocator, type IdAllocator } from '../import/createIdAllocator';
import { fallbackLabel } from './bpmnNaming';
import type { Anchors } from './closeOpenPaths';
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
  /** Labels of intermediate events met. */
  intermediates: string[];
  /** Labels of the decisions and parallel splits made from boundary events. */
  boundaryDecisions: string[];
  boundarySplits: string[];
  /** Steps added on import with no shape of their own -> the step they sit before or after. */
  anchors: Anchors;
  /**
   * Steps made from boundary events -> the BPMN id of the task or sub-process they are drawn
   * on: placed a little further out than the event's shape, so they do not cover it.
   */
  awayFrom: Map<string, string>;
  /** Gateways other than exclusive and parallel, by type. */
  otherGateways: Counter;
  /** One person per lane (or pool) name. */
  owners: Map<string, Person>;
  cutLabels: number;
  danglingArrows: number;
  /** The person for a lane (or pool), made the first time it is met. */
  personFor(name: string): Person;
  /**
   * An element's name (or a fallback), after `prefix` (the names of the sub-processes it is
   * in), cut to the longest label a map takes. An unnamed element stays unnamed.
   */
  label(element: ModdleElement, prefix?: string): string;
  /** Cuts a label to the longest a map takes, and counts it when it was cut. */
  cut(text: string): string;
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
    boundaryDecisions: [],
    boundarySplits: [],
    anchors: new Map(),
    awayFrom: new Map(),
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
    label: (element, prefix = '') => {
      const name = stringProp(element, 'name') ?? fallbackLabel(element);
      return cut(name === '' ? '' : `${prefix}${name}`);
    },
    cut,
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
