import type { Finding, Severity } from '../analyzer';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The most serious severity among some findings. */
export function worstSeverity(
  findings: readonly Pick<Finding, 'severity'>[],
): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}
