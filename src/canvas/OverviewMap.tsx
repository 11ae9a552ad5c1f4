import { Panel, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import {
  type PointerEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { geometryOf } from '../layout/stepGeometry';
import { stepsBounds } from '../layout/stepsBounds';
import type { MapNode, NodeKind } from '../model';
import { useEditor } from '../store/EditorStoreContext';
import {
  drawnFrame,
  frameTransform,
  type OverviewFrame,
  overviewFrame,
  viewRect,
} from './overviewFrame';

const SIZE = { width: 200, height: 150 };
const SMALL = { width: 132, height: 99 };

/** The overview's size: smaller on a narrow canvas, so it does not cover a third of it. */
export function overviewSize(canvasWidth: number): { width: number; height: number } {
  return canvasWidth > 0 && canvasWidth < 720 ? SMALL : SIZE;
}
const COLORS: Record<NodeKind, string> = {
  start: '#16a34a',
  end: '#dc2626',
  action: '#64748b',
  decision: '#d97706',
  parallel: '#0f766e',
};
const WHEEL_ZOOM = 0.002;
const REDRAW_MS = 100;
const THROTTLE_ABOVE = 300;

/** A CSS hex colour as the 32-bit pixel value of an RGBA ImageData on this machine. */
function pixelOf(hex: string): number {
  const r = Number.parseInt(hex.slice(1, 3), 16);
  const g = Number.parseInt(hex.slice(3, 5), 16);
  const b = Number.parseInt(hex.slice(5, 7), 16);
  const bytes = new Uint8ClampedArray([r, g, b, 255]);
  return new Uint32Array(bytes.buffer)[0] as number;
}
const PIXELS: Record<NodeKind, number> = {
  start: pixelOf(COLORS.start),
  end: pixelOf(COLORS.end),
  action: pixelOf(COLORS.action),
  decision: pixelOf(COLORS.decision),
  parallel: pixelOf(COLORS.parallel),
};

/** One pixel buffer per overview canvas, reused by every redraw. */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Draws each step as a filled box, writing the pixels directly: with thousands of steps a
 * path of rectangles costs the browser ~100 ms to rasterize on every change; this, < 1 ms.
 */
function draw(
  canvas: HTMLCanvasElement,
  nodes: readonly MapNode[],
  frame: OverviewFrame,
  size: { width: number; height: number },
) {
  const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
  const width = size.width * ratio;
  const height = size.height * ratio;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  let image = images.get(canvas);
  if (!image || image.width !== width || image.height !== height) {
    image = context.createImageData(width, height);
    images.set(canvas, image);
  }
  const pixels = new Uint32Array(image.data.buffer);
  pixels.fill(0);
  const scale = frame.scale * ratio;
  // The steps' boxes as flat arrays, worked out once per list (shared with the canvas).
  const boxes = geometryOf(nodes);
  for (let i = 0; i < nodes.length; i++) {
    const left = boxes.x[i] as number;
    const top = boxes.y[i] as number;
    const x0 = Math.max(0, Math.floor((left - frame.x) * scale));
    const y0 = Math.max(0, Math.floor((top - frame.y) * scale));
    const x1 = Math.min(
      width,
      Math.max(x0 + 1, Math.round((left + (boxes.width[i] as number) - frame.x) * scale)),
    );
    const y1 = Math.min(
      height,
      Math.max(y0 + 1, Math.round((top + (boxes.height[i] as number) - frame.y) * scale)),
    );
    const pixel = PIXELS[(nodes[i] as MapNode).kind];
    for (let y = y0; y < y1; y++) pixels.fill(pixel, y * width + x0, y * width + x1);
  }
  context.putImageData(image, 0, 0);
}

/**
 * An overview of the whole map in the corner of the canvas, with the part in view
 * outlined: click or drag on it to move the view there, scroll on it to zoom. Drawn on one
 * <canvas> (React Flow's MiniMap keeps an SVG element and a store subscription per step,
 * which made every pan and drag frame of a big map slower).
 */
export function OverviewMap() {
  const nodes = useEditor((s) => s.map.nodes);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const flowStore = useStoreApi();
  const { setViewport } = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const outlineRef = useRef<HTMLDivElement>(null);

  const steps = useMemo(() => stepsBounds(nodes), [nodes]);
  const size = overviewSize(width);
  /** The view's frame (what the overview shows) for React Flow's transform `t`. */
  const framesOf = useCallback(
    (t: readonly [number, number, number]) => {
      const view = viewRect(t, width, height);
      return { view, frame: overviewFrame(steps, view, size) };
    },
    [steps, width, height, size],
  );
  // The view and its frame, followed outside React's render (see below); the frame the steps
  // are drawn in is state, as it changes only at each power of MAX_SHRINK a zoom out passes.
  const [first] = useState(() => framesOf(flowStore.getState().transform));
  const shown = useRef(first);
  const [drawn, setDrawn] = useState(() => drawnFrame(steps, first.frame, size));
  const { x: dx, y: dy, scale: dScale } = drawn;

  // Redraw at once when the drawn frame changes; when steps moved on a map of some size (a
  // drag), at most every REDRAW_MS and in a task of its own, so the overview never slows the
  // drag (or a Tidy up) down.
  const latest = useRef({ nodes, frame: drawn, size });
  const lastDraw = useRef({ at: 0, frame: latest.current.frame });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const frame = { x: dx, y: dy, scale: dScale };
    const moved = latest.current.nodes !== nodes;
    latest.current = { nodes, frame, size };
    const run = () => {
      timer.current = undefined;
      const canvas = canvasRef.current;
      if (!canvas) return;
      lastDraw.current = { at: performance.now(), frame: latest.current.frame };
      draw(canvas, latest.current.nodes, latest.current.frame, latest.current.size);
      canvas.style.transform = frameTransform(lastDraw.current.frame, shown.current.frame);
    };
    const last = lastDraw.current;
    const reframed = last.frame.x !== dx || last.frame.y !== dy || last.frame.scale !== dScale;
    const wait = REDRAW_MS - (performance.now() - last.at);
    if (nodes.length <= THROTTLE_ABOVE || (reframed && !moved)) {
      clearTimeout(timer.current);
      run();
    } else if (reframed || wait <= 0) {
      // A big map's steps changed (a Tidy up moves all of them): drawn in a task of its own.
      clearTimeout(timer.current);
      timer.current = setTimeout(run, 0);
    } else {
      timer.current ??= setTimeout(run, wait);
    }
  }, [nodes, dx, dy, dScale, size]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // The steps are drawn in a frame of their own, which a view that moves or zooms leaves as
  // it is: the canvas is only moved and scaled to the view's frame (drawing 10,000 steps
  // again on every frame of a wheel zoom at the fitted zoom, where the view's frame changes
  // with the view, was a third of the main thread's script time, measured). The view's
  // outline and the canvas follow the view in a subscription to React Flow's store, in the
  // task that moves the view and before the browser paints, without a render of the overview
  // (see SimpleMapLayer, which does the same, for what rendering on every frame cost).
  useLayoutEffect(() => {
    const place = (t: readonly [number, number, number]) => {
      const { view, frame } = framesOf(t);
      shown.current = { view, frame };
      const outline = outlineRef.current;
      if (outline) {
        outline.style.width = `${view.width * frame.scale}px`;
        outline.style.height = `${view.height * frame.scale}px`;
        outline.style.transform = `translate(${(view.x - frame.x) * frame.scale}px, ${(view.y - frame.y) * frame.scale}px)`;
      }
      const canvas = canvasRef.current;
      if (canvas) canvas.style.transform = frameTransform(lastDraw.current.frame, frame);
      const next = drawnFrame(steps, frame, size);
      setDrawn((before) =>
        before.x === next.x && before.y === next.y && before.scale === next.scale ? before : next,
      );
    };
    place(flowStore.getState().transform);
    return flowStore.subscribe((state, before) => {
      if (state.transform !== before.transform) place(state.transform);
    });
  }, [flowStore, framesOf, steps, size]);

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
    const { view, frame } = shown.current;
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
        style={size}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <canvas ref={canvasRef} style={size} />
        <div ref={outlineRef} className="lf-overview__view" />
      </div>
    </Panel>
  );
}
