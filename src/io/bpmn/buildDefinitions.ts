import { BpmnModdle, type CreatedElement } from 'bpmn-moddle';
import { stepSize } from '../../layout/nodeSize';
import type { MapNode, ProcessMap } from '../../model';
import { createIdAllocator } from '../import/createIdAllocator';
import { BPMN_EXPORTER, BPMN_SCALE, BPMN_SHAPE_SIZE } from './bpmnGeometry';
import { buildLanes } from './lanes';
import { LEVERFLOW_NS, LEVERFLOW_PREFIX } from './leverflowAttributes';
import { PARALLEL_MARKER } from './parallelMarker';
import { xmlText } from './xml10Text';

const ELEMENT_TYPE: Record<MapNode['kind'], string> = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  action: 'bpmn:Task',
  decision: 'bpmn:ExclusiveGateway',
  parallel: 'bpmn:ParallelGateway',
};

type Box = {
  x: number;
  y: number;
  width: number;
  height: number;
};

/**
 * Builds the bpmn-moddle element tree of a map: definitions holding one process (events,
 * tasks, gateways, sequence flows, a lane per owner) and its diagram interchange, each shape
 * at the map position scaled back to BPMN sizes. Durations and chances, which BPMN has no
 * place for, go in `leverflow:` attributes that other tools ignore.
 * @example const { moddle, definitions } = buildDefinitions(map); await moddle.toXML(definitions);
 */
export function buildDefinitions(map: ProcessMap): {
  moddle: BpmnModdle;
  definitions: CreatedElement;
} {
  const moddle = new BpmnModdle();
  const ids = createIdAllocator('Element');
  const take = (wanted: string): string => ids.take(toNcName(wanted));
  const definitionsId = take('Definitions_1');
  const processId = take('Process_1');

  const elementOf = new Map<string, CreatedElement>();
  const boxOf = new Map<string, Box>();
  const flowElements: CreatedElement[] = [];
  for (const node of map.nodes) {
    const parallel = node.kind === 'decision' && node.notes?.startsWith(PARALLEL_MARKER) === true;
    const type = parallel ? 'bpmn:ParallelGateway' : ELEMENT_TYPE[node.kind];
    const element = moddle.create(type, { id: take(node.id), name: xmlText(node.label) });
    const notes = parallel ? node.notes?.slice(PARALLEL_MARKER.length).trim() : node.notes;
    if (notes)
      element.set('documentation', [moddle.create('bpmn:Documentation', { text: xmlText(notes) })]);
    if (
      (node.kind === 'action' || node.kind === 'decision') &&
      node.durationMinutes !== undefined
    ) {
      element.$attrs[`${LEVERFLOW_PREFIX}:durationMinutes`] = String(node.durationMinutes);
    }
    element.set('incoming', []);
    element.set('outgoing', []);
    elementOf.set(node.id, element);
    boxOf.set(node.id, bpmnBox(node));
    flowElements.push(element);
  }

  const flows: { flow: CreatedElement; source: string; target: string }[] = [];
  for (const edge of map.edges) {
    const source = elementOf.get(edge.source);
    const target = elementOf.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const flow = moddle.create('bpmn:SequenceFlow', {
      id: take(edge.id),
      sourceRef: source,
      targetRef: target,
    });
    if (edge.label !== undefined) flow.set('name', xmlText(edge.label));
    if (source.$type === 'bpmn:ExclusiveGateway') branchCondition(moddle, source, flow, edge.label);
    if (edge.probability !== undefined) {
      flow.$attrs[`${LEVERFLOW_PREFIX}:probability`] = String(edge.probability);
    }
    pushTo(source, 'outgoing', flow);
    pushTo(target, 'incoming', flow);
    flowElements.push(flow);
    flows.push({ flow, source: edge.source, target: edge.target });
  }

  const process = moddle.create('bpmn:Process', {
    id: processId,
    name: xmlText(map.name),
    isExecutable: false,
    flowElements,
  });
  const lanes = buildLanes(map, moddle, elementOf, take);
  if (lanes.length > 0) {
    process.set('laneSets', [moddle.create('bpmn:LaneSet', { id: take('LaneSet_1'), lanes })]);
  }

  const planeElement: CreatedElement[] = [];
  for (const node of map.nodes) {
    const element = elementOf.get(node.id);
    const box = boxOf.get(node.id);
    if (element === undefined || box === undefined) continue;
    const shape = moddle.create('bpmndi:BPMNShape', {
      id: take(`${String(element.get('id'))}_di`),
      bpmnElement: element,
      bounds: moddle.create('dc:Bounds', { ...box }),
    });
    if (element.$type === 'bpmn:ExclusiveGateway') shape.set('isMarkerVisible', true);
    planeElement.push(shape);
  }
  for (const { flow, source, target } of flows) {
    const from = boxOf.get(source);
    const to = boxOf.get(target);
    if (from === undefined || to === undefined) continue;
    planeElement.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: take(`${String(flow.get('id'))}_di`),
        bpmnElement: flow,
        waypoint: waypoints(from, to).map((p) => moddle.create('dc:Point', p)),
      }),
    );
  }
  const diagram = moddle.create('bpmndi:BPMNDiagram', {
    id: take('BPMNDiagram_1'),
    plane: moddle.create('bpmndi:BPMNPlane', {
      id: take('BPMNPlane_1'),
      bpmnElement: process,
      planeElement,
    }),
  });

  const definitions = moddle.create('bpmn:Definitions', {
    id: definitionsId,
    targetNamespace: 'http://bpmn.io/schema/bpmn',
    exporter: BPMN_EXPORTER,
    exporterVersion: '1',
    rootElements: [process],
    diagrams: [diagram],
  });
  definitions.$attrs[`xmlns:${LEVERFLOW_PREFIX}`] = LEVERFLOW_NS;
  return { moddle, definitions };
}

function pushTo(element: CreatedElement, key: string, value: CreatedElement): void {
  const list = element.get(key);
  if (Array.isArray(list)) list.push(value);
}

/** The BPMN bounds of a step: its Leverflow centre shrunk by the scale, at BPMN size. */
function bpmnBox(node: MapNode): Box {
  const size = stepSize(node);
  const bpmn = BPMN_SHAPE_SIZE[node.kind];
  const cx = (node.position.x + size.width / 2) / BPMN_SCALE.x;
  const cy = (node.position.y + size.height / 2) / BPMN_SCALE.y;
  return {
    x: round(cx - bpmn.width / 2),
    y: round(cy - bpmn.height / 2),
    width: bpmn.width,
    height: bpmn.height,
  };
}

/** A straight line from the edge of one box to the edge of the other; a loop for a self-arrow. */
function waypoints(from: Box, to: Box): { x: number; y: number }[] {
  const a = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const b = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  if (from === to || (a.x === b.x && a.y === b.y)) {
    const right = from.x + from.width;
    const top = from.y;
    return [
      { x: right, y: a.y },
      { x: right + 30, y: a.y },
      { x: right + 30, y: top - 30 },
      { x: a.x, y: top - 30 },
      { x: a.x, y: top },
    ];
  }
  return [clip(a, b, from), clip(b, a, to)];
}

/** Where the line from the centre `c` of a box towards `p` leaves the box. */
function clip(c: { x: number; y: number }, p: { x: number; y: number }, box: Box) {
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: round(c.x + dx * s), y: round(c.y + dy * s) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * An XML name (NCName) made from an id: BPMN ids must be one, Leverflow ids need not.
 * @example toNcName('1 step') // '_1_step'
 */
export function toNcName(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/**
 * A decision's labelled arrow as BPMN reads a gateway's branch: "Otherwise" is the gateway's
 * default flow, any other label its condition (written as well as the name, so a condition
 * read from a file goes back as one, and every branch out of a gateway is conditional or the
 * default, as bpmnlint's conditional-flows rule asks).
 * @example branchCondition(moddle, gateway, flow, 'amount > 1000')
 */
function branchCondition(
  moddle: BpmnModdle,
  gateway: CreatedElement,
  flow: CreatedElement,
  label: string | undefined,
): void {
  const text = label?.trim();
  if (!text) return;
  if (text === 'Otherwise' && gateway.get('default') === undefined) {
    gateway.set('default', flow);
    return;
  }
  flow.set('conditionExpression', moddle.create('bpmn:FormalExpression', { body: xmlText(text) }));
}
