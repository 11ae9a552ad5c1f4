import type { AnalysisContext } from './AnalysisContext';
import { labelKey } from './chooseBranchLabels';

/**
 * True when every branch out of a decision has a label and no two labels match (trimmed,
 * ignoring case): the usual case, checked without building sets or maps.
 */
export function branchesLookFine(ctx: AnalysisContext, from: number, to: number): boolean {
  const { g } = ctx;
  if (to - from > 8) return false;
  for (let a = from; a < to; a++) {
    const la = (g.edges[g.outEdge[a]!]!.label ?? '').trim();
    if (la === '') return false;
    for (let b = from; b < a; b++) {
      const lb = (g.edges[g.outEdge[b]!]!.label ?? '').trim();
      if (la.length === lb.length && la.toLowerCase() === lb.toLowerCase()) return false;
    }
  }
  return true;
}

/** The branches out of a decision by label: the labels used, the unlabelled, the groups. */
export function branchLabels(ctx: AnalysisContext, from: number, to: number) {
  const { g } = ctx;
  const used = new Set<string>();
  const unlabeled: number[] = [];
  const groups = new Map<string, number[]>();
  for (let k = from; k < to; k++) {
    const j = g.outEdge[k]!;
    const key = labelKey(g.edges[j]!.label);
    if (key === '') {
      unlabeled.push(j);
      continue;
    }
    used.add(key);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [j]);
    else group.push(j);
  }
  return { used, unlabeled, groups };
}

/**
 * The branches out of decision `u` when they need a look: two or more, and some unlabelled
 * or repeated; null otherwise (fewer than two is the decision-branches rule's).
 */
export function branchesToCheck(ctx: AnalysisContext, u: number) {
  const { g } = ctx;
  const from = g.outStart[u]!;
  const to = g.outStart[u + 1]!;
  if (to - from < 2 || branchesLookFine(ctx, from, to)) return null;
  return { from, to, ...branchLabels(ctx, from, to) };
}
