import { describe, expect, it } from 'vitest';
import { createEdge, createMap, createNode, type ProcessMap } from '../model';
import { findingKey, reviewMap } from '../review';
import { createFindingsIndex } from './findingsIndex';

/** Five steps, two with no way on to the end: a handful of findings. */
function sampleMap(): ProcessMap {
  const nodes = [
    createNode('start', { x: 0, y: 0 }, { id: 's', label: 'Go' }),
    createNode('action', { x: 0, y: 100 }, { id: 'a', label: 'A' }),
    createNode('action', { x: 200, y: 100 }, { id: 'b', label: 'B' }),
    createNode('decision', { x: 0, y: 200 }, { id: 'd', label: 'D?' }),
    createNode('end', { x: 200, y: 200 }, { id: 'e', label: 'Done' }),
  ];
  const edges = [
    createEdge('s', 'a', { id: 'sa' }),
    createEdge('s', 'b', { id: 'sb' }),
    createEdge('a', 'd', { id: 'ad' }),
    createEdge('a', 'e', { id: 'ae' }),
  ];
  return { ...createMap(), nodes, edges };
}
describe('createFindingsIndex', () => {
  it('gives the same index whether the findings come at once or a slice at a time', () => {
    const map = sampleMap();
    const report = reviewMap(map);
    expect(report.findings.length).toBeGreaterThan(2);
    const whole = createFindingsIndex(map).add(report.findings).result(report);
    const sliced = createFindingsIndex(map);
    for (const finding of report.findings) sliced.add([finding]);
    const parts = sliced.result({ ...report, findings: [] });
    expect(parts.findings).toEqual(whole.findings);
    expect(parts.byNode).toEqual(whole.byNode);
    expect(parts.byEdge).toEqual(whole.byEdge);
    expect(whole.findings).toEqual(report.findings);
    const onB = whole.byNode.get('b') ?? [];
    expect(onB.length).toBeGreaterThan(0);
    expect(onB.every((f) => f.nodeIds.includes('b'))).toBe(true);
  });

  it('keeps the findings marked as intended apart, out of the markers', () => {
    const map = sampleMap();
    const report = reviewMap(map);
    const marked = report.findings.find((f) => f.nodeIds.includes('b'));
    if (!marked) throw new Error('no finding on b');
    const key = findingKey(marked);
    const withMark: ProcessMap = { ...map, acceptedFindings: [{ key }] };
    const indexed = createFindingsIndex(withMark).add(report.findings).result(report);
    expect(indexed.hidden.map(findingKey)).toEqual([key]);
    expect(indexed.findings.map(findingKey)).not.toContain(key);
    expect(indexed.findings.length + 1).toBe(report.findings.length);
    for (const list of indexed.byNode.values()) expect(list.map(findingKey)).not.toContain(key);
  });
});
