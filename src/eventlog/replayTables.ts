import Papa from 'papaparse';
import type { ProcessMap } from '../model';
import type { Replay } from './replayTypes';

const minutes = (m: number | undefined) => (m === undefined || Number.isNaN(m) ? '' : m.toFixed(1));

/**
 * The replay's per-step table as CSV: step, cases, events, median and 90th-percentile
 * minutes, the map's own estimate beside them.
 * @example stepTableCsv(map, replay).split('\n')[0] // 'Step,Cases,Events,…'
 */
export function stepTableCsv(map: ProcessMap, replay: Replay): string {
  const rows = map.nodes
    .filter((n) => n.kind === 'action' || n.kind === 'decision')
    .map((n) => {
      const s = replay.steps.get(n.id);
      return [
        n.label,
        s?.cases ?? 0,
        s?.events ?? 0,
        minutes(s?.median),
        minutes(s?.p90),
        'durationMinutes' in n && n.durationMinutes !== undefined ? n.durationMinutes : '',
      ];
    });
  return Papa.unparse({
    fields: ['Step', 'Cases', 'Events', 'Median minutes', '90th percentile minutes', 'Map minutes'],
    data: rows,
  });
}

/**
 * The replay's per-person table as CSV: agreed turnaround, steps, on time, share, late
 * cases, and weeks the on-time bonus was earned.
 */
export function personTableCsv(replay: Replay): string {
  const rows = replay.agreements.map((a) => [
    a.name,
    a.turnaroundHours,
    a.steps,
    a.onTime,
    a.steps ? ((100 * a.onTime) / a.steps).toFixed(1) : '',
    a.lateCaseCount,
    `${a.weeks.filter((w) => w.earned).length} of ${a.weeks.length}`,
  ]);
  for (const p of replay.withoutAgreement) rows.push([p.name, '', p.steps, '', '', '', '']);
  return Papa.unparse({
    fields: [
      'Person',
      'Agreed turnaround (hours)',
      'Steps',
      'On time',
      'On-time %',
      'Late cases',
      'Bonus weeks',
    ],
    data: rows,
  });
}
