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
import { exportBpmn, importBpmn } from './bpmn';

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
 * The flow problems a reference model really has, worked out by hand from its XML (B.2.0):
 * - 'Parallel Gateway 2' joins three arrows: from 'Task 5' (through the parallel split its
 *   non-interrupting conditional event became), from 'Task 6' (that event's path) and from
 *   'User Task 8' (through the split of its unnamed non-interrupting escalation event,
 *   'Escalation'). 'Inclusive Gateway 1', a decision with a default flow, sends every case
 *   either towards 'Task 5' or towards 'User Task 8', never both: the join never fires, and any
 *   of its three arrows can be left waiting.
 * - 'Parallel Gateway 7' joins 'Task 28' and 'Task 32'. 'Task 32' has an unnamed interrupting
 *   signal event, now the decision 'Signal happened?': its Yes goes to 'Task 33' and the end,
 *   so the branch from 'Task 28' waits forever. The other way round, a case that starts at
 *   'Start Event 2 Message' reaches 'Task 28' alone (through 'Task 21' and its interrupting
 *   timer) or 'Expanded Sub-Process 3' alone (through the link after 'Service Task 15''s
 *   interrupting conditional event), so both arrows in can be left waiting.
 * - Behind 'Parallel Gateway 2', which can never fire, 'End Event 1 Message' never runs.
 */
const REAL_PROBLEMS: Record<string, { deadlock: string[]; unreachable: string[] }> = {
  'B.2.0.bpmn': {
    deadlock: ['Parallel Gateway 2', 'Parallel Gateway 7'],
    unreachable: ['End Event 1\nMessage', 'Parallel Gateway 2'],
  },
};

/**
 * Read from the XML text, apart from the importer: the ids of parallel gateways, of
 * non-interrupting boundary events and of interrupting ones that a sequence flow leaves.
 */
function xmlParallelParts(xml: string) {
  const gateways = [...xml.matchAll(/<(?:\w+:)?parallelGateway\b[^>]*\bid="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const splits: string[] = [];
  const decisions: string[] = [];
  for (const [, attrs] of xml.matchAll(/<(?:\w+:)?boundaryEvent\b([^>]*)>/g)) {
    const id = /\bid="([^"]+)"/.exec(attrs!)?.[1];
    if (id === undefined) continue;
    if (/\bcancelActivity="false"/.test(attrs!)) splits.push(id);
    else if (new RegExp(`<(?:\\w+:)?sequenceFlow\\b[^>]*\\bsourceRef="${id}"`).test(xml)) {
      decisions.push(id);
    }
  }
  return { gateways, splits, decisions };
}

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
      // Parallel gateways and non-interrupting boundary events came in as parallel steps,
      // interrupting boundary events that a flow leaves as decisions "<event> happened?".
      const xml = readFileSync(`${MIWG}${file}`, 'utf8');
      const parts = xmlParallelParts(xml);
      const kindOf = (id: string) => map.nodes.find((n) => n.id === id)?.kind;
      // Those inside an event sub-process are left out with it.
      const gateways = parts.gateways.filter((id) => kindOf(id) !== undefined);
      const { splits, decisions } = parts;
      expect([...gateways, ...splits].map(kindOf)).toEqual(
        [...gateways, ...splits].map(() => 'parallel'),
      );
      expect(decisions.map(kindOf)).toEqual(decisions.map(() => 'decision'));
      for (const id of decisions) {
        expect(map.nodes.find((n) => n.id === id)?.label).toMatch(/ happened\?$/);
      }
      expect(map.nodes.filter((n) => n.kind === 'parallel')).toHaveLength(
        gateways.length + splits.length,
      );
      const { deadEnd } = flowProblems(map);
      expect(deadEnd.filter((id) => !excused.has(id))).toEqual([]);
    },
  );
});

describe('BPMN MIWG B.2.0: the deadlocks it really has', () => {
  it('names each join that waits forever, the arrows left waiting, and the decision that causes it', async () => {
    const { map } = await importBpmn(readFileSync(`${MIWG}B.2.0.bpmn`, 'utf8'));
    const deadlocks = analyze(map).findings.filter((f) => f.rule === 'deadlock');
    const label = (id: string) => map.nodes.find((n) => n.id === id)?.label;
    const arrows = (ids: readonly string[]) =>
      ids
        .map((id) => map.edges.find((e) => e.id === id)!)
        .map((e) => `${label(e.source)} -> ${label(e.target)}`)
        .sort();
    expect(deadlocks.map((f) => f.nodeIds.map(label))).toEqual([
      ['Parallel Gateway 2'],
      ['Parallel Gateway 7'],
    ]);
    const [pg2, pg7] = deadlocks;
    expect(pg2!.message).toBe(
      "'Parallel Gateway 2' waits for every branch, but 'Inclusive Gateway 1' can send the case another way, so the branch from 'Escalation' may never come: the case waits forever.",
    );
    expect(arrows(pg2!.edgeIds)).toEqual([
      'Boundary Intermediate Event Non-Interrupting Conditional -> Parallel Gateway 2',
      'Escalation -> Parallel Gateway 2',
      'Task 6 -> Parallel Gateway 2',
    ]);
    expect(pg7!.message).toBe(
      "'Parallel Gateway 7' waits for every branch, but 'Signal happened?' can send the case another way, so its branch may never come: the case waits forever.",
    );
    expect(arrows(pg7!.edgeIds)).toEqual([
      'Signal happened? -> Parallel Gateway 7',
      'Task 28 -> Parallel Gateway 7',
    ]);
    // 'Signal happened?' is the decision after 'Task 32', whose Yes leaves for 'Task 33'.
    const signal = map.nodes.find((n) => n.label === 'Signal happened?')!;
    expect(signal.kind).toBe('decision');
    const around = map.edges
      .filter((e) => e.source === signal.id || e.target === signal.id)
      .map((e) => `${label(e.source)} -> ${label(e.target)}: ${e.label ?? ''}`)
      .sort();
    expect(around).toEqual([
      'Signal happened? -> Parallel Gateway 7: No',
      'Signal happened? -> Task 33: Yes',
      'Task 32 -> Signal happened?: ',
    ]);
  });
});

describe('BPMN MIWG: embedded sub-processes', () => {
  const EXPANDED: Record<string, string[]> = {
    'A.4.0.bpmn': ['Expanded Sub-Process 1', 'Expanded Sub-Process 2'],
    'A.4.1.bpmn': ['Expanded Sub-Process 1', 'Expanded Sub-Process 2'],
    'B.1.0.bpmn': ['Sub Process - Expanded'],
    'B.2.0.bpmn': ['Expanded Sub-Process 1', 'Expanded Sub-Process 2', 'Expanded Sub-Process 3'],
    'C.2.0.bpmn': ['Checkout'],
    'C.6.0.bpmn': ['Make Booking'],
  };
  it.each(Object.entries(EXPANDED))(
    '%s: each sub-process with steps inside is expanded in place, its steps named after it and placed by the diagram',
    async (file, names) => {
      const { map, report } = await importBpmn(readFileSync(`${MIWG}${file}`, 'utf8'));
      const lines = report.simplified.filter((l) => / was expanded in place: /.test(l));
      expect(lines.map((l) => /^Sub-process '([^']+)'/.exec(l)?.[1])).toEqual(names);
      expect(report.layout).toBe('file');
      for (const name of names) {
        const inner = map.nodes.filter((n) => n.label.startsWith(`${name} / `));
        expect(inner.length).toBeGreaterThanOrEqual(3);
        // Its start and end events are steps the arrows pass through, not starts and ends.
        expect(inner.every((n) => n.kind !== 'start' && n.kind !== 'end')).toBe(true);
        const ids = new Set(inner.map((n) => n.id));
        expect(map.edges.some((e) => ids.has(e.target) && !ids.has(e.source))).toBe(true);
        expect(map.edges.some((e) => ids.has(e.source) && !ids.has(e.target))).toBe(true);
      }
      // No step is left for an expanded sub-process itself.
      expect(map.nodes.some((n) => names.includes(n.label.trim()))).toBe(false);
    },
  );
});

describe('BPMN MIWG: export and import again', () => {
  it.each(files)(
    '%s: the imported map (boundary events and sub-processes read as steps) exports and imports back with the same steps, kinds, labels and arrows',
    async (file) => {
      const { map } = await importBpmn(readFileSync(`${MIWG}${file}`, 'utf8'));
      const { map: back } = await importBpmn(await exportBpmn(map));
      expect(back.nodes.map((n) => [n.id, n.kind, n.label])).toEqual(
        map.nodes.map((n) => [n.id, n.kind, n.label]),
      );
      const arrows = (m: ProcessMap) =>
        m.edges.map((e) => [e.id, e.source, e.target, e.label ?? '']);
      expect(arrows(back)).toEqual(arrows(map));
    },
  );
});
