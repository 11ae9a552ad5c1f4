import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../../src/app/app.css';
import { App } from '../../src/app/App';
import { createEditorStore } from '../../src/store/createEditorStore';
import { generateMap } from '../generateMap';
import { exposeBoxes, sizeFromQuery } from './exposeBoxes';

// Our real editor, as src/main.tsx mounts it, opened on a generated map. The map library is
// made unavailable so the app keeps this map in memory instead of opening the stored one.
const IN_MEMORY = {
  openStorage: async () =>
    ({ ok: false, reason: 'unavailable', message: 'Benchmark: the map stays in memory.' }) as const,
};
const map = generateMap(sizeFromQuery());
exposeBoxes(map);
const store = createEditorStore(map);
// For the runner's "edit" gesture: relabel a step through the editor's own action.
(window as unknown as { __benchEdit: (i: number) => void }).__benchEdit = (i) => {
  const { map: current, setNodeLabel } = store.getState();
  const step = current.nodes[1 + (i % Math.min(50, current.nodes.length - 1))];
  if (step) setNodeLabel(step.id, `Edited step ${i}`);
};
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App
        store={store}
        storage={IN_MEMORY}
        liveAnalysis={new URLSearchParams(location.search).get('analysis') !== 'off'}
      />
    </StrictMode>,
  );
}
