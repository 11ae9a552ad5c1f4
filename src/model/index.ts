export { applyEdits, type MapEdit, type StepPatch } from './applyEdits';
export { arrowEnds } from './arrowEnds';
export { checkIntegrity } from './checkIntegrity';
export { createId } from './createId';
export { describeDiff, diffMaps, type MapDiff } from './diffMaps';
export { exampleMap } from './exampleMap';
export { type Failure, failure } from './Failure';
export { createEdge, createMap, createNode, DEFAULT_LABELS } from './factories';
export { type FlowOrder, flowOrder, flowPlaces } from './flowOrder';
export { formatIssuePath } from './formatIssuePath';
export { LIMITS } from './limits';
export { MIGRATIONS, type Migration, migrateMapFile } from './migrations';
export {
  labelArea,
  labelLines,
  MAX_STEP_SIZE,
  MIN_STEP_SIZE,
  NODE_SIZE,
  type Size,
  stepSize,
} from './nodeSize';
export {
  formatMapErrors,
  type MapError,
  type MapErrorCode,
  type MapFailure,
  type ParseResult,
  parseMapData,
  parseMapFile,
} from './parseMapFile';
export { sameValue } from './sameValue';
export {
  edgeSchema,
  MAP_FORMAT,
  MAP_VERSION,
  mapSchema,
  NODE_KINDS,
  nodeSchema,
  OUTSIDE_ROLES,
  PERSON_ROLES,
  personSchema,
} from './schema';
export { serializeMap } from './serializeMap';
export { swapBranchesTitle, swapBranchLabels } from './swapBranchLabels';
export type {
  AcceptedFinding,
  HandOffInfo,
  LayoutDirection,
  MapEdge,
  MapNode,
  MapSettings,
  NodeKind,
  Person,
  PersonRole,
  Position,
  ProcessMap,
  Sla,
  StepNode,
} from './types';
export { nameAfterStart, uniqueMapName } from './uniqueMapName';
