// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateMap } from '../../../bench/generateMap';
import type { SimpleScene } from './simpleScene';
import { useSimpleScene } from './useSimpleScene';

afterEach(cleanup);

describe('useSimpleScene', () => {
  it('builds a big map’s scene ahead while idle, hands it on (to the drawing worker), and gives that same scene once the layer is on', async () => {
    // jsdom has no requestIdleCallback: a stand-in that calls back soon, with time to spare.
    vi.stubGlobal('requestIdleCallback', (work: IdleRequestCallback) =>
      setTimeout(() => work({ didTimeout: false, timeRemaining: () => 50 }), 1),
    );
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    try {
      const { nodes, edges } = generateMap(600);
      const prepared: SimpleScene[] = [];
      const { result, rerender } = renderHook(
        ({ on }) => useSimpleScene(on, nodes, edges, (scene) => prepared.push(scene)),
        { initialProps: { on: false } },
      );
      expect(result.current).toBeNull();
      await waitFor(() => expect(prepared).toHaveLength(1));
      expect(prepared[0]!.nodes).toBe(nodes);
      rerender({ on: true });
      expect(result.current).toBe(prepared[0]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
