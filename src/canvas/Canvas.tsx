import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  type EdgeChange,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type LaneBands as Bands, laneBands } from '../layout/lanes';
import { NODE_SIZE } from '../layout/nodeSize';
import type { MapNode, Position } from '../model';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { ArrowheadDefs } from './ArrowheadDefs';
import { ConnectPicker } from './ConnectPicker';
import { isCulled } from './cullAbove';
import { edgeTypes } from './edgeTypes';
import { useFindingsPopup } from './FindingsPopup';
import { FitViewButton } from './FitViewButton';
import type { FlowEdge, FlowNode } from './flowTypes';
import { LaneBands } from './LaneBands';
import { LaneControls } from './LaneControls';
import { laneDropEdits } from './laneDropEdits';
import { SimpleMapLayer } from './lod/SimpleMapLayer';
import { useHideWhenZoomedOut } from './lod/useHideWhenZoomedOut';
import { useSimpleDrawers } from './lod/useSimpleDrawers';
import { useSimpleDrawing } from './lod/useSimpleDrawing';
import { useSimpleScene } from './lod/useSimpleScene';
import { useSimpleSelection } from './lod/useSimpleSelection';
import { MapSearch } from './MapSearch';
import { nodeTypes } from './nodeTypes';
import { OverviewMap } from './OverviewMap';
import { isNodeKind, PALETTE_MIME } from './paletteDrag';
import { useStepContextMenu } from './StepContextMenu';
import { createEdgeConverter, createNodeConverter } from './toFlowElements';
import { useFlowTabOrder } from './useFlowTabOrder';
import { useMapWindow } from './useMapWindow';
import { useProgressiveMount } from './useProgressiveMount';
import { useQuietSelectionListener } from './useQuietSelectionListener';

const SNAP_GRID: [number, number] = [20, 20];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const NO_EDGES: FlowEdge[] = [];
const NO_NODES: FlowNode[] = [];
const NO_STEPS: MapNode[] = [];

/** The selected ones of `steps`, in their order (the same empty list when none is). */
function selectedOf(steps: readonly MapNode[], selected: ReadonlySet<string>): readonly MapNode[] {
  return selected.size === 0 ? NO_STEPS : steps.filter((step) => selected.has(step.id));
}
/** Far enough out for Fit view to show a map of 10,000 steps or more whole. */
const MIN_ZOOM = 0.01;

/** The map canvas: draws the open map and turns React Flow events into store actions. */
export function Canvas() {
  useQuietSelectionListener();
  const store = useEditorStoreApi();
  const { nodes: mapNodes, edges: mapEdges } = useEditor(
    useShallow((s) => ({ nodes: s.map.nodes, edges: s.map.edges })),
  );
  const selectedNodeIds = useEditor((s) => s.selectedNodeIds);
  const selectedEdgeIds = useEditor((s) => s.selectedEdgeIds);
  const snapToGrid = useEditor((s) => s.snapToGrid);
  const theme = useEditor((s) => s.theme);
  const { screenToFlowPosition } = useReactFlow();
  const { onNodeContextMenu, closeMenu, menu } = useStepContextMenu();
  useFlowTabOrder();
  const { onNodeMouseEnter, onNodeMouseLeave, popup } = useFindingsPopup();
  // Zoomed out too far to read labels: steps and arrows are drawn as plain shapes on one
  // <canvas> (SimpleMapLayer); React Flow keeps the steps, hidden, and no arrows.
  // On a big map, a zoom up from there keeps the simple drawing until it comes to rest.
  // A big map's steps and arrows in view are handed to React Flow a frame's worth at a time.
  // Fit view and zoom to a finding work from the map (useFitSteps), not from what React
  // Flow holds.
  const culled = isCulled(mapNodes.length, mapEdges.length);
  const simple = useSimpleDrawing(culled);

  // While a Tidy up is applied or a big map imported, nothing is handed over until React
  // Flow has the steps at their new places (see UiSlice.relayout); once those are known, a
  // change of the map meanwhile ends it.
  const relayout = useEditor((s) => s.relayout);
  const deferredMapNodes = useDeferredValue(mapNodes);
  const laidOut =
    relayout?.nodes != null && (deferredMapNodes === relayout.nodes || mapNodes !== relayout.nodes);
  const blank = relayout !== null && !laidOut;
  useEffect(() => {
    if (relayout && !blank) store.getState().setRelayout(null);
  }, [relayout, blank, store]);

  // A big map's full steps: only those near the view, the selection and the arrows between
  // them are handed to React Flow (and converted), not the whole map.
  const near = useMapWindow(
    mapNodes,
    mapEdges,
    selectedNodeIds,
    selectedEdgeIds,
    culled && !simple && !blank,
  );
  const toFlowNodes = useMemo(createNodeConverter, []);
  const toFlowEdges = useMemo(createEdgeConverter, []);
  // Nothing is converted while nothing is handed over: a big map is opened (or its steps
  // moved) in one task, converted in the next, once its view is set.
  // Far out on a big map, React Flow holds only the selected steps, hidden: handed every
  // step (hidden), it took them in the frame the zoom crossed into the plain shapes, and
  // Fit view on 5,000 steps had a frame of 160-460 ms there.
  const nodes = useMemo(
    () =>
      blank
        ? NO_NODES
        : toFlowNodes(
            near?.nodes ?? (culled && simple ? selectedOf(mapNodes, selectedNodeIds) : mapNodes),
            selectedNodeIds,
            simple,
          ),
    [toFlowNodes, near, mapNodes, selectedNodeIds, simple, blank, culled],
  );
  const edges = useMemo(
    () => (simple || blank ? NO_EDGES : toFlowEdges(near?.edges ?? mapEdges, selectedEdgeIds)),
    [toFlowEdges, near, mapEdges, selectedEdgeIds, simple, blank],
  );
  // React Flow takes the new steps and arrows at transition priority: when pointer moves
  // come faster than a big map can be redrawn, React draws the latest, not each one.
  // Hiding them is not deferred: while a zoom out animates, a deferred update would wait
  // behind every frame's, and React Flow would draw each step in view meanwhile.
  const deferredNodes = useDeferredValue(nodes);
  const deferredEdges = useDeferredValue(edges);
  useHideWhenZoomedOut<FlowNode, FlowEdge>(() => {
    const { map, selectedNodeIds: selected } = store.getState();
    const steps = isCulled(map.nodes.length, map.edges.length)
      ? selectedOf(map.nodes, selected)
      : map.nodes;
    return toFlowNodes(steps, selected, true);
  });
  const {
    nodes: shownNodes,
    edges: shownEdges,
    filling,
  } = useProgressiveMount(
    simple ? nodes : deferredNodes,
    simple ? edges : deferredEdges,
    culled,
    toFlowNodes.hiddenOf,
    blank,
  );
  // The simple layer stays until React Flow has drawn the full steps (all of them, when they
  // fill in over a few frames), so no frame is empty. React Flow takes the steps it is handed
  // in an effect after this render commits, and draws them in a render of its own: until its
  // store holds them, the layer stays, and it goes in that render.
  const shownSimple = useDeferredValue(simple);
  const wasLayerOn = useRef(false);
  const layerWasOn = wasLayerOn.current;
  const flowHoldsSteps = useStore(
    useCallback((s) => !layerWasOn || s.nodes === shownNodes, [layerWasOn, shownNodes]),
  );
  const layerOn = simple || shownSimple || (layerWasOn && (filling || !flowHoldsSteps));
  wasLayerOn.current = layerOn;
  const drawers = useSimpleDrawers();
  const scene = useSimpleScene(layerOn, mapNodes, mapEdges, drawers.prepare);
  const onSimpleClick = useSimpleSelection(simple ? scene : null);

  // The lanes as they were when a drag began: drawn (so a dragged step does not stretch its
  // own lane) and dropped into.
  const [frozenBands, setFrozenBands] = useState<Bands | null>(null);
  const frozen = useRef<Bands | null>(null);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = store.getState();
      const moves = new Map<string, Position>();
      let dragging: boolean | undefined;
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          moves.set(change.id, change.position);
          if (change.dragging !== undefined) dragging = change.dragging || dragging === true;
        } else if (change.type === 'select') {
          selection ??= new Set(store.getState().selectedNodeIds);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (moves.size > 0) {
        if (dragging && state.lanes && frozen.current === null) {
          frozen.current = laneBands(state.map);
          setFrozenBands(frozen.current);
        }
        if (dragging) state.beginDrag();
        state.moveNodes(moves);
        if (dragging === false) {
          // Dropped into another person's lane: theirs now, in the drag's one undo step.
          if (state.lanes) {
            const moved = [...moves.keys()];
            const map = store.getState().map;
            state.applyEdits(laneDropEdits(map, moved, frozen.current ?? undefined));
          }
          frozen.current = null;
          setFrozenBands(null);
          state.endDrag();
        }
      }
      if (selection) state.select(selection, store.getState().selectedEdgeIds);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= new Set(store.getState().selectedEdgeIds);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (selection) store.getState().select(store.getState().selectedNodeIds, selection);
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (
      event: MouseEvent | TouchEvent,
      connectionState: {
        isValid: boolean | null;
        fromNode: { id: string } | null;
        toNode: { id: string } | null;
      },
    ) => {
      const from = connectionState.fromNode?.id;
      if (!from) return;
      let to = connectionState.isValid ? connectionState.toNode?.id : undefined;
      if (!to) {
        // Dropping anywhere on a step's body connects to it, not only on its handles.
        const point = 'changedTouches' in event ? event.changedTouches[0] : event;
        const element = point ? document.elementFromPoint(point.clientX, point.clientY) : null;
        to = element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      }
      if (to) store.getState().connect(from, to);
    },
    [store],
  );

  // Stable handlers: React Flow hands these to every node and edge wrapper, so a new
  // function each render would re-render every step on every drag frame.
  const onNodeDoubleClick = useCallback(
    (_: unknown, node: FlowNode) => store.getState().startEditing({ type: 'node', id: node.id }),
    [store],
  );
  const onEdgeDoubleClick = useCallback(
    (_: unknown, edge: FlowEdge) => store.getState().startEditing({ type: 'edge', id: edge.id }),
    [store],
  );
  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      store.getState().stopEditing();
      onSimpleClick(event);
    },
    [store, onSimpleClick],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const size = NODE_SIZE[kind];
      store.getState().addNode(kind, { x: point.x - size.width / 2, y: point.y - size.height / 2 });
    },
    [screenToFlowPosition, store],
  );

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={shownNodes}
      edges={shownEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnectEnd={onConnectEnd}
      onNodeDoubleClick={onNodeDoubleClick}
      onNodeContextMenu={onNodeContextMenu}
      onNodeMouseEnter={onNodeMouseEnter}
      onNodeMouseLeave={onNodeMouseLeave}
      onMoveStart={closeMenu}
      onEdgeDoubleClick={onEdgeDoubleClick}
      onPaneClick={onPaneClick}
      onDragOver={onDragOver}
      onDrop={onDrop}
      connectionMode={ConnectionMode.Loose}
      connectionRadius={30}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      snapToGrid={snapToGrid}
      snapGrid={SNAP_GRID}
      colorMode={theme}
      onlyRenderVisibleElements={culled}
      zoomOnDoubleClick={false}
      minZoom={MIN_ZOOM}
      maxZoom={3}
      attributionPosition="top-right"
      aria-label="Process map canvas"
      // While steps in view are still being handed over (tests wait for it to go).
      data-filling={filling ? 'true' : undefined}
    >
      {/* Far out the dots are under a pixel apart: a pattern that costs a frame to paint. */}
      {!simple && (
        <Background
          variant={snapToGrid ? BackgroundVariant.Lines : BackgroundVariant.Dots}
          gap={20}
        />
      )}
      {scene && <SimpleMapLayer scene={scene} drawers={drawers} />}
      <ArrowheadDefs />
      <LaneBands frozen={frozenBands} />
      <LaneControls />
      <Controls position="bottom-left" aria-label="Zoom controls" showFitView={false}>
        <FitViewButton />
      </Controls>
      <OverviewMap />
      <MapSearch />
      <ConnectPicker />
      {popup}
      {menu}
    </ReactFlow>
  );
}
