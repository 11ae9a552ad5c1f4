import type { Severity } from '../analyzer';
import type { ReviewFinding } from '../review';

const SYMBOL: Record<Severity, string> = { error: '!', warning: '!', info: 'i' };

/**
 * The marker on a step with findings, coloured by the worst one; hovering the step or
 * focusing it shows every finding about it.
 */
export function FindingMarker({
  findings,
  severity,
}: {
  findings: readonly ReviewFinding[];
  severity: Severity;
}) {
  return (
    <>
      <span className={`lf-marker lf-sev-${severity}`} aria-hidden="true">
        {SYMBOL[severity]}
      </span>
      <div className="lf-node__findings" role="tooltip">
        {findings.map((f) => (
          <p
            key={`${f.rule}:${f.nodeIds.join()}:${f.edgeIds.join()}`}
            className={`lf-sev-text-${f.severity}`}
          >
            {f.message}
          </p>
        ))}
      </div>
    </>
  );
}
