import { useMemo } from 'react';
import { countOf } from '../../eventlog/countOf';
import { formatMinutes } from '../../eventlog/formatMinutes';
import { histogram } from '../../eventlog/histogram';
import { quantileSorted } from '../../eventlog/quantile';

const W = 300;
const H = 120;
const PAD = 18;

/**
 * Case lead times (first event to last, finished cases) as a histogram, with the median,
 * the 90th percentile, the map's target turnaround and the map's own estimate marked.
 */
export function LeadTimeHistogram({
  leadTimes,
  targetMinutes,
  estimateMinutes,
}: {
  /** Sorted ascending. */
  leadTimes: Float64Array;
  targetMinutes: number | undefined;
  estimateMinutes: number | null;
}) {
  // Counted once per replay, not on every render of the Log tab (100,000 cases: tens of ms).
  const counted = useMemo(
    () => (leadTimes.length === 0 ? null : histogram(leadTimes, 24)),
    [leadTimes],
  );
  const within = useMemo(
    () => (targetMinutes === undefined ? null : leadTimes.filter((t) => t <= targetMinutes).length),
    [leadTimes, targetMinutes],
  );
  if (!counted) return <p>No case reached an end: no lead times to show.</p>;
  const median = quantileSorted(leadTimes, 0.5);
  const p90 = quantileSorted(leadTimes, 0.9);
  const { bins, max } = counted;
  const top = Math.max(...bins.map((b) => b.count));
  const x = (minutes: number) => PAD + ((W - 2 * PAD) * Math.min(minutes, max)) / max;
  const barW = (W - 2 * PAD) / bins.length;
  const marks = [
    { at: median, name: 'median', className: 'is-median' },
    { at: p90, name: 'p90', className: 'is-p90' },
    ...(targetMinutes === undefined
      ? []
      : [{ at: targetMinutes, name: 'target', className: 'is-target' }]),
  ];
  return (
    <figure className="lf-log-histogram">
      <svg
        viewBox={`0 0 ${W} ${H + 16}`}
        role="img"
        aria-label={`Lead time histogram: ${countOf(leadTimes.length, 'case')}, median ${formatMinutes(median)}, 90th percentile ${formatMinutes(p90)}`}
      >
        {bins.map((b, i) => {
          const h = top ? ((H - PAD) * b.count) / top : 0;
          return (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed bins
              key={i}
              x={PAD + i * barW + 1}
              y={H - h}
              width={Math.max(1, barW - 2)}
              height={h}
              className="lf-log-histogram__bar"
            >
              <title>{`${formatMinutes(b.from)}–${formatMinutes(b.to)}: ${countOf(b.count, 'case')}`}</title>
            </rect>
          );
        })}
        <line x1={PAD} x2={W - PAD} y1={H} y2={H} className="lf-log-histogram__axis" />
        <text x={PAD} y={H + 13} className="lf-log-histogram__tick">
          0
        </text>
        <text x={W - PAD} y={H + 13} textAnchor="end" className="lf-log-histogram__tick">
          {formatMinutes(max)}
        </text>
        {marks.map((m) => (
          <g key={m.name} className={`lf-log-histogram__mark ${m.className}`}>
            <line x1={x(m.at)} x2={x(m.at)} y1={PAD - 6} y2={H} />
            <text x={x(m.at) + 2} y={m.name === 'p90' ? PAD + 4 : PAD - 8}>
              {m.name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <dl className="lf-log-figures">
          <dt>Observed median</dt>
          <dd>{formatMinutes(median)}</dd>
          <dt>Observed 90th percentile</dt>
          <dd>{formatMinutes(p90)}</dd>
          <dt>Estimated from the map</dt>
          <dd>
            {estimateMinutes === null
              ? 'not available'
              : `${formatMinutes(estimateMinutes)} (work time, no waiting)`}
          </dd>
          <dt>Target turnaround</dt>
          <dd>
            {targetMinutes === undefined || within === null
              ? 'none set (Leverage tab)'
              : `${formatMinutes(targetMinutes)}: ${Math.round((100 * within) / leadTimes.length)}% of cases within it`}
          </dd>
        </dl>
      </figcaption>
    </figure>
  );
}
