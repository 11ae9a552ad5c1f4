import { createContext, type ReactNode, useContext, useState } from 'react';
import { useStore } from 'zustand';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import { createEditorStore, type EditorStore, type EditorStoreState } from './createEditorStore';

const EditorStoreContext = createContext<EditorStore | null>(null);

/** Provides one editor store to the tree below; makes one when none is given. */
export function EditorStoreProvider({
  store,
  children,
}: {
  store?: EditorStore;
  children: ReactNode;
}) {
  const [value] = useState(() => store ?? createEditorStore());
  return <EditorStoreContext.Provider value={value}>{children}</EditorStoreContext.Provider>;
}

/** The editor store itself, for event handlers that read state without subscribing. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStoreApi must be used inside <EditorStoreProvider>');
  return store;
}

/**
 * Subscribes to a slice of the editor state. Select primitives or stable references;
 * wrap object or array selectors in `useShallow`.
 * @example const name = useEditor((s) => s.map.name);
 */
export function useEditor<T>(selector: (state: EditorStoreState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}

/** Like {@link useEditor} with a custom equality check. */
export function useEditorWith<T>(
  selector: (state: EditorStoreState) => T,
  equal: (a: T, b: T) => boolean,
): T {
  return useStoreWithEqualityFn(useEditorStoreApi(), selector, equal);
}

/** Whether undo / redo have anything to do. */
export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  const store = useEditorStoreApi();
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  // A shared map's history is the sync session's (this person's changes only).
  const shared = useStore(store, (s) => (s.sharing === null ? null : s.sharedHistory));
  return shared ?? { canUndo, canRedo };
}
