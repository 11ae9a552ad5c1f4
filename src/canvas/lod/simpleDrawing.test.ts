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
