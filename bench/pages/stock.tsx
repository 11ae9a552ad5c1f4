import {
  Background,
  BackgroundVariant,
  Controls,
  type Edge,
  MarkerType,
  MiniMap,
  type Node,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { NODE_SIZE } from '../../src/layout/nodeSize';
import type { ProcessMap } from '../../src/model';
import { generateMap } from '../generateMap';
import { exposeBoxes, sizeFromQuery } from './exposeBoxes';

// Stock React Flow: default node and edge types, useNodesState / useEdgesState, the same
// graph, the same built-in panels (background, controls, minimap) and viewport options as
// our canvas. No custom components.

const NODE_TYPE = {
  start: 'input',
  end: 'output',
  action: 'default',
  decision: 'default',
  parallel: 'default',
};

function toStock(map: ProcessMap): { nodes: Node[]; edges: Edge[] } {
  return {
    nodes: map.nodes.map((step) => ({
      id: step.id,
      type: NODE_TYPE[step.kind],
      position: step.position,
      data: { label: step.label },
      ...NODE_SIZE[step.kind],
    })),
    edges: map.edges.map((arrow) => ({
      id: arrow.id,
      source: arrow.source,
      target: arrow.target,
      ...(arrow.label === undefined ? {} : { label: arrow.label }),
      markerEnd: { type: MarkerType.ArrowClosed },
    })),
  };
}

const initial = (() => {
  const map = generateMap(sizeFromQuery());
  exposeBoxes(map);
  return toStock(map);
})();

function Flow() {
  const [nodes, , onNodesChange] = useNodesState(initial.nodes);
  const [edges, , onEdgesChange] = useEdgesState(initial.edges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      minZoom={0.05}
      maxZoom={3}
      fitView
      fitViewOptions={{ padding: 0.2, maxZoom: 1.2 }}
      proOptions={{ hideAttribution: true }}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} />
      <Controls position="bottom-left" />
      <MiniMap position="bottom-right" pannable zoomable />
    </ReactFlow>
  );
}

// The same canvas size as our editor's (the runner measures it and passes ?w=&h=).
const query = new URLSearchParams(window.location.search);
const width = Number(query.get('w')) || window.innerWidth;
const height = Number(query.get('h')) || window.innerHeight;
const root = document.getElementById('root');
if (root) {
  root.style.cssText = `width:${width}px;height:${height}px;position:relative`;
  createRoot(root).render(
    <StrictMode>
      <Flow />
    </StrictMode>,
  );
}
