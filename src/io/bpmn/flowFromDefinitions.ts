import { LIMITS, type MapEdge, type MapNode, type Person } from '../../model';
import { createIdAllocator } from '../import/createIdAllocator';
import { ImportError } from '../import/ImportError';
import { listNames, plural } from '../import/reportLines';
import { BPMN_EXPORTER } from './bpmnGeometry';
import { eventTrigger, fallbackLabel, humanizeType } from './bpmnNaming';
import { type Anchors, closeOpenPaths } from './closeOpenPaths';
import { laneOwners } from './laneOwners';
import { readLeverflowAttributes } from './leverflowAttributes';
import { elementList, elementProp, isA, type ModdleElement, stringProp } from './moddleElement';
import { PARALLEL_MARKER } from './parallelMarker';
import { skippedNoun, stepKind } from './stepKind';

/** A flowchart read out of BPMN definitions, before it is placed. */
export interface FlowDraft {
  name: string | undefined;
  /** Nodes at position (0, 0); placing them is the caller's job. */
  nodes: MapNode[];
  edges: MapEdge[];
  /** One person per lane (or pool) that owns steps, in the order first met. */
  people: Person[];
  /** Node id -> id of the BPMN element whose diagram shape places it. */
  shapeOf: Map<string, string>;
  /** Steps added on import -> the step they sit before or after. */
  anchors: Anchors;
  simplified: string[];
  skipped: string[];
  simplifiedNodeIds: string[];
}

/** Where a flow element went, for the report. */
type Counter = Map<string, number>;

function count(counter: Counter, key: string, by = 1): void {
  counter.set(key, (counter.get(key) ?? 0) + by);
}

/**
 * Turns every process of a BPMN file into one flowchart: events, activities and gateways
 * become steps; sequence flows, boundary events and link events become arrows; lanes become
 * owners. Paths that begin or stop without a start or end event get one added, as BPMN reads
 * them. Throws an {@link ImportError} when the file has no process with steps.
 * @example const draft = flowFromDefinitions(definitions);
 */
export function flowFromDefinitions(
  definitions: ModdleElement,
  drawnIds: ReadonlySet<string> = new Set(),
): FlowDraft {
  const roots = elementList(definitions, 'rootElements');
  const withSteps = roots.filter(
    (r) => isA(r, 'bpmn:Process') && elementList(r, 'flowElements').length > 0,
  );
  if (withSteps.length === 0) {
    throw new ImportError(
      'no-process',
      'The BPMN file has no process: there are no steps to import (a collaboration of empty pools, or only definitions).',
    );
  }
  const participants = roots
    .filter((r) => isA(r, 'bpmn:Collaboration'))
    .flatMap((c) => elementList(c, 'participants'));
  const participantOf = (process: ModdleElement): ModdleElement | undefined =>
    participants.find((p) => elementProp(p, 'processRef') === process);
  const poolName = (process: ModdleElement): string | undefined =>
    stringProp(participantOf(process) ?? process, 'name');
  const isDrawn = (process: ModdleElement): boolean =>
    [process, participantOf(process), ...elementList(process, 'flowElements')].some(
      (e) => e !== undefined && drawnIds.has(stringProp(e, 'id') ?? ''),
    );
  // A file with a diagram may also hold processes it does not draw (e.g. one that a call
  // activity calls); those are left out. A file with no diagram has all its processes read.
  const processes = drawnIds.size === 0 ? withSteps : withSteps.filter(isDrawn);
  const undrawn = withSteps.filter((p) => !processes.includes(p));

  const ids = createIdAllocator('step');
  const leverflow = readLeverflowAttributes(definitions);
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const nodeOf = new Map<ModdleElement, string>();
  const shapeOf = new Map<string, string>();
  const simplified: string[] = [];
  const skippedKinds: Counter = new Map();
  const skipped: string[] = [];
  const simplifiedNodeIds: string[] = [];
  const parallel: string[] = [];
  const otherGateways: Counter = new Map();
  const intermediates: string[] = [];
  const owners = new Map<string, Person>();
  const personFor = (name: string): Person => {
    let person = owners.get(name);
    if (!person) {
      person = {
        id: `lane-${owners.size + 1}`,
        name,
        role: 'staff',
        hourlyCost: 25,
        hoursPerWeek: 40,
      };
      owners.set(name, person);
    }
    return person;
  };
  const boundaryNames: string[] = [];
  let cutLabels = 0;
  let danglingArrows = 0;

  const label = (element: ModdleElement): string => {
    const text = stringProp(element, 'name') ?? fallbackLabel(element);
    if (text.length <= LIMITS.maxLabelLength) return text;
    cutLabels++;
    return text.slice(0, LIMITS.maxLabelLength);
  };
  const edgeLabel = (text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    if (text.length <= LIMITS.maxLabelLength) return text;
    cutLabels++;
    return text.slice(0, LIMITS.maxLabelLength);
  };
  const addEdge = (
    wanted: string,
    source: string,
    target: string,
    text?: string,
    probability?: number,
  ): void => {
    const edge: MapEdge = { id: ids.take(wanted), source, target };
    const cut = edgeLabel(text);
    if (cut !== undefined) edge.label = cut;
    if (probability !== undefined) edge.probability = probability;
    edges.push(edge);
  };

  if (undrawn.length > 0) {
    skipped.push(
      `Skipped ${plural(undrawn.length, 'process')} that the file's diagram does not draw: ${listNames(undrawn.map((p) => poolName(p) ?? stringProp(p, 'id')))}`,
    );
  }
  const pooled = processes.length > 1;
  if (pooled) {
    simplified.push(
      `Imported ${processes.length} processes (pools) into one map: ${listNames(processes.map(poolName))}`,
    );
  }

  for (const process of processes) {
    const laneOwner = laneOwners(process);
    const pool = pooled && laneOwner.size === 0 ? poolName(process)?.trim() : undefined;
    const flows: ModdleElement[] = [];
    const boundaries: ModdleElement[] = [];
    const links: { event: ModdleElement; definition: ModdleElement; throws: boolean }[] = [];

    for (const element of elementList(process, 'flowElements')) {
      if (isA(element, 'bpmn:SequenceFlow')) {
        flows.push(element);
        continue;
      }
      if (isA(element, 'bpmn:BoundaryEvent')) {
        boundaries.push(element);
        continue;
      }
      const kind = stepKind(element);
      if (kind === undefined) {
        const noun = skippedNoun(element);
        if (noun !== undefined) count(skippedKinds, noun);
        continue;
      }
      const node = makeNode(kind, ids.take(stringProp(element, 'id') ?? 'step'), label(element));
      const notes = documentation(element);
      if (isA(element, 'bpmn:ParallelGateway')) {
        node.notes = notes === undefined ? PARALLEL_MARKER : `${PARALLEL_MARKER}\n${notes}`;
        parallel.push(node.label);
        simplifiedNodeIds.push(node.id);
      } else if (notes !== undefined) {
        node.notes = notes;
      }
      if (node.notes !== undefined) node.notes = node.notes.slice(0, LIMITS.maxNotesLength);
      if (node.kind === 'decision' && !isA(element, 'bpmn:ParallelGateway')) {
        if (!isA(element, 'bpmn:ExclusiveGateway'))
          count(otherGateways, humanizeType(element.$type));
      }
      if (isA(element, 'bpmn:SubProcess')) {
        const inner = countInner(element);
        simplified.push(
          `Sub-process ${listNames([node.label])} became one step${inner > 0 ? ` (${plural(inner, 'inner part')} left out)` : ''}`,
        );
      }
      if (
        isA(element, 'bpmn:IntermediateCatchEvent') ||
        isA(element, 'bpmn:IntermediateThrowEvent')
      ) {
        intermediates.push(node.label);
        const link = elementList(element, 'eventDefinitions').find((d) =>
          isA(d, 'bpmn:LinkEventDefinition'),
        );
        if (link !== undefined) {
          links.push({ event: element, definition: link, throws: isA(element, 'bpmn:ThrowEvent') });
        }
      }
      const { durationMinutes } = leverflow(element);
      if (durationMinutes !== undefined && (node.kind === 'action' || node.kind === 'decision')) {
        node.durationMinutes = durationMinutes;
      }
      const owner = (laneOwner.get(element) ?? pool)?.slice(0, LIMITS.maxOwnerLength);
      if (owner && (node.kind === 'action' || node.kind === 'decision')) {
        node.ownerId = personFor(owner).id;
      }
      nodes.push(node);
      nodeOf.set(element, node.id);
      const elementId = stringProp(element, 'id');
      if (elementId !== undefined) shapeOf.set(node.id, elementId);
    }

    for (const artifact of elementList(process, 'artifacts')) {
      const noun = skippedNoun(artifact);
      if (noun !== undefined) count(skippedKinds, noun);
    }

    const boundarySet = new Set(boundaries);
    for (const flow of flows) {
      const from = elementProp(flow, 'sourceRef');
      if (from !== undefined && boundarySet.has(from)) continue;
      const source = from && nodeOf.get(from);
      const toElement = elementProp(flow, 'targetRef');
      const target = toElement && nodeOf.get(toElement);
      if (!source || !target) {
        danglingArrows++;
        continue;
      }
      addEdge(
        stringProp(flow, 'id') ?? 'flow',
        source,
        target,
        stringProp(flow, 'name'),
        leverflow(flow).probability,
      );
    }

    for (const boundary of boundaries) {
      const attachedTo = elementProp(boundary, 'attachedToRef');
      const source = attachedTo && nodeOf.get(attachedTo);
      const outgoing = flows.filter((f) => elementProp(f, 'sourceRef') === boundary);
      const eventName =
        stringProp(boundary, 'name')?.trim() || eventTrigger(boundary) || 'Boundary event';
      if (!source || outgoing.length === 0) {
        skipped.push(
          `Skipped boundary event ${listNames([eventName])}: ${source ? 'no flow leaves it' : 'the step it is attached to was not imported'}`,
        );
        continue;
      }
      for (const flow of outgoing) {
        const toElement = elementProp(flow, 'targetRef');
        const target = toElement && nodeOf.get(toElement);
        if (!target) {
          danglingArrows++;
          continue;
        }
        const flowName = stringProp(flow, 'name')?.trim();
        const text = flowName && flowName !== eventName ? `${eventName}: ${flowName}` : eventName;
        addEdge(stringProp(flow, 'id') ?? 'flow', source, target, text);
      }
      boundaryNames.push(eventName);
      simplifiedNodeIds.push(source);
    }

    for (const link of links.filter((l) => l.throws)) {
      const name = stringProp(link.definition, 'name') ?? stringProp(link.event, 'name');
      const target = elementProp(link.definition, 'target');
      const catcher = links.find(
        (l) =>
          !l.throws &&
          (l.definition === target ||
            (name !== undefined &&
              name !== '' &&
              (stringProp(l.definition, 'name') ?? stringProp(l.event, 'name')) === name)),
      );
      const source = nodeOf.get(link.event);
      const to = catcher && nodeOf.get(catcher.event);
      if (!source || !to) {
        skipped.push(`Skipped link event ${listNames([name])}: no matching catching link event`);
        continue;
      }
      addEdge(`${source}-link`, source, to);
      simplified.push(`Link event ${listNames([name])} became an arrow to its catching link event`);
      simplifiedNodeIds.push(source, to);
    }
  }

  if (parallel.length > 0) {
    simplified.push(
      `${plural(parallel.length, 'parallel gateway')} became ${parallel.length === 1 ? 'a decision' : 'decisions'}, marked parallel in the notes: ${listNames(parallel)}`,
    );
  }
  for (const [type, n] of otherGateways) {
    simplified.push(
      `${plural(n, type.toLowerCase())} became ${n === 1 ? 'a decision' : 'decisions'}`,
    );
  }
  if (intermediates.length > 0) {
    simplified.push(
      `${plural(intermediates.length, 'intermediate event')} became ${intermediates.length === 1 ? 'an action' : 'actions'}: ${listNames(intermediates)}`,
    );
  }
  if (boundaryNames.length > 0) {
    simplified.push(
      `${plural(boundaryNames.length, 'boundary event')} became ${boundaryNames.length === 1 ? 'a labelled arrow' : 'labelled arrows'} from the step ${boundaryNames.length === 1 ? 'it is' : 'each is'} attached to: ${listNames(boundaryNames)}`,
    );
  }
  if (owners.size > 0) {
    simplified.push(
      `Each step is owned by its ${pooled ? 'lane (or pool)' : 'lane'}: ${listNames([...owners.keys()], 6)}`,
    );
  }

  // Leverflow's own files are flowcharts already: a step with no way out there is a dead end
  // to show, not a BPMN path that ends implicitly.
  const anchors =
    stringProp(definitions, 'exporter') === BPMN_EXPORTER
      ? new Map()
      : closeOpenPaths(nodes, edges, ids, simplified, simplifiedNodeIds);

  for (const [noun, n] of skippedKinds) skipped.push(`Skipped ${plural(n, noun)}`);
  const messageFlows = roots
    .filter((r) => isA(r, 'bpmn:Collaboration'))
    .reduce((sum, c) => sum + elementList(c, 'messageFlows').length, 0);
  if (messageFlows > 0) {
    skipped.push(`Skipped ${plural(messageFlows, 'message flow')} between pools`);
  }
  if (danglingArrows > 0) {
    skipped.push(`Skipped ${plural(danglingArrows, 'arrow')} to or from parts that were skipped`);
  }
  if (cutLabels > 0) {
    simplified.push(
      `${plural(cutLabels, 'label')} longer than ${LIMITS.maxLabelLength} characters ${cutLabels === 1 ? 'was' : 'were'} cut`,
    );
  }
  if (ids.renamed > 0) {
    simplified.push(
      `${plural(ids.renamed, 'id')} too long or repeated ${ids.renamed === 1 ? 'was' : 'were'} renamed`,
    );
  }

  const name =
    stringProp(definitions, 'name') ??
    (processes.length === 1 && processes[0] ? poolName(processes[0]) : undefined);
  return {
    name,
    nodes,
    edges,
    people: [...owners.values()],
    shapeOf,
    anchors,
    simplified,
    skipped,
    simplifiedNodeIds,
  };
}

function makeNode(kind: MapNode['kind'], id: string, label: string): MapNode {
  return { id, kind, label, position: { x: 0, y: 0 } };
}

function documentation(element: ModdleElement): string | undefined {
  const text = elementList(element, 'documentation')
    .map((d) => stringProp(d, 'text')?.trim() ?? '')
    .filter((t) => t !== '')
    .join('\n\n');
  return text === '' ? undefined : text;
}

/** Flow nodes inside a sub-process, at any depth. */
function countInner(subProcess: ModdleElement): number {
  let n = 0;
  for (const element of elementList(subProcess, 'flowElements')) {
    if (isA(element, 'bpmn:SequenceFlow')) continue;
    n += 1 + (isA(element, 'bpmn:SubProcess') ? countInner(element) : 0);
  }
  return n;
}
