import { useStore } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Severity } from '../../analyzer';
import type { ReviewFinding } from '../../review';
import { useAnalysis } from '../../store/AnalysisProvider';
import { useEditor } from '../../store/EditorStoreContext';
import { worstSeverity } from '../worstSeverity';
import { drawSimpleMap, type SimpleColors } from './drawSimpleMap';
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

/** How long the zoom must stay put before the map is drawn onto the pan bitmap. */
const STEADY_MS = 200;

/** The map as last drawn onto the off-screen bitmap, at a view transform and size. */
interface DrawnArea {
  bitmap: HTMLCanvasElement;
  content: object;
  x: number;
  y: number;
  zoom: number;
  ratio: number;
  width: number;
  height: number;
  drawn: number;
}

function resize(canvas: HTMLCanvasElement, width: number, height: number) {
  const w = Math.round(width);
  const h = Math.round(height);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
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
 * which labels cannot be read (see detailLevel). Redrawn in the same frame as React Flow
 * moves its view. Hovering a step outlines it and shows its label and findings. The canvas
 * element carries `data-steps-drawn`: how many steps are drawn, in view and in the margin
 * around it (tests and the editor bench read it).
 */
export function SimpleMapLayer({ scene }: { scene: SimpleScene }) {
  const transform = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const domNode = useStore((s) => s.domNode);
  const selectedNodeIds = useEditor((s) => s.selectedNodeIds);
  const selectedEdgeIds = useEditor((s) => s.selectedEdgeIds);
  const theme = useEditor((s) => s.theme);
  const byNode = useAnalysis((s) => s.byNode);
  const byEdge = useAnalysis((s) => s.byEdge);
  const nodeSeverity = useMemo(() => worstOf(byNode), [byNode]);
  const edgeSeverity = useMemo(() => worstOf(byEdge), [byEdge]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
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
  const cache = useRef<DrawnArea | null>(null);
  const lastZoom = useRef({ zoom: 0, at: 0 });

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    // A CPU canvas: thousands of small paths draw faster there than through the GPU path.
    const context = canvas?.getContext('2d', { willReadFrequently: true });
    if (!canvas || !context || !colors || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    resize(canvas, width * ratio, height * ratio);
    const [tx, ty, zoom] = transform;
    const marks = { selectedNodeIds, selectedEdgeIds, nodeSeverity, edgeSeverity, hovered };
    const now = performance.now();
    if (zoom !== lastZoom.current.zoom) lastZoom.current = { zoom, at: now };
    if (now - lastZoom.current.at < STEADY_MS) {
      // While the zoom changes (a wheel turning), each frame draws just the view.
      cache.current = null;
      const view = { x: tx, y: ty, zoom, width, height, ratio };
      canvas.dataset.stepsDrawn = String(drawSimpleMap(context, scene, view, colors, marks));
      return;
    }
    // At a steady zoom the map is drawn once onto a bitmap half a view bigger on each side; a
    // pan that stays within that margin only copies the bitmap across.
    const mx = Math.round(width / 2);
    const my = Math.round(height / 2);
    let area = cache.current;
    if (
      !area ||
      area.content !== content ||
      area.zoom !== zoom ||
      area.ratio !== ratio ||
      area.width !== width ||
      area.height !== height ||
      Math.abs(tx - area.x) > mx ||
      Math.abs(ty - area.y) > my
    ) {
      const bitmap = area?.bitmap ?? document.createElement('canvas');
      const w = width + 2 * mx;
      const h = height + 2 * my;
      resize(bitmap, w * ratio, h * ratio);
      const pen = bitmap.getContext('2d', { willReadFrequently: true });
      if (!pen) return;
      const drawn = drawSimpleMap(
        pen,
        scene,
        { x: tx + mx, y: ty + my, zoom, width: w, height: h, ratio },
        colors,
        marks,
      );
      area = { bitmap, content, x: tx, y: ty, zoom, ratio, width, height, drawn };
      cache.current = area;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(
      area.bitmap,
      Math.round((tx - area.x - mx) * ratio),
      Math.round((ty - area.y - my) * ratio),
    );
    canvas.dataset.stepsDrawn = String(area.drawn);
  }, [
    content,
    scene,
    transform,
    width,
    height,
    colors,
    selectedNodeIds,
    selectedEdgeIds,
    nodeSeverity,
    edgeSeverity,
    hovered,
  ]);

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
