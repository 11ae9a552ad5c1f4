import { type FlowGraph, KIND_END, KIND_PARALLEL } from './buildFlowGraph';
import type { BranchChain } from './findSoundBlocks';
import { scratch } from './scratch';
import type { LeadTime } from './types';

/**
 * Lead time of a case (elapsed, start to finish) on a map whose every parallel step is the
 * split or the join of a block told sound by its branches (loops allowed anywhere): outside
 * the blocks one token walks the map, so the elapsed time is the work time there (each
 * step's expected visits times its duration); a block takes as long as its longest branch,
 * each branch by its expected time per run of the block (its steps' visits per visit of the
 * split; an inner block by its own lead time). An estimate where a branch of a block with
 * two or more branches holds a decision: the longest of uncertain branches is not the
 * longest of their expected times. Null when some parallel step is not such a split or join,
 * or when cases do not always reach an end.
 * @example blockLeadTime(g, visits, checkCases(g).chains) // { minutes: 42, estimate: true }
 */
export function blockLeadTime(
  g: FlowGraph,
  visits: Float64Array,
  chains: readonly BranchChain[],
): LeadTime | null {
  const blockAt = scratch.int32(g.n).fill(-1); // per split: its chain
  const isJoin = scratch.uint8(g.n);
  chains.forEach(({ split, join }, i) => {
    blockAt[split] = i;
    isJoin[join] = 1;
  });
  for (let v = 0; v < g.n; v++) {
    if (g.kind[v] === KIND_PARALLEL && blockAt[v] === -1 && isJoin[v] === 0) return null;
  }
  const inside = scratch.uint8(g.n);
  const seen = scratch.int32(g.n).fill(-1);
  const queue = scratch.int32(g.n);
  const elapsed = new Float64Array(chains.length);
  let estimate = false;
  // Inner blocks come first, so an inner block's time is known when its branch is read.
  for (let i = 0; i < chains.length; i++) {
    const { split, join, branches } = chains[i]!;
    const runs = visits[split]!;
    let longest = 0;
    for (const [first] of branches) {
      let time = 0;
      let chooses = false;
      let tail = 0;
      seen[first] = i;
      queue[tail++] = first;
      for (let head = 0; head < tail; head++) {
        const u = queue[head]!;
        inside[u] = 1;
        let from = u;
        if (blockAt[u]! >= 0) {
          time += runs > 0 ? (visits[u]! / runs) * elapsed[blockAt[u]!]! : 0;
          from = chains[blockAt[u]!]!.join;
          inside[from] = 1;
        } else {
          time += runs > 0 ? (visits[u]! / runs) * g.duration[u]! : 0;
          if (g.outStart[u + 1]! - g.outStart[u]! >= 2) chooses = true;
        }
        for (let k = g.outStart[from]!; k < g.outStart[from + 1]!; k++) {
          const w = g.outTarget[k]!;
          if (w !== join && seen[w] !== i) {
            seen[w] = i;
            queue[tail++] = w;
          }
        }
      }
      longest = Math.max(longest, time);
      if (chooses && branches.length >= 2) estimate = true;
    }
    elapsed[i] = longest;
  }
  let minutes = 0;
  let ended = 0;
  for (let u = 0; u < g.n; u++) {
    if (inside[u] === 1) continue;
    minutes += visits[u]! * (blockAt[u]! >= 0 ? elapsed[blockAt[u]!]! : g.duration[u]!);
    if (g.kind[u] === KIND_END) ended += visits[u]!;
  }
  if (Math.abs(ended - 1) > 1e-9) return null;
  return { minutes, estimate };
}
