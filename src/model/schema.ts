import { z } from 'zod';
import { LIMITS, MAX_STEP_SIZE, MIN_STEP_SIZE } from './limits';
import './zodConfig';

/** The format marker every Leverflow map file carries. */
export const MAP_FORMAT = 'leverflow-map';
/** The newest map file version this app reads and writes. */
export const MAP_VERSION = 3;

export const NODE_KINDS = ['start', 'end', 'action', 'decision', 'parallel'] as const;

const id = z.string().min(1).max(LIMITS.maxIdLength);
const label = z.string().max(LIMITS.maxLabelLength);
const coordinate = z.number().finite().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);

export const positionSchema = z.object({ x: coordinate, y: coordinate });

const money = z.number().finite().min(0).max(100_000_000);
const hours = z.number().finite().min(0).max(1_000_000);
const text = (max: number) => z.string().max(max);

export const settingsSchema = z.object({
  currency: z.string().min(1).max(8).default('USD'),
  /** What one productive hour of the owner must earn. */
  targetHourlyRate: money.default(100),
  casesPerWeek: z.number().finite().min(0).max(1_000_000).default(10),
  /** What handing a step off costs per hour, unless the step says otherwise. */
  defaultHandOffRate: money.default(25),
  /** Which way Tidy up lays the map out: top to bottom (the default) or left to right. */
  layoutDirection: z.enum(['down', 'right']).optional(),
  /** How long one case may take from start to end, in hours (optional). */
  targetTurnaroundHours: hours.optional(),
  /** The calculator behind the target rate: yearly income goal / productive hours a year. */
  yearlyIncomeGoal: money.optional(),
  productiveHoursPerYear: z.number().finite().min(1).max(8_784).optional(),
});

/**
 * Who a person is to the business. Clients and suppliers are outside parties: their steps
 * cost the owner nothing and count in no one's hours, but take time in every case.
 */
export const PERSON_ROLES = ['owner', 'staff', 'outsourcer', 'client', 'supplier'] as const;
/** The roles of people outside the business. */
export const OUTSIDE_ROLES: readonly string[] = ['client', 'supplier'];

/**
 * A service agreement: a person's (their steps inherit it) or a step's override of some of
 * its fields. Every field is optional so that a step can override only what differs.
 */
export const slaSchema = z.object({
  turnaroundHours: hours.optional(),
  metric: text(LIMITS.maxLabelLength).optional(),
  minimumLevel: text(LIMITS.maxLabelLength).optional(),
  onTimeBonusPercent: z.number().finite().min(0).max(1000).optional(),
  escalateTo: text(LIMITS.maxOwnerLength).optional(),
  /** How often results are reviewed, e.g. "Weekly". */
  reviewCadence: text(LIMITS.maxLabelLength).optional(),
});

export const personSchema = z.object({
  id,
  name: text(LIMITS.maxOwnerLength).min(1),
  role: z.enum(PERSON_ROLES),
  /** What an hour of this person costs; the owner's hours are valued at the target rate. */
  hourlyCost: money,
  /** Hours a week this person has for this process. */
  hoursPerWeek: z.number().finite().min(0).max(168),
  /** Their service agreement; each of their steps inherits it and may override fields. */
  agreement: slaSchema.optional(),
});

/** A finding the owner marked as intended ("this loop is on purpose"); it is hidden. */
export const acceptedFindingSchema = z.object({
  key: text(LIMITS.maxNotesLength),
  note: text(LIMITS.maxLabelLength).optional(),
});

/** A size a person gave a step by resizing it (else it is drawn at its kind's size). */
export const sizeSchema = z.object({
  width: z.number().finite().min(MIN_STEP_SIZE.width).max(MAX_STEP_SIZE.width),
  height: z.number().finite().min(MIN_STEP_SIZE.height).max(MAX_STEP_SIZE.height),
});

const nodeBase = {
  id,
  label,
  position: positionSchema,
  size: sizeSchema.optional(),
  notes: z.string().max(LIMITS.maxNotesLength).optional(),
};

/** Attributes a step (action or decision) may carry; all optional, with sensible defaults. */
const stepFields = {
  /** Who does it: a person's id. */
  ownerId: id.optional(),
  durationMinutes: z.number().finite().min(0).max(1_000_000).optional(),
  /** Out-of-pocket cost of one pass, in the map's currency. */
  costPerCase: money.optional(),
  /** Productive work (creating, marketing, deals) or not (email, admin, routine running). */
  workType: z.enum(['productive', 'non-productive']).optional(),
  /** Routine (runs every case) or one-time (a project, counted once). Default routine. */
  cadence: z.enum(['routine', 'one-time']).optional(),
  /** What handing this step off would cost per hour, if not the map's default. */
  handOffRate: money.optional(),
  /** This step's differences from its doer's agreement (any field; the rest is inherited). */
  sla: slaSchema.optional(),
};

export const nodeSchema = z.discriminatedUnion('kind', [
  z.object({ ...nodeBase, kind: z.literal('start') }),
  z.object({ ...nodeBase, kind: z.literal('end') }),
  z.object({ ...nodeBase, ...stepFields, kind: z.literal('action') }),
  z.object({ ...nodeBase, ...stepFields, kind: z.literal('decision') }),
  /** A fork/join bar: a case follows every arrow out, and waits for every arrow in. */
  z.object({ ...nodeBase, kind: z.literal('parallel') }),
]);

export const edgeSchema = z.object({
  id,
  source: id,
  target: id,
  label: label.optional(),
  probability: z.number().finite().min(0).max(1).optional(),
});

/**
 * Set on a hand-off map: the part of a map given to one person, opened read-only with their
 * instructions beside it.
 */
export const handOffInfoSchema = z.object({
  personName: text(LIMITS.maxOwnerLength),
  ownerName: text(LIMITS.maxOwnerLength),
  /** ISO date (yyyy-mm-dd) the pack was made. */
  date: text(32),
  mapName: z.string().max(LIMITS.maxNameLength),
});

export const mapSchema = z.object({
  format: z.literal(MAP_FORMAT),
  version: z.literal(MAP_VERSION),
  name: z.string().max(LIMITS.maxNameLength),
  settings: settingsSchema.prefault({}),
  people: z.array(personSchema).max(LIMITS.maxPeople).default([]),
  nodes: z.array(nodeSchema).max(LIMITS.maxNodes),
  edges: z.array(edgeSchema).max(LIMITS.maxEdges),
  acceptedFindings: z.array(acceptedFindingSchema).max(LIMITS.maxNodes).default([]),
  /** Only on a hand-off map (see {@link handOffInfoSchema}): the editor opens it read-only. */
  handOff: handOffInfoSchema.optional(),
});
