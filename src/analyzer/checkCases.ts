import { type FlowGraph, KIND_PARALLEL } from './buildFlowGraph';
import { type CaseFacts, exploreCases } from './exploreCases';
import { findSoundBlocks } from './findSoundBlocks';
import { scratch } from './scratch';

/**
 * What every case of a map with parallel steps can do (see exploreCases), checked fragment by
 * fragment: the sound parallel blocks are checked on their own and folded into single steps
 * (findSoundBlocks); what is left is played as one token game, or, when no parallel step is
 * left outside the blocks, read by plain reachability. When the rest turns out unsound (a join
 * that can wait forever, or a step two tokens can stand before at once), the whole map is
 * played unfolded, so the findings name exactly what the full token game finds.
 * @example checkCases(buildFlowGraph(map)).runs
 */
export function checkCases(g: FlowGraph): CaseFacts {
  const blocks = findSoundBlocks(g);
  const { jump, inside } = blocks;
  let parallelLeft = false;
  for (let v = 0; v < g.n && !parallelLeft; v++) {
    parallelLeft = g.kind[v] === KIND_PARALLEL && inside[v] === 0 && jump[v]! < 0;
  }
  let facts: CaseFacts;
  if (parallelLeft) {
    facts = exploreCases(g, undefined, jump);
    if (facts.complete && (facts.waits.includes(1) || facts.doubled.includes(1))) {
      // A sound block is sound wherever the rest goes wrong: its branches still chain.
      return { ...exploreCases(g), chains: blocks.chains };
    }
  } else {
    facts = oneTokenFacts(g, jump);
  }
  // The steps of a folded block run when its split does; its joins hold two tokens as found.
  for (let b = blocks.splits.length - 1; b >= 0; b--) {
    const on = facts.runs[blocks.splits[b]!]!;
    for (const u of blocks.members[b]!) facts.runs[u] = on;
    if (on === 1) for (const v of blocks.crowded[b]!) facts.crowded[v] = 1;
  }
  facts.states += blocks.states;
  facts.tooLarge = blocks.tooLarge;
  facts.chains = blocks.chains;
  return facts;
}

/** The facts of a case that is only ever one token: which steps a path from a start reaches. */
function oneTokenFacts(g: FlowGraph, jump: Int32Array): CaseFacts {
  const runs = scratch.uint8(g.n);
  const queue = scratch.int32(g.n);
  let tail = 0;
  for (let i = 0; i < g.starts.length; i++) {
    const s = g.starts[i]!;
    if (runs[s] === 0) {
      runs[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const from = jump[u]! >= 0 ? jump[u]! : u;
    for (let k = g.outStart[from]!; k < g.outStart[from + 1]!; k++) {
      const w = g.outTarget[k]!;
      if (runs[w] === 0) {
        runs[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  const e = g.edges.length;
  return {
    complete: true,
    states: tail,
    stoppedAt: [],
    runs,
    waits: scratch.uint8(e),
    missing: new Map(),
    doubled: scratch.uint8(g.n),
    doubledEdge: scratch.uint8(e),
    crowded: scratch.uint8(g.n),
    tooLarge: [],
    chains: [],
  };
}
