import { useRef } from 'react';
import type { ReviewFinding } from '../review';
import { type AnalysisMarkers, useAnalysisMarkers } from '../store/AnalysisProvider';
import { sameMarkers } from './sameMarkers';

/**
 * The findings a step's or an arrow's marker shows, kept as the same list while what the
 * marker shows of them (rule, severity, message, in order) is unchanged. Each new analysis
 * report holds new lists; keeping the old one lets what is drawn from it stay as it is.
 * Markers follow the analysis at transition priority (useAnalysisMarkers).
 * @example const findings = useMarkerFindings((m) => m.byNode.get(id));
 */
export function useMarkerFindings(
  select: (markers: AnalysisMarkers) => readonly ReviewFinding[] | undefined,
): readonly ReviewFinding[] | undefined {
  const last = useRef<readonly ReviewFinding[] | undefined>(undefined);
  const next = select(useAnalysisMarkers());
  if (!sameMarkers(last.current, next)) last.current = next;
  return last.current;
}
