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
}

/**
 * Reads a process's events, activities and gateways into steps (owned by their lane, or by
 * `pool`), and counts what it skips; returns its sequence flows, boundary and link events.
 */
export function readProcessSteps(
  b: DraftBuilder,
  process: ModdleElement,
  laneOwner: ReadonlyMap<ModdleElement, string>,
  pool: string | undefined,
): ProcessParts {
  const parts: ProcessParts = { flows: [], boundaries: [], links: [] };
  for (const element of elementList(process, 'flowElements')) {
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
    const node = makeNode(kind, b.ids.take(stringProp(element, 'id') ?? 'step'), b.label(element));
    const notes = documentation(element);
    if (notes !== undefined) node.notes = notes;
    if (node.notes !== undefined) node.notes = node.notes.slice(0, LIMITS.maxNotesLength);
    if (node.kind === 'decision' && !isA(element, 'bpmn:ExclusiveGateway')) {
      count(b.otherGateways, humanizeType(element.$type));
    }
    if (isA(element, 'bpmn:SubProcess')) {
      const inner = countInner(element);
      b.simplified.push(
        `Sub-process ${listNames([node.label])} became one step${inner > 0 ? ` (${plural(inner, 'inner part')} left out)` : ''}`,
      );
    }
    if (
      isA(element, 'bpmn:IntermediateCatchEvent') ||
      isA(element, 'bpmn:IntermediateThrowEvent')
    ) {
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
    const owner = (laneOwner.get(element) ?? pool)?.slice(0, LIMITS.maxOwnerLength);
    if (owner && (node.kind === 'action' || node.kind === 'decision')) {
      node.ownerId = b.personFor(owner).id;
    }
    b.nodes.push(node);
    b.nodeOf.set(element, node.id);
    const elementId = stringProp(element, 'id');
    if (elementId !== undefined) b.shapeOf.set(node.id, elementId);
  }

  for (const artifact of elementList(process, 'artifacts')) {
    const noun = skippedNoun(artifact);
    if (noun !== undefined) count(b.skippedKinds, noun);
  }
  return parts;
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
