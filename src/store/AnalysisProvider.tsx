import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { type AnalysisState, type AnalysisStore, createAnalysisStore } from './createAnalysisStore';
import { useEditorStoreApi } from './EditorStoreContext';

const AnalysisContext = createContext<AnalysisStore | null>(null);

const makeWorker = () =>
  new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });

/** Follows the editor's map with a live analysis, for the panels and canvas below. */
export function AnalysisProvider({
  children,
  live = true,
}: {
  children: ReactNode;
  live?: boolean;
}) {
  const editor = useEditorStoreApi();
  const [runner] = useState(() => createAnalysisStore(editor, makeWorker));
  // `live={false}` (benchmarks only) keeps the first analysis and never re-runs it.
  useEffect(() => (live ? runner.start() : undefined), [runner, live]);
  return <AnalysisContext.Provider value={runner.store}>{children}</AnalysisContext.Provider>;
}

/**
 * Subscribes to a slice of the live analysis. Select primitives or stable references.
 * @example const errors = useAnalysis((s) => s.report.findings.filter(...).length)
 */
export function useAnalysis<T>(selector: (state: AnalysisState) => T): T {
  const store = useContext(AnalysisContext);
  if (!store) throw new Error('useAnalysis must be used inside <AnalysisProvider>');
  return useStore(store, selector);
}
