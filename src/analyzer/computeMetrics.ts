import type { MapEdge, MapEdit, MapNode } from '../model';
import type { AnalysisContext } from './AnalysisContext';
import { branchProbabilities } from './branchProbabilities';
import { KIND_ACTION, KIND_DECISION, KIND_END } from './buildFlowGraph';
import { listNodes, quoteNode } from './describeNodes';
import { findLongestPath } from './findLongestPath';
import { makeFinding, type RankedFinding } from './makeFinding';
import { solveVisits, type Visits } from './solveVisits';
import type { AnalysisMetrics, LongestPath } from './types';

/** Metrics and the findings that come from them (rework loops, bottleneck, bad chances). */
export interface MetricsResult {
  metrics: AnalysisMetrics;
  findings: RankedFinding[];
}

function round(x: number, digits: number): string {
  return Number(x.toFixed(digits)).toString();
}

/**
 * Expected visits, time per case, end chances, rework share and the longest path, plus the
 * findings rules 6, 16 and probabilities-invalid report.
 * @example computeMetrics(ctx, onPath, 0.25).metrics.available
 */
export function computeMetrics(
  ctx: AnalysisContext,
  onPath: Uint8Array,
  bottleneckShare: number,
): MetricsResult {
  const { g, sccs } = ctx;
  const findings: RankedFinding[] = [];
  const { prob, assumed, invalid } = branchProbabilities(g);
  const minutes = new Float64Array(g.n);
  for (let u = 0; u < g.n; u++) {
    const node = g.nodes[u]!;
    if (node.kind === 'action' || node.kind === 'decision') {
      const d = node.durationMinutes;
      if (d !== undefined && Number.isFinite(d) && d > 0) minutes[u] = d;
    }
  }

  for (const { node: u, sum } of invalid) findings.push(invalidFinding(ctx, u, sum));

  const path =
    g.starts.length > 0 && g.ends.length > 0 ? findLongestPath(g, onPath, minutes) : null;
  const longestPath: LongestPath | null =
    path === null
      ? null
      : { nodeIds: path.nodes.map((u) => g.nodes[u]!.id), minutes: path.minutes };
  const assumedProbabilities = assumed.map((u) => g.nodes[u]!.id);
  const isAssumed = new Uint8Array(g.n);
  for (const u of assumed) isAssumed[u] = 1;
  const visits: Visits | null = g.starts.length > 0 ? solveVisits(g, sccs, prob) : null;

  // Rework loops: loops from which an end can be reached.
  for (let c = 0; c < sccs.count; c++) {
    if (ctx.loop[c] === 0) continue;
    const first = sccs.nodes[sccs.start[c]!]!;
    if (ctx.coreach[first] === 0) continue;
    const members = Array.from(sccs.nodes.subarray(sccs.start[c]!, sccs.start[c + 1]!));
    const names = listNodes(members.map((u) => g.nodes[u]!));
    let message = `Cases can go round the loop through ${names} more than once; each extra pass is rework.`;
    if (visits !== null && visits.trappedComp !== c && visits.unsolvedComp !== c) {
      const entry = visits.compEntry[c]!;
      if (entry > 0) {
        let most = 0;
        for (const u of members) most = Math.max(most, visits.visits[u]!);
        const guessed = members.some((u) => isAssumed[u] === 1);
        message = `Cases go round the loop through ${names} ${round(most / entry, 2)} times on average${guessed ? ' (some chances assumed)' : ''}; each extra pass is rework.`;
      }
    }
    findings.push(makeFinding(ctx, 'rework-loop', message, members, [], []));
  }

  const base = { assumedProbabilities, longestPath };
  let reason: string | null = null;
  if (g.n === 0) reason = 'The map is empty.';
  else if (g.starts.length === 0) reason = 'The map has no start, so no case can be followed.';
  else if (g.ends.length === 0) reason = 'The map has no end, so no case can finish.';
  else if (visits !== null && visits.trappedComp !== -1) {
    const c = visits.trappedComp;
    const members = Array.from(sccs.nodes.subarray(sccs.start[c]!, sccs.start[c + 1]!));
    reason = `A case can enter the loop through ${listNodes(members.map((u) => g.nodes[u]!))} and never leave it, so the process cannot finish.`;
  } else if (visits !== null && visits.unsolvedComp !== -1) {
    const c = visits.unsolvedComp;
    const members = Array.from(sccs.nodes.subarray(sccs.start[c]!, sccs.start[c + 1]!));
    reason = `The loop through ${listNodes(members.map((u) => g.nodes[u]!))} is too large to solve precisely.`;
  }
  if (reason !== null || visits === null) {
    return {
      metrics: { available: false, unavailableReason: reason ?? 'No start.', ...base },
      findings,
    };
  }

  const expectedVisits: Record<string, number> = {};
  const expectedMinutesPerCase: Record<string, number> = {};
  const endProbabilities: Record<string, number> = {};
  let cycle = 0;
  let rework = 0;
  let stuck = 0;
  let worst = -1;
  let worstMinutes = 0;
  for (let u = 0; u < g.n; u++) {
    const id = g.nodes[u]!.id;
    const v = visits.visits[u]!;
    const m = v * minutes[u]!;
    expectedVisits[id] = v;
    expectedMinutesPerCase[id] = m;
    cycle += m;
    rework += Math.max(0, v - visits.firstVisits[u]!) * minutes[u]!;
    const kind = g.kind[u];
    if (kind === KIND_END) endProbabilities[id] = v;
    else if (g.outStart[u + 1] === g.outStart[u]) stuck += v;
    if ((kind === KIND_ACTION || kind === KIND_DECISION) && m > worstMinutes) {
      worst = u;
      worstMinutes = m;
    }
  }
  const notes: string[] = [];
  if (assumed.length > 0) {
    notes.push(
      `Chances were assumed at ${listNodes(assumed.map((u) => g.nodes[u]!))}: branches without one share what is left equally.`,
    );
  }
  if (g.starts.length > 1) notes.push('Cases are assumed to arrive evenly across the starts.');
  if (visits.approximated)
    notes.push('The rework share is a lower bound: a large loop was solved approximately.');
  if (stuck > 1e-12) {
    notes.push(`${round(stuck * 100, 1)}% of cases stop at a dead end instead of an end.`);
  }
  if (worst !== -1 && cycle > 0 && worstMinutes / cycle >= bottleneckShare) {
    findings.push(
      bottleneckFinding(ctx, worst, worstMinutes, cycle, visits.visits[worst]!, bottleneckShare),
    );
  }
  return {
    metrics: {
      available: true,
      expectedVisits,
      expectedMinutesPerCase,
      cycleTimeMinutes: cycle,
      endProbabilities,
      stuckProbability: stuck,
      reworkShare: cycle > 0 ? Math.min(1, rework / cycle) : 0,
      notes,
      ...base,
    },
    findings,
  };
}

/** Re-adds a node and its arrows (removeNode drops them), keeping ids and their file order. */
function replaceNode(ctx: AnalysisContext, u: number, node: MapNode): MapEdit[] {
  const { g } = ctx;
  const id = g.nodes[u]!.id;
  const edits: MapEdit[] = [
    { type: 'removeNode', nodeId: id },
    { type: 'addNode', node },
  ];
  for (const edge of g.edges) {
    if (edge.source === id || edge.target === id) edits.push({ type: 'addEdge', edge });
  }
  return edits;
}

function bottleneckFinding(
  ctx: AnalysisContext,
  u: number,
  minutesPerCase: number,
  cycle: number,
  visits: number,
  threshold: number,
): RankedFinding {
  const node = ctx.g.nodes[u]!;
  const share = minutesPerCase / cycle;
  const others = cycle - minutesPerCase;
  // Largest duration whose share stays below the threshold, with a margin.
  const limit =
    threshold >= 1 ? Number.POSITIVE_INFINITY : (threshold * others) / ((1 - threshold) * visits);
  let target = Math.max(0, limit * 0.9);
  target = target >= 10 ? Math.floor(target) : Math.floor(target * 10) / 10;
  const edits =
    node.kind === 'action' || node.kind === 'decision'
      ? replaceNode(ctx, u, { ...node, durationMinutes: target })
      : [];
  return makeFinding(
    ctx,
    'bottleneck',
    `${quoteNode(node)} takes ${round(share * 100, 0)}% of the time of each case (${round(minutesPerCase, 1)} of ${round(cycle, 1)} minutes).`,
    [u],
    [],
    [
      {
        title:
          target === 0
            ? `Hand off ${quoteNode(node)} entirely`
            : `Cut ${quoteNode(node)} to ${target} minutes (hand part of it off)`,
        edits,
      },
    ],
  );
}

function invalidFinding(ctx: AnalysisContext, u: number, sum: number): RankedFinding {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const slots = Array.from(g.outEdge.subarray(g.outStart[u]!, g.outStart[u + 1]!));
  const given = slots.map((j) => g.edges[j]!.probability);
  const allValid = given.every((p) => p !== undefined && Number.isFinite(p) && p >= 0 && p <= 1);
  const edits: MapEdit[] = slots.map((j) => ({ type: 'removeEdge', edgeId: g.edges[j]!.id }));
  for (let i = 0; i < slots.length; i++) {
    const edge: MapEdge = { ...g.edges[slots[i]!]! };
    const p = given[i];
    if (allValid && sum > 0 && p !== undefined) edge.probability = p / sum;
    else delete edge.probability;
    edits.push({ type: 'addEdge', edge });
  }
  return makeFinding(
    ctx,
    'probabilities-invalid',
    `The chances on the branches out of ${quoteNode(node)} ${allValid || sum > 1 ? `add up to ${round(sum * 100, 0)}%` : 'are not between 0 and 1'}; equal shares were assumed instead.`,
    [u],
    slots,
    [
      {
        title: allValid
          ? `Scale the chances out of ${quoteNode(node)} to add up to 100%`
          : `Clear the chances out of ${quoteNode(node)} (equal shares)`,
        edits,
      },
    ],
  );
}
