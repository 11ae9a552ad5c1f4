import { describe, expect, it, vi } from 'vitest';
import { LAYOUT_BUDGET } from '../../layout/layoutBudget';
import { createNode, exampleMap } from '../../model';
import { tidyUpOrGrid } from './tidyUpOrGrid';

const layout = vi.hoisted(() => ({ fail: false }));
vi.mock('../../layout/tidyUp', async (original) => {
  const real = await original<typeof import('../../layout/tidyUp')>();
  return {
    tidyUp: (map: Parameters<typeof real.tidyUp>[0]) =>
      layout.fail
        ? Promise.reject(new RangeError('Maximum call stack size exceeded'))
        : real.tidyUp(map),
  };
});

describe('tidyUpOrGrid', () => {
  it('uses Tidy up when it works', async () => {
    layout.fail = false;
    const { layout: used, positions } = await tidyUpOrGrid(exampleMap());
    expect(used).toBe('tidy-up');
    expect(Object.keys(positions)).toHaveLength(6);
  });

  it('places the steps in a grid when Tidy up fails', async () => {
    layout.fail = true;
    const { layout: used, positions } = await tidyUpOrGrid(exampleMap());
    expect(used).toBe('grid');
    expect(positions.s).toEqual({ x: 0, y: 0 });
    expect(positions.a).toEqual({ x: 230, y: 0 });
  });

  it('lays out in quick layers when asked (elkjs ran out of time) or over the size budget', async () => {
    layout.fail = false;
    expect((await tidyUpOrGrid(exampleMap(), { quick: true })).layout).toBe('layered');
    const n = LAYOUT_BUDGET.maxSteps + 1;
    const nodes = Array.from({ length: n }, (_, i) =>
      createNode('action', { x: 0, y: 0 }, { id: `n${i}` }),
    );
    const big = await tidyUpOrGrid({ nodes, edges: [] });
    expect(big.layout).toBe('layered');
    expect(Object.keys(big.positions)).toHaveLength(n);
  });
});
