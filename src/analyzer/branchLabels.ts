import type { AnalysisContext } from './AnalysisContext';
import { labelKey } from './chooseBranchLabels';

/**
 * True when `a` and `b` have the same length and match ignoring case, as
 * `a.length === b.length && a.toLowerCase() === b.toLowerCase()`: ASCII letters are folded
 * here, without making new strings; anything else that differs goes to toLowerCase(). Read
 * from the end: branch labels often differ only there ("Route 1", "Route 2").
 * @example sameIgnoringCase('Yes', 'YES') // true
 */
export function sameIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 128 || y >= 128) return a.toLowerCase() === b.toLowerCase();
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

/**
 * True when every branch out of a decision has a label and no two labels match (trimmed,
 * ignoring case): the usual case, checked without building sets, maps or strings.
 */
export function branchesLookFine(ctx: AnalysisContext, from: number, to: number): boolean {
  const { g } = ctx;
  if (to - from > 8) return false;
  const labels = SEEN;
  for (let a = from; a < to; a++) {
    const la = (g.edges[g.outEdge[a]!]!.label ?? '').trim();
    if (la === '') return false;
    for (let b = 0; b < a - from; b++) if (sameIgnoringCase(la, labels[b]!)) return false;
    labels[a - from] = la;
  }
  return true;
}

/** The trimmed labels branchesLookFine has read so far, reused from call to call. */
const SEEN: string[] = ['', '', '', '', '', '', '', ''];

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
