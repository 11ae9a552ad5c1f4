import { listNames } from '../import/reportLines';
import { type BoundaryChain, makeBoundaryChains } from './boundaryChains';
import type { DraftBuilder } from './draftBuilder';
import { createFlowEnds, type FlowEnds } from './flowEnds';
import { flowLabel } from './flowLabel';
import { elementProp, type ModdleElement, stringProp } from './moddleElement';
import type { ProcessParts } from './readProcessSteps';

/**
 * Turns a process's sequence flows, boundary events and link events into arrows between
 * the steps readProcessSteps made, through expanded sub-processes.
 */
export function readProcessArrows(b: DraftBuilder, parts: ProcessParts) {
  const chains = makeBoundaryChains(b, parts);
  const ends = createFlowEnds(b, parts, chains);
  for (const [host, chain] of chains) readChain(b, parts, ends, host, chain);
  readFlows(b, parts, ends);
  readLinkEvents(b, parts.links);
}

/** "No" plus a flow's own label: "No: late". */
function branch(prefix: string | undefined, label: string | undefined): string | undefined {
  if (prefix === undefined) return label;
  return label === undefined || label.trim() === '' ? prefix : `${prefix}: ${label}`;
}

/**
 * The arrows of one boundary chain: into it, and out along each event's path.
 *
 * On a task, the chain comes after the task: the event happens while the task runs, and the
 * task's time is spent either way. On an expanded sub-process, the chain is where the
 * sub-process is entered, before its inside. An interrupting event there can stop the
 * sub-process at any point, cancelling all its work in progress. A decision after the
 * inside's end would be wrong: a case could then not leave early. Decisions after every inner
 * step would leave the other branches' work behind in a parallel sub-process (BPMN cancels
 * it, a map cannot). Deciding on entry gives the flow after the sub-process exactly BPMN's
 * two outcomes: either the sub-process ran to its end, or the case left by the event's path
 * with nothing left inside. So the analysis stays exact about deadlocks and lack of sync. What
 * it cannot say is how much of the inside ran before the event: a cut-short case counts none
 * of the inner steps' time.
 */
function readChain(
  b: DraftBuilder,
  parts: ProcessParts,
  ends: FlowEnds,
  host: ModdleElement,
  chain: BoundaryChain,
) {
  if (parts.expanded.has(host)) {
    const inside = ends.innerEntry(host);
    if (inside !== undefined) {
      b.addEdge(`${chain.tail.id}-on`, chain.tail.id, inside, chain.tail.label);
    }
  } else {
    const task = b.nodeOf.get(host);
    if (task !== undefined) b.addEdge(`${chain.head}-in`, task, chain.head);
    if (chain.tail.label !== undefined && !parts.flows.some((f) => isFrom(f, host))) {
      addEnd(b, chain.tail);
    }
  }
  for (const { boundary, nodeId, interrupting } of chain.events) {
    for (const flow of parts.flows.filter((f) => isFrom(f, boundary))) {
      const toElement = elementProp(flow, 'targetRef');
      const target = toElement && ends.entry(toElement);
      if (!target) {
        b.danglingArrows++;
        continue;
      }
      const label = flowLabel(flow);
      b.addEdge(
        stringProp(flow, 'id') ?? 'flow',
        nodeId,
        target,
        interrupting ? branch('Yes', label) : label,
      );
    }
  }
}

function isFrom(flow: ModdleElement, element: ModdleElement): boolean {
  return elementProp(flow, 'sourceRef') === element;
}

/**
 * A task with an interrupting boundary event and no way on of its own: when the event does
 * not happen, the path stops there, so the decision's "No" goes to an added end.
 */
function addEnd(b: DraftBuilder, from: { id: string; label?: string }) {
  const id = b.ids.take(`${from.id}-end`);
  b.nodes.push({
    id,
    kind: 'end',
    label: 'End',
    position: { x: 0, y: 0 },
    notes: 'Added on import: in the BPMN file this path stops here without an end event.',
  });
  b.addEdge(`${from.id}-to-end`, from.id, id, from.label);
  b.anchors.set(id, { nodeId: from.id, side: 'after' });
  b.simplifiedNodeIds.push(id);
}

/**
 * Sequence flows between steps (those out of boundary events are read with the event). A
 * flow out of an expanded sub-process leaves from each of its inner ends.
 */
function readFlows(b: DraftBuilder, parts: ProcessParts, ends: FlowEnds) {
  const boundarySet = new Set<unknown>(parts.boundaries);
  for (const flow of parts.flows) {
    const from = elementProp(flow, 'sourceRef');
    if (from !== undefined && boundarySet.has(from)) continue;
    const sources = from === undefined ? [] : ends.exits(from);
    const toElement = elementProp(flow, 'targetRef');
    const target = toElement && ends.entry(toElement);
    if (sources.length === 0 || !target) {
      b.danglingArrows++;
      continue;
    }
    const id = stringProp(flow, 'id') ?? 'flow';
    const { probability } = b.leverflow(flow);
    sources.forEach((exit, i) => {
      b.addEdge(
        i === 0 ? id : `${id}-from-${exit.id}`,
        exit.id,
        target,
        branch(exit.label, flowLabel(flow)),
        sources.length === 1 ? probability : undefined,
      );
    });
  }
}

/** A throwing link event becomes an arrow to its catching link event. */
function readLinkEvents(b: DraftBuilder, links: ProcessParts['links']) {
  const caught = new Set<unknown>();
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
    const source = b.nodeOf.get(link.event);
    const to = catcher && b.nodeOf.get(catcher.event);
    if (!source || !to) {
      b.skipped.push(`Skipped link event ${listNames([name])}: no matching catching link event`);
      continue;
    }
    caught.add(catcher.event);
    b.addEdge(`${source}-link`, source, to);
    b.simplified.push(`Link event ${listNames([name])} became an arrow to its catching link event`);
    b.simplifiedNodeIds.push(source, to);
  }
  markUnlinkedCatches(b, links, caught);
}

/**
 * A catching link event no throwing one leads to is where nothing arrives: it stays without
 * an added start, so the analysis says no case reaches it (BPMN's implicit start does not
 * apply to a link catch).
 */
function markUnlinkedCatches(b: DraftBuilder, links: ProcessParts['links'], caught: Set<unknown>) {
  for (const link of links) {
    if (link.throws || caught.has(link.event)) continue;
    const id = b.nodeOf.get(link.event);
    if (id === undefined) continue;
    b.unlinkedCatches.add(id);
    const name = stringProp(link.definition, 'name') ?? stringProp(link.event, 'name');
    b.simplified.push(
      `Catching link event ${listNames([name ?? ''])} has no throwing link event leading to it: nothing reaches it`,
    );
  }
}
