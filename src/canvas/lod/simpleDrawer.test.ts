import { describe, expect, it, vi } from 'vitest';
import type { ViewBox } from './bitmapPlan';
import type { SimpleColors } from './drawSimpleMap';
import type { SimpleDrawAnswer, SimpleDrawRequest } from './simpleDraw.worker';
import { type DrawnSheet, SimpleDrawer } from './simpleDrawer';
import { buildSimpleScene } from './simpleScene';

/** A stand-in worker: keeps what the page posts; `answer` plays the worker's reply. */
function fakeWorker() {
  const posted: SimpleDrawRequest[] = [];
  const transferred: unknown[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<SimpleDrawAnswer>) => void) | null,
    onerror: null as (() => void) | null,
    postMessage: (message: SimpleDrawRequest, transfer?: unknown[]) => {
      posted.push(message);
      if (transfer?.length) transferred.push(...transfer);
    },
    terminate: vi.fn(),
  };
  const answer = (message: SimpleDrawAnswer) =>
    worker.onmessage?.({ data: message } as MessageEvent<SimpleDrawAnswer>);
  return { worker, posted, transferred, answer };
}

/** A stand-in for a layer's canvas: handing it over gives a token, and only once. */
function fakeCanvas(name: string) {
  let handed = false;
  return {
    name,
    transferControlToOffscreen: () => {
      if (handed) throw new Error('InvalidStateError: already handed over');
      handed = true;
      return { offscreen: name };
    },
  } as unknown as HTMLCanvasElement;
}
const size = { width: 1600, height: 1200 };
const colors = { edge: 'e' } as SimpleColors;
const area: ViewBox = { x: 10, y: 20, zoom: 0.1, width: 1600, height: 1200 };
const scene = buildSimpleScene(
  [{ id: 'a', kind: 'start', label: 'A', position: { x: 0, y: 0 } }],
  [],
);

function setUp() {
  const fake = fakeWorker();
  const got: DrawnSheet[] = [];
  const drawer = new SimpleDrawer(
    () => fake.worker as unknown as Worker,
    (drawn) => got.push(drawn),
  );
  const a = fakeCanvas('a');
  const b = fakeCanvas('b');
  drawer.attach([a, b]);
  fake.posted.length = 0;
  return { ...fake, got, drawer, a, b };
}

describe('SimpleDrawer', () => {
  it("hands the layer's canvases to the worker once each; a canvas mounted again is kept by its id", () => {
    const fake = fakeWorker();
    const drawer = new SimpleDrawer(() => fake.worker as unknown as Worker);
    const a = fakeCanvas('a');
    const b = fakeCanvas('b');
    expect(drawer.attach([a, b])).toBe(true);
    expect(fake.transferred).toEqual([{ offscreen: 'a' }, { offscreen: 'b' }]);
    const first = fake.posted[0] as { canvases: { id: number }[]; keep: number[] };
    const ids = first.canvases.map((c) => c.id);
    expect(first.keep).toEqual(ids);
    // Mounted again (React's strict mode does so): nothing handed over twice, both kept.
    expect(drawer.attach([a, b])).toBe(true);
    expect(fake.posted[1]).toEqual({ canvases: [], keep: ids });
    expect(fake.transferred).toHaveLength(2);
    // The layer gone: its canvases rest.
    drawer.rest();
    expect(fake.posted[2]).toEqual({ rest: true });
  });

  it('draws on the page when a canvas cannot be handed over', () => {
    const fake = fakeWorker();
    const drawer = new SimpleDrawer(() => fake.worker as unknown as Worker);
    const used = fakeCanvas('used');
    used.transferControlToOffscreen(); // handed over elsewhere already
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(drawer.attach([used])).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('already handed over'));
    warn.mockRestore();
    expect(drawer.failed).toBe(true);
    expect(fake.posted).toEqual([]);
  });

  it('asks for the area on the canvas it names, at the sheet size it is given', () => {
    const { drawer, posted, b } = setUp();
    const sheet = { width: 3200, height: 2400 };
    drawer.request(b, scene, area, 2, {}, colors, {}, sheet);
    expect(posted[1]).toMatchObject({ seq: 1, area, ratio: 2, sheet });
    // A canvas never handed over is not drawn on.
    drawer.request(fakeCanvas('stray'), scene, area, 2, {}, colors, {}, sheet);
    expect(posted).toHaveLength(2);
  });

  it('sends the scene once, then asks for one area at a time', () => {
    const { drawer, posted, answer, got, a } = setUp();
    const look = {};
    drawer.request(a, scene, area, 1, look, colors, {});
    expect(posted).toHaveLength(2);
    expect('scene' in posted[0]!).toBe(true);
    expect(drawer.busy).toBe(true);
    // A second ask while one is drawn is dropped: the page asks again when the drawing is done.
    drawer.request(a, scene, { ...area, x: 99 }, 1, look, colors, {});
    expect(posted).toHaveLength(2);
    answer({ seq: 1, drawn: 7, size });
    expect(drawer.busy).toBe(false);
    expect(got).toEqual([{ canvas: a, area, ratio: 1, content: look, drawn: 7, size }]);
    drawer.request(a, scene, area, 2, look, colors, {});
    // The same scene and look: neither is sent again.
    expect(posted).toHaveLength(3);
    expect(posted[2]).toEqual({
      seq: 2,
      target: expect.any(Number),
      area,
      ratio: 2,
      look: undefined,
    });
  });

  it('sends the colours and marks again only when the look changes', () => {
    const { drawer, posted, answer, a } = setUp();
    const marks = { selectedNodeIds: new Set(['n0']) };
    drawer.request(a, scene, area, 1, {}, colors, marks);
    answer({ seq: 1, drawn: 1, size });
    drawer.request(a, scene, area, 1, {}, colors, marks);
    expect(posted.at(-1)).toMatchObject({ seq: 2, area, ratio: 1, look: { colors, marks } });
  });

  it('ignores an answer nobody waits for, and turns to the page when the worker fails', () => {
    const { drawer, answer, got, a } = setUp();
    answer({ seq: 5, drawn: 1, size });
    expect(got).toEqual([]);
    drawer.request(a, scene, area, 1, {}, colors, {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    answer({ seq: 1, error: 'no 2D context' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no 2D context'));
    warn.mockRestore();
    expect(drawer.failed).toBe(true);
    expect(drawer.busy).toBe(false);
    expect(got).toEqual([]);
  });

  it('sends a scene ahead once (prepare), and a request of that scene does not send it again', () => {
    const { drawer, posted, a } = setUp();
    drawer.prepare(scene);
    drawer.prepare(scene);
    expect(posted).toEqual([{ scene: expect.anything() }]);
    drawer.request(a, scene, area, 1, {}, colors, {});
    expect(posted).toHaveLength(2);
    expect('seq' in posted[1]!).toBe(true);
  });

  it("tells whoever listens now; a drawing asked for before a new listener came, or with no one listening, is no one's", () => {
    const { drawer, answer, got, a, b } = setUp();
    drawer.request(a, scene, area, 1, {}, colors, {});
    const later: DrawnSheet[] = [];
    drawer.listen((drawn) => later.push(drawn));
    answer({ seq: 1, drawn: 1, size });
    expect(later).toEqual([]);
    expect(drawer.busy).toBe(false);
    drawer.request(b, scene, area, 1, {}, colors, {});
    answer({ seq: 2, drawn: 1, size });
    expect(later.map((d) => d.canvas)).toEqual([b]);
    drawer.listen(null);
    drawer.request(a, scene, area, 1, {}, colors, {});
    answer({ seq: 3, drawn: 1, size });
    expect(later).toHaveLength(1);
    expect(got).toEqual([]);
  });

  it('ends its worker when disposed', () => {
    const { drawer, worker } = setUp();
    drawer.dispose();
    expect(worker.terminate).toHaveBeenCalled();
  });
});
