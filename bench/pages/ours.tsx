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
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App
        store={createEditorStore(map)}
        storage={IN_MEMORY}
        liveAnalysis={new URLSearchParams(location.search).get('analysis') !== 'off'}
      />
    </StrictMode>,
  );
}
