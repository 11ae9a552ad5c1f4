import { LIMITS, type MapEdge, type MapNode } from '../../model';
import { createIdAllocator } from '../import/createIdAllocator';
import { listNames, plural } from '../import/reportLines';
import type { MermaidFlowchart, MermaidNode } from './parseMermaidFlowchart';

/** The class names Leverflow's export attaches to terminals so their kind reads back. */
export const START_CLASS = 'lfStart';
export const END_CLASS = 'lfEnd';

/** The map parts of a flowchart, before layout, and what was changed to fit. */
export interface FlowchartDraft {
  nodes: MapNode[];
  edges: MapEdge[];
  simplified: string[];
  simplifiedNodeIds: string[];
}

/**
 * Turns a parsed flowchart into steps and arrows: `[ ]` (and unknown shapes) become actions,
 * `{ }` decisions, and `([ ])`/`(( ))` terminals a start where nothing comes in, an end where
 * nothing goes out. Ids are the Mermaid ids (cut to the map's bounds if need be).
 * @example flowchartToDraft(parseMermaidFlowchart('graph TD\nA([Go]) --> B([Stop])')!)
 */
export function flowchartToDraft(chart: MermaidFlowchart): FlowchartDraft {
  const hasIn = new Set<string>();
  const hasOut = new Set<string>();
  for (const e of chart.edges) {
    hasOut.add(e.source);
    hasIn.add(e.target);
    if (e.twoWay) {
      hasOut.add(e.target);
      hasIn.add(e.source);
    }
  }
  const ids = createIdAllocator('n');
  const idOf = new Map<string, string>();
  const nodes: MapNode[] = [];
  const simplified: string[] = [];
  const simplifiedNodeIds: string[] = [];
  const otherShapes: string[] = [];
  const middleTerminals: string[] = [];
  let cut = 0;
  const cutLabel = (text: string): string => {
    if (text.length <= LIMITS.maxLabelLength) return text;
    cut++;
    return text.slice(0, LIMITS.maxLabelLength);
  };

  for (const source of chart.nodes.values()) {
    const id = ids.take(source.id);
    idOf.set(source.id, id);
    const kind = kindOf(source, hasIn.has(source.id), hasOut.has(source.id));
    const node: MapNode = {
      id,
      kind,
      label: cutLabel(source.label ?? source.id),
      position: { x: 0, y: 0 },
    };
    if (source.shape === 'other') {
      otherShapes.push(`${source.shapeText ?? 'other'} on line ${source.line}`);
      simplifiedNodeIds.push(id);
    }
    if (isTerminal(source) && kind === 'action') {
      middleTerminals.push(node.label);
      simplifiedNodeIds.push(id);
    }
    nodes.push(node);
  }

  const edges: MapEdge[] = [];
  let twoWay = 0;
  for (const e of chart.edges) {
    const source = idOf.get(e.source);
    const target = idOf.get(e.target);
    if (source === undefined || target === undefined) continue;
    const add = (from: string, to: string) => {
      const edge: MapEdge = { id: `e${edges.length + 1}`, source: from, target: to };
      if (e.label !== undefined) edge.label = cutLabel(e.label);
      edges.push(edge);
    };
    add(source, target);
    if (e.twoWay) {
      add(target, source);
      twoWay++;
    }
  }

  if (otherShapes.length > 0) {
    simplified.push(
      `${plural(otherShapes.length, 'node')} drawn in another shape became ${otherShapes.length === 1 ? 'an action' : 'actions'}: ${otherShapes.slice(0, 3).join(', ')}${otherShapes.length > 3 ? ` and ${otherShapes.length - 3} more` : ''}`,
    );
  }
  if (middleTerminals.length > 0) {
    simplified.push(
      `${plural(middleTerminals.length, 'terminal')} with arrows both in and out became ${middleTerminals.length === 1 ? 'an action' : 'actions'}: ${listNames(middleTerminals)}`,
    );
  }
  if (twoWay > 0) {
    simplified.push(`${plural(twoWay, 'two-way arrow')} became two arrows each`);
  }
  if (cut > 0) {
    simplified.push(
      `${plural(cut, 'label')} longer than ${LIMITS.maxLabelLength} characters ${cut === 1 ? 'was' : 'were'} cut`,
    );
  }
  if (ids.renamed > 0) {
    simplified.push(
      `${plural(ids.renamed, 'node id')} longer than ${LIMITS.maxIdLength} characters ${ids.renamed === 1 ? 'was' : 'were'} shortened`,
    );
  }
  return { nodes, edges, simplified, simplifiedNodeIds };
}

function isTerminal(node: MermaidNode): boolean {
  return node.shape === 'stadium' || node.shape === 'circle';
}

function kindOf(node: MermaidNode, hasIn: boolean, hasOut: boolean): MapNode['kind'] {
  if (node.shape === 'decision') return 'decision';
  if (node.shape === 'fork') return 'parallel';
  if (!isTerminal(node)) return 'action';
  if (node.classes.includes(START_CLASS)) return 'start';
  if (node.classes.includes(END_CLASS)) return 'end';
  if (!hasIn) return 'start';
  if (!hasOut) return 'end';
  return 'action';
}
