import type { Sla } from '../model';
import { DEFAULT_SLA_HOURS } from './leverageFindings';

/**
 * A step's service agreement with some fields changed; a field set to undefined is removed.
 * With no agreement yet, it starts at {@link DEFAULT_SLA_HOURS}.
 * @example patchSla({ turnaroundHours: 8, metric: 'typos' }, { metric: undefined }) // { turnaroundHours: 8 }
 */
export function patchSla(sla: Sla | undefined, patch: Partial<Sla>): Sla {
  const merged = { ...sla, ...patch };
  const out: Sla = { turnaroundHours: merged.turnaroundHours ?? DEFAULT_SLA_HOURS };
  if (merged.metric !== undefined) out.metric = merged.metric;
  if (merged.minimumLevel !== undefined) out.minimumLevel = merged.minimumLevel;
  if (merged.onTimeBonusPercent !== undefined) out.onTimeBonusPercent = merged.onTimeBonusPercent;
  if (merged.escalateTo !== undefined) out.escalateTo = merged.escalateTo;
  return out;
}
