import type { BpmnModdle, CreatedElement } from 'bpmn-moddle';
import type { ProcessMap } from '../../model';
import { xmlText } from './xml10Text';

/**
 * One lane per person in People, the owner first (holding every step with no known doer,
 * as the leverage figures count them), then everyone else in People order, each holding
 * their steps. A map with no one in People has no lanes.
 * @example buildLanes(map, moddle, elementOf, take).map((l) => l.get('name')) // ['Me', 'Maria']
 */
export function buildLanes(
  map: ProcessMap,
  moddle: BpmnModdle,
  elementOf: ReadonlyMap<string, CreatedElement>,
  take: (wanted: string) => string,
): CreatedElement[] {
  if (map.people.length === 0) return [];
  const owner = map.people.find((p) => p.role === 'owner');
  const order = owner ? [owner, ...map.people.filter((p) => p !== owner)] : [...map.people];
  const known = new Set(map.people.map((p) => p.id));
  const refs = new Map<string, CreatedElement[]>(order.map((p) => [p.id, []]));
  for (const node of map.nodes) {
    if (node.kind !== 'action' && node.kind !== 'decision') continue;
    const element = elementOf.get(node.id);
    if (element === undefined) continue;
    const id = node.ownerId !== undefined && known.has(node.ownerId) ? node.ownerId : owner?.id;
    if (id !== undefined) refs.get(id)?.push(element);
  }
  const seen = new Set<string>();
  const lanes: CreatedElement[] = [];
  for (const person of order) {
    const name = person.name.trim();
    if (!name || seen.has(person.id)) continue;
    seen.add(person.id);
    lanes.push(
      moddle.create('bpmn:Lane', {
        id: take(`Lane_${lanes.length + 1}`),
        name: xmlText(name),
        flowNodeRef: refs.get(person.id) ?? [],
      }),
    );
  }
  return lanes;
}
