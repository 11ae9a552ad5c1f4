import type { Person, ProcessMap } from '../model';

/**
 * The first outsourcer, whom hand-off suggestions name; undefined when there is none.
 * @example firstOutsourcer(exampleMap())?.name // 'Virtual assistant'
 */
export function firstOutsourcer(map: Pick<ProcessMap, 'people'>): Person | undefined {
  return map.people.find((p) => p.role === 'outsourcer');
}
