import type { ProcessMap } from './types';

export interface MapError {
  /** Where in the file, e.g. `nodes[3].kind`; `(file)` for the whole file. */
  path: string;
  message: string;
}

/**
 * Checks what the schema cannot: ids (of steps, arrows and people) are unique, every arrow
 * joins two existing steps and every step's owner is a person of the map. A duplicate person
 * id would make renaming one person rename the other.
 * @example checkIntegrity(map) // [] when the map is whole
 */
export function checkIntegrity(map: ProcessMap): MapError[] {
  const errors: MapError[] = [];
  const personIds = new Set<string>();
  map.people.forEach((person, i) => {
    if (personIds.has(person.id)) {
      errors.push({ path: `people[${i}].id`, message: `duplicate person id "${person.id}"` });
    }
    personIds.add(person.id);
  });
  const nodeIds = new Set<string>();
  map.nodes.forEach((node, i) => {
    if (nodeIds.has(node.id)) {
      errors.push({ path: `nodes[${i}].id`, message: `duplicate step id "${node.id}"` });
    }
    nodeIds.add(node.id);
    if ('ownerId' in node && node.ownerId !== undefined && !personIds.has(node.ownerId)) {
      errors.push({
        path: `nodes[${i}].ownerId`,
        message: `owner "${node.ownerId}" is not one of the map's people`,
      });
    }
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
