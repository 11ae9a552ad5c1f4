import * as Y from 'yjs';
import { LIMITS } from '../model/limits';
import { sameValue } from '../model/sameValue';
import {
  edgeSchema,
  MAP_FORMAT,
  MAP_VERSION,
  mapSchema,
  nodeSchema,
  personSchema,
} from '../model/schema';
import type { MapEdge, MapNode, Person, ProcessMap } from '../model/types';

/**
 * How a map lives in a Y.Doc: steps, arrows and people keyed by id (steps and arrows as
 * Y.Maps of their fields, so two people changing different fields of one step both win),
 * settings keyed by field, and the rest (name, marked findings, hand-off info) in `meta`.
 */
export const DOC_KEYS = {
  nodes: 'nodes',
  edges: 'edges',
  people: 'people',
  settings: 'settings',
  meta: 'meta',
} as const;

type Json = Record<string, unknown>;

/** The doc's top-level maps. */
export function docMaps(doc: Y.Doc) {
  return {
    nodes: doc.getMap<Y.Map<unknown>>(DOC_KEYS.nodes),
    edges: doc.getMap<Y.Map<unknown>>(DOC_KEYS.edges),
    people: doc.getMap<unknown>(DOC_KEYS.people),
    settings: doc.getMap<unknown>(DOC_KEYS.settings),
    meta: doc.getMap<unknown>(DOC_KEYS.meta),
  };
}

/** Sets the fields of `target` to those of `value` (keys missing from `value` are deleted). */
function writeFields(target: Y.Map<unknown>, value: Json) {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (!sameValue(target.get(key), v)) target.set(key, v);
  }
  for (const key of [...target.keys()]) if (value[key] === undefined) target.delete(key);
}

function fieldsMap(value: Json): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [key, v] of Object.entries(value)) if (v !== undefined) m.set(key, v);
  return m;
}

/** Writes the records of `after` that differ from `before` (by identity, then by value). */
function writeRecords<T extends { id: string }>(
  target: Y.Map<Y.Map<unknown>>,
  before: readonly T[] | null,
  after: readonly T[],
) {
  const old = new Map((before ?? []).map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const record of after) {
    seen.add(record.id);
    if (old.get(record.id) === record && target.has(record.id)) continue;
    const existing = target.get(record.id);
    if (existing instanceof Y.Map) writeFields(existing, record as unknown as Json);
    else target.set(record.id, fieldsMap(record as unknown as Json));
  }
  const gone = before ? [...old.keys()] : [...target.keys()];
  for (const id of gone) if (!seen.has(id) && target.has(id)) target.delete(id);
}

/**
 * Writes the change from `before` to `after` into the doc as one transaction with `origin`
 * (null `before`: the doc is made to hold `after` exactly). Unchanged records are skipped by
 * identity, so a move of one step among thousands writes one field.
 * @example writeMapToDoc(doc, storeMapBefore, storeMapAfter, LOCAL_ORIGIN)
 */
export function writeMapToDoc(
  doc: Y.Doc,
  before: ProcessMap | null,
  after: ProcessMap,
  origin: unknown,
) {
  const m = docMaps(doc);
  doc.transact(() => {
    if (!before || before.nodes !== after.nodes)
      writeRecords(m.nodes, before?.nodes ?? null, after.nodes);
    if (!before || before.edges !== after.edges)
      writeRecords(m.edges, before?.edges ?? null, after.edges);
    if (!before || before.people !== after.people) {
      const ids = new Set(after.people.map((p) => p.id));
      for (const person of after.people) {
        if (!sameValue(m.people.get(person.id), person)) m.people.set(person.id, person);
      }
      for (const id of [...m.people.keys()]) if (!ids.has(id)) m.people.delete(id);
    }
    if (!before || before.settings !== after.settings) {
      writeFields(m.settings, after.settings as Json);
    }
    const meta: Json = {
      name: after.name,
      acceptedFindings: after.acceptedFindings,
      handOff: after.handOff,
    };
    writeFields(m.meta, meta);
  }, origin);
}

/** What reading a doc gives: the map, and what had to be repaired to make it one. */
export interface DocRead {
  map: ProcessMap;
  /** One line per repair (an arrow whose step was deleted meanwhile, a broken record…). */
  repairs: string[];
}

function plain(value: unknown): Json | null {
  if (value instanceof Y.Map) return value.toJSON() as Json;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  return null;
}

/**
 * Reads the map a doc holds, validated by the map schema and repaired the same way on every
 * client: records that do not parse are left out, arrows whose step is gone (deleted by
 * someone while another drew the arrow) are left out, and ids come in a stable order.
 * `order` keeps the ids of a previous read first, in their order, so the canvas does not
 * reshuffle. Never throws.
 * @example const { map, repairs } = readMapFromDoc(doc)
 */
export function readMapFromDoc(doc: Y.Doc, order?: ProcessMap): DocRead {
  const m = docMaps(doc);
  const repairs: string[] = [];
  const ordered = <T extends { id: string }>(records: Map<string, T>, prev?: readonly T[]) => {
    const out: T[] = [];
    for (const r of prev ?? []) {
      const now = records.get(r.id);
      if (now) {
        out.push(sameValue(now, r) ? r : now);
        records.delete(r.id);
      }
    }
    for (const id of [...records.keys()].sort()) out.push(records.get(id)!);
    return out;
  };
  const nodes = new Map<string, MapNode>();
  for (const [id, value] of m.nodes) {
    const parsed = nodeSchema.safeParse({ ...plain(value), id });
    if (parsed.success) nodes.set(id, parsed.data);
    else
      repairs.push(`Left out step ${id}: it does not parse (${parsed.error.issues[0]?.message}).`);
  }
  const edges = new Map<string, MapEdge>();
  for (const [id, value] of m.edges) {
    const parsed = edgeSchema.safeParse({ ...plain(value), id });
    if (!parsed.success) {
      repairs.push(`Left out arrow ${id}: it does not parse.`);
    } else if (!nodes.has(parsed.data.source) || !nodes.has(parsed.data.target)) {
      repairs.push(`Left out arrow ${id}: its step was deleted meanwhile.`);
    } else edges.set(id, parsed.data);
  }
  const people = new Map<string, Person>();
  for (const [id, value] of m.people) {
    const parsed = personSchema.safeParse({ ...plain(value), id });
    if (parsed.success) people.set(id, parsed.data);
    else repairs.push(`Left out person ${id}: it does not parse.`);
  }
  const meta = plain(m.meta.toJSON()) ?? {};
  const candidate = {
    format: MAP_FORMAT,
    version: MAP_VERSION,
    name: typeof meta.name === 'string' ? meta.name : 'Shared map',
    settings: m.settings.toJSON(),
    people: ordered(people, order?.people),
    nodes: ordered(nodes, order?.nodes).slice(0, LIMITS.maxNodes),
    edges: ordered(edges, order?.edges).slice(0, LIMITS.maxEdges),
    acceptedFindings: Array.isArray(meta.acceptedFindings) ? meta.acceptedFindings : [],
    ...(meta.handOff ? { handOff: meta.handOff } : {}),
  };
  const parsed = mapSchema.safeParse(candidate);
  if (parsed.success) return { map: keepSame(parsed.data, order), repairs };
  // Settings, name or marks are broken: keep the steps and arrows, reset the rest.
  repairs.push(`Reset the map's settings and marks: ${parsed.error.issues[0]?.message}.`);
  const fallback = mapSchema.parse({
    ...candidate,
    name: candidate.name.slice(0, LIMITS.maxNameLength),
    settings: {},
    acceptedFindings: [],
    handOff: undefined,
  });
  return { map: keepSame(fallback, order), repairs };
}

/** The previous map's parts where they are equal, so the store sees what really changed. */
function keepSame(map: ProcessMap, prev?: ProcessMap): ProcessMap {
  if (!prev) return map;
  const same = <T>(a: readonly T[], b: readonly T[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]) ? b : a;
  // zod rebuilt every record: swap back the previous objects where the values are equal.
  const byId = <T extends { id: string }>(list: readonly T[], old: readonly T[]) => {
    const o = new Map(old.map((x) => [x.id, x]));
    return list.map((x) => {
      const p = o.get(x.id);
      return p && sameValue(p, x) ? p : x;
    });
  };
  const nodes = same(byId(map.nodes, prev.nodes), prev.nodes);
  const edges = same(byId(map.edges, prev.edges), prev.edges);
  const people = same(byId(map.people, prev.people), prev.people);
  const next: ProcessMap = {
    ...map,
    nodes: nodes as MapNode[],
    edges: edges as MapEdge[],
    people: people as Person[],
    settings: sameValue(map.settings, prev.settings) ? prev.settings : map.settings,
    acceptedFindings: sameValue(map.acceptedFindings, prev.acceptedFindings)
      ? prev.acceptedFindings
      : map.acceptedFindings,
  };
  return sameValue(next, prev) ? prev : next;
}
