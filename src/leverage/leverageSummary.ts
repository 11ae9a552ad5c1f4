import type { AnalysisReport } from '../analyzer';
import type { ProcessMap } from '../model';
import { computeLeverage } from './computeLeverage';
import type { Leverage } from './types';

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The leverage figures of a map as plain JSON data, for the `leverage` key of an export. */
export interface LeverageSummary {
  currency: string;
  targetHourlyRate: number;
  casesPerWeek: number;
  costPerCase: number;
  ownerId: string | null;
  owner: {
    productiveHoursPerWeek: number;
    nonProductiveHoursPerWeek: number;
    unmarkedHoursPerWeek: number;
  };
  people: {
    personId: string | null;
    name: string;
    role: string;
    hoursPerWeek: number;
    availableHoursPerWeek: number;
    utilisation: number | null;
    oneTimeHours: number;
  }[];
  handOffCandidates: { nodeId: string; hoursPerWeek: number; worthPerWeek: number }[];
  steps: {
    nodeId: string;
    doerId: string | null;
    cadence: 'routine' | 'one-time';
    visitsPerCase: number;
    hoursPerWeek: number;
    costPerCase: number;
    oneTimeHours: number;
    oneTimeCost: number;
  }[];
  notes: string[];
}

/**
 * The leverage figures, rounded to cents and hundredths of an hour, as plain data (no
 * typed arrays, no undefined) for the JSON export's `leverage` key. Figures are derived:
 * the export writes them for people to read; loading a map ignores them.
 * @example JSON.stringify({ ...map, leverage: leverageSummary(map) })
 */
export function leverageSummary(
  map: ProcessMap,
  report?: Pick<AnalysisReport, 'metrics'>,
  leverage: Leverage = computeLeverage(map, report),
): LeverageSummary {
  return {
    currency: leverage.currency,
    targetHourlyRate: leverage.targetHourlyRate,
    casesPerWeek: leverage.casesPerWeek,
    costPerCase: r2(leverage.costPerCase),
    ownerId: leverage.ownerId,
    owner: {
      productiveHoursPerWeek: r2(leverage.owner.productiveHoursPerWeek),
      nonProductiveHoursPerWeek: r2(leverage.owner.nonProductiveHoursPerWeek),
      unmarkedHoursPerWeek: r2(leverage.owner.unmarkedHoursPerWeek),
    },
    people: leverage.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      role: p.role,
      hoursPerWeek: r2(p.hoursPerWeek),
      availableHoursPerWeek: p.availableHoursPerWeek,
      utilisation: p.utilisation === null ? null : Math.round(p.utilisation * 1000) / 1000,
      oneTimeHours: r2(p.oneTimeHours),
    })),
    handOffCandidates: leverage.handOffCandidates.map((c) => ({
      nodeId: c.nodeId,
      hoursPerWeek: r2(c.hoursPerWeek),
      worthPerWeek: r2(c.worthPerWeek),
    })),
    steps: leverage.steps.map((s) => ({
      nodeId: s.nodeId,
      doerId: s.doerId,
      cadence: s.cadence,
      visitsPerCase: Math.round(s.visitsPerCase * 10_000) / 10_000,
      hoursPerWeek: r2(s.hoursPerWeek),
      costPerCase: r2(s.costPerCase),
      oneTimeHours: r2(s.oneTimeHours),
      oneTimeCost: r2(s.oneTimeCost),
    })),
    notes: [
      'Derived figures: Leverflow ignores this key when it loads a map.',
      ...(leverage.visitsNote ? [leverage.visitsNote] : []),
    ],
  };
}
