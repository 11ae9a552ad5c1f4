import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Severity } from '../../analyzer';
import type { ReviewFinding } from '../../review';
import { useAnalysisMarkers } from '../../store/AnalysisProvider';
import { useEditor } from '../../store/EditorStoreContext';
import { worstSeverity } from '../worstSeverity';
import {
  areaFor,
  MARGIN,
  nextArea,
  placement,
  STEADY_MS,
  sameArea,
  sheetFor,
  shownMapRect,
  type ViewBox,
} from './bitmapPlan';
import { drawSimpleMap, type SimpleColors, type SimpleMarks, stepOnScreen } from './drawSimpleMap';
import type { DrawnSheet, SimpleDrawer } from './simpleDrawer';
import { type SimpleScene, stepAt } from './simpleScene';
import type { SimpleDrawers } from './useSimpleDrawers';
import { simpleDrawingOf } from './useSimpleDrawing';
import { HIT_TOLERANCE_PX } from './useSimpleSelection';

const KINDS = ['start', 'end', 'action', 'decision', 'parallel'] as const;

/** The simple drawing's colours, from the theme's CSS variables where `element` sits. */
function readColors(element: Element): SimpleColors {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim() || '#888';
  const byKind = (suffix: string) =>
    Object.fromEntries(KINDS.map((k) => [k, read(`--lf-${k}${suffix}`)])) as SimpleColors['fill']; // the four kinds above
  return {
    edge: read('--lf-edge'),
    accent: read('--lf-accent'),
    fill: byKind(''),
    stroke: byKind('-border'),
    severity: { error: read('--lf-error'), warning: read('--lf-warning'), info: read('--lf-info') },
  };
}

/** Sets a data attribute of the layer when it changes (not every frame). */
function setData(element: HTMLElement, key: 'stepsDrawn' | 'drawnBy', value: string) {
  if (element.dataset[key] !== value) element.dataset[key] = value;
}

/** Shows one of the layer's canvases and hides the others. */
function showOnly(shown: HTMLCanvasElement, ...hidden: HTMLCanvasElement[]) {
  if (shown.hidden) shown.hidden = false;
  for (const canvas of hidden) if (!canvas.hidden) canvas.hidden = true;
}

/** How long a drawing on a canvas the worker resized waits, at most, for the page to see its size. */
const MAX_RESIZE_WAIT_MS = 150;

/** Whether the page sees the canvas of a drawing at the size the worker drew it. */
function sizedFor(drawing: DrawnSheet): boolean {
  return (
    drawing.canvas.width === drawing.size.width && drawing.canvas.height === drawing.size.height
  );
}

/** How far a drawing of the worker's is shown blown up, at most, while Fit view heads far out. */
const MAX_UPSCALE = 4;

/** The CSS transform that moves a drawing made for `area` to where `view` shows it. */
function transformTo(area: ViewBox, view: ViewBox): string {
  const p = placement(area, view);
  return `translate(${p.x}px, ${p.y}px) scale(${view.zoom / area.zoom})`;
}

function resize(canvas: HTMLCanvasElement, width: number, height: number) {
  const w = Math.round(width);
  const h = Math.round(height);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
}

/** How many steps of the scene lie (at least in part) in a map rectangle. */
function stepsIn(scene: SimpleScene, rect: ReturnType<typeof shownMapRect>): number {
  if (!rect || !scene.stepIndex) return 0;
  let count = 0;
  scene.stepIndex.search(rect.x0, rect.y0, rect.x1, rect.y1, () => {
    count++;
    return false;
  });
  return count;
}

function worstOf(byId: ReadonlyMap<string, readonly ReviewFinding[]>): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const [id, findings] of byId) {
    const worst = worstSeverity(findings);
    if (worst) out.set(id, worst);
  }
  return out;
}

/** How far the hover outline stands off a step's drawn shape, in CSS pixels. */
const HOVER_GROW_PX = 3.5;

/** The hover outline of a step drawn at `box` (CSS pixels): its box or diamond, grown. */
function outlinePath(box: ReturnType<typeof stepOnScreen>, diamond: boolean): string {
  const x = box.x - HOVER_GROW_PX;
  const y = box.y - HOVER_GROW_PX;
  const w = box.width + 2 * HOVER_GROW_PX;
  const h = box.height + 2 * HOVER_GROW_PX;
  return diamond
    ? `M${x + w / 2} ${y}L${x + w} ${y + h / 2}L${x + w / 2} ${y + h}L${x} ${y + h / 2}Z`
    : `M${x} ${y}h${w}v${h}h${-w}Z`;
}

/**
 * The outline of the hovered step, where the view shows it: its own component, so only it
 * re-renders as the view moves, and only while a step is hovered.
 */
function HoverOutline({
  scene,
  index,
  diamond,
  color,
  width,
  height,
}: {
  scene: SimpleScene;
  index: number;
  diamond: boolean;
  color: string;
  width: number;
  height: number;
}) {
  const [x, y, zoom] = useStore((s) => s.transform);
  return (
    <svg className="lf-simple-hover" width={width} height={height} aria-hidden="true">
      <path
        d={outlinePath(stepOnScreen(scene.boxes, index, { x, y, zoom }), diamond)}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The map drawn as plain shapes on a <canvas> over the whole canvas area, for zooms at
 * which labels cannot be read (see detailLevel). A worker draws it (simpleDraw.worker) an
 * area a margin bigger than the view (drawn no further than the map reaches) at a time,
 * straight onto one of two canvases whose control the page handed it: the one not shown,
 * which is shown once the drawing is on it (so the page never copies a picture, and no one
 * sees a drawing half made). In the same frame as React Flow moves its view, a CSS transform
 * moves and scales the shown canvas there (blurred for a moment while a new area is drawn:
 * see bitmapPlan). Until the worker's first drawing is done, or with no worker, the page
 * draws the view on a canvas of its own (with a worker, once, and moves that as it would a
 * drawing of the worker's). When Fit view heads far out on
 * a big map, the worker is asked first for where it will end, so the whole map is drawn by
 * the time the view gets there.
 * Hovering a step outlines it (over the drawing, which it leaves as it is: a hover redraws
 * nothing) and shows its label and findings. The layer (`.lf-simple-layer`) carries
 * `data-steps-drawn`: how many steps are on screen, drawn (tests and the editor bench read
 * it), `data-drawn-by`: "worker" once a worker's drawing is shown, "page" while the page
 * draws it itself, and `data-bitmaps`: how many of the worker's drawings it has shown.
 */
export function SimpleMapLayer({
  scene,
  drawers,
}: {
  scene: SimpleScene;
  /** The canvas's drawing worker (useSimpleDrawers), kept while the layer comes and goes. */
  drawers: SimpleDrawers;
}) {
  const flow = useStoreApi();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const domNode = useStore((s) => s.domNode);
  const selectedNodeIds = useEditor((s) => s.selectedNodeIds);
  const selectedEdgeIds = useEditor((s) => s.selectedEdgeIds);
  const { byNode, byEdge } = useAnalysisMarkers();
  const nodeSeverity = useMemo(() => worstOf(byNode), [byNode]);
  const edgeSeverity = useMemo(() => worstOf(byEdge), [byEdge]);
  const [hovered, setHovered] = useState(-1);
  // The theme's colours, read once the theme is on the page: when the app's theme attribute
  // changes (read during a render, they would be the theme before).
  const [colors, setColors] = useState<SimpleColors | null>(null);
  useLayoutEffect(() => {
    if (!domNode) return;
    const read = () => {
      const next = readColors(domNode);
      setColors((before) => (JSON.stringify(before) === JSON.stringify(next) ? before : next));
    };
    read();
    const themed = domNode.closest('[data-theme]');
    if (!themed) return;
    const observer = new MutationObserver(read);
    observer.observe(themed, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    return () => observer.disconnect();
  }, [domNode]);

  // What is drawn, apart from where: a new object whenever any of it changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the identity is the point
  const content = useMemo(
    () => ({}),
    [scene, colors, selectedNodeIds, selectedEdgeIds, nodeSeverity, edgeSeverity],
  );
  const layerRef = useRef<HTMLDivElement>(null);
  // The page's own drawing (2D), and the two canvases the worker draws on, taking turns.
  const pageCanvasRef = useRef<HTMLCanvasElement>(null);
  const sheetRefs = [useRef<HTMLCanvasElement>(null), useRef<HTMLCanvasElement>(null)] as const;
  /** The worker's drawing last shown. */
  const onCanvas = useRef<DrawnSheet | null>(null);
  // The latest of everything the drawing reads, for drawing outside React's render (when a
  // drawing of the worker's is done, or the zoom has stayed put).
  const latest = useRef<{
    scene: SimpleScene;
    width: number;
    height: number;
    colors: SimpleColors | null;
    content: object;
    marks: SimpleMarks;
  }>({ scene, width, height, colors, content, marks: {} });
  latest.current = {
    scene,
    width,
    height,
    colors,
    content,
    marks: { selectedNodeIds, selectedEdgeIds, nodeSeverity, edgeSeverity },
  };
  const shown = useRef<DrawnSheet | null>(null);
  /** When the latest drawing was done, and the frame that looks again whether it can be shown. */
  const arrivedAt = useRef(0);
  const recheck = useRef(0);
  const zoomChange = useRef({ zoom: 0, at: 0 });
  const steadyTimer = useRef(0);
  const drawer = useRef<SimpleDrawer | null>(null);
  const compose = useRef(() => {});
  // What this thread last drew itself (before the worker's first drawing, or with no worker).
  const drawnHere = useRef<{ area: ViewBox; content: object; ratio: number } | null>(null);

  // Each frame: the worker's latest drawing, moved and scaled to the view by a CSS transform
  // (the compositor's work: nothing is drawn again); a fresh one is asked for when the view
  // nears its edge or the zoom moved on.
  compose.current = () => {
    const layer = layerRef.current;
    const here = pageCanvasRef.current;
    const sheetA = sheetRefs[0].current;
    const sheetB = sheetRefs[1].current;
    const { scene, width, height, colors, content, marks } = latest.current;
    // The view's transform, from React Flow's store as it is now: the layer does not render
    // on it, and a render that React spread over frames (the layer mounts at transition
    // priority) may have read an older one.
    const { transform } = flow.getState();
    if (!layer || !here || !sheetA || !sheetB || !colors || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const [x, y, zoom] = transform;
    const view = { x, y, zoom, width, height };
    const now = performance.now();
    if (zoom !== zoomChange.current.zoom) zoomChange.current = { zoom, at: now };
    const worker = drawer.current && !drawer.current.failed ? drawer.current : null;
    // The worker's latest drawing, once its canvas has taken the drawing's size: a canvas the
    // worker resized (its first drawing, or the view's size changed) is shown only once the
    // page knows its new size (until then the compositor can still hold the old one: a blank
    // or stretched frame), or once it has waited MAX_RESIZE_WAIT_MS whatever the page knows.
    let drawing = shown.current;
    let waiting = false;
    if (drawing && drawing !== onCanvas.current && !sizedFor(drawing)) {
      if (now - arrivedAt.current < MAX_RESIZE_WAIT_MS) {
        drawing = onCanvas.current;
        waiting = true;
        if (!recheck.current) {
          recheck.current = requestAnimationFrame(() => {
            recheck.current = 0;
            compose.current();
          });
        }
      }
    }
    // Where Fit view is heading (on a big map, plain shapes from its first frame): the area
    // to have drawn by the time it gets there.
    const aim = simpleDrawingOf(flow)?.heading();
    const aimArea = aim ? areaFor({ ...aim, width, height }, MARGIN, scene.bounds) : null;
    const same = drawnHere.current;
    // While Fit view heads far out, the page's drawing of where it started stays until the
    // worker's of where it ends is blown up no more than MAX_UPSCALE (its one-pixel arrows
    // would show as bars).
    const tooSmall = aim && same && drawing && zoom > drawing.area.zoom * MAX_UPSCALE;
    if (!drawing || !worker || tooSmall) {
      // No drawing from the worker yet (or no worker): the page draws itself, on a CPU canvas
      // (thousands of small shapes draw faster there). With no worker it draws each view.
      // With one it draws once and moves that as it would a drawing until the worker's first
      // comes: drawing each frame of a zoom out here would draw more steps every frame.
      const context = here.getContext('2d', { willReadFrequently: true });
      if (!context) return;
      // With a worker, a drawing that is out of date stays until the worker's comes.
      const redraw =
        !same ||
        (!worker &&
          (same.content !== content || same.ratio !== ratio || !sameArea(same.area, view)));
      if (redraw) {
        resize(here, width * ratio, height * ratio);
        here.style.width = `${width}px`;
        here.style.height = `${height}px`;
        drawSimpleMap(context, scene, { ...view, ratio }, colors, marks);
        drawnHere.current = { area: view, content, ratio };
        setData(layer, 'drawnBy', 'page');
      }
      const drawn = drawnHere.current?.area ?? view;
      here.style.transform = transformTo(drawn, view);
      showOnly(here, sheetA, sheetB);
      setData(layer, 'stepsDrawn', String(stepsIn(scene, shownMapRect(drawn, view))));
    } else {
      drawnHere.current = null;
      const there = drawing.canvas;
      if (onCanvas.current !== drawing) {
        // A new drawing: its canvas at its size in CSS pixels (the sheet's: the area drawn
        // fills its top-left).
        there.style.width = `${drawing.size.width / drawing.ratio}px`;
        there.style.height = `${drawing.size.height / drawing.ratio}px`;
        onCanvas.current = drawing;
        layer.dataset.bitmaps = String(Number(layer.dataset.bitmaps ?? 0) + 1);
      }
      there.style.transform = transformTo(drawing.area, view);
      showOnly(there, here, there === sheetA ? sheetB : sheetA);
      setData(layer, 'stepsDrawn', String(stepsIn(scene, shownMapRect(drawing.area, view))));
      setData(layer, 'drawnBy', 'worker');
    }
    // While a drawing waits to be shown, nothing new is asked for: it would go on its canvas.
    if (!worker || waiting) return;
    // What is drawn for now: the worker's latest drawing, or else the page's drawing.
    const onScreen = drawing ?? drawnHere.current;
    const current =
      onScreen && onScreen.content === content && onScreen.ratio === ratio ? onScreen.area : null;
    const steadyMs = now - zoomChange.current.at;
    const area = nextArea(current, view, steadyMs, scene.bounds, aimArea);
    if (area && !worker.busy) {
      // Onto the canvas not shown: the one shown keeps its drawing until the new one is made.
      const target = drawing?.canvas === sheetA ? sheetB : sheetA;
      worker.request(target, scene, area, ratio, content, colors, marks, sheetFor(view, ratio));
    } else if (!area && current && current.zoom !== zoom) {
      // The zoom differs a little from the drawing's: once it stays put, draw it sharp.
      window.clearTimeout(steadyTimer.current);
      steadyTimer.current = window.setTimeout(
        () => compose.current(),
        Math.max(0, STEADY_MS - steadyMs) + 5,
      );
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the canvases' refs are set once mounted
  useEffect(() => {
    const made = drawers.get();
    const sheets = sheetRefs.map((ref) => ref.current).filter((c) => c !== null);
    if (made && sheets.length === 2) made.attach(sheets);
    made?.listen((drawn) => {
      shown.current = drawn;
      arrivedAt.current = performance.now();
      compose.current();
    });
    drawer.current = made;
    compose.current();
    return () => {
      made?.listen(null);
      made?.rest();
      drawer.current = null;
      shown.current = null;
      onCanvas.current = null;
      window.clearTimeout(steadyTimer.current);
      cancelAnimationFrame(recheck.current);
      recheck.current = 0;
    };
  }, [drawers]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: compose reads them through `latest`
  useLayoutEffect(() => compose.current(), [content, scene, width, height, colors]);
  // Each move of the view: the drawing is moved with it, in the same task as React Flow's
  // store changes (React Flow moves its own view when React renders, before the frame is
  // painted), without a render of the layer: rendering it and the overview (OverviewMap) on
  // every wheel frame made 7.2 of the 19.5 MB of garbage that 3 wheel gestures at the fitted
  // zoom of 10,000 steps left (sampled).
  useLayoutEffect(
    () =>
      flow.subscribe((state, before) => {
        if (state.transform !== before.transform) compose.current();
      }),
    [flow],
  );

  // Hover: the step under the pointer, found through the spatial index.
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  useEffect(() => {
    // A new scene (the map changed) numbers its steps anew: what was hovered is no more.
    setHovered(-1);
    setPointer(null);
    const pane = domNode?.querySelector<HTMLElement>('.react-flow__pane');
    if (!domNode || !pane) return;
    const onMove = (event: PointerEvent) => {
      if (event.buttons !== 0) return;
      const bounds = domNode.getBoundingClientRect();
      const [tx, ty, zoom] = flow.getState().transform;
      const x = event.clientX - bounds.left;
      const y = event.clientY - bounds.top;
      const hit = stepAt(scene, (x - tx) / zoom, (y - ty) / zoom, HIT_TOLERANCE_PX / zoom);
      setHovered(hit);
      setPointer(hit >= 0 ? { x, y } : null);
    };
    const onLeave = () => {
      setHovered(-1);
      setPointer(null);
    };
    pane.addEventListener('pointermove', onMove);
    pane.addEventListener('pointerleave', onLeave);
    return () => {
      pane.removeEventListener('pointermove', onMove);
      pane.removeEventListener('pointerleave', onLeave);
    };
  }, [domNode, scene, flow]);

  const step = hovered >= 0 ? scene.nodes[hovered] : undefined;
  const findings = step ? byNode.get(step.id) : undefined;
  return (
    <>
      <div ref={layerRef} className="lf-simple-layer">
        <canvas ref={pageCanvasRef} />
        <canvas ref={sheetRefs[0]} className="lf-simple-sheet" hidden />
        <canvas ref={sheetRefs[1]} className="lf-simple-sheet" hidden />
      </div>
      {step && colors && (
        <HoverOutline
          scene={scene}
          index={hovered}
          diamond={step.kind === 'decision'}
          color={colors.accent}
          width={width}
          height={height}
        />
      )}
      {step && pointer && (
        <div
          className="lf-simple-tip"
          role="tooltip"
          style={{ transform: `translate(${pointer.x + 14}px, ${pointer.y + 14}px)` }}
        >
          <strong>{step.label.trim() || 'No label'}</strong>
          {findings?.map((f) => (
            <p key={`${f.rule}:${f.nodeIds.join()}:${f.edgeIds.join()}`}>{f.message}</p>
          ))}
        </div>
      )}
    </>
  );
}
