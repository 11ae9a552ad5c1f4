import type { BoundaryChain, Exit } from './boundaryChains';
import type { DraftBuilder } from './draftBuilder';
import { elementProp, isA, type ModdleElement } from './moddleElement';
import type { ProcessParts } from './readProcessSteps';

/** Where arrows into and out of each BPMN flow node attach, once sub-processes are expanded. */
export interface FlowEnds {
  /** The step an arrow into the element goes to, or undefined when it was not imported. */
  entry(element: ModdleElement): string | undefined;
  /** Where the arrows of the element's normal way on leave from. */
  exits(element: ModdleElement): Exit[];
  /** The step the inside of an expanded sub-process begins at. */
  innerEntry(subProcess: ModdleElement): string | undefined;
}

/**
 * Where flows attach. A step is entered and left at itself, except that its normal way on
 * leaves from the end of its boundary chain (the "No" of the last boundary decision). An
 * expanded sub-process is entered at its boundary chain, if it has one, else at its inside:
 * its start event, or the steps inside with nothing coming in (several at once through an
 * added parallel split, as BPMN starts them all). It is left from its inside's ends: its end
 * events and the steps inside with no way on (through an added join when they are all
 * reached in every case).
 */
export function createFlowEnds(
  b: DraftBuilder,
  parts: ProcessParts,
  chains: ReadonlyMap<ModdleElement, BoundaryChain>,
): FlowEnds {
  const hasIn = new Set<ModdleElement>();
  const hasOut = new Set<ModdleElement>();
  for (const flow of parts.flows) {
    const source = elementProp(flow, 'sourceRef');
    const target = elementProp(flow, 'targetRef');
    if (source !== undefined) hasOut.add(source);
    if (target !== undefined) hasIn.add(target);
  }
  const links = new Map(parts.links.map((l) => [l.event, l.throws]));
  const innerEntries = new Map<ModdleElement, string | undefined>();
  const exitMemo = new Map<ModdleElement, Exit[]>();

  const innerEntry = (subProcess: ModdleElement): string | undefined => {
    if (innerEntries.has(subProcess)) return innerEntries.get(subProcess);
    const inside = parts.expanded.get(subProcess);
    let found: string | undefined;
    if (inside !== undefined) {
      const starts = inside.flowNodes.filter((e) => isA(e, 'bpmn:StartEvent'));
      const firsts =
        starts.length > 0
          ? starts
          : inside.flowNodes.filter((e) => !hasIn.has(e) && links.get(e) !== false);
      const ids = firsts.map(entry).filter((id) => id !== undefined);
      found = ids.length <= 1 ? ids[0] : splitInto(b, inside.name, ids);
    }
    innerEntries.set(subProcess, found);
    return found;
  };

  const entry = (element: ModdleElement): string | undefined => {
    if (!parts.expanded.has(element)) return b.nodeOf.get(element);
    return chains.get(element)?.head ?? innerEntry(element);
  };

  const exits = (element: ModdleElement): Exit[] => {
    const known = exitMemo.get(element);
    if (known !== undefined) return known;
    let found: Exit[];
    const inside = parts.expanded.get(element);
    if (inside !== undefined) {
      found = inside.flowNodes
        .filter((e) => isA(e, 'bpmn:EndEvent') || (!hasOut.has(e) && links.get(e) !== true))
        .flatMap(exits);
      if (found.length > 1 && choiceFree(element)) {
        found = [{ id: joinFrom(b, `${inside.name}: all done`, found) }];
      }
    } else {
      // A task with an interrupting event and several normal flows: every flow leaves from
      // the decision's No, so the decision picks one of them (BPMN would take all the
      // unconditional ones). No reference model has such a task.
      const chain = chains.get(element);
      const id = b.nodeOf.get(element);
      found = chain !== undefined ? [chain.tail] : id === undefined ? [] : [{ id }];
    }
    exitMemo.set(element, found);
    return found;
  };

  const outCount = new Map<ModdleElement, number>();
  for (const flow of parts.flows) {
    const source = elementProp(flow, 'sourceRef');
    if (source !== undefined) outCount.set(source, (outCount.get(source) ?? 0) + 1);
  }
  const kindOf = new Map(b.nodes.map((n) => [n.id, n.kind]));
  /**
   * True when nothing inside a sub-process picks a way: no decision, no interrupting boundary
   * event, no step with several ways on that is not a parallel split. Then every case reaches
   * every one of its ends, and BPMN's rule that a sub-process is done when all its work is
   * done is exactly a join of its ends. Where something inside chooses, its ends are merged
   * instead (one arrival each): exact when the ends are alternatives, and reported as lack of
   * sync when parallel branches of a choosing sub-process end separately.
   */
  const choiceFree = (subProcess: ModdleElement): boolean =>
    (parts.expanded.get(subProcess)?.flowNodes ?? []).every((e) => {
      if (chains.get(e)?.events.some((event) => event.interrupting) === true) return false;
      if (parts.expanded.has(e)) return choiceFree(e);
      const id = b.nodeOf.get(e);
      const kind = id === undefined ? undefined : kindOf.get(id);
      if (kind === 'decision') return false;
      return kind === 'parallel' || (outCount.get(e) ?? 0) <= 1;
    });

  return { entry, exits, innerEntry };
}

/** A parallel split that starts every step a sub-process begins with at once. */
function splitInto(b: DraftBuilder, name: string, targets: string[]): string {
  const first = targets[0]!;
  const id = b.ids.take(`${first}-with`);
  b.nodes.push({ id, kind: 'parallel', label: b.cut(name), position: { x: 0, y: 0 } });
  b.anchors.set(id, { nodeId: first, side: 'before' });
  b.simplifiedNodeIds.push(id);
  for (const target of targets) b.addEdge(`${id}-${target}`, id, target);
  return id;
}

/** A parallel join where every end of a sub-process that picks no way meets: it is done. */
function joinFrom(b: DraftBuilder, label: string, exits: Exit[]): string {
  const first = exits[0]!.id;
  const id = b.ids.take(`${first}-done`);
  b.nodes.push({ id, kind: 'parallel', label: b.cut(label), position: { x: 0, y: 0 } });
  b.anchors.set(id, { nodeId: first, side: 'after' });
  b.simplifiedNodeIds.push(id);
  for (const exit of exits) b.addEdge(`${exit.id}-${id}`, exit.id, id, exit.label);
  return id;
}
