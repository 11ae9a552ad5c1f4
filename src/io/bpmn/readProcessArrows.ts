import { listNames } from '../import/reportLines';
import { eventTrigger } from './bpmnNaming';
import type { DraftBuilder } from './draftBuilder';
import { flowLabel } from './flowLabel';
import { elementProp, stringProp } from './moddleElement';
import type { ProcessParts } from './readProcessSteps';

/**
 * Turns a process's sequence flows, boundary events and link events into arrows between
 * the steps readProcessSteps made.
 */
export function readProcessArrows(b: DraftBuilder, { flows, boundaries, links }: ProcessParts) {
  readFlows(b, flows, new Set(boundaries));
  readBoundaryEvents(b, boundaries, flows);
  readLinkEvents(b, links);
}

/** Sequence flows between steps (those out of boundary events are read with the event). */
function readFlows(
  b: DraftBuilder,
  flows: ProcessParts['flows'],
  boundarySet: ReadonlySet<unknown>,
) {
  for (const flow of flows) {
    const from = elementProp(flow, 'sourceRef');
    if (from !== undefined && boundarySet.has(from)) continue;
    const source = from && b.nodeOf.get(from);
    const toElement = elementProp(flow, 'targetRef');
    const target = toElement && b.nodeOf.get(toElement);
    if (!source || !target) {
      b.danglingArrows++;
      continue;
    }
    b.addEdge(
      stringProp(flow, 'id') ?? 'flow',
      source,
      target,
      flowLabel(flow),
      b.leverflow(flow).probability,
    );
  }
}

/** A boundary event becomes a labelled arrow from the step it is attached to. */
function readBoundaryEvents(
  b: DraftBuilder,
  boundaries: ProcessParts['boundaries'],
  flows: ProcessParts['flows'],
) {
  for (const boundary of boundaries) {
    const attachedTo = elementProp(boundary, 'attachedToRef');
    const source = attachedTo && b.nodeOf.get(attachedTo);
    const outgoing = flows.filter((f) => elementProp(f, 'sourceRef') === boundary);
    const eventName =
      stringProp(boundary, 'name')?.trim() || eventTrigger(boundary) || 'Boundary event';
    if (!source || outgoing.length === 0) {
      b.skipped.push(
        `Skipped boundary event ${listNames([eventName])}: ${source ? 'no flow leaves it' : 'the step it is attached to was not imported'}`,
      );
      continue;
    }
    for (const flow of outgoing) {
      const toElement = elementProp(flow, 'targetRef');
      const target = toElement && b.nodeOf.get(toElement);
      if (!target) {
        b.danglingArrows++;
        continue;
      }
      const flowName = stringProp(flow, 'name')?.trim();
      const text = flowName && flowName !== eventName ? `${eventName}: ${flowName}` : eventName;
      b.addEdge(stringProp(flow, 'id') ?? 'flow', source, target, text);
    }
    b.boundaryNames.push(eventName);
    b.simplifiedNodeIds.push(source);
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
