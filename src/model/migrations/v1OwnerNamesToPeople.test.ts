import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../parseMapFile';
import { v1OwnerNamesToPeople } from './v1OwnerNamesToPeople';

/** The example file of DESIGN.md §2, as version 1 wrote it. */
const v1File = {
  format: 'leverflow-map',
  version: 1,
  name: 'Order fulfilment',
  settings: { currency: 'USD', targetHourlyRate: 500, casesPerWeek: 20 },
  nodes: [
    { id: 's', kind: 'start', label: 'Order received', position: { x: 0, y: 0 } },
    {
      id: 'a',
      kind: 'action',
      label: 'Pack order',
      position: { x: 0, y: 120 },
      durationMinutes: 15,
      owner: 'me',
    },
    { id: 'b', kind: 'action', label: 'Book courier', position: { x: 0, y: 180 }, owner: ' Sam ' },
    { id: 'c', kind: 'action', label: 'Label box', position: { x: 0, y: 200 }, owner: 'sam' },
    { id: 'd', kind: 'decision', label: 'Paid?', position: { x: 0, y: 240 }, owner: '' },
    { id: 'e', kind: 'end', label: 'Shipped', position: { x: 0, y: 360 } },
  ],
  edges: [{ id: 'e1', source: 's', target: 'a' }],
};

describe('migration v1-owner-names-to-people', () => {
  it('turns each distinct owner name into a person and points steps at them', () => {
    const out = v1OwnerNamesToPeople.up(structuredClone(v1File));
    expect(out.people).toEqual([
      { id: 'person-1', name: 'me', role: 'owner', hourlyCost: 500, hoursPerWeek: 10 },
      { id: 'person-2', name: 'Sam', role: 'staff', hourlyCost: 25, hoursPerWeek: 40 },
    ]);
    expect(out.nodes).toEqual([
      v1File.nodes[0],
      {
        id: 'a',
        kind: 'action',
        label: 'Pack order',
        position: { x: 0, y: 120 },
        durationMinutes: 15,
        ownerId: 'person-1',
      },
      {
        id: 'b',
        kind: 'action',
        label: 'Book courier',
        position: { x: 0, y: 180 },
        ownerId: 'person-2',
      },
      {
        id: 'c',
        kind: 'action',
        label: 'Label box',
        position: { x: 0, y: 200 },
        ownerId: 'person-2',
      },
      { id: 'd', kind: 'decision', label: 'Paid?', position: { x: 0, y: 240 } },
      v1File.nodes[5],
    ]);
    expect(out.acceptedFindings).toEqual([]);
  });

  it('runs when a version 1 file is opened, and the result is a valid current map', () => {
    const result = parseMapFile(JSON.stringify(v1File));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrations).toEqual(['v1-owner-names-to-people', 'v2-add-parallel-kind']);
    expect(result.map.version).toBe(3);
    expect(result.map.settings.defaultHandOffRate).toBe(25);
    expect(result.map.people.map((p) => p.name)).toEqual(['me', 'Sam']);
  });

  it('leaves a file with no owners with an empty people list', () => {
    const { nodes, ...rest } = v1File;
    const out = v1OwnerNamesToPeople.up({ ...rest, nodes: [nodes[0]] });
    expect(out.people).toEqual([]);
  });
});
