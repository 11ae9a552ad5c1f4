/// <reference lib="webworker" />
import type { SheetSize, ViewBox } from './bitmapPlan';
import {
  type DrawableScene,
  drawSimpleMap,
  type Pen,
  releasePixelMemory,
  type SimpleColors,
  type SimpleMarks,
} from './drawSimpleMap';
import { type PackedScene, unpackScene } from './packScene';

/**
 * What the page sends: the scene (once per change); the layer's canvases, handed over
 * (`transferControlToOffscreen`), with the ids of all it still shows (the rest are let go);
 * `rest` when the layer is gone (its canvases shrink to a pixel until it comes back); or an
 * area to draw onto one of them.
 */
export type SimpleDrawRequest =
  | { scene: PackedScene }
  | { canvases: { id: number; canvas: OffscreenCanvas }[]; keep: number[] }
  | { rest: true }
  | {
      seq: number;
      /** The canvas to draw on: one the page does not show while it is drawn. */
      target: number;
      area: ViewBox;
      ratio: number;
      /** The canvas's size (at least the area's, which is drawn at its top-left). */
      sheet?: SheetSize;
      /** The colours and marks, when they changed since the last request. */
      look?: { colors: SimpleColors; marks: SimpleMarks };
    };

/** What the worker answers to a draw request, once the drawing is on its canvas. */
export type SimpleDrawAnswer =
  | { seq: number; drawn: number; size: SheetSize }
  | { seq: number; error: string };

let scene: DrawableScene | null = null;
let look: { colors: SimpleColors; marks: SimpleMarks } | null = null;
const canvases = new Map<number, OffscreenCanvas>();

/**
 * Draws the simple layer off the main thread: keeps the scene the page sent and draws the
 * areas it asks for with drawSimpleMap straight onto the layer's canvases, whose control the
 * page handed over. A canvas keeps its memory from drawing to drawing, so none is allocated
 * (and touched for the first time) per drawing, and the page copies nothing: a bitmap handed
 * over each time cost the worker 27-29 ms of fresh memory for a 1,704 x 1,368 drawing, 4.6 ms
 * on a canvas kept (measured). The answer is sent in a task of its own, after the drawing
 * task has ended and so handed its frame to the compositor: the page shows that canvas only
 * once the drawing is there.
 */
self.onmessage = (event: MessageEvent<SimpleDrawRequest>) => {
  const request = event.data;
  if ('scene' in request) {
    scene = unpackScene(request.scene);
    return;
  }
  if ('canvases' in request) {
    for (const { id, canvas } of request.canvases) canvases.set(id, canvas);
    for (const id of [...canvases.keys()]) if (!request.keep.includes(id)) canvases.delete(id);
    return;
  }
  if ('rest' in request) {
    for (const canvas of canvases.values()) {
      canvas.width = 1;
      canvas.height = 1;
      // Its pixel memory too (megabytes a canvas), taken again when it next draws.
      const pen = canvas.getContext('2d', { willReadFrequently: true });
      if (pen) releasePixelMemory(pen);
    }
    return;
  }
  const { seq, area, ratio, target } = request;
  if (request.look) look = request.look;
  try {
    if (!scene || !look) throw new Error('nothing to draw yet: no scene or colours');
    const canvas = canvases.get(target);
    if (!canvas) throw new Error(`no canvas ${target} to draw on`);
    // The canvas is the sheet's size, the same for every area of a view, the area drawn at
    // its top-left.
    const w = Math.max(1, Math.round(area.width * ratio), request.sheet?.width ?? 0);
    const h = Math.max(1, Math.round(area.height * ratio), request.sheet?.height ?? 0);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    // A CPU canvas: thousands of small paths draw faster there than through the GPU path.
    const pen = canvas.getContext('2d', { willReadFrequently: true });
    if (!pen) throw new Error('no 2D context on the worker canvas');
    // What the last drawing left outside this one's area goes; the area itself is cleared,
    // or every pixel of it replaced, by drawSimpleMap.
    const aw = Math.round(area.width * ratio);
    const ah = Math.round(area.height * ratio);
    pen.setTransform(1, 0, 0, 1, 0, 0);
    if (aw < w) pen.clearRect(aw, 0, w - aw, h);
    if (ah < h) pen.clearRect(0, ah, Math.min(aw, w), h - ah);
    const drawn = drawSimpleMap(
      pen as unknown as Pen, // the worker's 2D context draws the same calls as the page's
      scene,
      { ...area, ratio },
      look.colors,
      look.marks,
    );
    setTimeout(() => self.postMessage({ seq, drawn, size: { width: w, height: h } }), 0);
  } catch (error) {
    self.postMessage({
      seq,
      error: error instanceof Error ? error.message : String(error),
    } satisfies SimpleDrawAnswer);
  }
};
