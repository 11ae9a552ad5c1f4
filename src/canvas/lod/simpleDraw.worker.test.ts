import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MapNode } from '../../model';
import type { SimpleColors } from './drawSimpleMap';
import { packScene } from './packScene';
import type { SimpleDrawAnswer, SimpleDrawRequest } from './simpleDraw.worker';
import { buildSimpleScene } from './simpleScene';
import { LETTER_COLORS as colors, loggingPen } from './testPens';

/**
 * A stand-in for the worker's OffscreenCanvas: it logs the sizes it is given and the
 * calls made on its pen, and hands over a "bitmap" of its size, as the browser's does.
 */
class FakeCanvas {
  static made: FakeCanvas[] = [];
  sizes: string[] = [];
  private w: number;
  private h: number;
  constructor(w: number, h: number) {
    this.w = w;
    this.h = h;
    this.sizes.push(`${w}x${h}`);
    FakeCanvas.made.push(this);
  }
  get width() {
    return this.w;
  }
  set width(w: number) {
    this.w = w;
    this.sizes.push(`${this.w}x${this.h}`);
  }
  get height() {
    return this.h;
  }
  set height(h: number) {
    this.h = h;
    this.sizes.push(`${this.w}x${this.h}`);
  }
  private readonly pen = loggingPen();
  get calls() {
    return this.pen.log;
  }
  getContext() {
    return this.pen.pen; // one context a canvas, as in a browser
  }
  transferToImageBitmap() {
    return { width: this.w, height: this.h };
  }
}

const answers: SimpleDrawAnswer[] = [];
let send: (request: SimpleDrawRequest) => void;

beforeAll(async () => {
  const self = { postMessage: (answer: SimpleDrawAnswer) => answers.push(answer) } as {
    postMessage: (answer: SimpleDrawAnswer) => void;
    onmessage?: (event: { data: SimpleDrawRequest }) => void;
  };
  vi.stubGlobal('self', self);
  vi.stubGlobal('OffscreenCanvas', FakeCanvas);
  await import('./simpleDraw.worker');
  send = (request) => self.onmessage?.({ data: request });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const nodes: MapNode[] = Array.from({ length: 40 }, (_, i) => ({
  id: `n${i}`,
  kind: 'action',
  label: `Step ${i}`,
  position: { x: (i % 8) * 240, y: Math.floor(i / 8) * 170 },
}));

describe('simpleDraw.worker', () => {
  it('draws each area at the top-left of a bitmap of the sheet size, one size for every area of a view', () => {
    send({ scene: packScene(buildSimpleScene(nodes, [])) });
    const sheet = { width: 1600, height: 1200 };
    // Three areas of one view size, cut to the map differently as the zoom moves.
    const areas = [
      { x: 500, y: 300, zoom: 0.3, width: 1100, height: 900 },
      { x: 520, y: 310, zoom: 0.25, width: 950, height: 700 },
      { x: 500, y: 300, zoom: 0.4, width: 1600, height: 1200 },
    ];
    areas.forEach((area, i) => {
      send({
        seq: i + 1,
        area,
        ratio: 1,
        sheet,
        look: i === 0 ? { colors, marks: {} } : undefined,
      });
    });
    expect(answers.map((a) => ('bitmap' in a ? a.bitmap : a.error))).toEqual([
      { width: 1600, height: 1200 },
      { width: 1600, height: 1200 },
      { width: 1600, height: 1200 },
    ]);
    // One canvas, sized once: the sheet.
    expect(FakeCanvas.made).toHaveLength(1);
    const canvas = FakeCanvas.made[0]!;
    expect(canvas.sizes).toEqual(['1600x1200']);
    // Each drawing is its area's: cleared (and drawn) within it, not over the whole sheet.
    expect(canvas.calls.filter((call) => call.startsWith('clearRect'))).toEqual([
      'clearRect(0.000,0.000,1100.000,900.000)',
      'clearRect(0.000,0.000,950.000,700.000)',
      'clearRect(0.000,0.000,1600.000,1200.000)',
    ]);
  });

  it('draws an area bigger than the sheet in full, and starts a fresh canvas after a failure', () => {
    answers.length = 0;
    const area = { x: 0, y: 0, zoom: 0.3, width: 2000, height: 1000 };
    send({ seq: 10, area, ratio: 1, sheet: { width: 1600, height: 1200 } });
    expect(answers).toEqual([{ seq: 10, bitmap: { width: 2000, height: 1200 }, drawn: 40 }]);
    // A look the drawing cannot read fails this request, not the next.
    const bad = {
      ...colors,
      get fill(): SimpleColors['fill'] {
        throw new Error('no such colour');
      },
    };
    send({ seq: 11, area, ratio: 1, look: { colors: bad, marks: {} } });
    expect(answers[1]).toEqual({ seq: 11, error: 'no such colour' });
    const before = FakeCanvas.made.length;
    send({ seq: 12, area, ratio: 1, look: { colors, marks: {} } });
    expect(answers[2]).toMatchObject({ seq: 12, drawn: 40 });
    expect(FakeCanvas.made.length).toBe(before + 1);
  });
});
