import { type FlowGraph, KIND_END, KIND_PARALLEL } from './buildFlowGraph';
import type { BranchChain } from './findSoundBlocks';
import { nextMarking } from './nextMarking';

/**
 * What every case of a map with parallel steps can do, found by playing the token game.
 *
 * Semantics (the map read as a workflow net): a case is a multiset of tokens on arrows. It
 * begins with one token on one arrow out of one start. A token on an arrow into a step that
 * is not a join moves on at once: a parallel split puts a token on every arrow out, an end
 * takes it away (an end with arrows out, a mistake said elsewhere, passes it on), any other step puts it on one arrow out of its choice. A join (a parallel
 * step with two or more arrows in) fires when every arrow in holds a token: it takes one from
 * each and puts one on every arrow out.
 */
export interface CaseFacts {
  /** False when the cases had more states than the bound: only what was seen is reported. */
  complete: boolean;
  /** How many distinct states (markings) were explored. */
  states: number;
  /** When not complete: the steps the tokens stood before where the search stopped. */
  stoppedAt: number[];
  /** 1 where some case runs the node (a token reaches a step that is not a join, or a join fires). */
  runs: Uint8Array;
  /** Per file edge: 1 when a token on this arrow into a join can be left waiting forever. */
  waits: Uint8Array;
  /** Per join with an arrow in that can wait forever: an arrow in that never got its token then. */
  missing: Map<number, number>;
  /**
   * Per node: 1 when two tokens of one case can stand before it at once (not joins, not ends
   * that take the token away; an end with arrows out passes both on, so it counts).
   */
  doubled: Uint8Array;
  /** Per file edge: 1 when it holds one of those tokens. */
  doubledEdge: Uint8Array;
  /**
   * Per join: 1 when some state holds two or more tokens on its arrows in (made a plain
   * merge, it would pass the case on more than once: the step after it would run twice).
   */
  crowded: Uint8Array;
  /** Parallel blocks whose own check had more states than its bound, as [split, join] pairs. */
  tooLarge: [number, number][];
  /** The parallel blocks told sound by their branches (see findSoundBlocks): none when the whole map was played. */
  chains: BranchChain[];
}

/** States explored on top of four per arrow before the check gives up on being exact. */
const BASE_BOUND = 50_000;
/** Tokens in one state beyond which a case is taken to grow without end (a split in a loop). */
const MAX_TOKENS = 64;

/** True when the map has a parallel step: only then can cases hold several tokens or wait. */
export function hasParallel(g: FlowGraph): boolean {
  for (let u = 0; u < g.n; u++) if (g.kind[u] === KIND_PARALLEL) return true;
  return false;
}

/** Growable list of 32-bit integers. */
class IntList {
  data = new Int32Array(64);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Explores every state a case can reach, up to `bound` states, and reads off which steps
 * run, which join arrows can wait forever (deadlock) and which steps can be reached by two
 * tokens at once (lack of synchronisation). A case that stays one token (no parallel split
 * on its way) has one state per arrow, so the states grow with the map, multiplying only
 * inside parallel blocks. With `jump` (per node: the join of a sound block that begins at this
 * split, or -1; see findSoundBlocks), a token before such a split moves straight onto the
 * join's arrows out, and the steps inside are left to the caller.
 * @example exploreCases(buildFlowGraph(map)).waits
 */
export function exploreCases(
  g: FlowGraph,
  bound = BASE_BOUND + 4 * g.edges.length,
  jump: Int32Array | null = null,
): CaseFacts {
  const e = g.edges.length;
  const runs = new Uint8Array(g.n);
  const waits = new Uint8Array(e);
  const doubled = new Uint8Array(g.n);
  const doubledEdge = new Uint8Array(e);
  const crowded = new Uint8Array(g.n);
  const missing = new Map<number, number>();
  const isJoin = new Uint8Array(g.n);
  let joins = 0;
  for (let v = 0; v < g.n; v++) {
    if (g.kind[v] === KIND_PARALLEL && g.inStart[v + 1]! - g.inStart[v]! >= 2) {
      isJoin[v] = 1;
      joins++;
    }
  }

  // States: single-token states by arrow, others by their sorted arrow list.
  const single = new Int32Array(e).fill(-1);
  const multi = new Map<string, number>();
  const markings: Int32Array[] = [];
  const from = new IntList();
  const to = new IntList();
  // (state, join) pairs: a token waits before the join; the join can fire.
  const waitState = new IntList();
  const waitJoin = new IntList();
  const fireState = new IntList();
  const fireJoin = new IntList();
  let complete = true;
  const stoppedAt: number[] = [];

  const intern = (m: Int32Array): number => {
    if (m.length === 1) {
      const j = m[0]!;
      if (single[j]! < 0) {
        single[j] = markings.length;
        markings.push(m);
      }
      return single[j]!;
    }
    const key = m.join(',');
    let id = multi.get(key);
    if (id === undefined) {
      id = markings.length;
      multi.set(key, id);
      markings.push(m);
    }
    return id;
  };

  for (let i = 0; i < g.starts.length; i++) {
    const s = g.starts[i]!;
    runs[s] = 1;
    for (let k = g.outStart[s]!; k < g.outStart[s + 1]!; k++) {
      intern(Int32Array.of(g.outEdge[k]!));
    }
  }

  const count = new Int32Array(e); // tokens per arrow in the state at hand
  const atNode = new Int32Array(g.n); // tokens before each node in the state at hand
  const seenJoin = new Int32Array(g.n).fill(-1);
  const successor = (i: number, m: Int32Array, drop: number[], add: ArrayLike<number>) => {
    from.push(i);
    to.push(intern(nextMarking(m, drop, add)));
  };

  // Tokens read over all states: a second bound, on the work rather than the states.
  let work = 0;
  for (let i = 0; i < markings.length; i++) {
    const m = markings[i]!;
    work += m.length;
    if (markings.length > bound || m.length > MAX_TOKENS || work > 8 * bound) {
      complete = false;
      for (let p = 0; p < m.length && stoppedAt.length < 3; p++) {
        const v = g.edgeTarget[m[p]!]!;
        if (!stoppedAt.includes(v)) stoppedAt.push(v);
      }
      break;
    }
    for (let p = 0; p < m.length; p++) {
      count[m[p]!]!++;
      atNode[g.edgeTarget[m[p]!]!]!++;
    }
    for (let p = 0; p < m.length; p++) {
      const j = m[p]!;
      if (p > 0 && m[p - 1] === j) continue; // one move per arrow, not per token on it
      const v = g.edgeTarget[j]!;
      if (isJoin[v] === 1) {
        if (seenJoin[v] === i) continue;
        seenJoin[v] = i;
        waitState.push(i);
        waitJoin.push(v);
        if (atNode[v]! >= 2) crowded[v] = 1;
        let enabled = true;
        for (let k = g.inStart[v]!; k < g.inStart[v + 1]! && enabled; k++) {
          enabled = count[g.inEdge[k]!]! > 0;
        }
        if (!enabled) continue;
        fireState.push(i);
        fireJoin.push(v);
        runs[v] = 1;
        // Leave out the first token on each arrow in (arrows into v: listed in m, sorted).
        const drop: number[] = [];
        for (let q = 0; q < m.length; q++) {
          const a = m[q]!;
          if (g.edgeTarget[a] === v && (q === 0 || m[q - 1] !== a)) drop.push(q);
        }
        successor(i, m, drop, g.outEdge.subarray(g.outStart[v]!, g.outStart[v + 1]!));
        continue;
      }
      runs[v] = 1;
      const kind = g.kind[v];
      const passesOn = kind !== KIND_END || g.outStart[v + 1] !== g.outStart[v];
      if (passesOn && atNode[v]! >= 2) {
        doubled[v] = 1;
        doubledEdge[j] = 1;
      }
      if (jump !== null && jump[v]! >= 0) {
        const j2 = jump[v]!;
        successor(i, m, [p], g.outEdge.subarray(g.outStart[j2]!, g.outStart[j2 + 1]!));
      } else if (!passesOn) {
        successor(i, m, [p], []);
      } else if (kind === KIND_PARALLEL) {
        successor(i, m, [p], g.outEdge.subarray(g.outStart[v]!, g.outStart[v + 1]!));
      } else {
        for (let k = g.outStart[v]!; k < g.outStart[v + 1]!; k++) {
          successor(i, m, [p], [g.outEdge[k]!]);
        }
      }
    }
    for (let p = 0; p < m.length; p++) {
      count[m[p]!] = 0;
      atNode[g.edgeTarget[m[p]!]!] = 0;
    }
  }
  if (complete && joins > 0) {
    findWaits(g, markings, from, to, waitState, waitJoin, fireState, fireJoin, waits, missing);
  }
  return {
    complete,
    states: markings.length,
    stoppedAt,
    runs,
    waits,
    missing,
    doubled,
    doubledEdge,
    crowded,
    tooLarge: [],
    chains: [],
  };
}

/**
 * Marks the join arrows whose token can wait forever: for each join, the states with a token
 * before it from which no sequence of moves makes it fire. Every state on the way from a
 * waiting state to one where the join fires still has that token (only the join takes it),
 * so the backward search from the firing states stays among the join's waiting states: each
 * (state, join) pair is visited once.
 */
function findWaits(
  g: FlowGraph,
  markings: Int32Array[],
  from: IntList,
  to: IntList,
  waitState: IntList,
  waitJoin: IntList,
  fireState: IntList,
  fireJoin: IntList,
  waits: Uint8Array,
  missing: Map<number, number>,
): void {
  const states = markings.length;
  // Reverse adjacency of the state graph (CSR).
  const predStart = new Int32Array(states + 1);
  for (let t = 0; t < to.length; t++) predStart[to.data[t]! + 1]!++;
  for (let s = 0; s < states; s++) predStart[s + 1]! += predStart[s]!;
  const pred = new Int32Array(to.length);
  const fill = predStart.slice(0, states);
  for (let t = 0; t < to.length; t++) pred[fill[to.data[t]!]!++] = from.data[t]!;

  // Group the waiting and firing states by join.
  const byJoin = (list: IntList, joinOf: IntList) => {
    const start = new Int32Array(g.n + 1);
    for (let k = 0; k < list.length; k++) start[joinOf.data[k]! + 1]!++;
    for (let v = 0; v < g.n; v++) start[v + 1]! += start[v]!;
    const items = new Int32Array(list.length);
    const at = start.slice(0, g.n);
    for (let k = 0; k < list.length; k++) items[at[joinOf.data[k]!]!++] = list.data[k]!;
    return { start, items };
  };
  const waiting = byJoin(waitState, waitJoin);
  const firing = byJoin(fireState, fireJoin);
  const stamp = new Int32Array(states).fill(-1); // join whose waiting states these are
  const good = new Int32Array(states).fill(-1); // join these states can still fire
  const queue = new Int32Array(states);
  const has = new Uint8Array(g.edges.length);
  for (let v = 0; v < g.n; v++) {
    const w0 = waiting.start[v]!;
    const w1 = waiting.start[v + 1]!;
    if (w0 === w1) continue;
    for (let k = w0; k < w1; k++) stamp[waiting.items[k]!] = v;
    let head = 0;
    let tail = 0;
    for (let k = firing.start[v]!; k < firing.start[v + 1]!; k++) {
      const s = firing.items[k]!;
      good[s] = v;
      queue[tail++] = s;
    }
    while (head < tail) {
      const s = queue[head++]!;
      for (let k = predStart[s]!; k < predStart[s + 1]!; k++) {
        const p = pred[k]!;
        if (stamp[p] === v && good[p] !== v) {
          good[p] = v;
          queue[tail++] = p;
        }
      }
    }
    for (let k = w0; k < w1; k++) {
      const s = waiting.items[k]!;
      if (good[s] === v) continue;
      const m = markings[s]!;
      for (let q = 0; q < m.length; q++) {
        if (g.edgeTarget[m[q]!] === v) {
          waits[m[q]!] = 1;
          has[m[q]!] = 1;
        }
      }
      if (!missing.has(v)) {
        for (let i = g.inStart[v]!; i < g.inStart[v + 1]!; i++) {
          if (has[g.inEdge[i]!] === 0) {
            missing.set(v, g.inEdge[i]!);
            break;
          }
        }
      }
      for (let q = 0; q < m.length; q++) has[m[q]!] = 0;
    }
  }
}
