import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { sameAnalysisInput } from './analysisSignature';

describe('sameAnalysisInput', () => {
  const map = exampleMap();

  it('is true for moved steps and for another Tidy up direction, which no rule reads', () => {
    const moved = map.nodes.map((n) => ({ ...n, position: { x: n.position.x + 50, y: 0 } }));
    expect(sameAnalysisInput(map, { ...map, nodes: moved })).toBe(true);
    const turned = { ...map, settings: { ...map.settings, layoutDirection: 'right' as const } };
    expect(sameAnalysisInput(map, turned)).toBe(true);
  });

  it('is false when a setting the figures use, a label or an arrow changes', () => {
    const rate = { ...map, settings: { ...map.settings, casesPerWeek: 99 } };
    expect(sameAnalysisInput(map, rate)).toBe(false);
    const renamed = map.nodes.map((n, i) => (i === 0 ? { ...n, label: 'Other' } : n));
    expect(sameAnalysisInput(map, { ...map, nodes: renamed })).toBe(false);
    expect(sameAnalysisInput(map, { ...map, edges: map.edges.slice(1) })).toBe(false);
  });
});
