import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../parseMapFile';
import { v2AddParallelKind } from './v2AddParallelKind';

const v2File = {
  format: 'leverflow-map',
  version: 2,
  name: 'Onboarding',
  settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 3, defaultHandOffRate: 25 },
  people: [{ id: 'me', name: 'Me', role: 'owner', hourlyCost: 0, hoursPerWeek: 10 }],
  nodes: [
    { id: 's', kind: 'start', label: 'Signed', position: { x: 0, y: 0 } },
    { id: 'a', kind: 'action', label: 'Kickoff', position: { x: 0, y: 100 }, ownerId: 'me' },
    { id: 'e', kind: 'end', label: 'Done', position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 's', target: 'a' },
    { id: 'e2', source: 'a', target: 'e' },
  ],
  acceptedFindings: [],
};

describe('migration v2-add-parallel-kind', () => {
  it('keeps every step, arrow and person of a version 2 file as they were', () => {
    const out = v2AddParallelKind.up(structuredClone(v2File));
    expect(out).toEqual(v2File);
  });

  it('runs when a version 2 file is opened, giving a valid version 3 map', () => {
    const result = parseMapFile(JSON.stringify(v2File));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrations).toEqual(['v2-add-parallel-kind']);
    expect(result.map.version).toBe(3);
    expect(result.map.nodes.map((n) => n.id)).toEqual(['s', 'a', 'e']);
  });

  it('runs after v1-owner-names-to-people for a version 1 file', () => {
    const { people: _p, acceptedFindings: _a, nodes, ...v1 } = v2File;
    const v1Nodes = nodes.map(({ ownerId: _o, ...node }) => ({ ...node, owner: 'me' }));
    const result = parseMapFile(JSON.stringify({ ...v1, nodes: v1Nodes, version: 1 }));
    expect(result.ok && result.migrations).toEqual([
      'v1-owner-names-to-people',
      'v2-add-parallel-kind',
    ]);
  });

  it('accepts a parallel step in a file marked version 2, as version 3 allows it', () => {
    const bad = structuredClone(v2File);
    bad.nodes.push({ id: 'p', kind: 'parallel', label: '', position: { x: 0, y: 0 } });
    const result = parseMapFile(JSON.stringify(bad));
    expect(result.ok).toBe(true);
  });
});
