import { formatMinutes } from '../eventlog/formatMinutes';
import { useLog } from '../store/LogStoreContext';

/**
 * What the event log says about a step, drawn under its label: in the frequency view how
 * many cases ran it, in the time view its median and 90th-percentile time. The three
 * slowest steps are tinted (the slowest most) in the time view.
 */
export function LogBadge({ id }: { id: string }) {
  const text = useLog((s) => {
    const step = s.view === 'off' ? undefined : s.replay?.steps.get(id);
    if (!step) return null;
    if (s.view === 'frequency')
      return `${step.cases.toLocaleString('en-US')} ${step.cases === 1 ? 'case' : 'cases'}`;
    return `median ${formatMinutes(step.median)} · p90 ${formatMinutes(step.p90)}`;
  });
  const slow = useLog((s) => (s.view === 'time' ? s.slowest.get(id) : undefined));
  if (text === null) return null;
  return (
    <>
      {slow !== undefined && (
        <div className={`lf-log-slow lf-log-slow--${slow}`} aria-hidden="true" />
      )}
      <div className="lf-log-badge" data-slow={slow}>
        {text}
      </div>
    </>
  );
}

/** An arrow's count (frequency view) or median wait (time view), and its stroke width. */
export function useArrowLog(id: string): { text: string | null; width: number | null } {
  const text = useLog((s) => {
    const arrow = s.view === 'off' ? undefined : s.replay?.arrows.get(id);
    if (!arrow) return null;
    if (s.view === 'frequency') return arrow.count.toLocaleString('en-US');
    return Number.isFinite(arrow.medianWait) ? `waits ${formatMinutes(arrow.medianWait)}` : null;
  });
  const width = useLog((s) => {
    if (s.view !== 'frequency' || !s.replay) return null;
    const count = s.replay.arrows.get(id)?.count ?? 0;
    return 2 + (14 * count) / s.busiest;
  });
  return { text, width };
}
