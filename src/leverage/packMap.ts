import type { MapNode, ProcessMap } from '../model';
import type { HandOffPack } from './handOffPack';

/**
 * The read-only map file of a hand-off pack: only the part of the map they work in (their
 * steps with their instructions, time and agreement; the steps around them by name only),
 * only them in People, no rates or targets, marked `handOff` so Leverflow opens it
 * read-only with their instructions beside it.
 * @example packMap(map, handOffPack(map, { personId: 'maria' }, '2026-11-30'))
 */
export function packMap(map: ProcessMap, pack: HandOffPack): ProcessMap {
  const part = new Set(pack.partNodeIds);
  const mine = new Map(pack.steps.map((s) => [s.id, s] as const));
  const nodes: MapNode[] = map.nodes
    .filter((n) => part.has(n.id))
    .map((n) => {
      const base = { id: n.id, label: n.label, position: n.position };
      if (n.kind !== 'action' && n.kind !== 'decision') return { ...base, kind: n.kind };
      const step = mine.get(n.id);
      if (!step) return { ...base, kind: n.kind };
      return {
        ...base,
        kind: n.kind,
        ...(n.notes ? { notes: n.notes } : {}),
        ...(n.durationMinutes !== undefined ? { durationMinutes: n.durationMinutes } : {}),
        ...(pack.person ? { ownerId: pack.person.id } : {}),
        ...(step.agreement ? { sla: step.agreement } : {}),
      };
    });
  return {
    format: map.format,
    version: map.version,
    name: `${pack.mapName}: ${pack.title}'s part`,
    settings: {
      currency: map.settings.currency,
      targetHourlyRate: 0,
      casesPerWeek: pack.casesPerWeek,
      defaultHandOffRate: 0,
    },
    people: pack.person
      ? [
          {
            id: pack.person.id,
            name: pack.person.name,
            role: pack.person.role,
            hourlyCost: pack.person.hourlyCost,
            hoursPerWeek: pack.person.hoursPerWeek,
            ...(pack.agreement ? { agreement: pack.agreement } : {}),
          },
        ]
      : [],
    nodes,
    edges: map.edges.filter((e) => part.has(e.source) && part.has(e.target)),
    acceptedFindings: [],
    handOff: {
      personName: pack.title,
      ownerName: pack.ownerName,
      date: pack.date,
      mapName: pack.mapName,
    },
  };
}
