import type { z } from 'zod';
import type {
  acceptedFindingSchema,
  edgeSchema,
  handOffInfoSchema,
  mapSchema,
  nodeSchema,
  personSchema,
  positionSchema,
  settingsSchema,
  slaSchema,
} from './schema';

export type ProcessMap = z.infer<typeof mapSchema>;
export type MapNode = z.infer<typeof nodeSchema>;
export type MapEdge = z.infer<typeof edgeSchema>;
export type NodeKind = MapNode['kind'];
export type Position = z.infer<typeof positionSchema>;
export type MapSettings = z.infer<typeof settingsSchema>;
/** Which way Tidy up lays a map out. */
export type LayoutDirection = NonNullable<MapSettings['layoutDirection']>;
/** A step is a node that does work: an action or a decision. */
export type StepNode = Extract<MapNode, { kind: 'action' | 'decision' }>;
export type Person = z.infer<typeof personSchema>;
export type PersonRole = Person['role'];
export type Sla = z.infer<typeof slaSchema>;
export type AcceptedFinding = z.infer<typeof acceptedFindingSchema>;
export type HandOffInfo = z.infer<typeof handOffInfoSchema>;
