import { getBezierPath, Position } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '../../layout/nodeSize';
import type { MapEdge, MapNode } from '../../model';
import {
  arrowCurve,
  arrowsTouching,
  buildSimpleScene,
  SCENE_SLICE,
  simpleSceneSlices,
  stepAt,
  stepsInside,
} from './simpleScene';

const step = (id: string, kind: MapNode['kind'], x: number, y: number): MapNode =>
  ({ id, kind, label: id, position: { x, y } }) as MapNode;
const arrow = (id: string, source: string, target: string): MapEdge => ({ id, source, target });

const nodes = [
  step('a', 'action', 0, 0), // 170 × 60
  step('d', 'decision', 400, 0), // 130 × 100
  step('e', 'end', 0, 300), // 150 × 48
  step('over', 'action', 100, 20), // overlaps a, drawn after it
];
const edges = [arrow('ad', 'a', 'd'), arrow('ae', 'a', 'e'), arrow('gone', 'a', 'nowhere')];

describe('buildSimpleScene', () => {
  const scene = buildSimpleScene(nodes, edges);

  it('keeps each step box and each arrow end as indexes', () => {
    expect([...scene.boxes.slice(4, 8)]).toEqual([400, 0, 130, 100]);
    expect([...scene.sources]).toEqual([0, 0, 0]);
    expect([...scene.targets]).toEqual([1, 2, -1]);
    expect(Number.isNaN(scene.curves[16]!)).toBe(true);
  });

  it('finds the step under a point, the top one where steps overlap', () => {
    expect(stepAt(scene, 10, 10)).toBe(0);
    expect(stepAt(scene, 150, 40)).toBe(3);
    expect(stepAt(scene, 465, 50)).toBe(1);
    // The corner of a diamond's box is outside the diamond.
    expect(stepAt(scene, 402, 2)).toBe(-1);
    expect(stepAt(scene, 1000, 1000)).toBe(-1);
  });

  it('picks the nearest step within the tolerance when the point is on none', () => {
    expect(stepAt(scene, -5, 310, 4)).toBe(-1);
    expect(stepAt(scene, -3, 310, 4)).toBe(2);
  });

  it('box-selects the steps wholly inside, and their arrows', () => {
    const inside = stepsInside(scene, { x: -10, y: -10, width: 300, height: 400 });
    expect(inside.sort()).toEqual([0, 2, 3]);
    expect(stepsInside(scene, { x: 0, y: 0, width: 100, height: 30 })).toEqual([]);
    expect(arrowsTouching(scene, new Set([2]))).toEqual([1]);
  });

  it('is empty for a map without steps', () => {
    const empty = buildSimpleScene([], []);
    expect(stepAt(empty, 0, 0, 10)).toBe(-1);
    expect(stepsInside(empty, { x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
    expect(empty.bounds).toBeNull();
  });

  it('bounds every step and every drawn arrow, a loop sticking out of its step too', () => {
    // Steps reach x 0–530 (d: 400 + 130), y 0–348 (e: 300 + 48); "gone" is not drawn.
    expect(scene.bounds).toEqual({ x0: 0, y0: 0, x1: 530, y1: 348 });
    const looped = buildSimpleScene(nodes, [...edges, arrow('dd', 'd', 'd')]);
    // The loop leaves d's right side (530) and swings 60 out.
    expect(looped.bounds).toEqual({ x0: 0, y0: 0, x1: 590, y1: 348 });
  });
});

describe('arrowCurve', () => {
  it("draws the full canvas's arrow: border to border, React Flow's bezier", () => {
    const a = { x: 0, y: 0, ...NODE_SIZE.action, kind: 'action' as const };
    const b = { x: 300, y: 0, ...NODE_SIZE.decision, kind: 'decision' as const };
    const curve = arrowCurve(a, b);
    const [path] = getBezierPath({
      sourceX: curve[0]!,
      sourceY: curve[1]!,
      sourcePosition: Position.Right,
      targetX: curve[6]!,
      targetY: curve[7]!,
      targetPosition: Position.Left,
    });
    const numbers = path.match(/-?[\d.]+(e-?\d+)?/g)?.map(Number) ?? [];
    expect(curve[0]).toBe(170);
    expect(numbers).toHaveLength(8);
    for (const [i, n] of numbers.entries()) expect(curve[i]).toBeCloseTo(n, 6);
  });

  it('loops a step to itself out of its right side', () => {
    const a = { x: 0, y: 0, width: 100, height: 50, kind: 'action' as const };
    expect(arrowCurve(a, a)).toEqual([100, 15, 160, -15, 160, 65, 100, 35]);
  });
});

describe('simpleSceneSlices', () => {
  it('pauses after each slice of steps or arrows and ends with the same scene as buildSimpleScene', () => {
    const many = Array.from({ length: 2.5 * SCENE_SLICE }, (_, i) =>
      step(`s${i}`, i % 3 === 0 ? 'decision' : 'action', (i % 50) * 200, Math.floor(i / 50) * 150),
    );
    const arrows = Array.from({ length: 3 * SCENE_SLICE + 7 }, (_, i) =>
      arrow(
        `e${i}`,
        `s${i % many.length}`,
        i % 11 === 0 ? 'missing' : `s${(i * 7 + 1) % many.length}`,
      ),
    );
    const slices = simpleSceneSlices(many, arrows);
    let pauses = 0;
    let slice = slices.next();
    while (!slice.done) {
      pauses += 1;
      slice = slices.next();
    }
    // 2 full slices of steps + 1 after their index, 3 full slices of arrows + 1 after them.
    expect(pauses).toBe(7);
    const whole = buildSimpleScene(many, arrows);
    const sliced = slice.value;
    expect([...sliced.boxes]).toEqual([...whole.boxes]);
    expect([...sliced.curves]).toEqual([...whole.curves]);
    expect([...sliced.sources]).toEqual([...whole.sources]);
    expect([...sliced.targets]).toEqual([...whole.targets]);
    expect(stepsInside(sliced, { x: 0, y: 0, width: 1000, height: 400 })).toEqual(
      stepsInside(whole, { x: 0, y: 0, width: 1000, height: 400 }),
    );
    expect(stepsInside(sliced, { x: 0, y: 0, width: 1000, height: 400 }).length).toBeGreaterThan(5);
  });
});

describe('a scene built from the one before a change', () => {
  const plain = (scene: ReturnType<typeof buildSimpleScene>) => ({
    boxes: [...scene.boxes],
    curves: [...scene.curves],
    sources: [...scene.sources],
    targets: [...scene.targets],
    bounds: scene.bounds,
  });

  it('keeps the curves of the arrows whose steps are unchanged and works out the others', () => {
    const before = buildSimpleScene(nodes, edges);
    // Marked, so that a curve kept can be told from one worked out again.
    for (let k = 0; k < before.curves.length; k++) before.curves[k]! += 0.5;
    const moved = nodes.map((n) => (n.id === 'd' ? { ...n, position: { x: 500, y: 40 } } : n));
    const after = buildSimpleScene(moved, edges, before);
    const fresh = buildSimpleScene(moved, edges);
    // a -> e: both steps as they were: its curve is the one before (marked).
    expect([...after.curves.slice(8, 16)]).toEqual([...before.curves.slice(8, 16)]);
    // a -> d: d moved: worked out again, as a fresh build does.
    expect([...after.curves.slice(0, 8)]).toEqual([...fresh.curves.slice(0, 8)]);
    expect(after.curves[0]).not.toBe(before.curves[0]);
  });

  it('is the scene a fresh build makes, whatever the change (steps moved, relabelled, removed, arrows added or removed)', () => {
    const kinds = ['start', 'end', 'action', 'decision', 'parallel'] as const;
    const map = fc.record({
      steps: fc.array(
        fc.record({
          kind: fc.constantFrom(...kinds),
          x: fc.integer({ min: -500, max: 500 }),
          y: fc.integer({ min: -500, max: 500 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      arrows: fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 12 }),
    });
    const change = fc.oneof(
      fc.record({ move: fc.nat(9), x: fc.integer({ min: -500, max: 500 }) }),
      fc.record({ relabel: fc.nat(9) }),
      fc.record({ drop: fc.nat(9) }),
      fc.record({ dropArrow: fc.nat(11) }),
      fc.record({ addArrow: fc.tuple(fc.nat(9), fc.nat(9)) }),
    );
    fc.assert(
      fc.property(map, fc.array(change, { minLength: 1, maxLength: 4 }), (m, changes) => {
        let ns: MapNode[] = m.steps.map((s, i) => step(`s${i}`, s.kind, s.x, s.y));
        // Ids past the last step are arrows to steps that are not there.
        let es: MapEdge[] = m.arrows.map(([a, b], i) => arrow(`e${i}`, `s${a}`, `s${b}`));
        let scene = buildSimpleScene(ns, es);
        for (const c of changes) {
          if ('move' in c) {
            ns = ns.map((n, i) =>
              i === c.move ? { ...n, position: { x: c.x, y: n.position.y } } : n,
            );
          } else if ('relabel' in c) {
            ns = ns.map((n, i) =>
              i === c.relabel ? { ...n, label: 'a much longer label '.repeat(4) } : n,
            );
          } else if ('drop' in c) {
            ns = ns.filter((_, i) => i !== c.drop);
          } else if ('dropArrow' in c) {
            es = es.filter((_, i) => i !== c.dropArrow);
          } else {
            es = [arrow(`new${es.length}`, `s${c.addArrow[0]}`, `s${c.addArrow[1]}`), ...es];
          }
          scene = buildSimpleScene(ns, es, scene);
          expect(plain(scene)).toEqual(plain(buildSimpleScene(ns, es)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
