import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EDGE_COST,
  type MountEdge,
  type Mounted,
  type MountNode,
  type MountPlan,
  NODE_COST,
  planMount,
  type ViewRect,
} from './planMount';

const hide = (node: MountNode): MountNode => ({ ...node, hidden: true });
const step = (id: string, x: number, y: number): MountNode => ({
  id,
  position: { x, y },
  width: 100,
  height: 40,
});
const VIEW: ViewRect = { x: 0, y: 0, width: 1000, height: 1000 };

/** A grid of `n` × `n` steps 200 apart, from (0, 0). */
function grid(n: number) {
  const nodes: MountNode[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) nodes.push(step(`${i}-${j}`, i * 200, j * 200));
  return nodes;
}

describe('planMount', () => {
  it('hands everything over at once when what comes into view fits the budget', () => {
    const nodes = grid(3);
    const edges = [{ id: 'e', source: '0-0', target: '2-2' }];
    const plan = planMount(nodes, edges, VIEW, null, 100, hide);
    expect(plan.held).toBe(0);
    expect(plan.nodes).toBe(nodes);
    expect(plan.edges).toBe(edges);
    expect(plan.used).toBe(9 * NODE_COST + EDGE_COST);
  });

  it('holds back what is over the budget, nearest the centre first, and only steps in view', () => {
    const nodes = grid(10); // 5 × 5 of them in the 1,000 × 1,000 view
    const plan = planMount(nodes, [], VIEW, null, 3 * NODE_COST, hide);
    const shown = plan.nodes.filter((n) => !n.hidden).map((n) => n.id);
    // The three nearest (500, 500): the step at (400, 400) and its neighbours... by distance.
    const inView = nodes.filter((n) => n.position.x < 1000 && n.position.y < 1000);
    const byDistance = [...inView].sort(
      (a, b) =>
        Math.hypot(a.position.x + 50 - 500, a.position.y + 20 - 500) -
        Math.hypot(b.position.x + 50 - 500, b.position.y + 20 - 500),
    );
    const outOfView = nodes.filter((n) => !inView.includes(n)).map((n) => n.id);
    for (const id of byDistance.slice(0, 3).map((n) => n.id)) expect(shown).toContain(id);
    // Steps out of view are handed over as they are: React Flow does not draw them.
    for (const id of outOfView) expect(shown).toContain(id);
    expect(plan.held).toBe(25 - 3);
    expect(plan.used).toBe(3 * NODE_COST);
  });

  it('keeps what was drawn before and hands over the rest in later frames', () => {
    const nodes = grid(5);
    const none: MountEdge[] = [];
    let previous: Mounted<MountNode, MountEdge> | null = null;
    let frames = 0;
    let plan = planMount(nodes, none, VIEW, previous, 4 * NODE_COST, hide);
    while (plan.held > 0) {
      previous = { nodes: plan.nodes, edges: plan.edges, view: VIEW };
      plan = planMount(nodes, none, VIEW, previous, 4 * NODE_COST, hide);
      frames++;
      expect(frames).toBeLessThan(10);
    }
    expect(frames).toBe(Math.ceil(25 / 4) - 1);
    expect(plan.nodes.every((n) => !n.hidden)).toBe(true);
  });

  it('never hands over an arrow while one of its steps is held back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 1200 })), {
          minLength: 2,
          maxLength: 40,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 80 }),
        fc.integer({ min: 0, max: 30 }),
        (places, pairs, budget) => {
          const nodes = places.map(([x, y], i) => step(`n${i}`, x, y));
          const edges = pairs.map(([a, b], i) => ({
            id: `e${i}`,
            source: `n${a % nodes.length}`,
            target: `n${b % nodes.length}`,
          }));
          let previous: Mounted<MountNode, MountEdge> | null = null;
          for (let frame = 0; frame < 200; frame++) {
            const plan: MountPlan<MountNode, MountEdge> = planMount(
              nodes,
              edges,
              VIEW,
              previous,
              budget || 1,
              hide,
            );
            const held = new Set(plan.nodes.filter((n) => n.hidden).map((n) => n.id));
            for (const edge of plan.edges) {
              expect(held.has(edge.source) || held.has(edge.target)).toBe(false);
            }
            // Each frame mounts no more than the budget and one step over it.
            expect(plan.used).toBeLessThan((budget || 1) + NODE_COST);
            if (plan.held === 0) {
              expect(plan.nodes).toBe(nodes);
              expect(plan.edges).toBe(edges);
              return;
            }
            previous = { nodes: plan.nodes, edges: plan.edges, view: VIEW };
          }
          throw new Error('never finished');
        },
      ),
    );
  });

  it('after a jump of the view, holds back what comes into view, not what was already drawn', () => {
    const nodes = grid(20);
    const before: ViewRect = { x: 0, y: 0, width: 1000, height: 1000 };
    const after: ViewRect = { x: 2000, y: 2000, width: 1000, height: 1000 };
    const drawn = { nodes, edges: [], view: before };
    const plan = planMount(nodes, [], after, drawn, 2 * NODE_COST, hide);
    expect(plan.used).toBe(2 * NODE_COST);
    expect(plan.held).toBe(25 - 2);
    // Nothing of the old view is hidden.
    const hidden = plan.nodes.filter((n) => n.hidden);
    expect(hidden.every((n) => n.position.x >= 2000 && n.position.y >= 2000)).toBe(true);
  });
});
