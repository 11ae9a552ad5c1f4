import type { MapNode } from '../../model';
import { listNames } from '../import/reportLines';
import { eventTrigger } from './bpmnNaming';
import type { DraftBuilder } from './draftBuilder';
import { elementProp, type ModdleElement, stringProp } from './moddleElement';
import type { ProcessParts } from './readProcessSteps';

/** Where arrows leave from: a step, and the branch label they carry ("No" after a decision). */
export interface Exit {
  id: string;
  label?: string;
}

/** The steps made from the boundary events of one task or sub-process, in the order they run. */
export interface BoundaryChain {
  /** The first of them: it follows the task, or is where the sub-process is entered. */
  head: string;
  /** The last of them: where the normal way on continues. */
  tail: Exit;
  /** Each boundary event and its step, whose arrows out follow the event's path. */
  events: { boundary: ModdleElement; nodeId: string; interrupting: boolean }[];
}

/**
 * The name a boundary event is shown by: its name, else its trigger ("Timer"), else
 * "Boundary event".
 * @example boundaryEventName(unnamedTimer) // 'Timer'
 */
export function boundaryEventName(boundary: ModdleElement): string {
  return stringProp(boundary, 'name')?.trim() || eventTrigger(boundary) || 'Boundary event';
}

/**
 * Makes a step of every boundary event that a flow leaves, grouped by the task or sub-process
 * it is attached to. An interrupting event (the default in BPMN) becomes a decision
 * "<event> happened?": Yes follows the event's path, No the normal way on, as only one of
 * them happens. A non-interrupting one (cancelActivity="false") becomes a parallel split: the
 * event's path runs and the normal way on goes on too. Non-interrupting events come first, so
 * their paths run whichever way an interrupting one then goes. The arrows between the chain
 * and its host are drawn by readProcessArrows, which knows where each element is entered.
 * Boundary events that no flow leaves, or whose host was not imported, are skipped and said so.
 */
export function makeBoundaryChains(
  b: DraftBuilder,
  { boundaries, flows, expanded }: ProcessParts,
): Map<ModdleElement, BoundaryChain> {
  const byHost = new Map<ModdleElement, ModdleElement[]>();
  for (const boundary of boundaries) {
    const host = elementProp(boundary, 'attachedToRef');
    const imported = host !== undefined && (b.nodeOf.has(host) || expanded.has(host));
    const leaves = flows.some((f) => elementProp(f, 'sourceRef') === boundary);
    if (!imported || !leaves) {
      b.skipped.push(
        `Skipped boundary event ${listNames([boundaryEventName(boundary)])}: ${imported ? 'no flow leaves it' : 'the step it is attached to was not imported'}`,
      );
      continue;
    }
    byHost.set(host, [...(byHost.get(host) ?? []), boundary]);
  }

  const chains = new Map<ModdleElement, BoundaryChain>();
  for (const [host, attached] of byHost) {
    const ordered = [
      ...attached.filter((e) => !isInterrupting(e)),
      ...attached.filter(isInterrupting),
    ];
    const events: BoundaryChain['events'] = [];
    let tail: Exit | undefined;
    for (const boundary of ordered) {
      const interrupting = isInterrupting(boundary);
      const name = boundaryEventName(boundary);
      const node: MapNode = {
        id: b.ids.take(stringProp(boundary, 'id') ?? 'boundary'),
        kind: interrupting ? 'decision' : 'parallel',
        label: b.cut(interrupting ? `${name} happened?` : name),
        position: { x: 0, y: 0 },
      };
      b.nodes.push(node);
      b.nodeOf.set(boundary, node.id);
      const shape = stringProp(boundary, 'id');
      if (shape !== undefined) b.shapeOf.set(node.id, shape);
      const hostId = stringProp(host, 'id');
      if (hostId !== undefined) b.awayFrom.set(node.id, hostId);
      b.simplifiedNodeIds.push(node.id);
      (interrupting ? b.boundaryDecisions : b.boundarySplits).push(node.label);
      if (tail !== undefined) b.addEdge(`${node.id}-in`, tail.id, node.id, tail.label);
      tail = interrupting ? { id: node.id, label: 'No' } : { id: node.id };
      events.push({ boundary, nodeId: node.id, interrupting });
    }
    const head = events[0]?.nodeId;
    if (head !== undefined && tail !== undefined) chains.set(host, { head, tail, events });
  }
  return chains;
}

/** BPMN's cancelActivity defaults to true: a boundary event interrupts unless it says not. */
function isInterrupting(boundary: ModdleElement): boolean {
  return boundary.cancelActivity !== false;
}
