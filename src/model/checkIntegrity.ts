import type { ProcessMap } from './types';

export interface MapError {
  /** Where in the file, e.g. `nodes[3].kind`; `(file)` for the whole file. */
  path: string;
  message: string;
}

/**
 * Checks what the schema cannot: ids are unique and every arrow joins two existing steps.
 * @example checkIntegrity(map) // [] when the map is whole
 */
export function checkIntegrity(map: ProcessMap): MapError[] {
  const errors: MapError[] = [];
  const nodeIds = new Set<string>();
  map.nodes.forEach((node, i) => {
    if (nodeIds.has(node.id)) {
      errors.push({ path: `nodes[${i}].id`, message: `duplicate step id "${node.id}"` });
    }
    nodeIds.add(node.id);
  });
  const edgeIds = new Set<string>();
  map.edges.forEach((edge, i) => {
    if (edgeIds.has(edge.id)) {
      errors.push({ path: `edges[${i}].id`, message: `duplicate arrow id "${edge.id}"` });
    }
    edgeIds.add(edge.id);
    if (!nodeIds.has(edge.source)) {
      errors.push({
        path: `edges[${i}].source`,
        message: `arrow starts at a missing step "${edge.source}"`,
      });
    }
    if (!nodeIds.has(edge.target)) {
      errors.push({
        path: `edges[${i}].target`,
        message: `arrow points to a missing step "${edge.target}"`,
      });
    }
  });
  return errors;
}
