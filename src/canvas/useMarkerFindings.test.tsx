// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { mapOf } from '../analyzer/testing/mapOf';
import { AnalysisProvider, useAnalysis, useAnalysisMarkers } from '../store/AnalysisProvider';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreContext';
import { useMarkerFindings } from './useMarkerFindings';

afterEach(cleanup);

describe('useMarkerFindings', () => {
  it('keeps a step’s list while a new report says the same about it, and draws it again when that changes', async () => {
    // 'Lost' is a dead end nothing leads to; renaming 'Work' re-runs the analysis.
    const editor = createEditorStore(mapOf('s:s work:a:Work lost:a:Lost e:e', 's>work work>e'));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <EditorStoreProvider store={editor}>
        <AnalysisProvider>{children}</AnalysisProvider>
      </EditorStoreProvider>
    );
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return {
          marker: useMarkerFindings((m) => m.byNode.get('lost')),
          report: useAnalysis((s) => s.report),
          // The markers follow the analysis a moment later, at transition priority.
          caughtUp: useAnalysisMarkers().byNode === useAnalysis((s) => s.byNode),
        };
      },
      { wrapper },
    );
    const first = result.current.marker;
    expect(first?.map((f) => f.message).join(' ')).toContain('Lost');

    const before = result.current.report;
    act(() => editor.getState().setNodeLabel('work', 'Do the work'));
    await waitFor(() => expect(result.current.report).not.toBe(before));
    await waitFor(() => expect(result.current.caughtUp).toBe(true));
    // A new report, with a new list for 'Lost' that reads the same: the old list is kept.
    expect(result.current.report.findings.some((f) => f.nodeIds.includes('lost'))).toBe(true);
    expect(result.current.marker).toBe(first);

    const rendersBefore = renders;
    const second = result.current.report;
    act(() => editor.getState().setNodeLabel('lost', 'Lost order'));
    await waitFor(() => expect(result.current.report).not.toBe(second));
    await waitFor(() => expect(result.current.caughtUp).toBe(true));
    expect(renders).toBeGreaterThan(rendersBefore);
    expect(result.current.marker).not.toBe(first);
    expect(result.current.marker?.map((f) => f.message).join(' ')).toContain('Lost order');
  });
});
