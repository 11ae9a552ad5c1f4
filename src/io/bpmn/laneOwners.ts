import { elementList, elementProp, type ModdleElement, stringProp } from './moddleElement';

/**
 * Each flow node's lane name; a nested lane wins over the lane around it.
 * @example laneOwners(process).get(task) // 'Clerk'
 */
export function laneOwners(process: ModdleElement): Map<ModdleElement, string> {
  const owners = new Map<ModdleElement, string>();
  const visit = (laneSet: ModdleElement): void => {
    for (const lane of elementList(laneSet, 'lanes')) {
      const name = stringProp(lane, 'name')?.trim();
      if (name) for (const ref of elementList(lane, 'flowNodeRef')) owners.set(ref, name);
      const child = elementProp(lane, 'childLaneSet');
      if (child !== undefined) visit(child);
    }
  };
  for (const laneSet of elementList(process, 'laneSets')) visit(laneSet);
  return owners;
}
