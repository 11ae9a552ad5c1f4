import { LIMITS, type MapNode } from '../../model';
import { listNames, plural } from '../import/reportLines';
import { humanizeType } from './bpmnNaming';
import { count, type DraftBuilder } from './draftBuilder';
import { elementList, isA, type ModdleElement, stringProp } from './moddleElement';
import { skippedNoun, stepKind } from './stepKind';

/** A link event met in a process: thrown ones become arrows to the matching caught one. */
export interface LinkEvent {
  event: ModdleElement;
  definition: ModdleElement;
  throws: boolean;
}

/** What a process holds besides its steps: what readProcessArrows turns into arrows. */
export interface ProcessParts {
  flows: ModdleElement[];
  boundaries: ModdleElement[];
  links: LinkEvent[];
  /**
   * Each embedded sub-process expanded in place -> the flow nodes directly inside it (steps,
   * or sub-processes expanded in turn); it has no step of its own.
   */
  expanded: Map<ModdleElement, ExpandedSubProcess>;
}

/** An embedded sub-process expanded in place. */
export interface ExpandedSubProcess {
  /** Its name after the names of the sub-processes around it: "Outer / Inner". */
  name: string;
  /** The flow nodes directly inside it. */
  flowNodes: ModdleElement[];
}

/**
 * How deep embedded sub-processes are expanded; one nested deeper becomes a single step. Real
 * models nest two or three levels; the bound keeps a hostile file from recursing without end.
 */
export const MAX_SUB_PROCESS_DEPTH = 8;

/** Where a container's flow nodes are read: the names around them and whose lane they are in. */
interface Scope {
  laneOwner: ReadonlyMap<ModdleElement, string>;
  /** Owner of steps not in a lane of their own: the pool, or the sub-process's owner. */
  owner: string | undefined;
  /** "Outer / Inner / ": the names of the sub-processes the steps are in. */
  prefix: string;
  depth: number;
}

/**
 * Reads a process's events, activities and gateways into steps (owned by their lane, or by
 * `pool`), and counts what it skips; returns its sequence flows, boundary and link events.
 * An embedded sub-process (one with flow elements inside, not an event sub-process) is
 * expanded in place: its inner steps become steps named "<sub-process> / <step>", recursively
 * up to {@link MAX_SUB_PROCESS_DEPTH} levels.
 */
export function readProcessSteps(
  b: DraftBuilder,
  process: ModdleElement,
  laneOwner: ReadonlyMap<ModdleElement, string>,
  pool: string | undefined,
): ProcessParts {
  const parts: ProcessParts = { flows: [], boundaries: [], links: [], expanded: new Map() };
  readContainer(b, parts, process, { laneOwner, owner: pool, prefix: '', depth: 0 });
  return parts;
}

/** Reads the flow elements of a process or sub-process; returns its flow nodes. */
function readContainer(
  b: DraftBuilder,
  parts: ProcessParts,
  container: ModdleElement,
  scope: Scope,
): ModdleElement[] {
  const flowNodes: ModdleElement[] = [];
  for (const element of elementList(container, 'flowElements')) {
    if (isA(element, 'bpmn:SequenceFlow')) {
      parts.flows.push(element);
      continue;
    }
    if (isA(element, 'bpmn:BoundaryEvent')) {
      parts.boundaries.push(element);
      continue;
    }
    const kind = stepKind(element);
    if (kind === undefined) {
      const noun = skippedNoun(element);
      if (noun !== undefined) count(b.skippedKinds, noun);
      continue;
    }
    if (isA(element, 'bpmn:SubProcess') && expandSubProcess(b, parts, element, scope)) {
      flowNodes.push(element);
      continue;
    }
    readStep(b, parts, element, kind, scope);
    flowNodes.push(element);
  }

  for (const artifact of elementList(container, 'artifacts')) {
    const noun = skippedNoun(artifact);
    if (noun !== undefined) count(b.skippedKinds, noun);
  }
  return flowNodes;
}

/**
 * Expands an embedded sub-process in place and says so; false when it is to stay one step
 * (nothing inside, or nested too deep).
 */
function expandSubProcess(
  b: DraftBuilder,
  parts: ProcessParts,
  subProcess: ModdleElement,
  scope: Scope,
): boolean {
  const steps = elementList(subProcess, 'flowElements').filter(
    (e) => !isA(e, 'bpmn:SequenceFlow') && stepKind(e) !== undefined,
  );
  if (steps.length === 0 || scope.depth >= MAX_SUB_PROCESS_DEPTH) return false;
  const name = `${scope.prefix}${stringProp(subProcess, 'name')?.trim() || 'Sub-process'}`;
  const before = b.nodes.length;
  const line = b.simplified.push('') - 1; // the outer sub-process is reported first
  const flowNodes = readContainer(b, parts, subProcess, {
    laneOwner: scope.laneOwner,
    owner: scope.laneOwner.get(subProcess) ?? scope.owner,
    prefix: `${name} / `,
    depth: scope.depth + 1,
  });
  parts.expanded.set(subProcess, { name, flowNodes });
  const made = b.nodes.length - before;
  b.simplified[line] =
    `Sub-process ${listNames([name])} was expanded in place: its ${plural(made, 'step')} ${made === 1 ? 'is' : 'are'} named '${name} / …'`;
  return true;
}

/** One flow node as one step. */
function readStep(
  b: DraftBuilder,
  parts: ProcessParts,
  element: ModdleElement,
  elementKind: MapNode['kind'],
  scope: Scope,
) {
  // Inside an expanded sub-process, its start and end events are where the arrows into and
  // out of the sub-process pass: steps of the flow, not starts and ends of the map.
  const kind =
    scope.depth > 0 && (elementKind === 'start' || elementKind === 'end') ? 'action' : elementKind;
  const node = makeNode(
    kind,
    b.ids.take(stringProp(element, 'id') ?? 'step'),
    b.label(element, scope.prefix),
  );
  const notes = documentation(element);
  if (notes !== undefined) node.notes = notes.slice(0, LIMITS.maxNotesLength);
  if (node.kind === 'decision' && !isA(element, 'bpmn:ExclusiveGateway')) {
    count(b.otherGateways, humanizeType(element.$type));
  }
  if (isA(element, 'bpmn:SubProcess')) {
    const inner = countInner(element);
    b.simplified.push(
      `Sub-process ${listNames([node.label])} became one step${inner > 0 ? ` (${plural(inner, 'inner part')} left out: it is nested more than ${MAX_SUB_PROCESS_DEPTH} deep)` : ''}`,
    );
  }
  if (isA(element, 'bpmn:IntermediateCatchEvent') || isA(element, 'bpmn:IntermediateThrowEvent')) {
    b.intermediates.push(node.label);
    const link = elementList(element, 'eventDefinitions').find((d) =>
      isA(d, 'bpmn:LinkEventDefinition'),
    );
    if (link !== undefined) {
      parts.links.push({
        event: element,
        definition: link,
        throws: isA(element, 'bpmn:ThrowEvent'),
      });
    }
  }
  const { durationMinutes } = b.leverflow(element);
  if (durationMinutes !== undefined && (node.kind === 'action' || node.kind === 'decision')) {
    node.durationMinutes = durationMinutes;
  }
  const owner = (scope.laneOwner.get(element) ?? scope.owner)?.slice(0, LIMITS.maxOwnerLength);
  if (owner && (node.kind === 'action' || node.kind === 'decision')) {
    node.ownerId = b.personFor(owner).id;
  }
  b.nodes.push(node);
  b.nodeOf.set(element, node.id);
  const elementId = stringProp(element, 'id');
  if (elementId !== undefined) b.shapeOf.set(node.id, elementId);
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
