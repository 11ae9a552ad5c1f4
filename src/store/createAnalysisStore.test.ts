import { describe, expect, it, vi } from 'vitest';
import { exampleMap, type ProcessMap } from '../model';
import { findingKey } from '../review';
import { createAnswerSplitter } from './analysisAnswerParts';
import type { AnalysisRequest } from './createAnalysisHandler';
import { createAnalysisHandler } from './createAnalysisHandler';
import { createAnalysisStore } from './createAnalysisStore';
import { createEditorStore } from './createEditorStore';
import type { MapPatch } from './mapPatch';

/**
 * A fake analysis worker running the real worker's handler, with messages copied as
 * postMessage does; it answers in slices of two findings, as the worker does in 500s.
 */
function fakeWorker() {
  const sizes: number[] = [];
  const sent: MapPatch[] = [];
  let slices = 0;
  const makeWorker = () => {
    const answer = createAnalysisHandler();
    const split = createAnswerSplitter(2);
    const worker = {
      onmessage: null as ((event: { data: unknown }) => void) | null,
      postMessage(data: unknown, transfer: Transferable[] = []) {
        const patch = (data as AnalysisRequest).patch;
        sizes.push(patch.kind === 'text' ? -1 : JSON.stringify(data).length);
        sent.push(patch);
        // Handed-over buffers move to the worker, as postMessage moves them.
        const copy = structuredClone(data, { transfer });
        const request = copy as AnalysisRequest;
        for (const message of split(answer(request), request.base)) {
          if ('part' in message) slices += 1;
          const reply = structuredClone(message);
          setTimeout(() => worker.onmessage?.({ data: reply }), 0);
        }
      },
      terminate() {},
    };
    return worker as unknown as Worker;
  };
  return { sizes, sent, makeWorker, slices: () => slices };
}

/** A start, `steps` actions in a row and an end. */
function chainMap(steps: number): ProcessMap {
  return {
    ...exampleMap(),
    nodes: [
      { id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } },
      ...Array.from({ length: steps }, (_, i) => ({
        id: `a${i}`,
        kind: 'action' as const,
        label: `Step ${i}`,
        position: { x: 0, y: 100 * (i + 1) },
      })),
      { id: 'end', kind: 'end', label: 'Done', position: { x: 0, y: 100 * (steps + 1) } },
    ],
    edges: Array.from({ length: steps + 1 }, (_, i) => ({
      id: `e${i}`,
      source: i === 0 ? 's' : `a${i - 1}`,
      target: i === steps ? 'end' : `a${i}`,
    })),
  };
}

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

  it('analyzes a big map in the worker, sending it whole once and then only what changed', async () => {
    const { sizes, sent, makeWorker, slices } = fakeWorker();
    const steps = 400;
    const map = chainMap(steps);
    vi.useFakeTimers();
    try {
      const editor = createEditorStore(map);
      const runner = createAnalysisStore(editor, makeWorker);
      const stop = runner.start();
      await vi.advanceTimersByTimeAsync(100);
      expect(runner.store.getState().ranIn).toBe('worker');
      expect(runner.store.getState().findings.filter((f) => f.severity === 'error')).toEqual([]);
      // Blank a label: only that step travels, and its finding comes back.
      editor.getState().setNodeLabel('a7', ' ');
      await vi.advanceTimersByTimeAsync(100);
      const state = runner.store.getState();
      expect(state.byNode.get('a7')?.map((f) => f.rule)).toContain('missing-label');
      expect(sizes).toHaveLength(2);
      expect(sizes[1]).toBeLessThan((sizes[0] as number) / 20);
      // Delete the arrow into the end: the map is patched again and the dead end is found.
      editor.getState().select([], [`e${steps}`]);
      editor.getState().deleteSelection();
      await vi.advanceTimersByTimeAsync(100);
      const errors = runner.store.getState().findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.rule)).toContain('dead-end');
      expect(slices()).toBeGreaterThan(1);
      expect(sent.map((p) => p.kind)).toEqual(['full', 'patch', 'patch']);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a map of more than 2,000 steps whole as JSON text, then patches, and analyzes the same', async () => {
    const { sent, makeWorker } = fakeWorker();
    vi.useFakeTimers();
    try {
      const editor = createEditorStore(chainMap(2500));
      const runner = createAnalysisStore(editor, makeWorker);
      const stop = runner.start();
      await vi.advanceTimersByTimeAsync(100);
      expect(sent.map((p) => p.kind)).toEqual(['text']);
      // The text's bytes were handed over to the worker, not copied: none are left here.
      const [text] = sent;
      expect(text?.kind === 'text' && text.parts.length > 0).toBe(true);
      expect(text?.kind === 'text' && text.parts.every((part) => part.byteLength === 0)).toBe(true);
      expect(runner.store.getState().ranIn).toBe('worker');
      expect(runner.store.getState().findings.filter((f) => f.severity === 'error')).toEqual([]);
      editor.getState().setNodeLabel('a1234', ' ');
      await vi.advanceTimersByTimeAsync(100);
      expect(sent.map((p) => p.kind)).toEqual(['text', 'patch']);
      const state = runner.store.getState();
      expect(state.byNode.get('a1234')?.map((f) => f.rule)).toContain('missing-label');
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
    expect(heat('p')).toBeCloseTo(1);
    expect(heat('a')).toBeCloseTo((5 * 10) / 9 / 15);
    expect(heat('s')).toBe(0);
    // An id the report does not know, "__proto__" among them, has no heat.
    expect(heat('__proto__')).toBe(0);
    expect(heat('no such step')).toBe(0);
  });
});
