import type { Person, ProcessMap } from '../model';

/**
 * The owner: the first person with role `owner`; undefined when the map lists none.
 * @example findOwner(exampleMap())?.name // 'Me'
 */
export function findOwner(map: Pick<ProcessMap, 'people'>): Person | undefined {
  return map.people.find((p) => p.role === 'owner');
}
