import type { AnalysisReport } from '../analyzer';
import type { ProcessMap } from '../model';
import { computeLeverage } from './computeLeverage';
import { stepAgreement } from './stepAgreement';
import type { Leverage, RateSource } from './types';

const RATE_USED: Record<RateSource, string> = {
  step: "step's own rate",
  person: 'rate of the person it would go to',
  default: "map's default",
  doer: "doer's hourly cost",
};

/**
 * One CSV cell: text starting with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe so spreadsheets do not run it as a formula; cells with a comma, quote or line
 * break are quoted, quotes doubled (RFC 4180). Numbers are written as they are.
 * @example csvCell('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(round(value)) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

const HEADER = [
  'id',
  'label',
  'kind',
  'done by',
  'role',
  'cadence',
  'work type',
  'duration (minutes)',
  'visits per case',
  'hours per week',
  'one-time hours',
  'hourly cost',
  'cost per case',
  'one-time cost',
  'hand-off rate',
  'rate used',
  'hand-off worth per week',
  'SLA turnaround (hours)',
];

/**
 * The steps with their figures as CSV (header row, CRLF line ends), for a spreadsheet.
 * @example stepsCsv(exampleMap()).split('\r\n')[0] // 'id,label,kind,done by,...'
 */
export function stepsCsv(
  map: ProcessMap,
  report?: Pick<AnalysisReport, 'metrics'>,
  leverage: Leverage = computeLeverage(map, report),
): string {
  const names = new Map(map.people.map((p) => [p.id, p.name] as const));
  const worth = new Map(leverage.handOffCandidates.map((c) => [c.nodeId, c.worthPerWeek]));
  const personOf = new Map(map.people.map((p) => [p.id, p] as const));
  const sla = new Map(
    map.nodes.flatMap((n) => {
      if (n.kind !== 'action' && n.kind !== 'decision') return [];
      const agreed = stepAgreement(
        n.ownerId === undefined ? undefined : personOf.get(n.ownerId),
        n,
      );
      return agreed ? [[n.id, agreed] as const] : [];
    }),
  );
  const rows = [HEADER.map(csvCell).join(',')];
  for (const s of leverage.steps) {
    rows.push(
      [
        s.nodeId,
        s.label,
        s.kind,
        s.doerId === null ? 'Owner' : (names.get(s.doerId) ?? s.doerId),
        s.doerRole,
        s.cadence,
        s.workType,
        s.durationMinutes,
        s.visitsPerCase,
        s.hoursPerWeek,
        s.oneTimeHours,
        s.hourlyCost,
        s.costPerCase,
        s.oneTimeCost,
        s.outside ? undefined : s.handOffRate,
        s.outside ? 'outside party' : RATE_USED[s.rateSource],
        worth.get(s.nodeId),
        sla.get(s.nodeId)?.turnaroundHours,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
