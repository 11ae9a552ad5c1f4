import type { MapNode } from '../model';
import type { EventLog } from './EventLog';

/** A name as matching sees it: lower case, spaces squeezed, trimmed. */
export function matchKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Which step of the map each activity of the log is (its index in `nodes`), or -1: by name,
 * case- and space-insensitively, among actions and decisions; `manual` (activity name ->
 * step id) overrides, for the activities a person matched by hand.
 * @example matchActivities(log, map.nodes)[0] // index of the step "Check payment"
 */
export function matchActivities(
  log: Pick<EventLog, 'activities'>,
  nodes: readonly MapNode[],
  manual: Readonly<Record<string, string>> = {},
): Int32Array {
  const byKey = new Map<string, number>();
  const byId = new Map<string, number>();
  nodes.forEach((node, i) => {
    byId.set(node.id, i);
    if (node.kind !== 'action' && node.kind !== 'decision') return;
    const key = matchKey(node.label);
    if (key && !byKey.has(key)) byKey.set(key, i);
  });
  const out = new Int32Array(log.activities.length).fill(-1);
  log.activities.forEach((name, a) => {
    const chosen = Object.hasOwn(manual, name) ? byId.get(manual[name]!) : undefined;
    out[a] = chosen ?? byKey.get(matchKey(name)) ?? -1;
  });
  return out;
}
