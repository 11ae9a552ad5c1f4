import type { Position } from '../../model';
import {
  elementList,
  elementProp,
  type ModdleElement,
  numberProp,
  stringProp,
} from './moddleElement';

/** Gap left between two diagrams of one file when they are stacked, in BPMN units. */
const DIAGRAM_GAP = 150;

/**
 * The centre of every shape in a file's diagram interchange (BPMNDI), by BPMN element id.
 * A file with several diagrams has them stacked top to bottom so they do not overlap; an
 * element drawn in more than one keeps its first place.
 * @example readDiagramCenters(definitions).get('Task_1') // { x: 350, y: 120 }
 */
export function readDiagramCenters(definitions: ModdleElement): Map<string, Position> {
  const centers = new Map<string, Position>();
  let nextTop: number | undefined;
  let left: number | undefined;
  for (const diagram of elementList(definitions, 'diagrams')) {
    const plane = elementProp(diagram, 'plane');
    if (plane === undefined) continue;
    const boxes: { id: string; x: number; y: number; width: number; height: number }[] = [];
    for (const shape of elementList(plane, 'planeElement')) {
      const element = elementProp(shape, 'bpmnElement');
      const bounds = elementProp(shape, 'bounds');
      const id = element && stringProp(element, 'id');
      if (id === undefined || bounds === undefined || centers.has(id)) continue;
      const x = numberProp(bounds, 'x');
      const y = numberProp(bounds, 'y');
      if (x === undefined || y === undefined) continue;
      boxes.push({
        id,
        x,
        y,
        width: numberProp(bounds, 'width') ?? 0,
        height: numberProp(bounds, 'height') ?? 0,
      });
    }
    if (boxes.length === 0) continue;
    const top = boxes.reduce((m, b) => Math.min(m, b.y), Number.POSITIVE_INFINITY);
    const minX = boxes.reduce((m, b) => Math.min(m, b.x), Number.POSITIVE_INFINITY);
    left ??= minX;
    const dy = nextTop === undefined ? 0 : nextTop - top;
    const dx = left - minX;
    for (const b of boxes) {
      if (!centers.has(b.id)) {
        centers.set(b.id, { x: b.x + b.width / 2 + dx, y: b.y + b.height / 2 + dy });
      }
    }
    nextTop =
      boxes.reduce((m, b) => Math.max(m, b.y + b.height), Number.NEGATIVE_INFINITY) +
      dy +
      DIAGRAM_GAP;
  }
  return centers;
}
