/// <reference lib="webworker" />
import type { SheetSize, ViewBox } from './bitmapPlan';
import {
  type DrawableScene,
  drawSimpleMap,
  type Pen,
  type SimpleColors,
  type SimpleMarks,
} from './drawSimpleMap';
import { type PackedScene, unpackScene } from './packScene';

/** What the page sends: the scene (once per change), or an area to draw. */
export type SimpleDrawRequest =
  | { scene: PackedScene }
  | {
      seq: number;
      area: ViewBox;
      ratio: number;
      /** The bitmap's size (at least the area's, which is drawn at its top-left). */
      sheet?: SheetSize;
      /** The colours and marks, when they changed since the last request. */
      look?: { colors: SimpleColors; marks: SimpleMarks };
    };

/** What the worker answers to a draw request: the bitmap and how many steps are on it. */
export type SimpleDrawAnswer =
  | { seq: number; bitmap: ImageBitmap; drawn: number }
  | { seq: number; error: string };

let scene: DrawableScene | null = null;
let look: { colors: SimpleColors; marks: SimpleMarks } | null = null;
let canvas: OffscreenCanvas | null = null;

/**
 * Draws the simple layer off the main thread: keeps the scene the page sent and draws the
 * areas it asks for with drawSimpleMap onto an OffscreenCanvas, answering with the
 * bitmap (transferred, not copied).
 */
self.onmessage = (event: MessageEvent<SimpleDrawRequest>) => {
  const request = event.data;
  if ('scene' in request) {
    scene = unpackScene(request.scene);
    return;
  }
  const { seq, area, ratio } = request;
  if (request.look) look = request.look;
  try {
    if (!scene || !look) throw new Error('nothing to draw yet: no scene or colours');
    // The bitmap is the sheet's size, the same for every area of a view, the area drawn at
    // its top-left; the rest stays as transferToImageBitmap leaves a canvas: transparent.
    const w = Math.max(1, Math.round(area.width * ratio), request.sheet?.width ?? 0);
    const h = Math.max(1, Math.round(area.height * ratio), request.sheet?.height ?? 0);
    if (!canvas) canvas = new OffscreenCanvas(w, h);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    // A CPU canvas: thousands of small paths draw faster there than through the GPU path.
    const pen = canvas.getContext('2d', { willReadFrequently: true });
    if (!pen) throw new Error('no 2D context on the worker canvas');
    const drawn = drawSimpleMap(
      pen as unknown as Pen, // the worker's 2D context draws the same calls as the page's
      scene,
      { ...area, ratio },
      look.colors,
      look.marks,
    );
    const bitmap = canvas.transferToImageBitmap();
    self.postMessage({ seq, bitmap, drawn } satisfies SimpleDrawAnswer, [bitmap]);
  } catch (error) {
    canvas = null; // whatever was half drawn goes with it
    self.postMessage({
      seq,
      error: error instanceof Error ? error.message : String(error),
    } satisfies SimpleDrawAnswer);
  }
};
