import type { z } from 'zod';
import type { edgeSchema, mapSchema, nodeSchema, positionSchema, settingsSchema } from './schema';

export type ProcessMap = z.infer<typeof mapSchema>;
export type MapNode = z.infer<typeof nodeSchema>;
export type MapEdge = z.infer<typeof edgeSchema>;
export type NodeKind = MapNode['kind'];
export type Position = z.infer<typeof positionSchema>;
export type MapSettings = z.infer<typeof settingsSchema>;
/** A step is a node that does work: an action or a decision. */
export type StepNode = Extract<MapNode, { kind: 'action' | 'decision' }>;
