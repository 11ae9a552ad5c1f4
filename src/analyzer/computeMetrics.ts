import type { MapEdge, MapEdit, MapNode } from '../model';
import type { AnalysisContext } from './AnalysisContext';
import { branchProbabilities } from './branchProbabilities';
import { type FlowGraph, KIND_ACTION, KIND_DECISION, KIND_END } from './buildFlowGraph';
import { listNodesAt, quoteNode } from './describeNodes';
import { estimateLeadTime } from './estimateLeadTime';
import { findLongestPath } from './findLongestPath';
import { BLOCK_BOUND } from './findSoundBlocks';
import { makeFinding, makeRangeFinding, type RankedFinding } from './makeFinding';
import { present } from './present';
import { newEdge, rowBeside } from './repairHelpers';
import { bottleneck } from './rules/bottleneck';
import { probabilitiesInvalid } from './rules/probabilitiesInvalid';
import { reworkLoop } from './rules/reworkLoop';
import { scratch } from './scratch';
import { solveVisits, type Visits } from './solveVisits';
import type { AnalysisMetrics, LongestPath, MetricsPrecision, Suggestion } from './types';

/** Metrics and the findings that come from them (rework loops, bottleneck, bad chances). */
export interface MetricsResult {
  metrics: AnalysisMetrics;
  findings: RankedFinding[];
}

/** An empty index list. */
const NO_INDICES = new Int32Array(0);

/**
 * `x` to at most `digits` decimals, without trailing zeros: `Number(x.toFixed(digits)).toString()`.
 * Below 1e12 (at most 15 significant digits for digits <= 2) the shortest form of that number is
 * the fixed text without its trailing zeros, so the zeros are cut from the text directly.
 * @example round(2.5, 2) // "2.5"
 */
export function round(x: number, digits: number): string {
  const fixed = x.toFixed(digits);
  if (!(Math.abs(x) < 1e12) || digits > 2) return Number(fixed).toString();
  let end = fixed.length;
  if (digits > 0) {
    while (fixed.charCodeAt(end - 1) === 48) end--; // '0'
    if (fixed.charCodeAt(end - 1) === 46) end--; // '.'
  }
  const text = end === fixed.length ? fixed : fixed.slice(0, end);
  return text === '-0' ? '0' : text;
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
  const minutes = g.duration;

  for (const { node: u, sum } of invalid) findings.push(invalidFinding(ctx, u, sum));

  const path =
    g.starts.length > 0 && g.ends.length > 0 ? findLongestPath(g, onPath, minutes) : null;
  let longestPath: LongestPath | null = null;
  if (path !== null) {
    const nodeIds = new Array<string>(path.nodes.length);
    for (let i = 0; i < nodeIds.length; i++) nodeIds[i] = g.ids[path.nodes[i]!]!;
    longestPath = { nodeIds, minutes: path.minutes };
  }
  const assumedProbabilities = assumed.map((u) => g.ids[u]!);
  const isAssumed = scratch.uint8(g.n);
  for (const u of assumed) isAssumed[u] = 1;
  const visits: Visits | null = g.starts.length > 0 ? solveVisits(g, sccs, prob) : null;

  // Rework loops: loops from which an end can be reached, in file order of their first step
  // (the order the report lists them in).
  for (let first = 0; first < g.n; first++) {
    const c = sccs.comp[first]!;
    if (ctx.loop[c] === 0) continue;
    const from = sccs.start[c]!;
    if (sccs.nodes[from] !== first) continue;
    const to = sccs.start[c + 1]!;
    if (ctx.coreach[first] === 0) continue;
    const names = listNodesAt(g.nodes, sccs.nodes, 3, from, to);
    let message = `Cases can go round the loop through ${names} more than once; each extra pass is rework.`;
    if (visits !== null && visits.trappedComp !== c && visits.unsolvedComp !== c) {
      const entry = visits.compEntry[c]!;
      if (entry > 0) {
        let most = 0;
        let guessed = false;
        for (let i = from; i < to; i++) {
          const u = sccs.nodes[i]!;
          if (visits.visits[u]! > most) most = visits.visits[u]!;
          if (isAssumed[u] === 1) guessed = true;
        }
        message = `Cases go round the loop through ${names} ${round(most / entry, 2)} times on average${guessed ? ' (some chances assumed)' : ''}; each extra pass is rework.`;
      }
    }
    findings.push(
      makeRangeFinding(ctx, reworkLoop, message, sccs.nodes, from, to, NO_INDICES, 0, 0, []),
    );
  }

  const base = {
    assumedProbabilities,
    longestPath,
    checkedInFull: ctx.cases === null || ctx.cases.complete,
  };
  let reason: string | null = null;
  if (g.n === 0) reason = 'The map is empty.';
  else if (g.starts.length === 0) reason = 'The map has no start, so no case can be followed.';
  else if (g.ends.length === 0) reason = 'The map has no end, so no case can finish.';
  else if (visits !== null && visits.trappedComp !== -1) {
    const c = visits.trappedComp;
    const names = listNodesAt(g.nodes, sccs.nodes, 3, sccs.start[c]!, sccs.start[c + 1]!);
    reason = `A case can enter the loop through ${names} and never leave it, so the process cannot finish.`;
  } else if (visits !== null && visits.unsolvedComp !== -1) {
    const c = visits.unsolvedComp;
    const names = listNodesAt(g.nodes, sccs.nodes, 3, sccs.start[c]!, sccs.start[c + 1]!);
    reason = `The expected visits in the loop through ${names} could not be solved (the figures are not finite).`;
  }
  if (reason !== null || visits === null) {
    return {
      metrics: { available: false, unavailableReason: reason ?? 'No start.', ...base },
      findings,
    };
  }

  const expectedMinutesPerCase = new Float64Array(g.n);
  const nodeIds = g.ids;
  // Without a prototype: an end with the id "__proto__" is an ordinary key, and the object
  // starts as a dictionary (adding thousands of keys to a literal costs a hidden class each).
  const endProbabilities: Record<string, number> = Object.create(null);
  const vs = visits.visits;
  const firsts = visits.firstVisits;
  let cycle = 0;
  let rework = 0;
  let stuck = 0;
  let worst = -1;
  let worstMinutes = 0;
  for (let u = 0; u < g.n; u++) {
    const v = vs[u]!;
    const d = minutes[u]!;
    const m = v * d;
    expectedMinutesPerCase[u] = m;
    cycle += m;
    if (v > firsts[u]!) rework += (v - firsts[u]!) * d;
    const kind = g.kind[u];
    if (kind === KIND_END) endProbabilities[g.ids[u]!] = v;
    else if (g.outStart[u + 1] === g.outStart[u]) stuck += v;
    if ((kind === KIND_ACTION || kind === KIND_DECISION) && m > worstMinutes) {
      worst = u;
      worstMinutes = m;
    }
  }
  const notes: string[] = [];
  const cases = ctx.cases;
  let lead: { minutes: number; estimate: boolean } | null = { minutes: cycle, estimate: false };
  if (cases !== null) {
    lead = estimateLeadTime(g, prob, vs, cases.chains);
    if (!cases.complete) {
      notes.push(
        `The parallel parts of this map have more than ${cases.states} case states (the check stopped around ${listNodesAt(g.nodes, cases.stoppedAt)}): waiting joins and double runs were checked only in part, and the figures may be approximate.${tooLargeNote(g, cases.tooLarge)}`,
      );
    } else if (cases.waits.includes(1) || cases.doubled.includes(1)) {
      notes.push(
        'The figures are approximate: a join can wait forever or branches meet without one, so cases do not always run as drawn.',
      );
    }
  }
  if (assumed.length > 0) {
    notes.push(
      `Chances were assumed at ${listNodesAt(g.nodes, assumed)}: branches without one share what is left equally.`,
    );
  }
  if (g.starts.length > 1) notes.push('Cases are assumed to arrive evenly across the starts.');
  const precision = metricsPrecision(ctx, visits);
  if (precision.unconverged !== null) {
    const c = visits.approximateComp;
    const names = listNodesAt(g.nodes, sccs.nodes, 3, sccs.start[c]!, sccs.start[c + 1]!);
    notes.push(
      `The figures are approximate: the expected visits in the loop through ${names} did not converge (relative residual ${precision.unconverged.residual.toExponential(1)}).`,
    );
  } else if (precision.reworkShare === 'lower-bound') {
    notes.push(
      'The rework share is a lower bound: in a loop of more than 160 steps, the chance of reaching each step at least once was bounded, not solved.',
    );
  }
  if (stuck > 1e-12) {
    notes.push(`${round(stuck * 100, 1)}% of cases stop at a dead end instead of an end.`);
  }
  if (worst !== -1 && cycle > 0 && worstMinutes / cycle >= bottleneckShare) {
    findings.push(
      bottleneckFinding(ctx, worst, worstMinutes, cycle, bottleneckShare, vs[worst] ?? 0),
    );
  }
  return {
    metrics: {
      available: true,
      nodeIds,
      expectedVisits: vs,
      expectedMinutesPerCase,
      cycleTimeMinutes: cycle,
      leadTime: lead,
      endProbabilities,
      stuckProbability: stuck,
      reworkShare: cycle > 0 ? Math.min(1, rework / cycle) : 0,
      notes,
      precision,
      ...base,
    },
    findings,
  };
}

/**
 * Which figures are exact: from how the visits were solved, and whether cases run as drawn
 * (the visits read every parallel block as running each branch once and its join once).
 */
function metricsPrecision(ctx: AnalysisContext, visits: Visits): MetricsPrecision {
  const c = visits.approximateComp;
  const cases = ctx.cases;
  const asDrawn =
    cases === null || (cases.complete && !cases.waits.includes(1) && !cases.doubled.includes(1));
  if (c === -1) {
    return {
      visits: asDrawn ? 'exact' : 'approximate',
      reworkShare: !asDrawn ? 'approximate' : visits.firstVisitsBounded ? 'lower-bound' : 'exact',
      residual: visits.residual,
      unconverged: null,
    };
  }
  const { g, sccs } = ctx;
  const members = sccs.nodes.subarray(sccs.start[c]!, sccs.start[c + 1]!);
  const nodeIds = Array.from(members, (u) => g.ids[u]!);
  return {
    visits: 'approximate',
    reworkShare: 'approximate',
    residual: visits.residual,
    unconverged: { nodeIds, residual: visits.approximateResidual },
  };
}

/** How many equal parts a step must be split into for each to stay below the threshold. */
function partsBelow(share: number, threshold: number): number {
  if (!(threshold > 0)) return 2;
  return Math.min(10, Math.max(2, Math.floor(share / threshold) + 1));
}

/**
 * The slowest step, with a fix an owner can act on: split it into smaller steps of equal
 * length (the first keeps its place in the file, its id and arrows in), so that parts can be
 * shared out or handed off. Each part then takes less than the threshold share of a case.
 * An action's arrows out move to the last part; a decision keeps its branches and the new
 * parts come before it (its arrows in move to the first part).
 */
function bottleneckFinding(
  ctx: AnalysisContext,
  u: number,
  minutesPerCase: number,
  cycle: number,
  threshold: number,
  visits: number,
): RankedFinding {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const share = minutesPerCase / cycle;
  const duration = node.kind === 'action' || node.kind === 'decision' ? node.durationMinutes : 0;
  const k = partsBelow(share, threshold);
  const part = (duration ?? 0) / k;
  const label = node.label.trim() === '' ? 'Step' : node.label.trim();
  const mint = ctx.ids.session();
  const edits: MapEdit[] = [];
  const ids: string[] = [];
  for (let i = 2; i <= k; i++) ids.push(mint(`fix-part-${node.id}-${i}`));
  const isDecision = node.kind === 'decision';
  // An action: node, part 2, ..., part k. A decision: part 1, ..., part k-1, then the decision.
  const partLabel = (i: number) => `${label} (part ${i} of ${k})`;
  edits.push({ type: 'updateStep', nodeId: node.id, patch: { durationMinutes: part } });
  edits.push({
    type: 'setNodeLabel',
    nodeId: node.id,
    label: isDecision ? node.label : partLabel(1),
  });
  // The new parts go in a row beside the step, clear of the steps after it.
  const spots = rowBeside(g.nodes, node, ids.length);
  ids.forEach((id, i) => {
    const added: MapNode = {
      id,
      kind: 'action',
      label: isDecision ? partLabel(i + 1) : partLabel(i + 2),
      position: spots[i]!,
      durationMinutes: part,
    };
    edits.push({ type: 'addNode', node: added });
  });
  const chain = isDecision ? [...ids, node.id] : [node.id, ...ids];
  for (let i = 0; i + 1 < chain.length; i++) {
    const from = chain[i]!;
    const to = chain[i + 1]!;
    edits.push({ type: 'addEdge', edge: newEdge(mint(`fix-e-${from}-${to}`), from, to) });
  }
  // Move the arrows out of an action to its last part, or the arrows into a decision to its first.
  const [from, to, list] = isDecision
    ? [g.inStart[u]!, g.inStart[u + 1]!, g.inEdge]
    : [g.outStart[u]!, g.outStart[u + 1]!, g.outEdge];
  const moved: MapEdit[] = [];
  for (let s = from; s < to; s++) {
    const edge = g.edges[list[s]!]!;
    edits.push({ type: 'removeEdge', edgeId: edge.id });
    const again: MapEdge = isDecision
      ? { ...edge, target: chain[0]! }
      : { ...edge, source: chain[chain.length - 1]! };
    moved.push({ type: 'addEdge', edge: again });
  }
  edits.push(...moved);
  const each = round(part, 1);
  return makeFinding(
    ctx,
    bottleneck,
    `${quoteNode(node)} takes ${round(share * 100, 0)}% of the time of each case (${round(minutesPerCase, 1)} of ${round(cycle, 1)} minutes).`,
    [u],
    [],
    [
      ...present(shortenChoice(node, duration ?? 0, visits, cycle, threshold)),
      {
        title: `Split ${quoteNode(node)} into ${k} parts of ${each} minutes that others can do`,
        edits,
      },
    ],
  );
}

/**
 * The bottleneck's other choice: do it in less time (a checklist, a template). Short enough
 * to take less than the threshold share of a case when that is at least half its time (with
 * `d` the new duration and `v` the visits per case, v·d / (cycle − v·(duration − d)) <
 * threshold gives d < threshold·(cycle − v·duration) / (v·(1 − threshold))); otherwise half
 * its time, with the share it then takes. null for a step of under 2 minutes.
 */
function shortenChoice(
  node: MapNode,
  duration: number,
  visits: number,
  cycle: number,
  threshold: number,
): Suggestion | null {
  if (!(visits > 0) || !(duration >= 2) || !(threshold > 0 && threshold < 1)) return null;
  const limit = (threshold * (cycle - visits * duration)) / (visits * (1 - threshold));
  const below = Math.ceil(limit) - 1;
  const minutes = below >= duration / 2 ? below : Math.round(duration / 2);
  const share = (visits * minutes) / (cycle - visits * (duration - minutes));
  return {
    title: `Shorten ${quoteNode(node)} from ${round(duration, 1)} to ${minutes} minutes (a checklist, a template): then ${round(share * 100, 0)}% of each case`,
    edits: [{ type: 'updateStep', nodeId: node.id, patch: { durationMinutes: minutes } }],
  };
}

function invalidFinding(ctx: AnalysisContext, u: number, sum: number): RankedFinding {
  const { g } = ctx;
  const node = g.nodes[u]!;
  const slots = Array.from(g.outEdge.subarray(g.outStart[u]!, g.outStart[u + 1]!));
  const given = slots.map((j) => g.edges[j]!.probability);
  const allValid = given.every((p) => p !== undefined && Number.isFinite(p) && p >= 0 && p <= 1);
  const edits: MapEdit[] = slots.map((j, i) => {
    const p = given[i];
    return {
      type: 'setProbability',
      edgeId: g.edgeIds[j]!,
      probability: allValid && sum > 0 && p !== undefined ? p / sum : null,
    };
  });
  return makeFinding(
    ctx,
    probabilitiesInvalid,
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

/**
 * Names the parallel blocks too large to check exactly, by the steps around them (a split and
 * a join are seldom named): " The parallel block between 'A' and 'B' alone has more than ...".
 */
function tooLargeNote(g: FlowGraph, blocks: readonly [number, number][]): string {
  if (blocks.length === 0) return '';
  const [split, join] = blocks[0]!;
  const before = g.inStart[split + 1]! > g.inStart[split]! ? g.inSource[g.inStart[split]!]! : split;
  const after = g.outStart[join + 1]! > g.outStart[join]! ? g.outTarget[g.outStart[join]!]! : join;
  const others = blocks.length - 1;
  const more = others > 0 ? ` (and ${others} other block${others === 1 ? '' : 's'})` : '';
  return ` The parallel block between ${listNodesAt(g.nodes, [before])} and ${listNodesAt(g.nodes, [after])}${more} alone has more than ${BLOCK_BOUND.toLocaleString('en-US')} case states: it is too large to check exactly.`;
}
