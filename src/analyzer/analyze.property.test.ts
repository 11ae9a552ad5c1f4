import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { applyEdits, type MapEdge, type MapNode, type ProcessMap } from '../model';
import { analyze } from './analyze';
import { buildFlowGraph } from './buildFlowGraph';
import { findSccs } from './findSccs';
import { arbMap } from './testing/arbMap';
import { propertyRuns } from './testing/propertyRuns';
import type { Finding } from './types';

/** Brute force: nodes reachable from `from` over valid arrows (forward or backward). */
function reachFrom(map: ProcessMap, from: string[], backward: boolean): Set<string> {
  const ids = new Set(map.nodes.map((n) => n.id));
  const seen = new Set(from);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of map.edges) {
      if (!ids.has(e.source) || !ids.has(e.target)) continue;
      const [a, b] = backward ? [e.target, e.source] : [e.source, e.target];
      if (seen.has(a) && !seen.has(b)) {
        seen.add(b);
        grew = true;
      }
    }
  }
  return seen;
}

function ofKind(map: ProcessMap, kind: string): string[] {
  return map.nodes.filter((n) => n.kind === kind).map((n) => n.id);
}

function flaggedNodes(findings: Finding[], rule: string): string[] {
  return [...new Set(findings.filter((f) => f.rule === rule).flatMap((f) => f.nodeIds))].sort();
}

function key(f: Finding): string {
  return `${f.rule}|${[...f.nodeIds].sort().join(',')}|${[...f.edgeIds].sort().join(',')}`;
}

const runs = propertyRuns(400, 1);

describe('analyze on random maps', () => {
  it('finds the same strongly connected components as graphology', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const g = buildFlowGraph(map);
        const sccs = findSccs(g.n, g.outStart, g.outTarget);
        const ours = new Set<string>();
        for (let c = 0; c < sccs.count; c++) {
          const ids = Array.from(
            sccs.nodes.subarray(sccs.start[c]!, sccs.start[c + 1]!),
            (u) => g.nodes[u]!.id,
          );
          ours.add(ids.sort().join(','));
        }
        const graph = new MultiDirectedGraph();
        for (const n of map.nodes) graph.addNode(n.id);
        for (const e of map.edges) {
          if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdge(e.source, e.target);
        }
        const theirs = new Set(
          stronglyConnectedComponents(graph).map((c) => [...c].sort().join(',')),
        );
        expect(ours).toEqual(theirs);
        // Components come in reverse topological order.
        for (let j = 0; j < g.edges.length; j++) {
          const s = g.edgeSource[j]!;
          if (s >= 0) expect(sccs.comp[s]!).toBeGreaterThanOrEqual(sccs.comp[g.edgeTarget[j]!]!);
        }
      }),
      runs,
    );
  });

  it('flags unreachable and dead-end nodes exactly, and partitions the map', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const { findings } = analyze(map);
        const starts = ofKind(map, 'start');
        const ends = ofKind(map, 'end');
        const fwd = reachFrom(map, starts, false);
        const bwd = reachFrom(map, ends, true);
        const ids = map.nodes.map((n) => n.id);
        const unreachable = starts.length > 0 ? ids.filter((id) => !fwd.has(id)).sort() : [];
        const dead = ends.length > 0 ? ids.filter((id) => fwd.has(id) && !bwd.has(id)).sort() : [];
        expect(flaggedNodes(findings, 'unreachable')).toEqual(unreachable);
        expect(flaggedNodes(findings, 'dead-end')).toEqual(dead);
        if (starts.length > 0 && ends.length > 0) {
          for (const id of ids) {
            const onPath = fwd.has(id) && bwd.has(id) ? 1 : 0;
            const count = onPath + (unreachable.includes(id) ? 1 : 0) + (dead.includes(id) ? 1 : 0);
            expect(count).toBe(1);
          }
        }
      }),
      runs,
    );
  });

  it('flags must-pass merges exactly (brute force: removing the step cuts every start from every end)', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const starts = ofKind(map, 'start');
        const ends = ofKind(map, 'end');
        const fwd = reachFrom(map, starts, false);
        const bwd = reachFrom(map, ends, true);
        const onPath = new Set(
          map.nodes.map((n) => n.id).filter((id) => fwd.has(id) && bwd.has(id)),
        );
        const expected: string[] = [];
        if (onPath.size > 0) {
          for (const n of map.nodes) {
            if ((n.kind !== 'action' && n.kind !== 'decision') || !onPath.has(n.id)) continue;
            const without: ProcessMap = {
              ...map,
              nodes: map.nodes.filter((m) => m.id !== n.id),
              edges: map.edges.filter((e) => e.source !== n.id && e.target !== n.id),
            };
            const reached = reachFrom(without, starts, false);
            if (ends.some((e) => reached.has(e))) continue;
            const sources = new Set(
              map.edges
                .filter((e) => e.target === n.id && onPath.has(e.source))
                .map((e) => e.source),
            );
            if (sources.size >= 2) expected.push(n.id);
          }
        }
        expect(flaggedNodes(analyze(map).findings, 'must-pass')).toEqual(expected.sort());
      }),
      runs,
    );
  });

  it('flags every trap loop: loops with no arrow out and no end inside', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const g = buildFlowGraph(map);
        const graph = new MultiDirectedGraph();
        for (const n of map.nodes) graph.addNode(n.id);
        for (const e of map.edges) {
          if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdge(e.source, e.target);
        }
        const traps: string[] = [];
        const rework: string[] = [];
        const bwd = reachFrom(map, ofKind(map, 'end'), true);
        for (const comp of stronglyConnectedComponents(graph)) {
          const set = new Set(comp);
          const isLoop = comp.length > 1 || graph.hasEdge(comp[0]!, comp[0]!);
          if (!isLoop) continue;
          if (bwd.has(comp[0]!)) rework.push(...comp);
          const exits = map.edges.some(
            (e) => set.has(e.source) && !set.has(e.target) && g.indexOf.has(e.target),
          );
          const hasEnd = comp.some((id) => map.nodes.find((n) => n.id === id)?.kind === 'end');
          if (!exits && !hasEnd) traps.push(...comp);
        }
        const { findings } = analyze(map);
        expect(flaggedNodes(findings, 'trap-loop')).toEqual(traps.sort());
        expect(flaggedNodes(findings, 'rework-loop')).toEqual(rework.sort());
      }),
      runs,
    );
  });

  it('never reports NaN or Infinity, and end chances plus stuck add up to 1', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const { metrics } = analyze(map);
        const numbers: number[] = [];
        JSON.stringify(metrics, (_k, v: unknown) => {
          if (typeof v === 'number') numbers.push(v);
          return v;
        });
        for (const x of numbers) expect(Number.isFinite(x)).toBe(true);
        if (metrics.available) {
          const total = Object.values(metrics.endProbabilities).reduce((a, b) => a + b, 0);
          expect(total + metrics.stuckProbability).toBeCloseTo(1, 6);
          expect(metrics.reworkShare).toBeGreaterThanOrEqual(0);
          expect(metrics.reworkShare).toBeLessThanOrEqual(1);
        }
      }),
      runs,
    );
  });

  it('every error and warning has a suggestion that removes it and adds no error', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const before = analyze(map);
        const existing = new Set(map.nodes.map((n) => n.id));
        const errorNodes = new Map<string, Set<string>>();
        for (const f of before.findings) {
          if (f.severity !== 'error') continue;
          const set = errorNodes.get(f.rule) ?? new Set<string>();
          for (const id of f.nodeIds) set.add(id);
          errorNodes.set(f.rule, set);
        }
        for (const finding of before.findings) {
          if (finding.severity !== 'info') expect(finding.suggestions.length).toBeGreaterThan(0);
          // Shortening a bottleneck is a choice beside splitting it; it may leave the
          // step the slowest one (its title says what share it then takes).
          const removing = finding.suggestions.filter(
            (s) => finding.rule !== 'bottleneck' || !s.title.startsWith('Shorten'),
          );
          if (finding.severity !== 'info') expect(removing.length).toBeGreaterThan(0);
          for (const suggestion of finding.suggestions) {
            const after = analyze(applyEdits(map, suggestion.edits));
            const keys = new Set(after.findings.map(key));
            if (removing.includes(suggestion)) {
              expect(keys.has(key(finding)), `${suggestion.title} keeps ${key(finding)}`).toBe(
                false,
              );
            }
            if (['no-start', 'no-end', 'unreachable', 'dead-end'].includes(finding.rule)) {
              expect(after.findings.some((f) => f.rule === finding.rule)).toBe(false);
            }
            // No new error: every error rule after flags only nodes it already flagged.
            for (const f of after.findings) {
              if (f.severity !== 'error') continue;
              const flaggedBefore = errorNodes.get(f.rule);
              expect(flaggedBefore, `${suggestion.title} adds ${key(f)}`).toBeDefined();
              for (const id of f.nodeIds) {
                // A step the suggestion adds inside an already broken part may share its flag.
                const ok = flaggedBefore?.has(id) === true || !existing.has(id);
                expect(ok, `${suggestion.title} adds ${key(f)}`).toBe(true);
              }
            }
          }
        }
      }),
      runs,
    );
  });
});

describe('analyze on large maps', () => {
  function chain(n: number, cycle: boolean): ProcessMap {
    const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'Start', position: { x: 0, y: 0 } }];
    const edges: MapEdge[] = [{ id: 'e-s', source: 's', target: 'n0' }];
    for (let i = 0; i < n; i++) {
      nodes.push({
        id: `n${i}`,
        kind: 'action',
        label: `Step ${i}`,
        position: { x: 0, y: i },
        durationMinutes: 1,
      });
      if (i + 1 < n) edges.push({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` });
    }
    if (cycle) edges.push({ id: 'back', source: `n${n - 1}`, target: 'n0' });
    else {
      nodes.push({ id: 'end', kind: 'end', label: 'Done', position: { x: 0, y: n } });
      edges.push({ id: 'e-end', source: `n${n - 1}`, target: 'end' });
    }
    return {
      format: 'leverflow-map',
      version: 3,
      name: 'big',
      settings: { currency: 'USD', targetHourlyRate: 1, casesPerWeek: 1, defaultHandOffRate: 25 },
      people: [],
      acceptedFindings: [],
      nodes,
      edges,
    };
  }

  it('analyzes a 100,000-step chain without recursion', () => {
    const report = analyze(chain(100_000, false));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.metrics.available && report.metrics.cycleTimeMinutes).toBe(100_000);
    expect(report.metrics.longestPath?.minutes).toBe(100_000);
  });

  it('analyzes a 100,000-step cycle without recursion', () => {
    const report = analyze(chain(100_000, true));
    expect(report.findings.map((f) => f.rule)).toContain('trap-loop');
    expect(report.metrics.available).toBe(false);
  });
});
