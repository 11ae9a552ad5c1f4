import { type FlowGraph, KIND_END, KIND_PARALLEL, KIND_START } from './buildFlowGraph';
import { nextMarking } from './nextMarking';
import { scratch } from './scratch';

/**
 * The parallel blocks of a map that can be checked on their own and then read as one step:
 * single-entry single-exit fragments (Vanhatalo, Völzer & Leymann's SESE fragments) that
 * begin at a parallel split and end at a parallel join, and that are sound on their own. A
 * block is sound when, from the split's firing, every case can always reach the join's
 * firing with nothing left behind, no step inside runs twice at once, and every step inside
 * can run. Such a block behaves, seen from outside, exactly like one step that passes the
 * case on once (the join's arrows out), so the rest of the map can be checked with it folded
 * away; the maps are free-choice, so this holds however many cases pass through.
 *
 * Blocks are found innermost first (splits in depth-first postorder), each folded before the
 * blocks around it are tried, so a block's own check sees its inner blocks as single steps
 * and its states stay few. A fragment is tried at most once, and the search stops trying
 * once it has read a few times the map's arrows, so the whole stays near-linear.
 */
export interface SoundBlocks {
  /** Per node: the join of the sound block that begins at this split, or -1. */
  jump: Int32Array;
  /** Sound blocks in the order found (inner before outer): their splits. */
  splits: number[];
  /** Per block (same order): the nodes folded away with it, apart from the split and the steps of inner blocks. */
  members: number[][];
  /** Per block: the joins inside it (its own and those of blocks not folded) that hold two tokens at once. */
  crowded: number[][];
  /** Fragments whose own check had more states than its bound, as [split, join] pairs. */
  tooLarge: [number, number][];
  /** The blocks told sound by their branches, each branch a path of its own (see BranchChain). */
  chains: BranchChain[];
  /** 1 for every node inside a folded block (not its split). */
  inside: Uint8Array;
  /** Case states explored in all blocks. */
  states: number;
  /** How many sound blocks were told by their branches alone, and how many by playing them. */
  byBranches: number;
  byPlay: number;
}

/**
 * A block told sound by its branches: every case runs each branch once, from its first step
 * to its last (whose one arrow enters the join), the branches never meeting. Read one branch
 * after the other, the block is a plain path, so what every case passes through in it can be
 * read as on a map without parallel steps (must-pass does).
 */
export interface BranchChain {
  split: number;
  join: number;
  /** Per branch that holds a step (an arrow straight from split to join holds none): [first step, last step]. */
  branches: [number, number][];
}

/** States one block's check may explore before the block counts as too large. */
export const BLOCK_BOUND = 20_000;
/** Tokens in one state beyond which a block is taken to grow without end. */
const MAX_TOKENS = 64;

const isJoinAt = (g: FlowGraph, v: number) =>
  g.kind[v] === KIND_PARALLEL && g.inStart[v + 1]! - g.inStart[v]! >= 2;

/** Parallel splits reachable from a start, in depth-first postorder (inner blocks first). */
function splitsInPostorder(g: FlowGraph): number[] {
  const seen = scratch.uint8(g.n);
  const stack = scratch.int32(g.n);
  const next = scratch.int32(g.n);
  const out: number[] = [];
  for (let i = 0; i < g.starts.length; i++) {
    const root = g.starts[i]!;
    if (seen[root] === 1) continue;
    seen[root] = 1;
    let top = 0;
    stack[0] = root;
    next[root] = g.outStart[root]!;
    while (top >= 0) {
      const u = stack[top]!;
      if (next[u]! < g.outStart[u + 1]!) {
        const w = g.outTarget[next[u]!++]!;
        if (seen[w] === 0) {
          seen[w] = 1;
          next[w] = g.outStart[w]!;
          stack[++top] = w;
        }
        continue;
      }
      top--;
      if (
        g.kind[u] === KIND_PARALLEL &&
        g.inStart[u + 1]! - g.inStart[u]! === 1 &&
        g.outStart[u + 1]! - g.outStart[u]! >= 2
      ) {
        out.push(u);
      }
    }
  }
  return out;
}

/**
 * Finds and checks the sound parallel blocks of `g`.
 * @example findSoundBlocks(buildFlowGraph(map)).splits.length
 */
export function findSoundBlocks(g: FlowGraph): SoundBlocks {
  const jump = scratch.int32(g.n).fill(-1);
  const inside = scratch.uint8(g.n);
  const result: SoundBlocks = {
    jump,
    splits: [],
    members: [],
    crowded: [],
    tooLarge: [],
    chains: [],
    inside,
    states: 0,
    byBranches: 0,
    byPlay: 0,
  };
  const stamp = scratch.int32(g.n).fill(-1);
  const queue = scratch.int32(g.n);
  const explorer = blockExplorer(g, jump);
  const splitOf = scratch.int32(g.n).fill(-1);
  const branches = branchReader(g, jump, splitOf);
  // Nodes and arrows read while outlining fragments: beyond this, no more are tried.
  let budget = 8 * (g.n + g.edges.length) + 1000;
  const splits = splitsInPostorder(g);
  for (let b = 0; b < splits.length && budget > 0; b++) {
    const s = splits[b]!;
    // Outline the fragment: everything reached from the split before a join, inner blocks
    // passed over. It must meet exactly one join, and hold no start, end or dead end.
    let head = 0;
    let tail = 0;
    let join = -1;
    let fine = true;
    const members: number[] = [];
    stamp[s] = s;
    const enqueue = (from: number) => {
      for (let k = g.outStart[from]!; k < g.outStart[from + 1]!; k++) {
        const w = g.outTarget[k]!;
        if (stamp[w] !== s) {
          stamp[w] = s;
          queue[tail++] = w;
        } else if (w === s) fine = false;
      }
      budget -= g.outStart[from + 1]! - g.outStart[from]! + 1;
    };
    enqueue(s);
    while (head < tail && fine && budget > 0) {
      const u = queue[head++]!;
      const kind = g.kind[u];
      if (kind === KIND_START || kind === KIND_END || g.outStart[u + 1] === g.outStart[u]) {
        fine = false;
      } else if (isJoinAt(g, u)) {
        if (join === -1) join = u;
        else fine = false;
      } else if (jump[u]! >= 0) {
        members.push(u);
        const j2 = jump[u]!;
        stamp[j2] = s;
        enqueue(j2);
      } else {
        members.push(u);
        enqueue(u);
      }
    }
    if (!fine || join === -1 || budget <= 0) continue;
    // Single entry: every arrow into the fragment (apart from the split's) comes from inside.
    members.push(join);
    for (let i = 0; i < members.length && fine; i++) {
      const u = members[i]!;
      for (let k = g.inStart[u]!; k < g.inStart[u + 1]!; k++) {
        if (stamp[g.inSource[k]!] !== s) {
          fine = false;
          break;
        }
      }
      budget -= g.inStart[u + 1]! - g.inStart[u]!;
    }
    if (!fine) continue;
    let verdict: 'sound' | 'unsound' | 'too large';
    const played = !branchesSound(branches, s, join);
    if (!played) {
      verdict = 'sound';
      result.byBranches++;
      result.chains.push({ split: s, join, branches: branches.ends });
      explorer.crowdedJoins = [join];
    } else {
      verdict = checkBlock(explorer, s, join, members.length);
      result.states += explorer.states;
    }
    if (verdict === 'too large') {
      result.tooLarge.push([s, join]);
      continue;
    }
    if (verdict === 'unsound') continue;
    if (played) result.byPlay++;
    jump[s] = join;
    splitOf[join] = s;
    for (const u of members) inside[u] = 1;
    result.splits.push(s);
    result.members.push(members);
    result.crowded.push(explorer.crowdedJoins);
  }
  return result;
}

/**
 * What playing the token game inside fragments needs, kept for every fragment of one
 * analysis, and what the last check found.
 *
 * An object literal and plain functions rather than a class, here and in BranchReader: an
 * instance's shape is reached by adding its fields one by one, and V8 holds such shapes
 * only while an instance lives, so after each full garbage collection between two analyses
 * the shape was made anew and the optimized code of the hot loops that read it was thrown
 * away (V8's "weak objects" deoptimization: 2 ms of a 10 ms analysis of a 10,000-step map).
 * A literal's shape is kept by the function that makes it.
 */
interface BlockExplorer {
  g: FlowGraph;
  jump: Int32Array;
  count: Int32Array;
  atNode: Int32Array;
  ran: Int32Array;
  round: number;
  /** States the last check explored. */
  states: number;
  /** The joins the last check saw hold two tokens at once. */
  crowdedJoins: number[];
}

function blockExplorer(g: FlowGraph, jump: Int32Array): BlockExplorer {
  return {
    g,
    jump,
    count: scratch.int32(g.edges.length),
    atNode: scratch.int32(g.n),
    ran: scratch.int32(g.n).fill(-1),
    round: 0,
    states: 0,
    crowdedJoins: [],
  };
}

/**
 * Plays the token game inside one fragment, from the split's firing to the join's, with the
 * sound blocks inside folded (a token before their split moves to their join's arrows out):
 * 'sound', 'unsound' (some case can go wrong or some step never runs), or 'too large'.
 */
function checkBlock(
  explorer: BlockExplorer,
  s: number,
  j: number,
  size: number,
): 'sound' | 'unsound' | 'too large' {
  const { g, jump, count, atNode, ran } = explorer;
  const round = ++explorer.round;
  explorer.crowdedJoins = [];
  const markings: Int32Array[] = [];
  const ids = new Map<string, number>();
  const from: number[] = [];
  const to: number[] = [];
  const finals: number[] = [];
  let ranCount = 0;
  const run = (v: number) => {
    if (ran[v] !== round) {
      ran[v] = round;
      ranCount++;
    }
  };
  const intern = (m: Int32Array): number => {
    const key = m.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      id = markings.length;
      ids.set(key, id);
      markings.push(m);
    }
    return id;
  };
  const successor = (i: number, m: Int32Array, drop: number[], add: ArrayLike<number>) => {
    from.push(i);
    to.push(intern(nextMarking(m, drop, add)));
  };
  const outs = (v: number) => g.outEdge.subarray(g.outStart[v]!, g.outStart[v + 1]!);
  intern(Int32Array.from(outs(s)).sort());
  let verdict: 'sound' | 'unsound' | 'too large' = 'sound';
  let crowdedSeen: Set<number> | null = null;
  for (let i = 0; i < markings.length && verdict === 'sound'; i++) {
    const m = markings[i]!;
    if (markings.length > BLOCK_BOUND || m.length > MAX_TOKENS) {
      verdict = 'too large';
      break;
    }
    for (let p = 0; p < m.length; p++) {
      count[m[p]!]!++;
      atNode[g.edgeTarget[m[p]!]!]!++;
    }
    for (let p = 0; p < m.length && verdict === 'sound'; p++) {
      const a = m[p]!;
      if (p > 0 && m[p - 1] === a) continue;
      const v = g.edgeTarget[a]!;
      if (isJoinAt(g, v)) {
        if (atNode[v]! >= 2 && !crowdedSeen?.has(v)) {
          crowdedSeen ??= new Set();
          crowdedSeen.add(v);
          explorer.crowdedJoins.push(v);
        }
        let enabled = true;
        for (let k = g.inStart[v]!; k < g.inStart[v + 1]! && enabled; k++) {
          enabled = count[g.inEdge[k]!]! > 0;
        }
        // Each arrow in: the first of its tokens in m (m is sorted).
        const drop: number[] = [];
        if (enabled) {
          for (let q = 0; q < m.length; q++) {
            const b = m[q]!;
            if (g.edgeTarget[b] === v && (q === 0 || m[q - 1] !== b)) drop.push(q);
          }
        }
        if (!enabled) continue;
        run(v);
        if (v === j) {
          // The block's end: the case leaves it, and nothing may stay behind.
          if (drop.length !== m.length) verdict = 'unsound';
          else finals.push(i);
          continue;
        }
        successor(i, m, drop, outs(v));
        continue;
      }
      run(v);
      // Two tokens of one case before one step: it would run twice.
      if (atNode[v]! >= 2) {
        verdict = 'unsound';
        break;
      }
      if (jump[v]! >= 0) successor(i, m, [p], outs(jump[v]!));
      else if (g.kind[v] === KIND_PARALLEL) successor(i, m, [p], outs(v));
      else
        for (let k = g.outStart[v]!; k < g.outStart[v + 1]!; k++)
          successor(i, m, [p], [g.outEdge[k]!]);
    }
    for (let p = 0; p < m.length; p++) {
      count[m[p]!] = 0;
      atNode[g.edgeTarget[m[p]!]!] = 0;
    }
  }
  explorer.states = markings.length;
  if (verdict !== 'sound') return verdict;
  // Every step inside runs in some case.
  if (ranCount !== size) return 'unsound';
  // Every state can still end the block: search back from the states where the join fires.
  const states = markings.length;
  const predStart = new Int32Array(states + 1);
  for (let t = 0; t < to.length; t++) predStart[to[t]! + 1]!++;
  for (let x = 0; x < states; x++) predStart[x + 1]! += predStart[x]!;
  const pred = new Int32Array(to.length);
  const fill = predStart.slice(0, states);
  for (let t = 0; t < to.length; t++) pred[fill[to[t]!]!++] = from[t]!;
  const good = new Uint8Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (const f of finals) {
    if (good[f] === 0) {
      good[f] = 1;
      queue[tail++] = f;
    }
  }
  for (let head = 0; head < tail; head++) {
    const x = queue[head]!;
    for (let k = predStart[x]!; k < predStart[x + 1]!; k++) {
      const y = pred[k]!;
      if (good[y] === 0) {
        good[y] = 1;
        queue[tail++] = y;
      }
    }
  }
  return tail === states ? 'sound' : 'unsound';
}

/**
 * The common sound block, told without playing it: its branches (one per arrow out of the
 * split) are separate single-token paths, with no parallel step of their own apart from
 * folded blocks, each entering the join by exactly one arrow, and every step of a branch can
 * still reach that arrow. One token per branch then never meets another, can always go on to
 * the join, and the join fires once with nothing left behind.
 */
interface BranchReader {
  g: FlowGraph;
  jump: Int32Array;
  splitOf: Int32Array;
  /** Per node: the branch that reached it (branches numbered across all blocks), or -1. */
  owner: Int32Array;
  back: Int32Array;
  queue: Int32Array;
  /** The number the next block's first branch gets. */
  next: number;
  /** The last block read: per branch that holds a step, its first step and its last. */
  ends: [number, number][];
}

function branchReader(g: FlowGraph, jump: Int32Array, splitOf: Int32Array): BranchReader {
  return {
    g,
    jump,
    splitOf,
    owner: scratch.int32(g.n).fill(-1),
    back: scratch.int32(g.n).fill(-1),
    queue: scratch.int32(g.n),
    next: 0,
    ends: [],
  };
}

/** Whether the block from split `s` to join `j` is sound by its branches alone (see BranchReader). */
function branchesSound(r: BranchReader, s: number, j: number): boolean {
  const { g, jump, splitOf, owner, back, queue } = r;
  const first = r.next; // this block's branches are numbered first, first + 1, ...
  r.next += g.outStart[s + 1]! - g.outStart[s]!;
  const next = r.next;
  const shared = (w: number) => owner[w]! >= first && owner[w]! < next;
  const ends: [number, number][] = [];
  r.ends = ends;
  for (let k = g.outStart[s]!; k < g.outStart[s + 1]!; k++) {
    const branch = first + k - g.outStart[s]!;
    const t = g.outTarget[k]!;
    if (t === j) continue; // an empty branch: the arrow itself is its way into the join
    if (shared(t)) return false; // two branches meet: two tokens before one step
    let arrowsIn = 0;
    let last = -1; // the step whose arrow enters the join
    let head = 0;
    let tail = 0;
    owner[t] = branch;
    queue[tail++] = t;
    while (head < tail) {
      const u = queue[head++]!;
      if (g.kind[u] === KIND_PARALLEL && jump[u]! < 0) return false;
      const from = jump[u]! >= 0 ? jump[u]! : u;
      if (from !== u) owner[from] = branch;
      for (let q = g.outStart[from]!; q < g.outStart[from + 1]!; q++) {
        const w = g.outTarget[q]!;
        if (w === j) {
          arrowsIn++;
          last = from;
        } else if (owner[w] !== branch) {
          if (shared(w)) return false;
          owner[w] = branch;
          queue[tail++] = w;
        }
      }
    }
    if (arrowsIn !== 1) return false;
    // Every step of the branch can still reach the join: search back from `last`.
    let reached = 0;
    let bh = 0;
    let bt = 0;
    const start = splitOf[last]! >= 0 ? splitOf[last]! : last;
    back[start] = branch;
    queue[bt++] = start;
    while (bh < bt) {
      const u = queue[bh++]!;
      reached++;
      for (let q = g.inStart[u]!; q < g.inStart[u + 1]!; q++) {
        let w = g.inSource[q]!;
        if (splitOf[w]! >= 0 && owner[w] === branch) w = splitOf[w]!;
        if (owner[w] === branch && back[w] !== branch) {
          back[w] = branch;
          queue[bt++] = w;
        }
      }
    }
    if (reached !== tail) return false;
    ends.push([t, last]);
  }
  return true;
}
