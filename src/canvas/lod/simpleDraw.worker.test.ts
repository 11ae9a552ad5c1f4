import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MapNode } from '../../model';
import type { SimpleColors } from './drawSimpleMap';
import { packScene } from './packScene';
import type { SimpleDrawAnswer, SimpleDrawRequest } from './simpleDraw.worker';
import { buildSimpleScene } from './simpleScene';
import { LETTER_COLORS as colors, loggingPen } from './testPens';

/**
 * A stand-in for a canvas whose control the page handed the worker: it logs the sizes it is
 * given and the calls made on its pen.
 */
class FakeCanvas {
  sizes: string[] = [];
  private w = 300;
  private h = 150;
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
}

const answers: SimpleDrawAnswer[] = [];
let send: (request: SimpleDrawRequest) => void;

beforeAll(async () => {
  const self = { postMessage: (answer: SimpleDrawAnswer) => answers.push(answer) } as {
    postMessage: (answer: SimpleDrawAnswer) => void;
    onmessage?: (event: { data: SimpleDrawRequest }) => void;
  };
  vi.stubGlobal('self', self);
  vi.useFakeTimers();
  await import('./simpleDraw.worker');
  send = (request) => self.onmessage?.({ data: request });
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const canvasA = new FakeCanvas();
const canvasB = new FakeCanvas();
/** The answers once the worker's own tasks have run (it answers in a task after drawing). */
function settled(): SimpleDrawAnswer[] {
  vi.runAllTimers();
  return answers;
}

const nodes: MapNode[] = Array.from({ length: 40 }, (_, i) => ({
  id: `n${i}`,
  kind: 'action',
  label: `Step ${i}`,
  position: { x: (i % 8) * 240, y: Math.floor(i / 8) * 170 },
}));

describe('simpleDraw.worker', () => {
  it('draws each area at the top-left of the canvas it is told, sized once to the sheet for every area of a view', () => {
    send({ scene: packScene(buildSimpleScene(nodes, [])) });
    send({
      canvases: [
        { id: 1, canvas: canvasA as unknown as OffscreenCanvas },
        { id: 2, canvas: canvasB as unknown as OffscreenCanvas },
      ],
      keep: [1, 2],
    });
    const sheet = { width: 1600, height: 1200 };
    // Three areas of one view size, cut to the map differently as the zoom moves, drawn on
    // the two canvases in turn.
    const areas = [
      { x: 500, y: 300, zoom: 0.3, width: 1100, height: 900 },
      { x: 520, y: 310, zoom: 0.25, width: 950, height: 700 },
      { x: 500, y: 300, zoom: 0.4, width: 1600, height: 1200 },
    ];
    areas.forEach((area, i) => {
      send({
        seq: i + 1,
        target: i % 2 === 0 ? 1 : 2,
        area,
        ratio: 1,
        sheet,
        look: i === 0 ? { colors, marks: {} } : undefined,
      });
    });
    // No answer before the drawing task has ended (its frame is handed on then).
    expect(answers).toEqual([]);
    expect(settled()).toEqual([
      { seq: 1, drawn: 40, size: sheet },
      { seq: 2, drawn: 40, size: sheet },
      { seq: 3, drawn: 40, size: sheet },
    ]);
    // Each canvas sized once: the sheet.
    expect(canvasA.sizes).toEqual(['1600x150', '1600x1200']);
    expect(canvasB.sizes).toEqual(['1600x150', '1600x1200']);
    // Each drawing is its area's, and what an earlier one left outside it is cleared.
    const clears = (c: FakeCanvas) => c.calls.filter((call) => call.startsWith('clearRect'));
    expect(clears(canvasA)).toEqual([
      'clearRect(1100.000,0.000,500.000,1200.000)',
      'clearRect(0.000,900.000,1100.000,300.000)',
      'clearRect(0.000,0.000,1100.000,900.000)',
      'clearRect(0.000,0.000,1600.000,1200.000)',
    ]);
    expect(clears(canvasB)).toEqual([
      'clearRect(950.000,0.000,650.000,1200.000)',
      'clearRect(0.000,700.000,950.000,500.000)',
      'clearRect(0.000,0.000,950.000,700.000)',
    ]);
  });

  it('draws an area bigger than the sheet in full; a failure, or a canvas let go, is said as an error', () => {
    answers.length = 0;
    const area = { x: 0, y: 0, zoom: 0.3, width: 2000, height: 1000 };
    send({ seq: 10, target: 1, area, ratio: 1, sheet: { width: 1600, height: 1200 } });
    expect(settled()).toEqual([{ seq: 10, drawn: 40, size: { width: 2000, height: 1200 } }]);
    // A look the drawing cannot read fails this request, not the next.
    const bad = {
      ...colors,
      get fill(): SimpleColors['fill'] {
        throw new Error('no such colour');
      },
    };
    send({ seq: 11, target: 1, area, ratio: 1, look: { colors: bad, marks: {} } });
    expect(settled()[1]).toEqual({ seq: 11, error: 'no such colour' });
    send({ seq: 12, target: 1, area, ratio: 1, look: { colors, marks: {} } });
    expect(settled()[2]).toMatchObject({ seq: 12, drawn: 40 });
    // A layer mounted anew hands over its own canvases: the worker lets the others go.
    const canvasC = new FakeCanvas();
    send({ canvases: [{ id: 3, canvas: canvasC as unknown as OffscreenCanvas }], keep: [3] });
    send({ seq: 13, target: 1, area, ratio: 1 });
    expect(settled()[3]).toEqual({ seq: 13, error: 'no canvas 1 to draw on' });
    // The layer gone, its canvases shrink to a pixel (their memory let go).
    send({ rest: true });
    expect(canvasC.sizes.at(-1)).toBe('1x1');
  });
});
