import { type NodeHandle, Position } from '@xyflow/react';
import { stepSize } from '../layout/nodeSize';
import type { MapEdge, MapNode, Size } from '../model';
import { ARROWHEAD_ID } from './ArrowheadDefs';
import type { FlowEdge, FlowNode } from './flowTypes';

const KIND_NAMES = {
  start: 'Start',
  end: 'End',
  action: 'Action',
  decision: 'Decision',
  parallel: 'Parallel',
} as const;
const HANDLE = 9;

/**
 * Where a step's four handles are (see NodeHandles and the CSS), declared up front so that
 * an arrow to a step the canvas has not drawn (off-screen, culled) is still drawn: React
 * Flow draws an edge only between nodes whose handles it knows. One list per size.
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  const half = HANDLE / 2;
  const at = (id: string, position: Position, x: number, y: number): NodeHandle => ({
    id,
    type: 'source',
    position,
    x: x - half,
    y: y - half,
    width: HANDLE,
    height: HANDLE,
  });
  return [
    at('top', Position.Top, width / 2, 0),
    at('right', Position.Right, width, height / 2),
    at('bottom', Position.Bottom, width / 2, height),
    at('left', Position.Left, 0, height / 2),
  ];
}
const HANDLES = new Map<string, NodeHandle[]>();
function handlesFor(size: Size): NodeHandle[] {
  const key = `${size.width}x${size.height}`;
  let handles = HANDLES.get(key);
  if (!handles) {
    handles = handlesOf(size.width, size.height);
    HANDLES.set(key, handles);
  }
  return handles;
}

/**
 * Makes a converter from map items to React Flow items that reuses the previous object
 * when neither the item nor its selection changed, so React Flow re-renders only what
 * moved. Unchanged positions in an unchanged selection cost one comparison each, which
 * matters on every drag frame of a map with thousands of steps.
 */
function createConverter<
  In extends { id: string },
  Out extends { selected?: boolean; hidden?: boolean },
>(make: (item: In, selected: boolean, hidden: boolean) => Out) {
  // Items keep their converted objects while they live, wherever they move in the list: one
  // drawn and one hidden, so hiding a step and showing it again hands React Flow the very
  // objects it had (it skips those), not thousands of new ones.
  const shownCache = new WeakMap<In, Out>();
  const hiddenCache = new WeakMap<In, Out>();
  const sourceOf = new WeakMap<Out, In>();
  const convert = (item: In, selected: boolean, hidden: boolean): Out => {
    const cache = hidden ? hiddenCache : shownCache;
    let flow = cache.get(item);
    if (!flow || flow.selected !== selected) {
      flow = make(item, selected, hidden);
      cache.set(item, flow);
      sourceOf.set(flow, item);
    }
    return flow;
  };
  let lastIn: readonly In[] = [];
  let lastOut: Out[] = [];
  let lastSelected: ReadonlySet<string> | null = null;
  let lastHidden = false;
  /** `hidden`: React Flow keeps the items (fit view, selection) but draws none of them. */
  const toFlow = (items: readonly In[], selected: ReadonlySet<string>, hidden = false): Out[] => {
    const same = selected === lastSelected && hidden === lastHidden;
    // The same list again (a big map's window of arrows while a step is dragged): the same
    // array, so React Flow does not take it as new arrows and index them all again.
    if (same && items === lastIn) return lastOut;
    const out = new Array<Out>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as In;
      out[i] =
        same && item === lastIn[i]
          ? (lastOut[i] as Out)
          : convert(item, selected.has(item.id), hidden);
    }
    lastIn = items;
    lastOut = out;
    lastSelected = selected;
    lastHidden = hidden;
    return out;
  };
  /** The hidden twin of an item this converter made (the same object each time). */
  const hiddenOf = (flow: Out): Out => {
    const item = sourceOf.get(flow);
    return item ? convert(item, flow.selected === true, true) : { ...flow, hidden: true };
  };
  return Object.assign(toFlow, { hiddenOf });
}

/**
 * Makes a converter from map steps to React Flow nodes (see createConverter).
 * @example const toFlowNodes = createNodeConverter(); toFlowNodes(map.nodes, selected)
 */
export function createNodeConverter() {
  return createConverter<MapNode, FlowNode>((step, selected, hidden) => {
    const size = stepSize(step);
    return {
      id: step.id,
      type: step.kind,
      position: step.position,
      data: { step },
      selected,
      ...(hidden ? { hidden } : {}),
      // A step's size comes from the map (stepSize: its kind's, grown for a long label, or
      // the size a person gave it), so React Flow need not measure a step each time it moves.
      measured: size,
      width: size.width,
      height: size.height,
      handles: handlesFor(size),
      ariaLabel: `${KIND_NAMES[step.kind]}: ${step.label.trim() || '(no label)'}`,
    };
  });
}

/** Like {@link createNodeConverter}, for arrows. */
export function createEdgeConverter() {
  return createConverter<MapEdge, FlowEdge>((arrow, selected) => ({
    id: arrow.id,
    type: 'arrow',
    source: arrow.source,
    target: arrow.target,
    data: { arrow },
    selected,
    markerEnd: ARROWHEAD_ID,
    ariaLabel: `Arrow${arrow.label?.trim() ? ` "${arrow.label.trim()}"` : ''}`,
  }));
}
