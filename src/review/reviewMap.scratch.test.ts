import { describe, expect, it } from 'vitest';
import { scratch } from '../analyzer/scratch';
import { createMap, type MapEdge, type MapNode, type ProcessMap } from '../model';
import { reviewMap as analyze } from './reviewMap';

/** A line of `n` steps, every third a decision that sends one case in ten back two steps. */
function loopMap(n: number, minutes: number): ProcessMap {
  const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } }];
  const edges: MapEdge[] = [{ id: 'e-s', source: 's', target: 'n0' }];
  for (let i = 0; i < n; i++) {
    const decision = i % 3 === 2;
    nodes.push({
      id: `n${i}`,
      kind: decision ? 'decision' : 'action',
      label: `Step ${i}`,
      position: { x: 0, y: i },
      durationMinutes: minutes + (i % 7),
    });
    const next = i + 1 < n ? `n${i + 1}` : 'end';
    edges.push({ id: `e${i}`, source: `n${i}`, target: next, label: 'Yes', probability: 0.9 });
    if (decision) {
      edges.push({
        id: `b${i}`,
        source: `n${i}`,
        target: `n${i - 2}`,
        label: 'No',
        probability: 0.1,
      });
    }
  }
  nodes.push({ id: 'end', kind: 'end', label: 'Done', position: { x: 0, y: n } });
  return { ...createMap('loop'), nodes, edges };
}

/** A report as plain data, typed arrays included. */
function plain(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
}

describe('scratch', () => {
  it('lends zeroed arrays inside a run and fresh ones outside', () => {
    const outside = scratch.int32(10_000);
    scratch.run(() => {
      const a = scratch.float64(10_000);
      a.fill(7);
    });
    scratch.run(() => {
      const b = scratch.float64(10_000);
      expect(b.every((x) => x === 0)).toBe(true);
      expect(b.buffer).not.toBe(outside.buffer);
    });
  });

  // Maps large enough for pooled arrays (16 kB and up); the first analyses in a worker are slow.
  it('keeps a report intact while later analyses reuse the buffers', { timeout: 30_000 }, () => {
    const first = analyze(loopMap(4_500, 5));
    expect(first.metrics.available).toBe(true);
    const before = plain(first);
    analyze(loopMap(5_000, 11));
    analyze(loopMap(3_000, 2));
    expect(plain(first)).toBe(before);
    expect(plain(analyze(loopMap(4_500, 5)))).toBe(before);
  });
});
