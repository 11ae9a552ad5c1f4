/**
 * The BPMN Model Interchange Working Group's reference models (CC BY 3.0, © the BPMN MIWG
 * contributors; see shared/fixtures/bpmn-miwg/README.md), read from the shared folder
 * beside the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer';
import { type ProcessMap, parseMapData } from '../model';
import { importBpmn } from './bpmn';

const MIWG = fileURLToPath(new URL('../../../shared/fixtures/bpmn-miwg/', import.meta.url));
const files = readdirSync(MIWG)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();

/**
 * Steps no start reaches and steps from which no end can be reached: a stricter reading of
 * the analyzer's `unreachable` and `dead-end` rules, checked as well.
 */
function flowProblems(map: ProcessMap): { unreachable: string[]; deadEnd: string[] } {
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const e of map.edges) {
    forward.set(e.source, [...(forward.get(e.source) ?? []), e.target]);
    backward.set(e.target, [...(backward.get(e.target) ?? []), e.source]);
  }
  const walk = (seeds: string[], next: Map<string, string[]>): Set<string> => {
    const seen = new Set(seeds);
    const stack = [...seeds];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      for (const n of next.get(id) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    return seen;
  };
  const ids = (kind: string) => map.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  const reached = walk(ids('start'), forward);
  const finishing = walk(ids('end'), backward);
  return {
    unreachable: map.nodes.filter((n) => !reached.has(n.id)).map((n) => n.id),
    deadEnd: map.nodes.filter((n) => !finishing.has(n.id)).map((n) => n.id),
  };
}

describe('BPMN MIWG reference models', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
  });

  it.each(files)(
    '%s imports into a whole map with no dead end or unreachable step',
    async (file) => {
      const { map, report } = await importBpmn(readFileSync(`${MIWG}${file}`, 'utf8'));
      expect(parseMapData(map).ok).toBe(true);
      expect(report.steps).toBe(map.nodes.length);
      expect(report.arrows).toBe(map.edges.length);
      expect(report.steps).toBeGreaterThan(0);
      expect(report.arrows).toBeGreaterThan(0);
      const ids = new Set(map.nodes.map((n) => n.id));
      for (const edge of map.edges) {
        expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      }
      expect(map.nodes.some((n) => n.kind === 'start')).toBe(true);
      expect(map.nodes.some((n) => n.kind === 'end')).toBe(true);

      // A finding is excused only on a step the report says it simplified.
      const excused = new Set(report.simplifiedNodeIds);
      const findings = analyze(map).findings.filter(
        (f) => f.rule === 'dead-end' || f.rule === 'unreachable',
      );
      expect(findings.flatMap((f) => f.nodeIds.filter((id) => !excused.has(id)))).toEqual([]);
      const { unreachable, deadEnd } = flowProblems(map);
      expect(unreachable.filter((id) => !excused.has(id))).toEqual([]);
      expect(deadEnd.filter((id) => !excused.has(id))).toEqual([]);
    },
  );
});
