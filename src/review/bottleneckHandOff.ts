import type { Suggestion } from '../analyzer';
import { formatHours, formatMoney } from '../leverage/format';
import type { Person, ProcessMap, StepNode } from '../model';

/** Said when the step goes to an outsourcer with no service agreement yet. */
const AGREE = ', then agree its turnaround and quality with them';

/**
 * The bottleneck's first choice, beside shortening and splitting it: hand it off, with the
 * hours a week it frees. Offered when the step is the owner's (or no one's) and is not
 * productive work (that is the owner's to keep): to the first outsourcer, else the first
 * staff member, else to a new helper at the map's default hand-off rate. null otherwise.
 * @example bottleneckHandOff(map, step, 1)?.title // "Hand 'Hold call' to Maria (frees 1.5 h a week…)"
 */
export function bottleneckHandOff(
  map: ProcessMap,
  step: StepNode,
  visitsPerCase: number,
): Suggestion | null {
  if (step.workType === 'productive') return null;
  const doer =
    step.ownerId === undefined ? undefined : map.people.find((p) => p.id === step.ownerId);
  if (doer !== undefined && doer.role !== 'owner') return null;
  const duration = step.durationMinutes ?? 0;
  if (!(duration > 0)) return null;
  const hours =
    step.cadence === 'one-time'
      ? duration / 60
      : (visitsPerCase * duration * map.settings.casesPerWeek) / 60;
  const frees =
    step.cadence === 'one-time'
      ? `frees ${formatHours(hours)} once`
      : `frees ${formatHours(hours)} a week`;
  const label = step.label.trim() === '' ? 'this unnamed step' : `'${step.label.trim()}'`;
  const to =
    map.people.find((p) => p.role === 'outsourcer') ?? map.people.find((p) => p.role === 'staff');
  if (to !== undefined) {
    const agreed = step.sla !== undefined || to.agreement !== undefined;
    const agree = to.role === 'outsourcer' && !agreed ? AGREE : '';
    return {
      title: `Hand ${label} to ${to.name} (${frees} of your time)${agree}`,
      edits: [{ type: 'updateStep', nodeId: step.id, patch: { ownerId: to.id } }],
    };
  }
  const taken = new Set(map.people.map((p) => p.id));
  let id = 'helper';
  for (let i = 2; taken.has(id); i++) id = `helper-${i}`;
  const rate = map.settings.defaultHandOffRate;
  const helper: Person = {
    id,
    name: 'Helper',
    role: 'outsourcer',
    hourlyCost: rate,
    // Room to spare: twice the work handed over, at least 5 h a week.
    hoursPerWeek: Math.min(168, Math.max(5, Math.ceil(2 * hours))),
  };
  return {
    title: `Hand ${label} to a new helper at ${formatMoney(rate, map.settings.currency)}/h (${frees} of your time)${step.sla === undefined ? AGREE : ''}`,
    edits: [
      { type: 'upsertPerson', person: helper },
      { type: 'updateStep', nodeId: step.id, patch: { ownerId: id } },
    ],
  };
}
