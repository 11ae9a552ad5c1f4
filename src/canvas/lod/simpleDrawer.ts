import type { SheetSize, ViewBox } from './bitmapPlan';
import type { DrawableScene, SimpleColors, SimpleMarks } from './drawSimpleMap';
import { packScene } from './packScene';
import type { SimpleDrawAnswer, SimpleDrawRequest } from './simpleDraw.worker';

/**
 * A drawing the worker finished on one of the layer's canvases: which canvas, the area and
 * pixel ratio it was drawn for, what was on it, and the canvas's size in device pixels.
 */
export interface DrawnSheet {
  canvas: HTMLCanvasElement;
  area: ViewBox;
  ratio: number;
  /** The look (colours and marks) it was drawn with: the page's object, compared by identity. */
  content: object;
  drawn: number;
  size: SheetSize;
}

/** Canvases already handed to a worker, with their ids (a canvas can be handed over once). */
const handedOver = new WeakMap<HTMLCanvasElement, number>();
let nextCanvasId = 0;

/**
 * The page's end of the drawing worker (simpleDraw.worker): sends the scene when it changes
 * (or ahead, `prepare`), hands it the layer's canvases (`attach`), asks for one area at a
 * time to be drawn on one of them, and tells whoever listens (`listen`) when it is there.
 * `failed` turns true if the worker cannot draw; the page then draws on its own thread.
 */
export class SimpleDrawer {
  failed = false;
  private readonly worker: Worker;
  private seq = 0;
  private pending: {
    seq: number;
    area: ViewBox;
    ratio: number;
    content: object;
    canvas: HTMLCanvasElement;
    /** Asked for by an earlier listener: its drawing is no one's. */
    orphaned?: boolean;
  } | null = null;
  private sceneSent: DrawableScene | null = null;
  private lookSent: object | null = null;

  constructor(
    makeWorker: () => Worker,
    private onDrawn: ((drawn: DrawnSheet) => void) | null = null,
  ) {
    this.worker = makeWorker();
    this.worker.onmessage = (event: MessageEvent<SimpleDrawAnswer>) => this.answer(event.data);
    this.worker.onerror = () => {
      this.failed = true;
      this.pending = null;
    };
  }

  /** Whether a drawing is being made (one at a time: the next request waits for it). */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Who is told of drawings from now on (null: no one). */
  listen(onDrawn: ((drawn: DrawnSheet) => void) | null): void {
    this.onDrawn = onDrawn;
    if (this.pending) this.pending.orphaned = true;
  }

  /**
   * Hands the layer's canvases to the worker to draw on (each only once: a canvas mounted
   * again is known by its id); the worker lets go of any other. False when they cannot be
   * handed over: the page then draws itself.
   */
  attach(canvases: HTMLCanvasElement[]): boolean {
    if (this.failed) return false;
    const handed: { id: number; canvas: OffscreenCanvas }[] = [];
    try {
      for (const canvas of canvases) {
        if (handedOver.has(canvas)) continue;
        const id = ++nextCanvasId;
        handed.push({ id, canvas: canvas.transferControlToOffscreen() });
        handedOver.set(canvas, id);
      }
    } catch (error) {
      console.warn(`The simple layer draws on the page instead: ${String(error)}`);
      this.failed = true;
      return false;
    }
    const keep = canvases.map((canvas) => handedOver.get(canvas)!);
    this.worker.postMessage(
      { canvases: handed, keep } satisfies SimpleDrawRequest,
      handed.map((h) => h.canvas),
    );
    return true;
  }

  /** The layer is gone: its canvases shrink to a pixel (their memory is let go) until it is back. */
  rest(): void {
    if (!this.failed) this.post({ rest: true });
  }

  /**
   * Sends the scene ahead of any request (the worker keeps it), so that the first request
   * once the layer is shown need not: for a big map, a copy that takes a frame or more.
   */
  prepare(scene: DrawableScene): void {
    if (this.failed || scene === this.sceneSent) return;
    this.post({ scene: packScene(scene) });
    this.sceneSent = scene;
  }

  /**
   * Asks for `area` drawn on `canvas` (one attached, and not shown while it is drawn) at
   * `ratio` device pixels per CSS pixel with `content`'s look, at the top-left of a canvas
   * of `sheet`'s size (at least the area's).
   */
  request(
    canvas: HTMLCanvasElement,
    scene: DrawableScene,
    area: ViewBox,
    ratio: number,
    content: object,
    colors: SimpleColors,
    marks: SimpleMarks,
    sheet?: SheetSize,
  ): void {
    const target = handedOver.get(canvas);
    if (this.failed || this.pending || target === undefined) return;
    this.prepare(scene);
    const look = content === this.lookSent ? undefined : { colors, marks };
    this.lookSent = content;
    this.pending = { seq: ++this.seq, area, ratio, content, canvas };
    this.post({ seq: this.seq, target, area, ratio, sheet, look });
  }

  dispose(): void {
    this.worker.terminate();
    this.pending = null;
  }

  private post(message: SimpleDrawRequest) {
    this.worker.postMessage(message);
  }

  private answer(message: SimpleDrawAnswer) {
    const pending = this.pending;
    if (!pending || pending.seq !== message.seq) return;
    this.pending = null;
    if ('error' in message) {
      this.failed = true;
      console.warn(`The simple layer draws on the page instead: ${message.error}`);
      return;
    }
    if (!this.onDrawn || pending.orphaned) return;
    this.onDrawn({
      canvas: pending.canvas,
      area: pending.area,
      ratio: pending.ratio,
      content: pending.content,
      drawn: message.drawn,
      size: message.size,
    });
  }
}

/**
 * A drawer backed by a new worker, or null where the browser cannot draw in one (no
 * Worker, OffscreenCanvas or canvas to hand over).
 */
export function createSimpleDrawer(
  onDrawn: ((drawn: DrawnSheet) => void) | null = null,
): SimpleDrawer | null {
  if (
    typeof Worker === 'undefined' ||
    typeof OffscreenCanvas === 'undefined' ||
    typeof HTMLCanvasElement === 'undefined' ||
    !('transferControlToOffscreen' in HTMLCanvasElement.prototype)
  ) {
    return null;
  }
  try {
    return new SimpleDrawer(
      () => new Worker(new URL('./simpleDraw.worker.ts', import.meta.url), { type: 'module' }),
      onDrawn,
    );
  } catch {
    return null;
  }
}
