import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../../src/app/app.css';
import { App } from '../../src/app/App';
import { createEditorStore } from '../../src/store/createEditorStore';
import { generateMap } from '../generateMap';
import { exposeBoxes, sizeFromQuery } from './exposeBoxes';

// Our real editor, exactly as src/main.tsx mounts it, opened on a generated map.
const map = generateMap(sizeFromQuery());
exposeBoxes(map);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={createEditorStore(map)} />
    </StrictMode>,
  );
}
