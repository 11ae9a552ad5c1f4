import type { useStoreApi } from '@xyflow/react';
import type { MapNode } from '../model';

type FlowStore = ReturnType<typeof useStoreApi>;

/**
 * Resolves once React Flow has taken `node`'s position from the map (or after `maxMs`), so
 * a fitView after an edit that moved every step (Tidy up) fits the new layout, not the old.
 * @example await whenDrawn(flowStore, map.nodes[0]); fitView();
 */
export function whenDrawn(flowStore: FlowStore, node: MapNode | undefined, maxMs = 1000) {
  return new Promise<void>((resolve) => {
    const drawn = () => {
      const shown = node && flowStore.getState().nodeLookup.get(node.id);
      return (
        !shown || (shown.position.x === node.position.x && shown.position.y === node.position.y)
      );
    };
    if (drawn()) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    const unsubscribe = flowStore.subscribe(() => {
      if (drawn()) done();
    });
  });
}
