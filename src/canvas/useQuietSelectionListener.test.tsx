// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import {
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useOnSelectionChange,
  useStoreApi,
} from '@xyflow/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useQuietSelectionListener } from './useQuietSelectionListener';

afterEach(cleanup);

// jsdom has no ResizeObserver; React Flow only needs one to exist here.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const nodes: Node[] = [
  { id: 'a', position: { x: 0, y: 0 }, data: { label: 'A' } },
  { id: 'b', position: { x: 0, y: 100 }, data: { label: 'B' } },
];

/** React Flow's store, as the last rendered `Quiet` saw it. */
let flow: ReturnType<typeof useStoreApi> | undefined;
const seen = vi.fn();

/** Stands for the Canvas: calls the hook before `<ReactFlow>` is drawn. */
function Quiet() {
  useQuietSelectionListener();
  flow = useStoreApi();
  return null;
}

function Follower() {
  useOnSelectionChange({ onChange: ({ nodes: selected }) => seen(selected.map((n) => n.id)) });
  return null;
}

describe('useQuietSelectionListener', () => {
  it('leaves React Flow with no selection handlers, so its listener is not mounted', () => {
    render(
      <ReactFlowProvider>
        <Quiet />
        <ReactFlow defaultNodes={nodes} defaultEdges={[]} />
      </ReactFlowProvider>,
    );
    expect(flow?.getState().onSelectionChangeHandlers).toBeFalsy();
  });

  it('still tells useOnSelectionChange about a new selection, if anything uses it', () => {
    render(
      <ReactFlowProvider>
        <Quiet />
        <ReactFlow defaultNodes={nodes} defaultEdges={[]} />
        <Follower />
      </ReactFlowProvider>,
    );
    act(() => flow?.getState().addSelectedNodes(['b']));
    expect(seen).toHaveBeenLastCalledWith(['b']);
  });
});
