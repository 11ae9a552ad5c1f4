import type { Severity } from '../analyzer';
import type { ProcessMap } from '../model';
import { findingKey } from './findingKey';
import { reviewMap } from './reviewMap';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The worst severity of the findings about each step, leaving out findings marked as
 * intended: what the canvas's markers show, for pictures of the map.
 * @example stepSeverities(map).get('pack') // 'warning'
 */
export function stepSeverities(map: ProcessMap): Map<string, Severity> {
  const accepted = new Set(map.acceptedFindings.map((f) => f.key));
  const worst = new Map<string, Severity>();
  for (const finding of reviewMap(map).findings) {
    if (accepted.size > 0 && accepted.has(findingKey(finding))) continue;
    for (const id of finding.nodeIds) {
      const had = worst.get(id);
      if (had === undefined || RANK[finding.severity] > RANK[had]) worst.set(id, finding.severity);
    }
  }
  return worst;
}
