import type { MapEdit } from '../model';
import type { FlowGraph } from './buildFlowGraph';
import { chooseBranchLabels, labelKey } from './chooseBranchLabels';

/** What it takes for arrows to be the branches of one decision. */
export interface BranchEdits {
  /** A label for each arrow (file index) that has none, or one an earlier arrow already uses. */
  labels: Map<number, string>;
  /** Edits that clear the arrows' chances when they add up to more than 100%, else none. */
  clearChances: MapEdit[];
  /** The sum of the chances given, in percent (when they are cleared). */
  chancePercent: number;
}

/**
 * Labels and chances for arrows that become the branches of a decision, so that the decision
 * has no unlabelled or repeated branch label and no chances above 100%. `reserved` labels are
 * taken by branches the caller adds.
 * @example branchEdits(g, [3, 4], []).labels // Map { 3 => 'Yes', 4 => 'No' }
 */
export function branchEdits(
  g: FlowGraph,
  arrows: readonly number[],
  reserved: readonly string[],
  total = arrows.length + reserved.length,
): BranchEdits {
  const used = new Set(reserved.map(labelKey));
  const relabel: number[] = [];
  let sum = 0;
  for (const j of arrows) {
    const key = labelKey(g.edges[j]!.label);
    if (key === '' || used.has(key)) relabel.push(j);
    else used.add(key);
    if (g.hasChance[j] === 1) sum += g.chance[j]!;
  }
  const chosen = chooseBranchLabels(used, relabel.length, total);
  const labels = new Map<number, string>();
  for (let i = 0; i < relabel.length; i++) labels.set(relabel[i]!, chosen[i]!);
  const clearChances: MapEdit[] = [];
  if (sum > 1 + 1e-9) {
    for (const j of arrows) {
      if (g.hasChance[j] === 1) {
        clearChances.push({ type: 'setProbability', edgeId: g.edgeIds[j]!, probability: null });
      }
    }
  }
  return { labels, clearChances, chancePercent: Math.round(sum * 100) };
}

/** ", and clear its chances (they add up to 180%)" when the chances are cleared, else "". */
export function clearedChancesNote(edits: BranchEdits): string {
  return edits.clearChances.length > 0
    ? `, and clear its chances (they add up to ${edits.chancePercent}%)`
    : '';
}
