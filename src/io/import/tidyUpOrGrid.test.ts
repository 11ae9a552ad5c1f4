import { describe, expect, it, vi } from 'vitest';
import { exampleMap } from '../../model';
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
});
