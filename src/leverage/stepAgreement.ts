import type { Person, Sla, StepNode } from '../model';

/**
 * The agreement a step works under: its doer's agreement with the step's own fields over it
 * (a step overrides only what differs); undefined when neither has one.
 * @example stepAgreement({ agreement: { turnaroundHours: 24 } }, { sla: { turnaroundHours: 4 } })?.turnaroundHours // 4
 */
export function stepAgreement(
  person: Pick<Person, 'agreement'> | undefined,
  step: Pick<StepNode, 'sla'>,
): Sla | undefined {
  const base = person?.agreement;
  const own = step.sla;
  if (base === undefined && own === undefined) return undefined;
  const out: Sla = { ...base };
  for (const [key, value] of Object.entries(own ?? {})) {
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}
