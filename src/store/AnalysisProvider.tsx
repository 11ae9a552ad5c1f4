import {
  createContext,
  type ReactNode,
  startTransition,
  useContext,
  useEffect,
  useState,
} from 'react';
import { useStore } from 'zustand';
import { type AnalysisState, type AnalysisStore, createAnalysisStore } from './createAnalysisStore';
import { useEditorStoreApi } from './EditorStoreContext';

const AnalysisContext = createContext<AnalysisStore | null>(null);

/** What the canvas's markers show of the analysis: findings per step and arrow, and heat. */
export type AnalysisMarkers = Pick<AnalysisState, 'byNode' | 'byEdge' | 'heat'>;

const MarkersContext = createContext<AnalysisMarkers | null>(null);

function markersOf(state: AnalysisState): AnalysisMarkers {
  return { byNode: state.byNode, byEdge: state.byEdge, heat: state.heat };
}

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
  // The markers follow the analysis at transition priority: a big map's first report puts a
  // marker on every step and arrow drawn (hundreds), and React then draws them a slice at a
  // time between frames, not in one long task as a store subscription would (those render
  // at once).
  const [markers, setMarkers] = useState(() => markersOf(runner.store.getState()));
  useEffect(() => {
    const follow = (state: AnalysisState) =>
      startTransition(() =>
        setMarkers((shown) =>
          shown.byNode === state.byNode &&
          shown.byEdge === state.byEdge &&
          shown.heat === state.heat
            ? shown
            : markersOf(state),
        ),
      );
    follow(runner.store.getState());
    return runner.store.subscribe(follow);
  }, [runner]);
  return (
    <AnalysisContext.Provider value={runner.store}>
      <MarkersContext.Provider value={markers}>{children}</MarkersContext.Provider>
    </AnalysisContext.Provider>
  );
}

/**
 * The findings per step and arrow and the heat the canvas's markers show: the live
 * analysis's, a moment behind it (see AnalysisProvider).
 * @example const findings = useAnalysisMarkers().byNode.get(id);
 */
export function useAnalysisMarkers(): AnalysisMarkers {
  const markers = useContext(MarkersContext);
  if (!markers) throw new Error('useAnalysisMarkers must be used inside <AnalysisProvider>');
  return markers;
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
