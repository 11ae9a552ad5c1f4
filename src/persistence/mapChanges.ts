import { z } from 'zod';

/**
 * What changed from a stored map to the open one, small enough for localStorage on page close
 * however big the map is: the top-level fields whole, and the steps and arrows that are new,
 * changed or gone, by id. `nodeOrder` / `edgeOrder` are there only when applying would
 * otherwise put the items in another order.
 */
export interface MapChanges {
  fields: Record<string, unknown>;
  lists: Record<string, ListChanges>;
}

interface ListChanges {
  upsert: unknown[];
  remove: string[];
  order?: string[];
}

/** The id lists that are diffed item by item; every other field is kept whole. */
const LISTS = ['nodes', 'edges'] as const;

const withId = z.looseObject({ id: z.string() });

export const mapChangesSchema = z.object({
  fields: z.record(z.string(), z.unknown()),
  lists: z.record(
    z.string(),
    z.object({
      upsert: z.array(withId),
      remove: z.array(z.string()),
      order: z.array(z.string()).optional(),
    }),
  ),
});

type Item = { id: string };
type Mapish = Readonly<Record<string, unknown>>;

function items(map: Mapish, key: string): readonly Item[] {
  const list = map[key];
  return Array.isArray(list) ? (list as Item[]) : [];
}

/** The list `base` becomes with `changes` applied (before any `order`). */
function applyList(base: readonly Item[], changes: ListChanges): Item[] {
  const upsert = new Map<string, Item>();
  for (const item of changes.upsert as Item[]) upsert.set(item.id, item);
  const removed = new Set(changes.remove);
  const out: Item[] = [];
  const seen = new Set<string>();
  for (const item of base) {
    if (removed.has(item.id) || seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(upsert.get(item.id) ?? item);
  }
  for (const item of upsert.values()) if (!seen.has(item.id)) out.push(item);
  if (changes.order === undefined) return out;
  const byId = new Map(out.map((item) => [item.id, item]));
  return changes.order.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}

function sameOrder(a: readonly Item[], b: readonly Item[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

/**
 * The changes that turn any of `bases` into `next` (the map in storage, and the one being
 * written when the page closes: either may be what the next load finds). Items are compared
 * by reference, as the editor's maps are immutable: a 50,000-step map is diffed in a few ms.
 * @example applyMapChanges(stored, diffMapsForRescue([stored], open)) // deep-equals open
 */
export function diffMapsForRescue(bases: readonly Mapish[], next: Mapish): MapChanges {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (!(LISTS as readonly string[]).includes(key)) fields[key] = value;
  }
  const lists: Record<string, ListChanges> = {};
  for (const key of LISTS) {
    const nextItems = items(next, key);
    const known = bases.map((base) => new Map(items(base, key).map((item) => [item.id, item])));
    const nextIds = new Set(nextItems.map((item) => item.id));
    const upsert = nextItems.filter((item) => known.some((ids) => ids.get(item.id) !== item));
    const remove = new Set<string>();
    for (const ids of known) for (const id of ids.keys()) if (!nextIds.has(id)) remove.add(id);
    const changes: ListChanges = { upsert, remove: [...remove] };
    if (bases.some((base) => !sameOrder(applyList(items(base, key), changes), nextItems))) {
      changes.order = nextItems.map((item) => item.id);
    }
    lists[key] = changes;
  }
  return { fields, lists };
}

/** `base` with `changes` applied: a plain object to be validated as a map by the caller. */
export function applyMapChanges(base: Mapish, changes: MapChanges): Record<string, unknown> {
  const out: Record<string, unknown> = { ...changes.fields };
  for (const key of LISTS) {
    const list = changes.lists[key];
    out[key] = list === undefined ? base[key] : applyList(items(base, key), list);
  }
  return out;
}
