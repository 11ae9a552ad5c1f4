import type { Suggestion } from '../analyzer';
import type { MapEdit, Person, PersonRole, ProcessMap, StepNode } from '../model';
import { DEFAULT_SLA_HOURS, defaultAgreement } from './defaultAgreement';
import { findOwner } from './findOwner';
import { firstOutsourcer } from './firstOutsourcer';
import { formatHours, formatMoney, formatPercent } from './format';
import { isOutside } from './isOutside';
import { LEVERAGE_RULES } from './rules';
import { stepAgreement } from './stepAgreement';
import type {
  HandOffCandidate,
  Leverage,
  LeverageFinding,
  LeverageRuleId,
  PersonLoad,
} from './types';

/** How many hand-off candidates become findings (the best ones); the panel lists them all. */
export const MAX_HAND_OFF_FINDINGS = 10;

/** From this share of a person's hours on, they are reported as (nearly) overloaded. */
export const OVERLOAD_WARNING_SHARE = 0.85;
export { DEFAULT_SLA_HOURS };

function finding(
  rule: LeverageRuleId,
  message: string,
  nodeIds: string[],
  suggestions: Suggestion[],
  severity = LEVERAGE_RULES[rule].severity,
): LeverageFinding {
  return { rule, severity, message, nodeIds, edgeIds: [], suggestions };
}

/** 'A', 'A' and 'B', 'A', 'B' and 'C' — the labels of steps, for a message. */
function quoteAll(labels: readonly string[]): string {
  const quoted = labels.map(quote);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * Which rate a hand-off used, in words.
 * @example rateWords({ rateSource: 'person', handOffRate: 15 }, 'Maria', '$15') // "Maria's rate, $15/h"
 */
export function rateWords(
  c: Pick<HandOffCandidate, 'rateSource'>,
  handToName: string | null,
  rate: string,
): string {
  if (c.rateSource === 'step') return `the step's own hand-off rate, ${rate}/h`;
  if (c.rateSource === 'person' && handToName) return `${handToName}'s rate, ${rate}/h`;
  return `the map's default hand-off rate, ${rate}/h`;
}

function quote(label: string): string {
  const trimmed = label.trim();
  return `'${trimmed === '' ? 'unnamed step' : trimmed}'`;
}

/**
 * The edits that hand steps to a person: one `updateStep` per step setting its owner.
 * @example handOffEdits(['a'], 'va') // [{ type: 'updateStep', nodeId: 'a', patch: { ownerId: 'va' } }]
 */
export function handOffEdits(nodeIds: readonly string[], personId: string): MapEdit[] {
  return nodeIds.map((nodeId) => ({ type: 'updateStep', nodeId, patch: { ownerId: personId } }));
}

/** The step nodes of a map by id, as the findings look them up. */
export interface StepLookup {
  /** The step with this id (the last one, should ids repeat); undefined when none is. */
  get(id: string): StepNode | undefined;
  /** The ids among `ids` that name steps, in file order (of each id's first step), once each. */
  inFileOrder(ids: readonly string[]): string[];
}

/**
 * What the leverage findings read: the figures of a {@link Leverage}, steps by position in
 * file order (so that they can come from columns as well as from `StepFigures` objects).
 */
export interface FindingsInput {
  currency: string;
  ownerId: string | null;
  people: readonly PersonLoad[];
  /** The hand-off candidates, ranked; at least the best {@link MAX_HAND_OFF_FINDINGS}. */
  candidates: readonly HandOffCandidate[];
  longestPathNodeIds: readonly string[] | null;
  stepCount: number;
  stepNodeId(i: number): string;
  stepLabel(i: number): string;
  stepDoerId(i: number): string | null;
  stepDoerRole(i: number): PersonRole;
  stepHours(i: number): number;
  steps: StepLookup;
}

/**
 * Steps by id through a Map over the map's steps, built on first use.
 * @example stepLookup(map).get('a')?.label
 */
export function stepLookup(map: ProcessMap): StepLookup {
  let byId: Map<string, StepNode> | undefined;
  const steps = () => {
    if (byId === undefined) {
      byId = new Map();
      for (const n of map.nodes)
        if (n.kind === 'action' || n.kind === 'decision') byId.set(n.id, n);
    }
    return byId;
  };
  return {
    get: (id) => steps().get(id),
    inFileOrder: (ids) => {
      const wanted = new Set(ids);
      return [...steps().keys()].filter((id) => wanted.has(id));
    },
  };
}

/**
 * Leverage findings, in the analyzer's Finding shape: `overloaded` (warning from 85% of a
 * person's hours, error above 100%), `sla-missing` (an outsourcer's step without an
 * agreement), `sla-exceeds-target` (turnarounds along the analyzer's longest path add up to
 * more than the target turnaround; a step without an agreement counts its duration) and
 * `hand-off-candidate` (one per candidate, ranked). Fixes are plain map edits. Hand-offs go
 * to the first outsourcer; with none in People, the message says to add one and the finding
 * has no fix (an edit cannot add a person, and a fix button that does nothing misleads).
 * @example leverageFindings(map, computeLeverage(map, report))
 */
export function leverageFindings(map: ProcessMap, leverage: Leverage): LeverageFinding[] {
  const { steps } = leverage;
  return findingsOf(map, {
    currency: leverage.currency,
    ownerId: leverage.ownerId,
    people: leverage.people,
    candidates: leverage.handOffCandidates,
    longestPathNodeIds: leverage.longestPathNodeIds,
    stepCount: steps.length,
    stepNodeId: (i) => steps[i]!.nodeId,
    stepLabel: (i) => steps[i]!.label,
    stepDoerId: (i) => steps[i]!.doerId,
    stepDoerRole: (i) => steps[i]!.doerRole,
    stepHours: (i) => steps[i]!.hoursPerWeek,
    steps: stepLookup(map),
  });
}

/**
 * The leverage findings of {@link leverageFindings}, from its input figures.
 * @example findingsOf(map, input).map((f) => f.rule)
 */
export function findingsOf(map: ProcessMap, input: FindingsInput): LeverageFinding[] {
  const out: LeverageFinding[] = [];
  const outsourcer = firstOutsourcer(map);
  const owner = findOwner(map);
  const { steps } = input;
  const money = (x: number) => formatMoney(x, input.currency);
  const agreed = (nodeId: string) => {
    const node = map.nodes.find((n) => n.id === nodeId);
    return (
      outsourcer?.agreement !== undefined ||
      (node !== undefined && 'sla' in node && node.sla !== undefined)
    );
  };
  const handOff = (nodeId: string): Suggestion[] =>
    outsourcer
      ? [
          {
            // Handed to someone with no agreement yet: the title says what is still to do.
            title: `Hand ${quote(steps.get(nodeId)?.label ?? '')} to ${outsourcer.name}${agreed(nodeId) ? '' : ', then agree its turnaround and quality with them'}`,
            edits: handOffEdits([nodeId], outsourcer.id),
          },
        ]
      : [];

  for (const load of input.people) out.push(...overloaded(input, load, handOff));

  // One finding per outsourcer whose steps have no agreed turnaround, naming those steps.
  const uncovered = new Map<string, string[]>();
  const personById = new Map(map.people.map((p) => [p.id, p] as const));
  for (let i = 0; i < input.stepCount; i++) {
    if (input.stepDoerRole(i) !== 'outsourcer') continue;
    const doerId = input.stepDoerId(i);
    const person = doerId === null ? undefined : personById.get(doerId);
    const node = steps.get(input.stepNodeId(i));
    if (!person || !node) continue;
    if (stepAgreement(person, node)?.turnaroundHours !== undefined) continue;
    uncovered.set(person.id, [...(uncovered.get(person.id) ?? []), node.id]);
  }
  for (const [personId, nodeIds] of uncovered) {
    const person = personById.get(personId)!;
    const labels = nodeIds.map((id) => steps.get(id)?.label ?? '');
    const agreement = defaultAgreement(owner?.name, person.agreement);
    out.push(
      finding(
        'sla-missing',
        `${person.name} has no service agreement for ${quoteAll(labels)}: no agreed turnaround, quality bar or escalation.`,
        nodeIds,
        [
          {
            title: `Open ${person.name}'s agreement with the defaults (${formatHours(agreement.turnaroundHours ?? DEFAULT_SLA_HOURS)} turnaround, ${agreement.onTimeBonusPercent ?? 0}% on-time bonus)`,
            edits: [{ type: 'upsertPerson', person: { ...person, agreement } }],
          },
        ],
      ),
    );
  }

  const exceeded = slaAgainstTarget(map, steps, input.longestPathNodeIds, personById, owner);
  if (exceeded) out.push(exceeded);

  // The ten most valuable candidates become findings; the Leverage panel ranks them all.
  for (const c of input.candidates.slice(0, MAX_HAND_OFF_FINDINGS)) {
    const fix = handOff(c.nodeId);
    const tail = outsourcer ? '' : ' Add an outsourcer in People to hand it off.';
    const rate = rateWords(c, outsourcer?.name ?? null, money(c.handOffRate));
    out.push(
      finding(
        'hand-off-candidate',
        `${quote(c.label)} takes you ${formatHours(c.hoursPerWeek)} a week; handing it off at ${rate}, is worth ${money(c.worthPerWeek)} a week.${tail}`,
        [c.nodeId],
        fix,
      ),
    );
  }
  return out;
}

function overloaded(
  input: FindingsInput,
  load: PersonLoad,
  handOff: (nodeId: string) => Suggestion[],
): LeverageFinding[] {
  const { hoursPerWeek: hours, availableHoursPerWeek: available } = load;
  if (hours <= 0) return [];
  // The implicit owner (no owner in People) has no hours to compare against.
  if (load.personId === null) return [];
  const share = available > 0 ? hours / available : Number.POSITIVE_INFINITY;
  if (share < OVERLOAD_WARNING_SHARE) return [];
  const severity = share > 1 ? 'error' : 'warning';
  // Their steps with some time, in file order, and the first of the longest.
  const nodeIds: string[] = [];
  let biggest = -1;
  for (let i = 0; i < input.stepCount; i++) {
    if (input.stepDoerId(i) !== load.personId) continue;
    const h = input.stepHours(i);
    if (!(h > 0)) continue;
    nodeIds.push(input.stepNodeId(i));
    if (biggest === -1 || h > input.stepHours(biggest)) biggest = i;
  }
  const of = available > 0 ? ` (${formatPercent(share)})` : '';
  const message = `${load.name} has ${formatHours(hours)} of work a week for ${formatHours(available)} available${of}.`;
  let suggestions: Suggestion[] = [];
  if (load.personId === input.ownerId) {
    const top = input.candidates[0];
    if (top) suggestions = handOff(top.nodeId);
  } else {
    const spare = input.people
      .filter(
        (p) =>
          p.personId !== null &&
          p.personId !== load.personId &&
          p.role !== 'owner' &&
          !isOutside(p.role) &&
          biggest !== -1 &&
          p.availableHoursPerWeek - p.hoursPerWeek >= input.stepHours(biggest),
      )
      .sort(
        (a, b) =>
          b.availableHoursPerWeek - b.hoursPerWeek - (a.availableHoursPerWeek - a.hoursPerWeek),
      )[0];
    if (biggest !== -1 && spare?.personId) {
      suggestions = [
        {
          title: `Move ${quote(input.stepLabel(biggest))} to ${spare.name}`,
          edits: handOffEdits([input.stepNodeId(biggest)], spare.personId),
        },
      ];
    }
  }
  return [finding('overloaded', message, nodeIds, suggestions, severity)];
}

/** The sla-exceeds-target finding, or null when the path fits (or there is no target). */
function slaAgainstTarget(
  map: ProcessMap,
  steps: StepLookup,
  longestPath: readonly string[] | null,
  personById: ReadonlyMap<string, Person>,
  owner: Person | undefined,
): LeverageFinding | null {
  const target = map.settings.targetTurnaroundHours;
  if (target === undefined || !longestPath) return null;
  const onPath = longestPath.flatMap((id) => {
    const node = steps.get(id);
    if (!node) return [];
    const person = (node.ownerId === undefined ? undefined : personById.get(node.ownerId)) ?? owner;
    return [{ node, person, turnaround: stepAgreement(person, node)?.turnaroundHours }];
  });
  if (!onPath.some((n) => n.turnaround !== undefined)) return null;
  let total = 0;
  for (const n of onPath) total += n.turnaround ?? (n.node.durationMinutes ?? 0) / 60;
  if (total <= target) return null;
  const excess = total - target;
  const slowest = onPath
    .filter((n) => n.turnaround !== undefined)
    .sort((a, b) => (b.turnaround ?? 0) - (a.turnaround ?? 0))[0];
  const suggestions: Suggestion[] = [];
  if (slowest?.turnaround !== undefined && slowest.turnaround > excess) {
    const hours = Math.floor((slowest.turnaround - excess) * 10) / 10;
    const { node, person } = slowest;
    // Where the turnaround is set: the step's own override, else its doer's agreement.
    const edit: MapEdit =
      node.sla?.turnaroundHours !== undefined || !person?.agreement
        ? {
            type: 'updateStep',
            nodeId: node.id,
            patch: { sla: { ...node.sla, turnaroundHours: hours } },
          }
        : {
            type: 'upsertPerson',
            person: { ...person, agreement: { ...person.agreement, turnaroundHours: hours } },
          };
    const whose =
      edit.type === 'upsertPerson' && person ? `${person.name}'s agreement` : quote(node.label);
    suggestions.push({
      title: `Shorten the turnaround of ${whose} to ${formatHours(hours)}`,
      edits: [edit],
    });
  }
  return finding(
    'sla-exceeds-target',
    `The turnarounds along the longest path add up to ${formatHours(total)}, more than the target of ${formatHours(target)} for one case.${suggestions.length === 0 ? ' No single agreement can absorb the difference: shorten several, or raise the target.' : ''}`,
    // File order, like the analyzer's findings.
    steps.inFileOrder(longestPath),
    suggestions,
  );
}
