import { useStoreApi } from '@xyflow/react';
import { useState } from 'react';

/**
 * Stops React Flow from walking every step on every change to the canvas. React Flow 12.12
 * mounts its `SelectionListener` when `onSelectionChangeHandlers` is truthy, and its
 * initial value `[]` is, so on each store update (each frame of a pan, a drag, a new
 * layout) it looks at every step and arrow for the selected ones, drawn or not: 61 ms of
 * one frame after a Tidy up of 1,000 steps. Leverflow keeps its own selection and passes
 * no `onSelectionChange`. The empty string stands for "no handlers": it is falsy, and
 * React Flow's `useOnSelectionChange` spreads it into a list as it would spread `[]`, so
 * that hook still works (and brings the listener back) if anything uses it.
 * Call inside a `ReactFlowProvider`, in the component that renders `<ReactFlow>`: it runs
 * in that component's first render, before React Flow's listener is first drawn (set later,
 * the listener, already drawn, would call `forEach` on the string).
 */
export function useQuietSelectionListener(): void {
  const flow = useStoreApi();
  useState(() => {
    const handlers: unknown = flow.getState().onSelectionChangeHandlers;
    if (Array.isArray(handlers) && handlers.length === 0) {
      flow.setState({ onSelectionChangeHandlers: '' as unknown as [] });
    }
  });
}
