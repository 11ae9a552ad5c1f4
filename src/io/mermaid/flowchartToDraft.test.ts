import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryMap } from '../__fixtures__/arbitraryMap';
import { exportMermaid } from '../mermaid';
import { flowchartToDraft } from './flowchartToDraft';
import { parseMermaidFlowchart } from './parseMermaidFlowchart';

describe('flowchartToDraft', () => {
  it('reads the lfStart / lfEnd tags before the arrows', () => {
    const chart = parseMermaidFlowchart('flowchart TD\nA([a]):::lfEnd --> B([b]):::lfStart');
    expect(chart && flowchartToDraft(chart).nodes.map((n) => n.kind)).toEqual(['end', 'start']);
  });

  it('reads back the structure and labels of any exported map (many runs, no layout)', () => {
    fc.assert(
      fc.property(arbitraryMap(), (map) => {
        const chart = parseMermaidFlowchart(exportMermaid(map));
        expect(chart?.skipped).toEqual([]);
        const draft = chart && flowchartToDraft(chart);
        expect(draft?.nodes.map((n) => [n.kind, n.label])).toEqual(
          map.nodes.map((n) => [n.kind, n.label]),
        );
        const at = (nodes: { id: string }[], id: string) => nodes.findIndex((n) => n.id === id);
        expect(
          draft?.edges.map((e) => [at(draft.nodes, e.source), at(draft.nodes, e.target), e.label]),
        ).toEqual(
          map.edges.map((e) => [at(map.nodes, e.source), at(map.nodes, e.target), e.label]),
        );
      }),
      { numRuns: 500 },
    );
  });
});
