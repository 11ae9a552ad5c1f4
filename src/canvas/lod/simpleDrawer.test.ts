import { describe, expect, it, vi } from 'vitest';
import type { ViewBox } from './bitmapPlan';
import type { SimpleColors } from './drawSimpleMap';
import type { SimpleDrawAnswer, SimpleDrawRequest } from './simpleDraw.worker';
import { type DrawnBitmap, SimpleDrawer } from './simpleDrawer';
import { buildSimpleScene } from './simpleScene';

/** A stand-in worker: keeps what the page posts; `answer` plays the worker's reply. */
function fakeWorker() {
  const posted: SimpleDrawRequest[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<SimpleDrawAnswer>) => void) | null,
    onerror: null as (() => void) | null,
    postMessage: (message: SimpleDrawRequest) => posted.push(message),
    terminate: vi.fn(),
  };
  const answer = (message: SimpleDrawAnswer) =>
    worker.onmessage?.({ data: message } as MessageEvent<SimpleDrawAnswer>);
  return { worker, posted, answer };
}

const bitmap = () => ({ close: vi.fn() }) as unknown as ImageBitmap;
const colors = { edge: 'e' } as SimpleColors;
const area: ViewBox = { x: 10, y: 20, zoom: 0.1, width: 1600, height: 1200 };
const scene = buildSimpleScene(
  [{ id: 'a', kind: 'start', label: 'A', position: { x: 0, y: 0 } }],
  [],
);

function setUp() {
  const fake = fakeWorker();
  const got: DrawnBitmap[] = [];
  const drawer = new SimpleDrawer(
    () => fake.worker as unknown as Worker,
    (drawn) => got.push(drawn),
  );
  return { ...fake, got, drawer };
}

describe('SimpleDrawer', () => {
  it('asks for the area on a bitmap of the sheet size it is given', () => {
    const { drawer, posted } = setUp();
    const sheet = { width: 3200, height: 2400 };
    drawer.request(scene, area, 2, {}, colors, {}, sheet);
    expect(posted[1]).toMatchObject({ seq: 1, area, ratio: 2, sheet });
  });

  it('sends the scene once, then asks for one area at a time', () => {
    const { drawer, posted, answer, got } = setUp();
    const look = {};
    drawer.request(scene, area, 1, look, colors, {});
    expect(posted).toHaveLength(2);
    expect('scene' in posted[0]!).toBe(true);
    expect(drawer.busy).toBe(true);
    // A second ask while one is drawn is dropped: the page asks again when the bitmap lands.
    drawer.request(scene, { ...area, x: 99 }, 1, look, colors, {});
    expect(posted).toHaveLength(2);
    const drawn = bitmap();
    answer({ seq: 1, bitmap: drawn, drawn: 7 });
    expect(drawer.busy).toBe(false);
    expect(got).toEqual([{ bitmap: drawn, area, ratio: 1, content: look, drawn: 7 }]);
    drawer.request(scene, area, 2, look, colors, {});
    // The same scene and look: neither is sent again.
    expect(posted).toHaveLength(3);
    expect(posted[2]).toEqual({ seq: 2, area, ratio: 2, look: undefined });
  });

  it('sends the colours and marks again only when the look changes', () => {
    const { drawer, posted, answer } = setUp();
    const marks = { selectedNodeIds: new Set(['n0']) };
    drawer.request(scene, area, 1, {}, colors, marks);
    answer({ seq: 1, bitmap: bitmap(), drawn: 1 });
    drawer.request(scene, area, 1, {}, colors, marks);
    expect(posted.at(-1)).toEqual({ seq: 2, area, ratio: 1, look: { colors, marks } });
  });

  it('closes a bitmap nobody waits for, and turns to the page when the worker fails', () => {
    const { drawer, answer, got } = setUp();
    const stray = bitmap();
    answer({ seq: 5, bitmap: stray, drawn: 1 });
    expect(stray.close).toHaveBeenCalled();
    expect(got).toEqual([]);
    drawer.request(scene, area, 1, {}, colors, {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    answer({ seq: 1, error: 'no 2D context' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no 2D context'));
    warn.mockRestore();
    expect(drawer.failed).toBe(true);
    expect(drawer.busy).toBe(false);
    expect(got).toEqual([]);
  });

  it('sends a scene ahead once (prepare), and a request of that scene does not send it again', () => {
    const { drawer, posted } = setUp();
    drawer.prepare(scene);
    drawer.prepare(scene);
    expect(posted).toEqual([{ scene: expect.anything() }]);
    drawer.request(scene, area, 1, {}, colors, {});
    expect(posted).toHaveLength(2);
    expect('seq' in posted[1]!).toBe(true);
  });

  it('hands bitmaps to whoever listens now; one asked for before a new listener came, or with no one listening, is closed', () => {
    const { drawer, answer, got } = setUp();
    drawer.request(scene, area, 1, {}, colors, {});
    const later: DrawnBitmap[] = [];
    drawer.listen((drawn) => later.push(drawn));
    const old = bitmap();
    answer({ seq: 1, bitmap: old, drawn: 1 });
    expect(old.close).toHaveBeenCalled();
    expect(later).toEqual([]);
    expect(drawer.busy).toBe(false);
    drawer.request(scene, area, 1, {}, colors, {});
    const fresh = bitmap();
    answer({ seq: 2, bitmap: fresh, drawn: 1 });
    expect(later.map((d) => d.bitmap)).toEqual([fresh]);
    drawer.listen(null);
    drawer.request(scene, area, 1, {}, colors, {});
    const unwanted = bitmap();
    answer({ seq: 3, bitmap: unwanted, drawn: 1 });
    expect(unwanted.close).toHaveBeenCalled();
    expect(got).toEqual([]);
  });

  it('ends its worker when disposed', () => {
    const { drawer, worker } = setUp();
    drawer.dispose();
    expect(worker.terminate).toHaveBeenCalled();
  });
});
