import type { ProcessMap } from '../../model';

/** What the plain state-space search finds, by node and arrow id. */
export interface BruteForceFacts {
  /** False when the search stopped at its bound. */
  complete: boolean;
  /** Ids of nodes some case runs. */
  runs: Set<string>;
  /** Ids of arrows into a join whose token can wait forever. */
  waits: Set<string>;
  /** Ids of nodes (not joins, not ends) two tokens can stand before at once. */
  doubled: Set<string>;
  /** Ids of the arrows those tokens stand on. */
  doubledEdges: Set<string>;
}

type State = string[];

/** The token game of a map, by ids: its first states and every move from a state. */
function tokenGame(map: ProcessMap) {
  const nodes = new Map<string, string>();
  for (const n of map.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n.kind);
  const edges = map.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
  const ins = (id: string) => edges.filter((e) => e.target === id);
  const outs = (id: string) => edges.filter((e) => e.source === id);
  const targetOf = new Map(edges.map((e) => [e.id, e.target]));
  const isJoin = (id: string) => nodes.get(id) === 'parallel' && ins(id).length >= 2;
  const norm = (s: State) => [...s].sort();
  const keyOf = (s: State) => JSON.stringify(s);

  /** Every move from a state: [node that runs, next state]. */
  const moves = (s: State): [string, State][] => {
    const out: [string, State][] = [];
    const done = new Set<string>();
    for (const arrow of new Set(s)) {
      const v = targetOf.get(arrow)!;
      const without = (ids: string[]) => {
        const rest = [...s];
        for (const id of ids) rest.splice(rest.indexOf(id), 1);
        return rest;
      };
      if (isJoin(v)) {
        if (done.has(v)) continue;
        done.add(v);
        const need = [...new Set(ins(v).map((e) => e.id))];
        if (need.every((id) => s.includes(id))) {
          out.push([v, norm([...without(need), ...outs(v).map((e) => e.id)])]);
        }
      } else if (nodes.get(v) === 'end' && outs(v).length === 0) {
        out.push([v, norm(without([arrow]))]);
      } else if (nodes.get(v) === 'parallel') {
        out.push([v, norm([...without([arrow]), ...outs(v).map((e) => e.id)])]);
      } else {
        const o = outs(v);
        if (o.length === 0) out.push([v, s]); // the step runs; the token stays stuck
        for (const e of o) out.push([v, norm([...without([arrow]), e.id])]);
      }
    }
    return out;
  };
  /** A case begins with one token on one arrow out of one start. */
  const firstStates: State[] = [];
  const starts: string[] = [];
  for (const n of map.nodes) {
    if (n.kind !== 'start') continue;
    starts.push(n.id);
    for (const e of outs(n.id)) firstStates.push([e.id]);
  }
  return { nodes, ins, targetOf, isJoin, keyOf, moves, firstStates, starts };
}

/**
 * The token game of a map played out naively, for tests: every state is a sorted list of
 * arrow ids (a token per entry), kept as JSON; from every reachable state that has a token
 * before a join, a fresh forward search asks whether the join can still fire. Written from
 * the semantics alone, sharing no code with the analyzer. Only for small maps.
 */
export function bruteForceCases(map: ProcessMap, bound = 20_000): BruteForceFacts {
  const { nodes, ins, targetOf, isJoin, keyOf, moves, firstStates, starts } = tokenGame(map);
  const runs = new Set<string>(starts);
  const doubled = new Set<string>();
  const doubledEdges = new Set<string>();

  const seen = new Map<string, State>();
  const queue: State[] = [];
  for (const s of firstStates) {
    if (!seen.has(keyOf(s))) {
      seen.set(keyOf(s), s);
      queue.push(s);
    }
  }
  let complete = true;
  for (let i = 0; i < queue.length; i++) {
    if (seen.size > bound) {
      complete = false;
      break;
    }
    const s = queue[i]!;
    for (const [v, next] of moves(s)) {
      runs.add(v);
      if (!seen.has(keyOf(next))) {
        seen.set(keyOf(next), next);
        queue.push(next);
      }
    }
    for (const [id, kind] of nodes) {
      if (kind === 'end' || isJoin(id)) continue;
      const before = s.filter((a) => targetOf.get(a) === id);
      if (before.length >= 2) {
        doubled.add(id);
        for (const a of before) doubledEdges.add(a);
      }
    }
  }
  const waits = new Set<string>();
  if (!complete) return { complete, runs, waits, doubled, doubledEdges };

  /** True when, from state s, some sequence of moves lets join v fire. */
  const canFire = (s: State, v: string): boolean => {
    const need = [...new Set(ins(v).map((e) => e.id))];
    const local = new Set([keyOf(s)]);
    const todo = [s];
    while (todo.length > 0) {
      const t = todo.pop()!;
      if (need.every((id) => t.includes(id))) return true;
      for (const [, next] of moves(t)) {
        if (!local.has(keyOf(next))) {
          local.add(keyOf(next));
          todo.push(next);
        }
      }
    }
    return false;
  };
  for (const s of seen.values()) {
    for (const arrow of new Set(s)) {
      const v = targetOf.get(arrow)!;
      if (isJoin(v) && !waits.has(arrow) && !canFire(s, v)) waits.add(arrow);
    }
  }
  return { complete, runs, waits, doubled, doubledEdges };
}

/**
 * The steps every case that finishes runs, by the same naive game: a step is one when no
 * play that never runs it can reach the state with no token left. Null when some search
 * passed `bound` states, or when no case can finish (nothing to say then).
 */
export function bruteForceMustRun(map: ProcessMap, bound = 5_000): Set<string> | null {
  const { nodes, keyOf, moves, firstStates } = tokenGame(map);
  /** Whether some case finishes without running `avoid`; null past the bound. */
  const finishesWithout = (avoid: string | null): boolean | null => {
    const seen = new Set<string>();
    const todo: State[] = [];
    for (const s of firstStates) {
      if (!seen.has(keyOf(s))) {
        seen.add(keyOf(s));
        todo.push(s);
      }
    }
    while (todo.length > 0) {
      if (seen.size > bound) return null;
      const s = todo.pop()!;
      if (s.length === 0) return true;
      for (const [v, next] of moves(s)) {
        if (v === avoid || seen.has(keyOf(next))) continue;
        seen.add(keyOf(next));
        todo.push(next);
      }
    }
    return false;
  };
  if (finishesWithout(null) !== true) return null;
  const must = new Set<string>();
  for (const id of nodes.keys()) {
    const finishes = finishesWithout(id);
    if (finishes === null) return null;
    if (!finishes) must.add(id);
  }
  return must;
}
