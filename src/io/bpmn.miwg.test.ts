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

/**
 * The flow problems a reference model really has, worked out by hand from its XML. B.2.0:
 * 'Parallel Gateway 2' joins 'User Task 8', 'Task 5' and 'Task 6', whose branches start at
 * 'Inclusive Gateway 1' (default flow to one side only) and at boundary events of 'Task 5',
 * so some cases never bring all three; 'Parallel Gateway 7' waits for 'Task 32', which has an
 * interrupting boundary event that takes the case away. Behind 'Parallel Gateway 2', which
 * can never fire, 'End Event 1 Message' never runs.
 */
const REAL_PROBLEMS: Record<string, { deadlock: string[]; unreachable: string[] }> = {
  'B.2.0.bpmn': {
    deadlock: ['Parallel Gateway 2', 'Parallel Gateway 7'],
    unreachable: ['End Event 1\nMessage', 'Parallel Gateway 2'],
  },
};

describe('BPMN MIWG reference models', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
  });

  it.each(files)(
    '%s imports its parallel gateways as parallel steps, with no deadlock, lack of sync, dead end or unreachable step but its real ones',
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
      const labelOf = (id: string) => map.nodes.find((n) => n.id === id)?.label;
      const all = analyze(map).findings;
      const flagged = (rule: string) =>
        all
          .filter((f) => f.rule === rule)
          .flatMap((f) => f.nodeIds.filter((id) => !excused.has(id)))
          .map(labelOf)
          .sort();
      const real = REAL_PROBLEMS[file] ?? { deadlock: [], unreachable: [] };
      expect(flagged('dead-end')).toEqual([]);
      expect(flagged('lack-of-sync')).toEqual([]);
      expect(flagged('deadlock')).toEqual(real.deadlock);
      expect(flagged('unreachable')).toEqual(real.unreachable);
      // Parallel gateways came in as parallel steps (those inside a collapsed sub-process stay out).
      const xml = readFileSync(`${MIWG}${file}`, 'utf8');
      const gatewayIds = new Set(
        [...xml.matchAll(/<(?:\w+:)?parallelGateway\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]),
      );
      const gateways = map.nodes.filter((n) => gatewayIds.has(n.id));
      expect(gateways.every((n) => n.kind === 'parallel')).toBe(true);
      expect(map.nodes.filter((n) => n.kind === 'parallel')).toHaveLength(gateways.length);
      const { deadEnd } = flowProblems(map);
      expect(deadEnd.filter((id) => !excused.has(id))).toEqual([]);
    },
  );
});

describe('BPMN MIWG B.2.0: the deadlocks it really has', () => {
  it('names each join that waits forever, the arrows left waiting, and a choice before it', async () => {
    const { map } = await importBpmn(readFileSync(`${MIWG}B.2.0.bpmn`, 'utf8'));
    const deadlocks = analyze(map).findings.filter((f) => f.rule === 'deadlock');
    const byLabel = (label: string) => map.nodes.find((n) => n.label === label)!.id;
    const pg2 = deadlocks.find((f) => f.nodeIds[0] === byLabel('Parallel Gateway 2'))!;
    const pg7 = deadlocks.find((f) => f.nodeIds[0] === byLabel('Parallel Gateway 7'))!;
    expect(pg7.message).toMatch(/^'Parallel Gateway 7' waits for every branch, but 'Task 32'/);
    expect(pg2.message).toMatch(/^'Parallel Gateway 2' waits for every branch/);
    // The arrows left waiting come into the join.
    const into = (id: string) => map.edges.filter((e) => e.target === id).map((e) => e.id);
    expect(pg2.edgeIds.every((e) => into(pg2.nodeIds[0]!).includes(e))).toBe(true);
    expect(pg7.edgeIds.length).toBeGreaterThan(0);
    expect(pg7.edgeIds.every((e) => into(pg7.nodeIds[0]!).includes(e))).toBe(true);
  });
});
