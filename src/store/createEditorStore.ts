import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import { exampleMap, type ProcessMap } from '../model';
import { createDocumentSlice } from './documentSlice';
import type { DocumentHistory, EditorStoreState } from './editorTypes';
import { createSelectionSlice } from './selectionSlice';
import { createUiSlice } from './uiSlice';

export type {
  DocumentSlice,
  Editing,
  EditorStoreState,
  SelectionSlice,
  SidePanel,
  Theme,
  UiSlice,
} from './editorTypes';

/**
 * Makes an editor store: the document, selection and UI slices combined once (zustand's
 * slices pattern), with undo history (zundo) over the document only. One store per editor,
 * and a fresh one per test.
 * @example const store = createEditorStore(exampleMap()); store.getState().addNode('action', { x: 0, y: 0 });
 */
export function createEditorStore(initialMap: ProcessMap = exampleMap()) {
  const history = (): DocumentHistory => store.temporal.getState();
  const store = createStore<EditorStoreState>()(
    temporal<EditorStoreState, [], [], Pick<EditorStoreState, 'map'>>(
      (...a) => ({
        ...createDocumentSlice(initialMap, history)(...a),
        ...createSelectionSlice(...a),
        ...createUiSlice(...a),
      }),
      {
        partialize: (state) => ({ map: state.map }),
        equality: (past, current) => past.map === current.map,
        limit: 200,
      },
    ),
  );
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;
