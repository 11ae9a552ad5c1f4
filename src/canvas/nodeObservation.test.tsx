// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { type Node, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MapNode } from '../model';
import { createNodeConverter } from './toFlowElements';

afterEach(cleanup);

/** The elements React Flow asked to watch for size changes. */
const observed: Element[] = [];
globalThis.ResizeObserver = class {
  observe(element: Element) {
    observed.push(element);
  }
  unobserve() {}
  disconnect() {}
};

const step = (id: string, y: number): MapNode => ({
  id,
  kind: 'action',
  label: `Step ${id}`,
  position: { x: 0, y },
});

/**
 * React Flow watches every node it mounts and, when the watch first reports, measures the
 * node and its handles again and re-renders the whole flow (`patches/@xyflow+react+*.patch`
 * stops that for nodes whose size and handles are given). On a big map each batch of steps
 * that fills in would pay for it: `npm run bench:editor` (zoom in) and `bench:layout`.
 */
describe('React Flow and the size of a step', () => {
  it('does not watch a step whose size and handles the canvas gives, but still watches a node without them', () => {
    observed.length = 0;
    const steps = createNodeConverter()([step('a', 0), step('b', 100)], new Set());
    const unsized: Node = { id: 'plain', position: { x: 0, y: 300 }, data: { label: 'Plain' } };
    const { container } = render(
      <ReactFlowProvider>
        <ReactFlow defaultNodes={[...steps, unsized]} defaultEdges={[]} />
      </ReactFlowProvider>,
    );
    const ids = observed
      .filter((element) => element.classList.contains('react-flow__node'))
      .map((element) => element.getAttribute('data-id'));
    // All three are drawn, and only the node without a size is watched.
    expect(container.querySelectorAll('.react-flow__node')).toHaveLength(3);
    expect(ids).toEqual(['plain']);
  });
});
