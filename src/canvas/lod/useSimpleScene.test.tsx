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
      const { result, rerender, unmount } = renderHook(
        ({ on }) => useSimpleScene(on, nodes, edges, (scene) => prepared.push(scene)),
        { initialProps: { on: false } },
      );
      expect(result.current).toBeNull();
      await waitFor(() => expect(prepared).toHaveLength(1));
      expect(prepared[0]!.nodes).toBe(nodes);
      rerender({ on: true });
      expect(result.current).toBe(prepared[0]);
      unmount();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('builds no scene ahead while the map changes every frame (a drag), and one for where it stops', async () => {
    vi.stubGlobal('requestIdleCallback', (work: IdleRequestCallback) =>
      setTimeout(() => work({ didTimeout: false, timeRemaining: () => 50 }), 1),
    );
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    try {
      const map = generateMap(600);
      const prepared: SimpleScene[] = [];
      const { rerender, unmount } = renderHook(
        ({ nodes }) => useSimpleScene(false, nodes, map.edges, (scene) => prepared.push(scene)),
        { initialProps: { nodes: map.nodes } },
      );
      // A step dragged for 600 ms, moved every 16 ms.
      let nodes = map.nodes;
      for (let frame = 1; frame <= 36; frame++) {
        const [first, ...rest] = nodes;
        nodes = [{ ...first!, position: { x: frame, y: frame } }, ...rest];
        rerender({ nodes });
        await new Promise((done) => setTimeout(done, 16));
      }
      expect(prepared).toHaveLength(0);
      await waitFor(() => expect(prepared).toHaveLength(1));
      expect(prepared[0]!.nodes).toBe(nodes);
      unmount();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
