import { z } from 'zod';
import { LIMITS } from './limits';

/** The format marker every Leverflow map file carries. */
export const MAP_FORMAT = 'leverflow-map';
/** The newest map file version this app reads and writes. */
export const MAP_VERSION = 1;

export const NODE_KINDS = ['start', 'end', 'action', 'decision'] as const;

const id = z.string().min(1).max(LIMITS.maxIdLength);
const label = z.string().max(LIMITS.maxLabelLength);
const coordinate = z.number().finite().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);

export const positionSchema = z.object({ x: coordinate, y: coordinate });

export const settingsSchema = z.object({
  currency: z.string().min(1).max(8).default('USD'),
  targetHourlyRate: z.number().finite().min(0).max(1_000_000).default(100),
  casesPerWeek: z.number().finite().min(0).max(1_000_000).default(10),
});

const nodeBase = {
  id,
  label,
  position: positionSchema,
  notes: z.string().max(LIMITS.maxNotesLength).optional(),
};

/** Attributes a step (action or decision) may carry. */
const stepFields = {
  durationMinutes: z.number().finite().min(0).max(1_000_000).optional(),
  owner: z.string().max(LIMITS.maxOwnerLength).optional(),
};

export const nodeSchema = z.discriminatedUnion('kind', [
  z.object({ ...nodeBase, kind: z.literal('start') }),
  z.object({ ...nodeBase, kind: z.literal('end') }),
  z.object({ ...nodeBase, ...stepFields, kind: z.literal('action') }),
  z.object({ ...nodeBase, ...stepFields, kind: z.literal('decision') }),
]);

export const edgeSchema = z.object({
  id,
  source: id,
  target: id,
  label: label.optional(),
  probability: z.number().finite().min(0).max(1).optional(),
});

export const mapSchema = z.object({
  format: z.literal(MAP_FORMAT),
  version: z.literal(MAP_VERSION),
  name: z.string().max(LIMITS.maxNameLength),
  settings: settingsSchema.prefault({}),
  nodes: z.array(nodeSchema).max(LIMITS.maxNodes),
  edges: z.array(edgeSchema).max(LIMITS.maxEdges),
});
