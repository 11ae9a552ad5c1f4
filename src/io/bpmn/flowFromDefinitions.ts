import { LIMITS, type MapEdge, type MapNode, type Person } from '../../model';
import { ImportError } from '../import/ImportError';
import { listNames, plural } from '../import/reportLines';
import { BPMN_EXPORTER } from './bpmnGeometry';
import { type Anchors, closeOpenPaths } from './closeOpenPaths';
import { createDraftBuilder, type DraftBuilder } from './draftBuilder';
import { laneOwners } from './laneOwners';
import { readLeverflowAttributes } from './leverflowAttributes';
import { elementList, elementProp, isA, type ModdleElement, stringProp } from './moddleElement';
import { readProcessArrows } from './readProcessArrows';
import { readProcessSteps } from './readProcessSteps';

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
  /** Node id -> id of the BPMN element it is moved out from (boundary events off their task). */
  awayFrom: Map<string, string>;
  /** Steps added on import -> the step they sit before or after. */
  anchors: Anchors;
  simplified: string[];
  skipped: string[];
  simplifiedNodeIds: string[];
}

/**
 * Turns every process of a BPMN file into one flowchart: events, activities and gateways
 * become steps, embedded sub-processes are expanded in place; sequence flows and link events
 * become arrows, boundary events decisions or parallel splits; lanes become owners. Paths that begin or stop without a start or end event get one added, as BPMN reads
 * them. Throws an {@link ImportError} when the file has no process with steps.
 * @example const draft = flowFromDefinitions(definitions);
 */
export function flowFromDefinitions(
  definitions: ModdleElement,
  drawnIds: ReadonlySet<string> = new Set(),
): FlowDraft {
  const roots = elementList(definitions, 'rootElements');
  const { processes, undrawn, poolName } = selectProcesses(roots, drawnIds);
  const b = createDraftBuilder(readLeverflowAttributes(definitions));

  if (undrawn.length > 0) {
    b.skipped.push(
      `Skipped ${plural(undrawn.length, 'process')} that the file's diagram does not draw: ${listNames(undrawn.map((p) => poolName(p) ?? stringProp(p, 'id')))}`,
    );
  }
  const pooled = processes.length > 1;
  if (pooled) {
    b.simplified.push(
      `Imported ${processes.length} processes (pools) into one map: ${listNames(processes.map(poolName))}`,
    );
  }

  for (const process of processes) {
    const laneOwner = laneOwners(process);
    const pool = pooled && laneOwner.size === 0 ? poolName(process)?.trim() : undefined;
    readProcessArrows(b, readProcessSteps(b, process, laneOwner, pool));
  }

  reportConversions(b, pooled);
  // Leverflow's own files are flowcharts already: a step with no way out there is a dead end
  // to show, not a BPMN path that ends implicitly.
  const closed =
    stringProp(definitions, 'exporter') === BPMN_EXPORTER
      ? new Map()
      : closeOpenPaths(
          b.nodes,
          b.edges,
          b.ids,
          b.simplified,
          b.simplifiedNodeIds,
          b.unlinkedCatches,
        );
  const anchors: Anchors = new Map([...b.anchors, ...closed]);
  reportLosses(b, roots);

  const name =
    stringProp(definitions, 'name') ??
    (processes.length === 1 && processes[0] ? poolName(processes[0]) : undefined);
  return {
    name,
    nodes: b.nodes,
    edges: b.edges,
    people: [...b.owners.values()],
    shapeOf: b.shapeOf,
    awayFrom: b.awayFrom,
    anchors,
    simplified: b.simplified,
    skipped: b.skipped,
    simplifiedNodeIds: b.simplifiedNodeIds,
  };
}

/**
 * The processes to read: those with steps, and, when the file has a diagram, only those it
 * draws (a file may also hold a process that a call activity calls). Throws an
 * {@link ImportError} when no process has steps.
 */
function selectProcesses(roots: ModdleElement[], drawnIds: ReadonlySet<string>) {
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
  return { processes, undrawn, poolName };
}

/** Report lines on what BPMN elements became: gateways, events, lanes. */
function reportConversions(b: DraftBuilder, pooled: boolean) {
  const { intermediates, boundaryDecisions, boundarySplits, simplified } = b;
  for (const [type, n] of b.otherGateways) {
    simplified.push(
      `${plural(n, type.toLowerCase())} became ${n === 1 ? 'a decision' : 'decisions'}`,
    );
  }
  if (intermediates.length > 0) {
    simplified.push(
      `${plural(intermediates.length, 'intermediate event')} became ${intermediates.length === 1 ? 'an action' : 'actions'}: ${listNames(intermediates)}`,
    );
  }
  const decisions = boundaryDecisions.length;
  if (decisions > 0) {
    simplified.push(
      `${plural(decisions, 'interrupting boundary event')} became ${decisions === 1 ? 'a decision' : 'decisions'} after ${decisions === 1 ? 'its task' : 'their tasks'} (at the start of a sub-process): Yes takes the event's path, No the normal way on: ${listNames(boundaryDecisions)}`,
    );
  }
  const splits = boundarySplits.length;
  if (splits > 0) {
    simplified.push(
      `${plural(splits, 'non-interrupting boundary event')} became ${splits === 1 ? 'a parallel split' : 'parallel splits'} after ${splits === 1 ? 'its task' : 'their tasks'} (at the start of a sub-process): the event's path and the normal way on both run: ${listNames(boundarySplits)}`,
    );
  }
  if (b.owners.size > 0) {
    simplified.push(
      `Each step is owned by its ${pooled ? 'lane (or pool)' : 'lane'}: ${listNames([...b.owners.keys()], 6)}`,
    );
  }
}

/** Report lines on what was left out, cut or renamed. */
function reportLosses(b: DraftBuilder, roots: ModdleElement[]) {
  const { skipped, simplified, cutLabels, ids } = b;
  for (const [noun, n] of b.skippedKinds) skipped.push(`Skipped ${plural(n, noun)}`);
  const messageFlows = roots
    .filter((r) => isA(r, 'bpmn:Collaboration'))
    .reduce((sum, c) => sum + elementList(c, 'messageFlows').length, 0);
  if (messageFlows > 0) {
    skipped.push(`Skipped ${plural(messageFlows, 'message flow')} between pools`);
  }
  if (b.danglingArrows > 0) {
    skipped.push(`Skipped ${plural(b.danglingArrows, 'arrow')} to or from parts that were skipped`);
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
}
