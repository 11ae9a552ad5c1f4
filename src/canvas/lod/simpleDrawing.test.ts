import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { SETTLE_MS, simpleDrawing } from './simpleDrawing';

type View = { transform: [number, number, number] };

function flowAt(zoom: number) {
  const flow = createStore<View>(() => ({ transform: [0, 0, zoom] }));
  const zoomTo = (z: number) => flow.setState({ transform: [10, 20, z] });
  const pan = () => {
    const [x, y, z] = flow.getState().transform;
    flow.setState({ transform: [x + 5, y, z] });
  };
  return { flow, zoomTo, pan };
}

describe('simpleDrawing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('on a big map, keeps the simple drawing while a zoom up from it moves, and ends it once the zoom has rested', () => {
    const { flow, zoomTo, pan } = flowAt(0.05);
    const drawing = simpleDrawing(flow, () => true);
    const seen: boolean[] = [];
    drawing.subscribe(() => seen.push(drawing.get()));
    expect(drawing.get()).toBe(true);
    for (const zoom of [0.1, 0.3, 0.5, 0.7, 1]) {
      zoomTo(zoom);
      vi.advanceTimersByTime(SETTLE_MS - 20);
      expect(drawing.get()).toBe(true);
    }
    // A pan meanwhile does not wake it early.
    pan();
    vi.advanceTimersByTime(19);
    expect(drawing.get()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(drawing.get()).toBe(false);
    expect(seen).toEqual([false]);
  });

  it('goes simple at once when the zoom drops below the readable one, also while held', () => {
    const { flow, zoomTo } = flowAt(1);
    const drawing = simpleDrawing(flow, () => true);
    drawing.subscribe(() => {});
    expect(drawing.get()).toBe(false);
    zoomTo(0.2);
    expect(drawing.get()).toBe(true);
    zoomTo(0.6);
    zoomTo(0.1);
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(drawing.get()).toBe(true);
  });

  it('a zoom that stays readable never turns it on, and a small map (no hold) turns it off at once', () => {
    const { flow, zoomTo } = flowAt(1);
    let hold = false;
    const drawing = simpleDrawing(flow, () => hold);
    drawing.subscribe(() => {});
    zoomTo(0.5);
    zoomTo(2);
    expect(drawing.get()).toBe(false);
    zoomTo(0.1);
    zoomTo(0.5);
    expect(drawing.get()).toBe(false);
    hold = true;
    zoomTo(0.1);
    zoomTo(0.5);
    expect(drawing.get()).toBe(true);
  });

  it('stops listening when the last listener leaves, and reads the zoom afresh on the next', () => {
    const { flow, zoomTo } = flowAt(0.1);
    const drawing = simpleDrawing(flow, () => true);
    const stop = drawing.subscribe(() => {});
    zoomTo(0.8);
    stop();
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(drawing.get()).toBe(true);
    drawing.subscribe(() => {});
    expect(drawing.get()).toBe(false);
  });
});

describe('simpleDrawing, headed for a far zoom (Fit view)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const target = { x: 70, y: 140, zoom: 0.03 };
  /** A big map's drawing (held), listened to, at `zoom`. */
  const heldAt = (zoom: number) => {
    const { flow, zoomTo } = flowAt(zoom);
    const drawing = simpleDrawing(flow, () => true);
    drawing.subscribe(() => {});
    return { drawing, zoomTo };
  };

  it('on a big map, goes simple at once and stays so through every frame of the way, late ones too, until it arrives', () => {
    const { flow, zoomTo } = flowAt(1);
    const drawing = simpleDrawing(flow, () => true);
    const seen: boolean[] = [];
    drawing.subscribe(() => seen.push(drawing.get()));
    drawing.headFor(target, 200);
    expect(drawing.get()).toBe(true);
    expect(drawing.heading()).toEqual(target);
    // A frame of the animation comes 190 ms late (a busy machine): no full steps meanwhile.
    zoomTo(0.8);
    vi.advanceTimersByTime(190);
    expect(drawing.get()).toBe(true);
    zoomTo(0.4);
    vi.advanceTimersByTime(16);
    zoomTo(0.1);
    zoomTo(target.zoom);
    expect(drawing.heading()).toBeNull();
    vi.advanceTimersByTime(SETTLE_MS * 4);
    expect(drawing.get()).toBe(true);
    expect(seen).toEqual([true]);
  });

  it('stopped on its way (a drag takes over), the full steps come back once the time it had is up', () => {
    const { drawing, zoomTo } = heldAt(1);
    drawing.headFor(target, 200);
    zoomTo(0.7);
    vi.advanceTimersByTime(200 + SETTLE_MS - 1);
    expect(drawing.get()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(drawing.get()).toBe(false);
    expect(drawing.heading()).toBeNull();
  });

  it('changes nothing on a small map, for a readable target, or where the zoom already is', () => {
    const { flow } = flowAt(1);
    let hold = false;
    const drawing = simpleDrawing(flow, () => hold);
    drawing.subscribe(() => {});
    drawing.headFor(target, 200);
    expect(drawing.get()).toBe(false);
    expect(drawing.heading()).toBeNull();
    hold = true;
    drawing.headFor({ x: 0, y: 0, zoom: 0.5 }, 200);
    expect(drawing.get()).toBe(false);
    drawing.headFor({ x: 5, y: 5, zoom: 1 }, 200);
    expect(drawing.get()).toBe(false);
    expect(drawing.heading()).toBeNull();
  });

  it('already simple, it says where it heads until the animation should be over', () => {
    const { drawing } = heldAt(0.2);
    vi.setSystemTime(0);
    drawing.headFor(target, 200);
    expect(drawing.heading()).toEqual(target);
    vi.advanceTimersByTime(200 + SETTLE_MS);
    expect(drawing.heading()).toBeNull();
    expect(drawing.get()).toBe(true);
  });
});
