import type { ReviewFinding } from './types';

/** A stable key for a finding: its rule and the steps and arrows it is about. */
export function findingKey(finding: Pick<ReviewFinding, 'rule' | 'nodeIds' | 'edgeIds'>): string {
  return `${finding.rule}:${finding.nodeIds.join(',')}:${finding.edgeIds.join(',')}`;
}
