import { describe, expect, it } from 'vitest';
import { exampleMap, type ProcessMap } from '../model';
import { applyMapPatch, diffMap, toTextPatch } from './mapPatch';

/** A copy as the worker holds it: structured clone, as postMessage makes. */
const clone = (map: ProcessMap) => structuredClone(map);

function bigMap(n: number): ProcessMap {
  const map = exampleMap();
  return {
    ...map,
    nodes: Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      kind: 'action' as const,
      label: `Step ${i}`,
      position: { x: 0, y: i * 100 },
    })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({
      id: `e${i}`,
      source: `n${i}`,
      target: `n${i + 1}`,
    })),
  };
}

describe('diffMap / applyMapPatch', () => {
  it('sends one step for a relabel, and the worker rebuilds the same map', () => {
    const before = bigMap(1000);
    const after = {
      ...before,
      nodes: before.nodes.map((n, i) => (i === 500 ? { ...n, label: 'Renamed' } : n)),
    };
    const patch = diffMap(before, after);
    expect(patch.kind).toBe('patch');
    if (patch.kind !== 'patch') return;
    expect(patch.nodes.map(([i]) => i)).toEqual([500]);
    expect(patch.edges).toEqual([]);
    expect(applyMapPatch(clone(before), structuredClone(patch))).toEqual(after);
  });

  it('handles appended and removed items at the end, and changed settings', () => {
    const before = bigMap(100);
    const appended = {
      ...before,
      name: 'New name',
      nodes: [
        ...before.nodes,
        { id: 'x', kind: 'end' as const, label: 'Done', position: { x: 1, y: 2 } },
      ],
      edges: before.edges.slice(0, -1),
    };
    const patch = diffMap(before, appended);
    expect(patch.kind).toBe('patch');
    expect(applyMapPatch(clone(before), structuredClone(patch))).toEqual(appended);
  });

  it('sends the whole map first, and when much of it changed', () => {
    const before = bigMap(1000);
    expect(diffMap(null, before).kind).toBe('full');
    // Deleting the first step shifts every later one.
    const shifted = { ...before, nodes: before.nodes.slice(1) };
    const patch = diffMap(before, shifted);
    expect(patch.kind).toBe('full');
    expect(applyMapPatch(clone(before), patch)).toEqual(shifted);
  });

  it('refuses a patch without the map it was made against', () => {
    const map = exampleMap();
    const patch = diffMap(map, { ...map, name: 'x' });
    expect(() => applyMapPatch(null, patch)).toThrow(/needs the map/);
  });

  it('sends a whole map as JSON text, and the worker rebuilds the same map from it', async () => {
    const map = bigMap(3000);
    // A label with characters of two, three and four bytes in UTF-8.
    map.nodes[0] = { ...(map.nodes[0] as ProcessMap['nodes'][number]), label: 'é€😀'.repeat(50) };
    const { patch, transfer } = await toTextPatch(map);
    expect(patch.kind === 'text' && patch.parts.length).toBeGreaterThan(0);
    expect(transfer).toHaveLength(patch.kind === 'text' ? patch.parts.length : 0);
    expect(applyMapPatch(null, structuredClone(patch, { transfer }))).toEqual(map);
  });
});
