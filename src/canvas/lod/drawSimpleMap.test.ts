import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode } from '../../model';
import { isSimpleZoom, LABEL_FONT_PX, SIMPLE_BELOW_ZOOM } from './detailLevel';
import {
  drawSimpleMap,
  type Pen,
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
