import { describe, expect, it, vi } from 'vitest';
import { exampleMap } from '../model';
import { createAnalysisStore } from './createAnalysisStore';
import { createEditorStore } from './createEditorStore';
import { findingKey } from './findingKey';

describe('createAnalysisStore', () => {
  it('follows the map: a change is analyzed shortly after, and its markers are indexed by id', () => {
    vi.useFakeTimers();
    try {
      const editor = createEditorStore(exampleMap());
      const runner = createAnalysisStore(editor);
      const stop = runner.start();
      expect(runner.store.getState().findings.some((f) => f.severity === 'error')).toBe(false);
      editor.getState().select(['p'], []);
      editor.getState().deleteSelection();
      expect(runner.store.getState().pending).toBe(true);
      vi.advanceTimersByTime(100);
      const state = runner.store.getState();
      expect(state.pending).toBe(false);
      const errors = state.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
      expect(errors).toContain('unreachable');
      expect(state.byNode.get('e')?.some((f) => f.rule === 'unreachable')).toBe(true);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not re-run the analysis when steps only move', () => {
    vi.useFakeTimers();
    try {
      const editor = createEditorStore(exampleMap());
      const runner = createAnalysisStore(editor);
      const stop = runner.start();
      const before = runner.store.getState().report;
      editor.getState().moveNodes(new Map([['p', { x: 500, y: 500 }]]));
      vi.advanceTimersByTime(100);
      expect(runner.store.getState().report).toBe(before);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('hides findings marked as intended, and lists them apart', () => {
    vi.useFakeTimers();
    try {
      const editor = createEditorStore(exampleMap());
      const runner = createAnalysisStore(editor);
      const stop = runner.start();
      const loop = runner.store.getState().findings.find((f) => f.rule === 'rework-loop');
      expect(loop).toBeDefined();
      editor.getState().setFindingAccepted(findingKey(loop!), true);
      vi.advanceTimersByTime(100);
      const state = runner.store.getState();
      expect(state.findings.some((f) => f.rule === 'rework-loop')).toBe(false);
      expect(state.hidden.map((f) => f.rule)).toEqual(['rework-loop']);
      expect(state.byNode.get('r')?.some((f) => f.rule === 'rework-loop') ?? false).toBe(false);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('heat tint', () => {
  it('gives each step its time per case as a share of the slowest step, by id', () => {
    const runner = createAnalysisStore(createEditorStore(exampleMap()));
    const { heat } = runner.store.getState();
    // Pack order: 15 min x 1 visit is the slowest; Check payment: 5 min x 10/9 visits.
    expect(heat.p).toBeCloseTo(1);
    expect(heat.a).toBeCloseTo((5 * 10) / 9 / 15);
    expect(heat.s ?? 0).toBe(0);
  });
});
