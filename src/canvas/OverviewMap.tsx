import { Panel, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { NODE_SIZE } from '../layout/nodeSize';
import type { MapNode, NodeKind } from '../model';
import { useEditor } from '../store/EditorStoreContext';
import { type OverviewFrame, overviewFrame, type Rect, viewRect } from './overviewFrame';

const SIZE = { width: 200, height: 150 };
const COLORS: Record<NodeKind, string> = {
  start: '#16a34a',
  end: '#dc2626',
  action: '#64748b',
  decision: '#d97706',
};
const WHEEL_ZOOM = 0.002;

function boundsOf(nodes: readonly MapNode[]): Rect | null {
  if (nodes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const node of nodes) {
    const size = NODE_SIZE[node.kind];
    x0 = Math.min(x0, node.position.x);
    y0 = Math.min(y0, node.position.y);
    x1 = Math.max(x1, node.position.x + size.width);
    y1 = Math.max(y1, node.position.y + size.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function draw(canvas: HTMLCanvasElement, nodes: readonly MapNode[], frame: OverviewFrame) {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== SIZE.width * ratio) {
    canvas.width = SIZE.width * ratio;
    canvas.height = SIZE.height * ratio;
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, SIZE.width, SIZE.height);
  const { x, y, scale } = frame;
  // One fill per kind: thousands of rectangles cost a few milliseconds, drawn once per change.
  for (const kind of ['action', 'decision', 'start', 'end'] as const) {
    const size = NODE_SIZE[kind];
    const w = Math.max(1, size.width * scale);
    const h = Math.max(1, size.height * scale);
    context.fillStyle = COLORS[kind];
    context.beginPath();
    for (const node of nodes) {
      if (node.kind === kind) {
        context.rect((node.position.x - x) * scale, (node.position.y - y) * scale, w, h);
      }
    }
    context.fill();
  }
}

/**
 * An overview of the whole map in the corner of the canvas, with the part in view
 * outlined: click or drag on it to move the view there, scroll on it to zoom. Drawn on one
 * <canvas> (React Flow's MiniMap keeps an SVG element and a store subscription per step,
 * which made every pan and drag frame of a big map slower).
 */
export function OverviewMap() {
  const nodes = useEditor((s) => s.map.nodes);
  const transform = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const flowStore = useStoreApi();
  const { setViewport } = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const steps = useMemo(() => boundsOf(nodes), [nodes]);
  const view = viewRect(transform, width, height);
  const frame = overviewFrame(steps, view, SIZE);
  const { x: fx, y: fy, scale } = frame;

  useEffect(() => {
    if (canvasRef.current) draw(canvasRef.current, nodes, { x: fx, y: fy, scale });
  }, [nodes, fx, fy, scale]);

  // The frame as of the press, so the overview does not rescale under a drag.
  const grab = useRef<{ frame: OverviewFrame; dx: number; dy: number } | null>(null);

  const centreAt = (centreX: number, centreY: number) => {
    const s = flowStore.getState();
    const zoom = s.transform[2];
    void setViewport({ x: s.width / 2 - centreX * zoom, y: s.height / 2 - centreY * zoom, zoom });
  };
  const pointOf = (event: PointerEvent, f: OverviewFrame) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: f.x + (event.clientX - box.left) / f.scale,
      y: f.y + (event.clientY - box.top) / f.scale,
    };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = pointOf(event, frame);
    const inside =
      p.x >= view.x && p.x <= view.x + view.width && p.y >= view.y && p.y <= view.y + view.height;
    // Grabbing the outline drags it; pressing elsewhere brings that spot to the centre.
    const dx = inside ? p.x - (view.x + view.width / 2) : 0;
    const dy = inside ? p.y - (view.y + view.height / 2) : 0;
    grab.current = { frame, dx, dy };
    centreAt(p.x - dx, p.y - dy);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const g = grab.current;
    if (!g) return;
    const p = pointOf(event, g.frame);
    centreAt(p.x - g.dx, p.y - g.dy);
  };
  const onPointerUp = () => {
    grab.current = null;
  };

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const s = flowStore.getState();
      const [tx, ty, zoom] = s.transform;
      const next = Math.min(
        s.maxZoom,
        Math.max(s.minZoom, zoom * 2 ** (-event.deltaY * WHEEL_ZOOM)),
      );
      // Keep the centre of the view where it is.
      const cx = (s.width / 2 - tx) / zoom;
      const cy = (s.height / 2 - ty) / zoom;
      void setViewport({ x: s.width / 2 - cx * next, y: s.height / 2 - cy * next, zoom: next });
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [flowStore, setViewport]);

  return (
    <Panel position="bottom-right" className="lf-overview">
      <div
        ref={rootRef}
        className="lf-overview__map nodrag nopan nowheel"
        role="img"
        aria-label="Mini map of the whole process: click or drag to move the view, scroll to zoom"
        style={SIZE}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <canvas ref={canvasRef} style={SIZE} />
        <div
          className="lf-overview__view"
          style={{
            width: view.width * scale,
            height: view.height * scale,
            transform: `translate(${(view.x - fx) * scale}px, ${(view.y - fy) * scale}px)`,
          }}
        />
      </div>
    </Panel>
  );
}
