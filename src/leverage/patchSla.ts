import type { Sla } from '../model';

/**
 * A service agreement with some fields changed; a field set to undefined is removed. Every
 * field is optional (a step's agreement overrides only what differs from its doer's).
 * @example patchSla({ turnaroundHours: 8, metric: 'typos' }, { metric: undefined }) // { turnaroundHours: 8 }
 */
export function patchSla(sla: Sla | undefined, patch: Partial<Sla>): Sla {
  const merged: Record<string, unknown> = { ...sla, ...patch };
  const out: Sla = {};
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}
