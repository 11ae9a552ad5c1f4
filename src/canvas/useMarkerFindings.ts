import { useRef } from 'react';
import type { ReviewFinding } from '../review';
import { useAnalysis } from '../store/AnalysisProvider';
import type { AnalysisState } from '../store/createAnalysisStore';
import { sameMarkers } from './sameMarkers';

/**
 * The findings a step's or an arrow's marker shows, kept as the same list while what the
 * marker shows of them (rule, severity, message, in order) is unchanged. Each new analysis
 * report holds new lists, so without this every step with a finding would draw again each
 * time the map is analyzed (a thousand steps after a Tidy up), though none of them changed.
 * @example const findings = useMarkerFindings((s) => s.byNode.get(id));
 */
export function useMarkerFindings(
  select: (state: AnalysisState) => readonly ReviewFinding[] | undefined,
): readonly ReviewFinding[] | undefined {
  const last = useRef<readonly ReviewFinding[] | undefined>(undefined);
  return useAnalysis((state) => {
    const next = select(state);
    if (!sameMarkers(last.current, next)) last.current = next;
    return last.current;
  });
}
