import { useStore } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Severity } from '../../analyzer';
import type { ReviewFinding } from '../../review';
import { useAnalysisMarkers } from '../../store/AnalysisProvider';
import { useEditor } from '../../store/EditorStoreContext';
import { worstSeverity } from '../worstSeverity';
import {
  areaFor,
  needsFresh,
  placement,
  STEADY_MS,
  shownMapRect,
  type ViewBox,
} from './bitmapPlan';
import { drawSimpleMap, type SimpleColors, type SimpleMarks } from './drawSimpleMap';
import { createSimpleDrawer, type DrawnBitmap, type SimpleDrawer } from './simpleDrawer';
import { type SimpleScene, stepAt } from './simpleScene';
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

/**
 * The map drawn as plain shapes on one <canvas> over the whole canvas area, for zooms at
 * which labels cannot be read (see detailLevel). A worker draws it (simpleDraw.worker) onto
 * bitmaps a margin bigger than the view; in the same frame as React Flow moves its view, the
 * latest bitmap is copied across, moved and scaled (blurred for a moment while a new one is
 * drawn: see bitmapPlan). Hovering a step outlines it and shows its label and findings. The
 * canvas element carries `data-steps-drawn`: how many steps are on screen, drawn (tests and
 * the editor bench read it), and `data-drawn-by`: "worker" once a worker's bitmap is shown,
 * "page" while the page draws it itself.
 */
export function SimpleMapLayer({ scene }: { scene: SimpleScene }) {
  const transform = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const domNode = useStore((s) => s.domNode);
  const selectedNodeIds = useEditor((s) => s.selectedNodeIds);
  const selectedEdgeIds = useEditor((s) => s.selectedEdgeIds);
  const theme = useEditor((s) => s.theme);
  const { byNode, byEdge } = useAnalysisMarkers();
  const nodeSeverity = useMemo(() => worstOf(byNode), [byNode]);
  const edgeSeverity = useMemo(() => worstOf(byEdge), [byEdge]);
  const [hovered, setHovered] = useState(-1);
  const scheme = domNode?.closest('[data-theme]')?.getAttribute('data-theme');
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read when the theme changes
  const colors = useMemo(() => (domNode ? readColors(domNode) : null), [domNode, theme, scheme]);

  // What is drawn, apart from where: a new object whenever any of it changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the identity is the point
  const content = useMemo(
    () => ({}),
    [scene, colors, selectedNodeIds, selectedEdgeIds, nodeSeverity, edgeSeverity, hovered],
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The latest of everything the drawing reads, for drawing outside React's render (when a
  // bitmap arrives from the worker, or the zoom has stayed put).
  const latest = useRef<{
    scene: SimpleScene;
    transform: [number, number, number];
    width: number;
    height: number;
    colors: SimpleColors | null;
    content: object;
    marks: SimpleMarks;
  }>({ scene, transform, width, height, colors, content, marks: {} });
  latest.current = {
    scene,
    transform,
    width,
    height,
    colors,
    content,
    marks: { selectedNodeIds, selectedEdgeIds, nodeSeverity, edgeSeverity, hovered },
  };
  const shown = useRef<DrawnBitmap | null>(null);
  const zoomChange = useRef({ zoom: 0, at: 0 });
  const steadyTimer = useRef(0);
  const drawer = useRef<SimpleDrawer | null>(null);
  const compose = useRef(() => {});
  // What this thread last drew itself (before the first bitmap, or with no worker).
  const drawnHere = useRef<{ view: ViewBox; content: object; ratio: number } | null>(null);

  // Each frame: the latest bitmap from the drawing worker, moved and scaled to the view (a
  // drawImage); a fresh one is asked for when the view nears its edge or the zoom moved on.
  compose.current = () => {
    const canvas = canvasRef.current;
    // A CPU canvas: when it draws the map itself, thousands of small paths draw faster there.
    const context = canvas?.getContext('2d', { willReadFrequently: true });
    const { scene, transform, width, height, colors, content, marks } = latest.current;
    if (!canvas || !context || !colors || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    resize(canvas, width * ratio, height * ratio);
    const [x, y, zoom] = transform;
    const view = { x, y, zoom, width, height };
    const now = performance.now();
    if (zoom !== zoomChange.current.zoom) zoomChange.current = { zoom, at: now };
    const bitmap = shown.current;
    const worker = drawer.current && !drawer.current.failed ? drawer.current : null;
    if (!bitmap || !worker) {
      // Nothing drawn yet (or no worker): draw the view here, this frame, unless it is there.
      const same = drawnHere.current;
      if (
        !same ||
        same.content !== content ||
        same.ratio !== ratio ||
        (['x', 'y', 'zoom', 'width', 'height'] as const).some((k) => same.view[k] !== view[k])
      ) {
        canvas.dataset.stepsDrawn = String(
          drawSimpleMap(context, scene, { ...view, ratio }, colors, marks),
        );
        drawnHere.current = { view, content, ratio };
        canvas.dataset.drawnBy = 'page';
      }
    } else {
      drawnHere.current = null;
      const p = placement(bitmap.area, view);
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap.bitmap, p.x * ratio, p.y * ratio, p.width * ratio, p.height * ratio);
      canvas.dataset.stepsDrawn = String(stepsIn(scene, shownMapRect(bitmap.area, view)));
      canvas.dataset.drawnBy = 'worker';
    }
    if (!worker) return;
    const steadyMs = now - zoomChange.current.at;
    const stale =
      !bitmap ||
      bitmap.content !== content ||
      bitmap.ratio !== ratio ||
      needsFresh(bitmap.area, view, steadyMs);
    if (stale && !worker.busy) {
      worker.request(scene, areaFor(view), ratio, content, colors, marks);
    } else if (!stale && bitmap && bitmap.area.zoom !== zoom) {
      // The zoom differs a little from the bitmap's: once it stays put, draw it sharp.
      window.clearTimeout(steadyTimer.current);
      steadyTimer.current = window.setTimeout(
        () => compose.current(),
        Math.max(0, STEADY_MS - steadyMs) + 5,
      );
    }
  };

  useEffect(() => {
    const made = createSimpleDrawer((drawn) => {
      shown.current?.bitmap.close();
      shown.current = drawn;
      compose.current();
    });
    drawer.current = made;
    compose.current();
    return () => {
      made?.dispose();
      drawer.current = null;
      shown.current?.bitmap.close();
      shown.current = null;
      window.clearTimeout(steadyTimer.current);
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: compose reads them through `latest`
  useLayoutEffect(() => compose.current(), [content, scene, transform, width, height, colors]);

  // Hover: the step under the pointer, found through the spatial index.
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const pane = domNode?.querySelector<HTMLElement>('.react-flow__pane');
    if (!domNode || !pane) return;
    const onMove = (event: PointerEvent) => {
      if (event.buttons !== 0) return;
      const bounds = domNode.getBoundingClientRect();
      const [tx, ty, zoom] = transformRef.current;
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
  }, [domNode, scene]);
  const transformRef = useRef(transform);
  transformRef.current = transform;

  const step = hovered >= 0 ? scene.nodes[hovered] : undefined;
  const findings = step ? byNode.get(step.id) : undefined;
  return (
    <>
      <canvas ref={canvasRef} className="lf-simple-layer" style={{ width, height }} />
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
