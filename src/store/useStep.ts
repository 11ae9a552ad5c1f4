import type { MapNode } from '../model';
import { useEditorWith } from './EditorStoreContext';

/** True when two versions of a step differ at most in where it sits. */
export function sameStepExceptPosition(a: MapNode | undefined, b: MapNode | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keysA = Object.keys(a) as (keyof MapNode)[];
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => key === 'position' || a[key] === b[key]);
}

/**
 * Subscribes to one step of the open map, ignoring moves: a panel showing a step's details
 * does not re-render on every frame while the step is dragged.
 * @example const step = useStep(selectedId);
 */
export function useStep(id: string): MapNode | undefined {
  return useEditorWith((s) => s.map.nodes.find((n) => n.id === id), sameStepExceptPosition);
}
