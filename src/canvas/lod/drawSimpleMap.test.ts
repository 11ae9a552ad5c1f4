import { describe, expect, it, vi } from 'vitest';
import type { MapEdge, MapNode } from '../../model';
import { isSimpleZoom, LABEL_FONT_PX, SIMPLE_BELOW_ZOOM } from './detailLevel';
import {
  drawSimpleMap,
  type Pen,
  RASTER_MAX_PIXELS,
  releasePixelMemory,
  type SimpleColors,
  type SimpleMarks,
  stepOnScreen,
} from './drawSimpleMap';
import { buildSimpleScene } from './simpleScene';

/** A pen that records what is drawn: each fill and stroke with its colour and shape count. */
function recordingPen() {
  const calls: { op: 'fill' | 'stroke'; style: string; rects: number; diamonds: number }[] = [];
  let rects = 0;
  let diamonds = 0;
  let lines = 0;
  const pen = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    setTransform() {},
    clearRect() {},
    beginPath() {
      rects = 0;
      diamonds = 0;
      lines = 0;
    },
    rect() {
      rects++;
    },
    fillRect() {
      calls.push({ op: 'fill', style: String(pen.fillStyle), rects: 1, diamonds: 0 });
    },
    moveTo() {
      lines = 0;
    },
    lineTo() {
      if (++lines === 4) diamonds++;
    },
    bezierCurveTo() {},
    arc() {},
    fill() {
      calls.push({ op: 'fill', style: String(pen.fillStyle), rects, diamonds });
    },
    stroke() {
      calls.push({ op: 'stroke', style: String(pen.strokeStyle), rects, diamonds });
    },
  };
  return { pen: pen as unknown as Pen, calls }; // a recording stand-in for a 2D context
}

const COLORS: SimpleColors = {
  edge: 'edge',
  accent: 'accent',
  fill: {
    start: 'start',
    end: 'end',
    action: 'action',
    decision: 'decision',
    parallel: 'parallel',
  },
  stroke: {
    start: 'start-b',
    end: 'end-b',
    action: 'action-b',
    decision: 'decision-b',
    parallel: 'parallel-b',
  },
  severity: { error: 'error', warning: 'warning', info: 'info' },
};

const grid: MapNode[] = Array.from({ length: 100 }, (_, i) => ({
  id: `n${i}`,
  kind: i % 10 === 0 ? 'decision' : 'action',
  label: `Step ${i}`,
  position: { x: (i % 10) * 240, y: Math.floor(i / 10) * 170 },
}));
const arrows: MapEdge[] = grid
  .slice(1)
  .map((n, i) => ({ id: `e${i}`, source: 'n0', target: n.id }));

/** As in a browser or a worker: an ImageData class over memory of the caller's. */
class FakeImageData {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
}

describe('drawSimpleMap', () => {
  const scene = buildSimpleScene(grid, arrows);

  /** Draws the grid at a zoom into a view of width × height px, recording the calls. */
  const drawAt = (zoom: number, width = 800, height = 600, marks?: SimpleMarks) => {
    const { pen, calls } = recordingPen();
    const drawn = drawSimpleMap(
      pen,
      scene,
      { x: 0, y: 0, zoom, width, height, ratio: 1 },
      COLORS,
      marks,
    );
    return { drawn, calls };
  };

  it('draws every step in view, one fill per kind', () => {
    const { drawn, calls } = drawAt(0.2);
    expect(drawn).toBe(100);
    expect(calls.find((c) => c.op === 'fill' && c.style === 'action')?.rects).toBe(90);
    expect(calls.find((c) => c.op === 'fill' && c.style === 'decision')?.diamonds).toBe(10);
    expect(calls.some((c) => c.op === 'stroke' && c.style === 'edge')).toBe(true);
  });

  it('far out, draws each step as one box in its kind border colour', () => {
    const { drawn, calls } = drawAt(0.05);
    expect(drawn).toBe(100);
    expect(calls.filter((c) => c.style === 'action-b')).toHaveLength(90);
    expect(calls.filter((c) => c.style === 'decision-b')).toHaveLength(10);
  });

  it('draws only the steps the index puts in view', () => {
    // 300 × 200 px at zoom 0.25 shows map x 0–1200, y 0–800: 5 columns (and a margin) × 5 rows.
    const { drawn } = drawAt(0.25, 300, 200);
    expect(drawn).toBeGreaterThanOrEqual(25);
    expect(drawn).toBeLessThan(50);
  });

  it('outlines selected steps and marks findings in their colours', () => {
    const { calls } = drawAt(0.1, 800, 600, {
      selectedNodeIds: new Set(['n1', 'n2']),
      selectedEdgeIds: new Set(['e0']),
      nodeSeverity: new Map([['n3', 'error']]),
    });
    const accent = calls.filter((c) => c.style === 'accent' && c.op === 'stroke');
    // The selected arrow, the two selected steps (the hovered one is outlined by the page).
    expect(accent.map((c) => c.rects)).toEqual([0, 2]);
    expect(calls.find((c) => c.style === 'error' && c.op === 'stroke')?.rects).toBe(1);
    expect(calls.some((c) => c.style === 'error' && c.op === 'fill')).toBe(true);
  });
});

/**
 * A pen with pixels, as a canvas's 2D context has: far out the drawing writes them. Each
 * colour name is a distinct opaque colour; the pen's own fills and strokes are only recorded.
 */
function pixelPen() {
  const names = Object.values(COLORS).flatMap((v) =>
    typeof v === 'string' ? [v] : Object.values(v),
  );
  const rgba = (name: string) => {
    const n = names.indexOf(name) + 1;
    return [n, 2 * n, 3 * n, 255];
  };
  const recording = recordingPen();
  let probe = [0, 0, 0, 0];
  let image: { data: Uint8ClampedArray; width: number; height: number } | null = null;
  const recordFill = recording.pen.fillRect;
  const pen = Object.assign(recording.pen, {
    fillRect(...args: Parameters<Pen['fillRect']>) {
      probe = rgba(String(pen.fillStyle)); // the colour probe paints one pixel
      recordFill(...args);
    },
    clearRect() {},
    createImageData: (w: number, h: number) => ({
      data: new Uint8ClampedArray(w * h * 4),
      width: w,
      height: h,
    }),
    getImageData: () => ({ data: Uint8ClampedArray.from(probe) }),
    putImageData: (put: typeof image) => {
      image = put;
    },
  }) as unknown as Pen;
  /** The colour name at a device pixel of the put image ('' where none). */
  const at = (x: number, y: number) => {
    if (!image || x < 0 || y < 0 || x >= image.width || y >= image.height) return '';
    const i = 4 * (Math.floor(y) * image.width + Math.floor(x));
    const n = image.data[i]!;
    return image.data[i + 3] === 0 ? '' : (names[n - 1] ?? '?');
  };
  return { pen, at, calls: recording.calls, size: () => [image?.width, image?.height] };
}

describe('drawSimpleMap far out, into the pixels', () => {
  const scene = buildSimpleScene(grid, arrows);

  it("puts each step in its kind's border colour and the plain arrows in theirs, at the device's pixels", () => {
    const { pen, at, size } = pixelPen();
    const view = { x: 10, y: 20, zoom: 0.05, width: 800, height: 600, ratio: 2 };
    expect(drawSimpleMap(pen, scene, view, COLORS)).toBe(100);
    expect(size()).toEqual([1600, 1200]);
    for (const step of grid) {
      const i = Number(step.id.slice(1));
      const box = stepOnScreen(scene.boxes, i, view);
      const colour = at((box.x + box.width / 2) * 2, (box.y + box.height / 2) * 2);
      expect(colour).toBe(step.kind === 'decision' ? 'decision-b' : 'action-b');
    }
    // Between n0's and n9's columns, on the arrow from n0 to n9 (one row): the arrow's colour.
    const from = stepOnScreen(scene.boxes, 0, view);
    const to = stepOnScreen(scene.boxes, 9, view);
    const midX = (from.x + from.width + to.x) / 2;
    const hits = [-1, 0, 1].map((d) => at(midX * 2, (from.y + from.height / 2) * 2 + d));
    expect(hits).toContain('edge');
  });

  it('replaces the whole view with the put image, without clearing it first', () => {
    const { pen, size } = pixelPen();
    const cleared: number[][] = [];
    const putAt: number[][] = [];
    const put = pen.putImageData as (image: ImageData, x: number, y: number) => void;
    Object.assign(pen, {
      clearRect: (...box: number[]) => cleared.push(box),
      putImageData: (image: ImageData, x: number, y: number) => {
        putAt.push([x, y]);
        put(image, x, y);
      },
    });
    drawSimpleMap(
      pen,
      scene,
      { x: 10, y: 20, zoom: 0.05, width: 800, height: 600, ratio: 2 },
      COLORS,
    );
    // Only the colour probes' one pixel is cleared; the image, put at the corner, is the view.
    expect(cleared.length).toBeGreaterThan(0);
    expect(cleared.every((box) => box[2] === 1 && box[3] === 1)).toBe(true);
    expect(putAt).toEqual([[0, 0]]);
    expect(size()).toEqual([1600, 1200]);
  });

  it("marks a step's finding with its outline and a dot at its top-right corner", () => {
    const { pen, at } = pixelPen();
    const view = { x: 0, y: 0, zoom: 0.1, width: 800, height: 600, ratio: 1 };
    drawSimpleMap(pen, scene, view, COLORS, {
      nodeSeverity: new Map([
        ['n12', 'error'],
        ['n15', 'info'],
      ]),
    });
    const box = stepOnScreen(scene.boxes, 12, view);
    expect(at(box.x + box.width, box.y)).toBe('error'); // the dot
    expect(at(box.x - 1, box.y + box.height / 2)).toBe('error'); // the outline, left
    expect(at(box.x + box.width / 2, box.y + box.height / 2)).toBe('action-b');
    // A note gets its dot only.
    const note = stepOnScreen(scene.boxes, 15, view);
    expect(at(note.x + note.width, note.y)).toBe('info');
    expect(at(note.x - 1, note.y + note.height / 2)).toBe('');
  });

  it("draws each picture into the pen's kept memory, cleared: nothing of the last one shows", () => {
    vi.stubGlobal('ImageData', FakeImageData);
    try {
      const { pen, at, size } = pixelPen();
      const big = { x: 0, y: 0, zoom: 0.1, width: 800, height: 600, ratio: 1 };
      const centre = (view: typeof big) => {
        const box = stepOnScreen(scene.boxes, 0, view);
        return [box.x + box.width / 2, box.y + box.height / 2] as const;
      };
      drawSimpleMap(pen, scene, big, COLORS);
      expect(at(...centre(big))).toBe('decision-b');
      // The map 300 px further right: where n0 was is clear now.
      const moved = { ...big, x: 300 };
      drawSimpleMap(pen, scene, moved, COLORS);
      expect(at(...centre(big))).toBe('');
      expect(at(...centre(moved))).toBe('decision-b');
      // A smaller picture, in part of the same memory: its rows are its own width.
      const small = { ...moved, width: 700, height: 500 };
      drawSimpleMap(pen, scene, small, COLORS);
      expect(size()).toEqual([700, 500]);
      expect(at(...centre(small))).toBe('decision-b');
      expect(at(...centre(big))).toBe('');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("takes memory for the pen's whole canvas at once: a bigger area drawn on it after a smaller one takes none again, until it is let go", () => {
    vi.stubGlobal('ImageData', FakeImageData);
    try {
      const { pen, at } = pixelPen();
      // The worker's canvas: the sheet, 800 × 600, on which areas cut to the map are drawn.
      Object.assign(pen, { canvas: { width: 800, height: 600 } });
      const memory: ArrayBufferLike[] = [];
      const put = pen.putImageData as (image: ImageData, x: number, y: number) => void;
      pen.putImageData = (image: ImageData, x: number, y: number) => {
        memory.push(image.data.buffer);
        put(image, x, y);
      };
      const small = { x: 0, y: 0, zoom: 0.1, width: 300, height: 200, ratio: 1 };
      drawSimpleMap(pen, scene, small, COLORS);
      const big = { ...small, width: 800, height: 600 };
      drawSimpleMap(pen, scene, big, COLORS);
      expect(memory).toHaveLength(2);
      // Compared as a yes or no: a failing toBe would print both buffers, megabytes each.
      expect(memory[1] === memory[0], 'the same memory for both').toBe(true);
      expect(memory[0]?.byteLength).toBe(800 * 600 * 4);
      const box = stepOnScreen(scene.boxes, 0, big);
      expect(at(box.x + box.width / 2, box.y + box.height / 2)).toBe('decision-b');
      // Let go while the canvas rests: the next picture takes fresh memory, drawn as well.
      releasePixelMemory(pen);
      drawSimpleMap(pen, scene, big, COLORS);
      expect(memory).toHaveLength(3);
      expect(memory[2] === memory[1], 'the same memory after it was let go').toBe(false);
      expect(at(box.x + box.width / 2, box.y + box.height / 2)).toBe('decision-b');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('draws a picture of more than RASTER_MAX_PIXELS (a big PNG export) through the pen', () => {
    const { pen, calls, size } = pixelPen();
    const side = Math.ceil(Math.sqrt(RASTER_MAX_PIXELS)) + 1;
    const view = { x: 0, y: 0, zoom: 0.05, width: side, height: side, ratio: 1 };
    expect(drawSimpleMap(pen, scene, view, COLORS)).toBe(100);
    expect(size()).toEqual([undefined, undefined]); // no image made
    expect(calls.filter((c) => c.style === 'action-b')).toHaveLength(90);
  });

  it('leaves arrows with a finding, and outlines, to the pen, over the pixels', () => {
    const { pen, calls } = pixelPen();
    drawSimpleMap(
      pen,
      scene,
      { x: 0, y: 0, zoom: 0.05, width: 800, height: 600, ratio: 1 },
      COLORS,
      {
        selectedNodeIds: new Set(['n1']),
        edgeSeverity: new Map([['e3', 'error']]),
      },
    );
    expect(calls.filter((c) => c.op === 'stroke').map((c) => c.style)).toEqual(['error', 'accent']);
    // No plain arrow nor step went through the pen (but for the colour probe's one pixel).
    expect(calls.some((c) => c.style === 'edge' && c.op === 'stroke')).toBe(false);
    expect(calls.filter((c) => c.style === 'action-b')).toHaveLength(1);
  });
});

describe('stepOnScreen', () => {
  const boxes = new Float64Array([100, 50, 160, 60]);
  it('puts a step where the view puts its box', () => {
    expect(stepOnScreen(boxes, 0, { x: 10, y: 20, zoom: 0.5 })).toEqual({
      x: 60,
      y: 45,
      width: 80,
      height: 30,
    });
  });
  it('far out, widens it to 2 px around its centre so it still shows', () => {
    // At zoom 0.01 the box is 1.6 × 0.6 px around (1.8, 0.8).
    const box = stepOnScreen(boxes, 0, { x: 0, y: 0, zoom: 0.01 });
    expect(box.width).toBe(2);
    expect(box.height).toBe(2);
    expect(box.x + box.width / 2).toBeCloseTo(1.8);
    expect(box.y + box.height / 2).toBeCloseTo(0.8);
  });
});

describe('isSimpleZoom', () => {
  it('switches where a label is under 4.5 px high, about zoom 0.35', () => {
    expect(SIMPLE_BELOW_ZOOM).toBeCloseTo(0.35, 2);
    expect(LABEL_FONT_PX * SIMPLE_BELOW_ZOOM).toBeCloseTo(4.5);
    expect(isSimpleZoom(0.09)).toBe(true);
    expect(isSimpleZoom(0.5)).toBe(false);
  });
});
