import type { SheetSize, ViewBox } from './bitmapPlan';
import type { DrawableScene, SimpleColors, SimpleMarks } from './drawSimpleMap';
import { packScene } from './packScene';
import type { SimpleDrawAnswer, SimpleDrawRequest } from './simpleDraw.worker';

/** A bitmap the worker drew: the area and pixel ratio it was drawn for, and what was on it. */
export interface DrawnBitmap {
  bitmap: ImageBitmap;
  area: ViewBox;
  ratio: number;
  /** The look (colours and marks) it was drawn with: the page's object, compared by identity. */
  content: object;
  drawn: number;
}

/**
 * The page's end of the drawing worker (simpleDraw.worker): sends the scene when it changes
 * (or ahead, `prepare`), asks for one area at a time, and hands each bitmap to whoever
 * listens (`listen`; with no one, it is closed). `failed` turns true if the worker cannot
 * draw; the page then draws on its own thread.
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
    /** Asked for by an earlier listener: its bitmap is no one's. */
    orphaned?: boolean;
  } | null = null;
  private sceneSent: DrawableScene | null = null;
  private lookSent: object | null = null;

  constructor(
    makeWorker: () => Worker,
    private onBitmap: ((drawn: DrawnBitmap) => void) | null = null,
  ) {
    this.worker = makeWorker();
    this.worker.onmessage = (event: MessageEvent<SimpleDrawAnswer>) => this.answer(event.data);
    this.worker.onerror = () => {
      this.failed = true;
      this.pending = null;
    };
  }

  /** Whether a bitmap is being drawn (one at a time: the next request waits for it). */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Who gets the bitmaps from now on (null: no one, they are closed). */
  listen(onBitmap: ((drawn: DrawnBitmap) => void) | null): void {
    this.onBitmap = onBitmap;
    if (this.pending) this.pending.orphaned = true;
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
   * Asks for `area` drawn at `ratio` device pixels per CSS pixel with `content`'s look, at
   * the top-left of a bitmap of `sheet`'s size (at least the area's).
   */
  request(
    scene: DrawableScene,
    area: ViewBox,
    ratio: number,
    content: object,
    colors: SimpleColors,
    marks: SimpleMarks,
    sheet?: SheetSize,
  ): void {
    if (this.failed || this.pending) return;
    this.prepare(scene);
    const look = content === this.lookSent ? undefined : { colors, marks };
    this.lookSent = content;
    this.pending = { seq: ++this.seq, area, ratio, content };
    this.post({ seq: this.seq, area, ratio, sheet, look });
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
    if (!pending || pending.seq !== message.seq) {
      if ('bitmap' in message) message.bitmap.close();
      return;
    }
    this.pending = null;
    if ('error' in message) {
      this.failed = true;
      console.warn(`The simple layer draws on the page instead: ${message.error}`);
      return;
    }
    if (!this.onBitmap || pending.orphaned) {
      message.bitmap.close();
      return;
    }
    this.onBitmap({
      bitmap: message.bitmap,
      area: pending.area,
      ratio: pending.ratio,
      content: pending.content,
      drawn: message.drawn,
    });
  }
}

/**
 * A drawer backed by a new worker, or null where the browser cannot draw in one (no
 * Worker or OffscreenCanvas).
 */
export function createSimpleDrawer(
  onBitmap: ((drawn: DrawnBitmap) => void) | null = null,
): SimpleDrawer | null {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  try {
    return new SimpleDrawer(
      () => new Worker(new URL('./simpleDraw.worker.ts', import.meta.url), { type: 'module' }),
      onBitmap,
    );
  } catch {
    return null;
  }
}
