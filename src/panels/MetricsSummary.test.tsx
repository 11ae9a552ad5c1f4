// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AnalysisReport, analyze } from '../analyzer';
import { spaghettiMap } from '../analyzer/testing/hardMaps';
import { kickoffMap } from '../analyzer/testing/kickoffMap';
import { mapOf } from '../analyzer/testing/mapOf';
import { exampleMap, type ProcessMap } from '../model';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreContext';
import { MetricsSummary } from './MetricsSummary';

/** The report the mocked analysis hands the panel. */
let current: AnalysisReport;
vi.mock('../store/AnalysisProvider', () => ({
  useAnalysis: <T,>(selector: (state: { report: AnalysisReport }) => T) =>
    selector({ report: current }),
}));

afterEach(cleanup);

function show(map: ProcessMap, report = analyze(map)) {
  current = report;
  render(
    <EditorStoreProvider store={createEditorStore(map)}>
      <MetricsSummary />
    </EditorStoreProvider>,
  );
  const figure = (name: string) =>
    screen.getByText(name, { selector: 'dt' }).nextElementSibling!.textContent;
  return { figure, text: document.body.textContent ?? '' };
}

describe('MetricsSummary', () => {
  it('shows exact figures plainly', () => {
    const { figure, text } = show(exampleMap());
    expect(figure('Expected time per case')).toBe('21.7 min');
    expect(figure('Rework share')).toMatch(/^\d+%$/);
    expect(text).not.toMatch(/approximate|at least|lower bound/);
  });

  it('labels a rework share that is a bound, while the time per case stays exact', () => {
    const map = spaghettiMap(1000);
    const { figure, text } = show(map);
    expect(figure('Expected time per case')).not.toContain('approximate');
    expect(figure('Rework share')).toMatch(/^at least \d+%$/);
    expect(text).toContain('The rework share is a lower bound');
  });

  it('says "approximate" when the analysis says a solve did not converge', () => {
    const map = exampleMap();
    const report = analyze(map);
    if (!report.metrics.available) throw new Error('metrics');
    const metrics = {
      ...report.metrics,
      precision: {
        visits: 'approximate' as const,
        reworkShare: 'approximate' as const,
        residual: 3e-6,
        unconverged: { nodeIds: ['a', 'd'], residual: 3e-6 },
      },
    };
    const { figure } = show(map, { ...report, metrics });
    expect(figure('Expected time per case')).toBe('21.7 min (approximate)');
    expect(figure('Rework share')).toMatch(/^\d+% \(approximate\)$/);
  });

  it('names the work time and the lead time when parallel work makes them differ', () => {
    const map = kickoffMap();
    const { figure, text } = show(map);
    expect(figure('Work time per case')).toBe('100 min');
    expect(figure('Lead time per case')).toBe('70 min');
    expect(text).not.toContain('Expected time per case');
  });

  it('shows the work time and the lead time in one unit: hours for both once either is two hours or more', () => {
    const map = kickoffMap();
    // "Welcome email" takes 50 minutes: work time 140 min, lead time 110 min.
    for (const n of map.nodes) if (n.kind === 'action' && n.id === 'w') n.durationMinutes = 50;
    const { figure } = show(map);
    expect(figure('Work time per case')).toBe('2.3 h');
    expect(figure('Lead time per case')).toBe('1.8 h');
  });

  it('marks both times approximate when cases do not run as drawn', () => {
    const map = mapOf(
      's:s p:p d:d:Urgent? a:a:Rush b:a:Plan u:a:Set_up j:p e:e',
      's>p p>d p>u d>a:Yes d>b:No a>j b>j u>j j>e',
    );
    for (const n of map.nodes) if (n.kind === 'action') n.durationMinutes = n.id === 'u' ? 60 : 20;
    const { figure } = show(map);
    expect(figure('Work time per case')).toMatch(/^[\d.]+ min \(approximate\)$/);
    expect(figure('Lead time per case')).toMatch(/^[\d.]+ min \(estimate\) \(approximate\)$/);
  });
});
