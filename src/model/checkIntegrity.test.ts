import { describe, expect, it } from 'vitest';
import { exampleMap } from './exampleMap';
import { parseMapData } from './parseMapFile';

describe('checkIntegrity: people', () => {
  it('refuses two people with one id (renaming one would rename the other)', () => {
    const map = exampleMap();
    const parsed = parseMapData({
      ...map,
      people: [...map.people, { ...map.people[0]!, name: 'Twin' }],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toEqual([
        { path: 'people[2].id', message: `duplicate person id "${map.people[0]!.id}"` },
      ]);
    }
  });

  it('refuses a step whose owner is no one in the map', () => {
    const map = exampleMap();
    const parsed = parseMapData({
      ...map,
      nodes: map.nodes.map((n) => (n.id === 'p' ? { ...n, ownerId: 'nobody' } : n)),
    });
    expect(!parsed.ok && parsed.errors).toEqual([
      { path: 'nodes[4].ownerId', message: `owner "nobody" is not one of the map's people` },
    ]);
  });

  it('accepts the example, whose owners are all its people', () => {
    expect(parseMapData(exampleMap()).ok).toBe(true);
  });
});
