import type { Severity } from '../../analyzer';
import type { MapEdge, MapNode, NodeKind } from '../../model';
import { drawLine, fillBox, fillDisc, packRgba, type Raster, strokeBox } from './pixelRaster';
import type { SimpleScene } from './simpleScene';

/** What the drawing reads of a scene: a SimpleScene, or its copy in the drawing worker. */
export type DrawableScene = Pick<SimpleScene, 'boxes' | 'curves' | 'stepIndex' | 'edgeIndex'> & {
  nodes: readonly Pick<MapNode, 'id' | 'kind'>[];
  edges: readonly Pick<MapEdge, 'id'>[];
};

/** Colours of the simple drawing (the theme's, read from the app's CSS variables). */
export interface SimpleColors {
  edge: string;
  accent: string;
  fill: Record<NodeKind, string>;
  stroke: Record<NodeKind, string>;
  severity: Record<Severity, string>;
}

/** Where the map is drawn: screen = map × zoom + (x, y), in CSS pixels, times `ratio` pixels. */
export interface SimpleView {
  x: number;
  y: number;
  zoom: number;
  /** The drawing's size in CSS pixels, and device pixels per CSS pixel. */
  width: number;
  height: number;
  ratio: number;
}

export interface SimpleMarks {
  selectedNodeIds?: ReadonlySet<string>;
  selectedEdgeIds?: ReadonlySet<string>;
  /** The worst finding on each step or arrow that has any. */
  nodeSeverity?: ReadonlyMap<string, Severity>;
  edgeSeverity?: ReadonlyMap<string, Severity>;
}

/** What a 2D canvas context offers that the drawing uses (a fake one in tests). */
export type Pen = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'fillRect'
  | 'beginPath'
  | 'rect'
  | 'moveTo'
  | 'lineTo'
  | 'bezierCurveTo'
  | 'fill'
  | 'stroke'
  | 'arc'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
> &
  // Far out, a canvas's pixels are written straight (pixelRaster); a pen without them (a
  // test's) gets the same drawn with the calls above.
  Partial<Pick<CanvasRenderingContext2D, 'createImageData' | 'getImageData' | 'putImageData'>>;

/** Smallest side of a drawn step, in CSS pixels, so every step shows at any zoom. */
const MIN_STEP_PX = 2;
/** Below this zoom steps are plain boxes and arrows straight lines without heads. */
const TINY_BELOW_ZOOM = 0.15;
const SEVERITIES: Severity[] = ['info', 'warning', 'error'];
const KINDS: NodeKind[] = ['start', 'end', 'action', 'decision', 'parallel'];

/**
 * Where step `i` of the scene is drawn, in CSS pixels of `view`: its box, widened to the
 * smallest visible size around its centre, so every step shows at any zoom.
 * @example stepOnScreen(scene.boxes, 3, { x: 0, y: 0, zoom: 0.1 }) // { x: 24, y: 0, width: 16, height: 6 }
 */
export function stepOnScreen(
  boxes: Float64Array,
  i: number,
  view: { x: number; y: number; zoom: number },
): { x: number; y: number; width: number; height: number } {
  const out = new Float64Array(4);
  placeStep(out, 0, boxes, i, view);
  return { x: out[0]!, y: out[1]!, width: out[2]!, height: out[3]! };
}

/** {@link stepOnScreen} written into `out` at 4k (x, y, width, height): no object per step. */
function placeStep(
  out: Float64Array,
  k: number,
  boxes: Float64Array,
  i: number,
  view: { x: number; y: number; zoom: number },
) {
  const s = view.zoom;
  const width = Math.max(MIN_STEP_PX, boxes[4 * i + 2]! * s);
  const height = Math.max(MIN_STEP_PX, boxes[4 * i + 3]! * s);
  out[4 * k] = (boxes[4 * i]! + boxes[4 * i + 2]! / 2) * s + view.x - width / 2;
  out[4 * k + 1] = (boxes[4 * i + 1]! + boxes[4 * i + 3]! / 2) * s + view.y - height / 2;
  out[4 * k + 2] = width;
  out[4 * k + 3] = height;
}

/**
 * Draws a map as plain shapes: arrows as curves, steps as filled boxes and diamonds coloured
 * by kind, findings as an outline and a dot in the severity's colour, selected steps outlined
 * in the accent colour (the hovered one is outlined by the page, over the drawing). Draws
 * only what the spatial indexes put in view. Returns how many steps it drew.
 *
 * Each part is a small function of its own: the drawing worker runs this on every bitmap of a
 * wheel gesture, and as one long function of many branches V8 threw its compiled code away 25
 * times, each time a branch it had not run yet came up, and compiled it again, on the cores
 * the page's frames need (on 10,000 steps, Fit view and five wheel gestures: 359 ms of
 * compiling the drawing's code, 249 ms split, none thrown away; V8's --trace-opt).
 * @example drawSimpleMap(canvas.getContext('2d'), scene, view, colors, { selectedNodeIds })
 */
export function drawSimpleMap(
  pen: Pen,
  scene: DrawableScene,
  view: SimpleView,
  colors: SimpleColors,
  marks: SimpleMarks = {},
): number {
  const { zoom: s, ratio } = view;
  pen.setTransform(ratio, 0, 0, ratio, 0, 0);
  // Far out, plain arrows, steps and their findings' marks are written into the pixels (see
  // pixelRaster): thousands of canvas calls cost far more than the pixels they draw.
  const raster = s < TINY_BELOW_ZOOM ? rasterOf(pen, view) : null;
  // The put image replaces every pixel of the view: clearing it first would only write them
  // all once more (in the worker, 35-50 ms of a fresh canvas's memory on 10,000 steps, traced).
  if (!raster) pen.clearRect(0, 0, view.width, view.height);
  pen.lineJoin = 'round';
  // The part of the map in view, with a margin for outlines and arrowheads.
  const m = 12 / s;
  const x0 = -view.x / s - m;
  const y0 = -view.y / s - m;
  const x1 = (view.width - view.x) / s + m;
  const y1 = (view.height - view.y) / s + m;

  const arrows = scene.edgeIndex ? scene.edgeIndex.search(x0, y0, x1, y1) : [];
  if (raster) rasterArrows(raster, scene, arrows, view, raster.color(colors.edge), marks);
  else traceArrows(pen, scene, arrows, view, colors, marks, true);

  const steps = scene.stepIndex ? scene.stepIndex.search(x0, y0, x1, y1) : [];
  const screen = placeSteps(scene.boxes, steps, view);
  const { nodes } = scene;
  pen.lineWidth = 1;
  if (raster) rasterSteps(raster, nodes, steps, screen, kindWords(raster, colors), ratio);
  else penSteps(pen, nodes, steps, screen, colors, s < TINY_BELOW_ZOOM);

  const severity = marks.nodeSeverity;
  // Findings: the outline and a dot at the top-right corner (where the full step's marker is).
  const dot = Math.max(1.5, 9 * s);
  if (severity && severity.size > 0 && raster) {
    const words = new Map<Severity, number>();
    for (const level of SEVERITIES) words.set(level, raster.color(colors.severity[level]));
    rasterFindings(raster, nodes, steps, screen, severity, words, dot, ratio);
  } else if (severity && severity.size > 0) {
    paintFindings(pen, nodes, steps, screen, severity, colors, dot);
  }
  if (raster) {
    pen.putImageData?.(raster.image, 0, 0);
    // Arrows with a finding or selected: over the plain ones (and the steps), by the pen.
    traceArrows(pen, scene, arrows, view, colors, marks, false);
  }
  const selected = marks.selectedNodeIds;
  if (selected && selected.size > 0) {
    outlineSteps(pen, nodes, steps, screen, colors.accent, 2, 2, (id) => selected.has(id));
  }
  return steps.length;
}

type StepNodes = DrawableScene['nodes'];

/** Each of `steps`' boxes on screen (stepOnScreen), at 4k for the k-th. */
function placeSteps(boxes: Float64Array, steps: readonly number[], view: SimpleView) {
  const screen = new Float64Array(steps.length * 4);
  for (let k = 0; k < steps.length; k++) placeStep(screen, k, boxes, steps[k]!, view);
  return screen;
}

/** Adds the k-th step's shape, grown by `grow` on each side, to the pen's path. */
function traceShape(pen: Pen, screen: Float64Array, k: number, diamond: boolean, grow: number) {
  const x = screen[4 * k]! - grow;
  const y = screen[4 * k + 1]! - grow;
  const w = screen[4 * k + 2]! + 2 * grow;
  const h = screen[4 * k + 3]! + 2 * grow;
  if (diamond) {
    pen.moveTo(x + w / 2, y);
    pen.lineTo(x + w, y + h / 2);
    pen.lineTo(x + w / 2, y + h);
    pen.lineTo(x, y + h / 2);
    // Back to the start by hand: closePath costs Chromium far more on a path of thousands.
    pen.lineTo(x + w / 2, y);
  } else {
    pen.rect(x, y, w, h);
  }
}

/** Each kind's border colour as a Raster word. */
function kindWords(raster: PenRaster, colors: SimpleColors): Map<NodeKind, number> {
  return new Map(KINDS.map((kind) => [kind, raster.color(colors.stroke[kind])]));
}

/** Far out a step is a few pixels: a box filled in its kind's border colour. */
function rasterSteps(
  raster: Raster,
  nodes: StepNodes,
  steps: readonly number[],
  screen: Float64Array,
  words: ReadonlyMap<NodeKind, number>,
  ratio: number,
) {
  for (let k = 0; k < steps.length; k++) {
    const x = screen[4 * k]! * ratio;
    const y = screen[4 * k + 1]! * ratio;
    const w = screen[4 * k + 2]! * ratio;
    const h = screen[4 * k + 3]! * ratio;
    fillBox(raster, x, y, w, h, words.get(nodes[steps[k]!]!.kind) ?? 0);
  }
}

/**
 * Steps by the pen, a kind at a time: far out (`boxes`) each a box filled in its kind's
 * border colour (no path: the browser draws these much faster); nearer, one path per kind,
 * filled and stroked in the kind's colours.
 */
function penSteps(
  pen: Pen,
  nodes: StepNodes,
  steps: readonly number[],
  screen: Float64Array,
  colors: SimpleColors,
  boxes: boolean,
) {
  for (const kind of KINDS) {
    if (boxes) pen.fillStyle = colors.stroke[kind];
    else pen.beginPath();
    let any = false;
    for (let k = 0; k < steps.length; k++) {
      if (nodes[steps[k]!]!.kind !== kind) continue;
      if (boxes)
        pen.fillRect(screen[4 * k]!, screen[4 * k + 1]!, screen[4 * k + 2]!, screen[4 * k + 3]!);
      else traceShape(pen, screen, k, kind === 'decision', 0);
      any = true;
    }
    if (boxes || !any) continue;
    pen.fillStyle = colors.fill[kind];
    pen.fill();
    pen.strokeStyle = colors.stroke[kind];
    pen.stroke();
  }
}

/** Strokes, in one path, the shapes (grown by `grow`) of the steps whose id `pick`s. */
function outlineSteps(
  pen: Pen,
  nodes: StepNodes,
  steps: readonly number[],
  screen: Float64Array,
  color: string,
  width: number,
  grow: number,
  pick: (id: string) => boolean,
) {
  pen.beginPath();
  let any = false;
  for (let k = 0; k < steps.length; k++) {
    const node = nodes[steps[k]!]!;
    if (!pick(node.id)) continue;
    traceShape(pen, screen, k, node.kind === 'decision', grow);
    any = true;
  }
  if (!any) return;
  pen.strokeStyle = color;
  pen.lineWidth = width;
  pen.stroke();
}

/**
 * Far out, each step with a finding: a box around it as wide as the pen's outline (1.5 px;
 * notes have none) and its dot at the top-right corner, in the severity's word.
 */
function rasterFindings(
  raster: Raster,
  nodes: StepNodes,
  steps: readonly number[],
  screen: Float64Array,
  severity: ReadonlyMap<string, Severity>,
  words: ReadonlyMap<Severity, number>,
  dot: number,
  ratio: number,
) {
  const g = 1.25 * ratio;
  for (let k = 0; k < steps.length; k++) {
    const level = severity.get(nodes[steps[k]!]!.id);
    if (!level) continue;
    const word = words.get(level) ?? 0;
    const x = screen[4 * k]! * ratio;
    const y = screen[4 * k + 1]! * ratio;
    const w = screen[4 * k + 2]! * ratio;
    const h = screen[4 * k + 3]! * ratio;
    if (level !== 'info') strokeBox(raster, x - g, y - g, w + 2 * g, h + 2 * g, 1.5 * ratio, word);
    fillDisc(raster, x + w, y, dot * ratio, word);
  }
}

/** By the pen: each severity's outline (notes only get their dot) and dots. */
function paintFindings(
  pen: Pen,
  nodes: StepNodes,
  steps: readonly number[],
  screen: Float64Array,
  severity: ReadonlyMap<string, Severity>,
  colors: SimpleColors,
  dot: number,
) {
  for (const level of SEVERITIES) {
    const pick = (id: string) => severity.get(id) === level;
    // Notes only get their dot: hundreds of them would otherwise outline the whole map.
    if (level !== 'info')
      outlineSteps(pen, nodes, steps, screen, colors.severity[level], 1.5, 0.5, pick);
    pen.beginPath();
    for (let k = 0; k < steps.length; k++) {
      if (!pick(nodes[steps[k]!]!.id)) continue;
      const cx = screen[4 * k]! + screen[4 * k + 2]!;
      pen.moveTo(cx + dot, screen[4 * k + 1]!);
      pen.arc(cx, screen[4 * k + 1]!, dot, 0, 2 * Math.PI);
    }
    pen.fillStyle = colors.severity[level];
    pen.fill();
  }
}

/**
 * The most pixels written straight (16 million: 64 MB, a view of 4,000 × 4,000); a bigger
 * drawing, a PNG export's, goes through the canvas calls.
 */
export const RASTER_MAX_PIXELS = 16_000_000;

/** A Raster over a new image the size of the pen's canvas, and its colours as words. */
interface PenRaster extends Raster {
  image: ImageData;
  color: (css: string) => number;
}

type PixelPen = Pen & Pick<CanvasRenderingContext2D, 'createImageData'>;

/** Each pen's pixel memory, kept for its next picture (see imageFor). */
const spareMemory = new WeakMap<Pen, ArrayBuffer>();

/**
 * Lets go of the pixel memory kept for the pen's next picture (megabytes: enough for its
 * whole canvas), as when its canvas rests while the full steps are drawn: the next picture
 * takes fresh memory.
 * @example releasePixelMemory(canvas.getContext('2d'))
 */
export function releasePixelMemory(pen: Pen): void {
  spareMemory.delete(pen);
}

/**
 * A cleared image `width` × `height` for the pen, in the memory its last one had when that
 * is big enough. The drawing worker draws one bitmap of megabytes after another while the
 * wheel turns: written into fresh memory each time, its pixels took 15–83 ms a bitmap on
 * 10,000 steps, and 10–25 ms once the memory was kept. The memory taken is enough for the
 * pen's whole canvas: the areas drawn on one grow with the zoom (cut to the map), and each
 * bigger one took fresh memory again (up to 42 ms of a drawing, measured). (Where there is no
 * ImageData class, as in tests, the pen makes each image.)
 */
function imageFor(pen: PixelPen, width: number, height: number): ImageData {
  if (typeof ImageData === 'undefined') return pen.createImageData(width, height);
  const bytes = width * height * 4;
  let memory = spareMemory.get(pen);
  if (!memory || memory.byteLength < bytes) {
    const canvas = (pen as { canvas?: { width: number; height: number } }).canvas;
    const whole = canvas ? canvas.width * canvas.height : 0;
    memory = new ArrayBuffer(Math.max(bytes, whole <= RASTER_MAX_PIXELS ? whole * 4 : 0));
    spareMemory.set(pen, memory);
  }
  const data = new Uint8ClampedArray(memory, 0, bytes);
  data.fill(0);
  return new ImageData(data, width, height);
}

/**
 * A Raster to write the view's pixels into, when the pen can put pixels; each CSS colour's
 * word is found by painting the canvas's first pixel with it and reading it back (so any
 * colour the canvas knows works): that pixel is overwritten when the image is put.
 */
function rasterOf(pen: Pen, view: SimpleView): PenRaster | null {
  if (!pen.createImageData || !pen.getImageData || !pen.putImageData) return null;
  const width = Math.max(1, Math.round(view.width * view.ratio));
  const height = Math.max(1, Math.round(view.height * view.ratio));
  // A second copy of a picture this big (a PNG export's) would cost too much memory.
  if (width * height > RASTER_MAX_PIXELS) return null;
  const image = imageFor(pen as PixelPen, width, height);
  const words = new Map<string, number>();
  const color = (css: string) => {
    let word = words.get(css);
    if (word === undefined) {
      pen.clearRect(0, 0, 1, 1);
      pen.fillStyle = css;
      pen.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = pen.getImageData?.(0, 0, 1, 1).data ?? [];
      word = packRgba(r, g, b, a);
      words.set(css, word);
    }
    return word;
  };
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  return { pixels, width, height, image, color };
}

/** Whether an arrow is drawn plain: neither selected nor with a finding. */
function isPlain(marks: SimpleMarks, id: string): boolean {
  return !marks.selectedEdgeIds?.has(id) && !marks.edgeSeverity?.has(id);
}

/** Far out, each plain arrow of `arrows`: a one-pixel straight line in `word`. */
function rasterArrows(
  raster: Raster,
  scene: DrawableScene,
  arrows: readonly number[],
  view: SimpleView,
  word: number,
  marks: SimpleMarks,
) {
  const { curves, edges } = scene;
  const { zoom: s, ratio: r } = view;
  const ox = view.x * r;
  const oy = view.y * r;
  for (const i of arrows) {
    if (Number.isNaN(curves[8 * i]!) || !isPlain(marks, edges[i]!.id)) continue;
    const ax = curves[8 * i]! * s * r + ox;
    const ay = curves[8 * i + 1]! * s * r + oy;
    drawLine(
      raster,
      ax,
      ay,
      curves[8 * i + 6]! * s * r + ox,
      curves[8 * i + 7]! * s * r + oy,
      word,
    );
  }
}

/**
 * Arrows by the pen: the plain ones (when `withPlain`) in the arrow colour, then those with a
 * finding in their severity's colour, then the selected ones in the accent colour.
 */
function traceArrows(
  pen: Pen,
  scene: DrawableScene,
  arrows: readonly number[],
  view: SimpleView,
  colors: SimpleColors,
  marks: SimpleMarks,
  withPlain: boolean,
) {
  if (withPlain) traceCurves(pen, scene, arrows, view, colors.edge, 1, (id) => isPlain(marks, id));
  const selected = marks.selectedEdgeIds;
  const severity = marks.edgeSeverity;
  if (severity && severity.size > 0) {
    for (const level of SEVERITIES) {
      const pick = (id: string) => !selected?.has(id) && severity.get(id) === level;
      traceCurves(pen, scene, arrows, view, colors.severity[level], 1.5, pick);
    }
  }
  if (selected && selected.size > 0) {
    traceCurves(pen, scene, arrows, view, colors.accent, 2, (id) => selected.has(id));
  }
}

/**
 * Strokes, in one path, the arrows whose id `pick`s, then fills their heads: curves with
 * heads once they are big enough to see, straight lines without nearer the tiny zoom.
 */
function traceCurves(
  pen: Pen,
  scene: DrawableScene,
  arrows: readonly number[],
  view: SimpleView,
  color: string,
  width: number,
  pick: (id: string) => boolean,
) {
  const { curves, edges } = scene;
  const { zoom: s, x: ox, y: oy } = view;
  // Far out an arrow is a few pixels long: a straight line looks the same, costs less.
  const curved = s >= TINY_BELOW_ZOOM;
  pen.beginPath();
  let any = false;
  for (const i of arrows) {
    if (Number.isNaN(curves[8 * i]!) || !pick(edges[i]!.id)) continue;
    any = true;
    const c = 8 * i;
    pen.moveTo(curves[c]! * s + ox, curves[c + 1]! * s + oy);
    if (curved) {
      pen.bezierCurveTo(
        curves[c + 2]! * s + ox,
        curves[c + 3]! * s + oy,
        curves[c + 4]! * s + ox,
        curves[c + 5]! * s + oy,
        curves[c + 6]! * s + ox,
        curves[c + 7]! * s + oy,
      );
    } else {
      pen.lineTo(curves[c + 6]! * s + ox, curves[c + 7]! * s + oy);
    }
  }
  if (!any) return;
  pen.strokeStyle = color;
  pen.lineWidth = width;
  pen.stroke();
  if (!curved) return;
  const head = 10 * s;
  pen.beginPath();
  for (const i of arrows) {
    if (Number.isNaN(curves[8 * i]!) || !pick(edges[i]!.id)) continue;
    const c = 8 * i;
    const tx = curves[c + 6]! * s + ox;
    const ty = curves[c + 7]! * s + oy;
    // Along the curve's last tangent (from the second control point to the end).
    let dx = tx - (curves[c + 4]! * s + ox);
    let dy = ty - (curves[c + 5]! * s + oy);
    const d = Math.hypot(dx, dy) || 1;
    dx /= d;
    dy /= d;
    pen.moveTo(tx, ty);
    pen.lineTo(tx - dx * head - dy * head * 0.5, ty - dy * head + dx * head * 0.5);
    pen.lineTo(tx - dx * head + dy * head * 0.5, ty - dy * head - dx * head * 0.5);
    pen.lineTo(tx, ty);
  }
  pen.fillStyle = color;
  pen.fill();
}
