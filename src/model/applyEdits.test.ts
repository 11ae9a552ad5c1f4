import { describe, expect, it } from 'vitest';
import { applyEdits } from './applyEdits';
import { exampleMap } from './exampleMap';
import { LIMITS } from './limits';

describe('applyEdits', () => {
  it('applies edits in order without changing the input map', () => {
    const map = exampleMap();
    const before = structuredClone(map);
    const next = applyEdits(map, [
      { type: 'addNode', node: { id: 'x', kind: 'end', label: 'Done', position: { x: 0, y: 0 } } },
      { type: 'addEdge', edge: { id: 'ex', source: 'r', target: 'x' } },
      { type: 'setNodeLabel', nodeId: 'x', label: 'Finished' },
      { type: 'setEdgeLabel', edgeId: 'e4', label: 'Not paid' },
    ]);
    expect(map).toEqual(before);
    expect(next.nodes.at(-1)).toMatchObject({ id: 'x', label: 'Finished' });
    expect(next.edges.find((e) => e.id === 'e4')?.label).toBe('Not paid');
  });

  it('removing a step removes its arrows', () => {
    const next = applyEdits(exampleMap(), [{ type: 'removeNode', nodeId: 'd' }]);
    expect(next.nodes.map((n) => n.id)).not.toContain('d');
    expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e5', 'e6']);
  });

  it('changing kind keeps label and position, and step fields only on steps', () => {
    const toDecision = applyEdits(exampleMap(), [
      { type: 'changeKind', nodeId: 'a', kind: 'decision' },
    ]);
    expect(toDecision.nodes[1]).toEqual({
      id: 'a',
      kind: 'decision',
      label: 'Check payment',
      position: { x: -10, y: 110 },
      durationMinutes: 5,
      ownerId: 'me',
      workType: 'non-productive',
    });
    const toEnd = applyEdits(exampleMap(), [{ type: 'changeKind', nodeId: 'a', kind: 'end' }]);
    expect(toEnd.nodes[1]).toEqual({
      id: 'a',
      kind: 'end',
      label: 'Check payment',
      position: { x: -10, y: 110 },
    });
  });

  it('skips edits whose target is missing and never duplicates ids', () => {
    const map = exampleMap();
    const next = applyEdits(map, [
      { type: 'setNodeLabel', nodeId: 'ghost', label: 'x' },
      { type: 'addEdge', edge: { id: 'e1', source: 'a', target: 'e' } },
    ]);
    expect(next.nodes).toEqual(map.nodes);
    expect(next.edges).toEqual(map.edges);
  });
});

describe('applyEdits: step fields and chances', () => {
  it('sets and removes step fields in place, keeping the step where it is in the file', () => {
    const map = exampleMap();
    const set = applyEdits(map, [
      { type: 'updateStep', nodeId: 'p', patch: { durationMinutes: 4, notes: 'n' } },
    ]);
    expect(set.nodes.findIndex((n) => n.id === 'p')).toBe(4);
    expect(set.nodes[4]).toMatchObject({ durationMinutes: 4, notes: 'n' });
    const cleared = applyEdits(set, [
      { type: 'updateStep', nodeId: 'p', patch: { durationMinutes: null } },
    ]);
    expect(cleared.nodes[4]).not.toHaveProperty('durationMinutes');
  });

  it('refuses a patch the schema would refuse, and ignores start and end', () => {
    const map = exampleMap();
    expect(
      applyEdits(map, [{ type: 'updateStep', nodeId: 'p', patch: { durationMinutes: -5 } }]),
    ).toEqual(map);
    expect(
      applyEdits(map, [{ type: 'updateStep', nodeId: 's', patch: { durationMinutes: 5 } }]),
    ).toEqual(map);
  });

  it('sets and removes an arrow chance', () => {
    const map = exampleMap();
    const set = applyEdits(map, [{ type: 'setProbability', edgeId: 'e4', probability: 0.1 }]);
    expect(set.edges[3]?.probability).toBe(0.1);
    expect(
      applyEdits(set, [{ type: 'setProbability', edgeId: 'e4', probability: null }]).edges[3],
    ).not.toHaveProperty('probability');
  });
});

describe('applyEdits: the map as a whole', () => {
  it('moves, renames, sets settings, people and accepted findings, and replaces the map', () => {
    const map = exampleMap();
    const person = { id: 'x', name: 'X', role: 'staff', hourlyCost: 20, hoursPerWeek: 5 } as const;
    const next = applyEdits(map, [
      { type: 'moveNode', nodeId: 'p', position: { x: 1, y: 2 } },
      { type: 'renameMap', name: 'Renamed' },
      { type: 'updateSettings', patch: { casesPerWeek: 3 } },
      { type: 'upsertPerson', person },
      { type: 'setFindingAccepted', key: 'k', accepted: true },
    ]);
    expect(next.nodes.find((n) => n.id === 'p')?.position).toEqual({ x: 1, y: 2 });
    expect(next.name).toBe('Renamed');
    expect(next.settings.casesPerWeek).toBe(3);
    expect(next.people.at(-1)).toEqual(person);
    expect(next.acceptedFindings).toEqual([{ key: 'k' }]);
    const owner = map.people[0]!.id;
    const gone = applyEdits(map, [{ type: 'removePerson', personId: owner }]);
    expect(gone.people.some((p) => p.id === owner)).toBe(false);
    expect(gone.nodes.some((n) => 'ownerId' in n && n.ownerId === owner)).toBe(false);
    expect(applyEdits(map, [{ type: 'replaceMap', map: next }])).toBe(next);
  });

  it('gives back the same map when no edit changes anything', () => {
    const map = exampleMap();
    const p = map.nodes.find((n) => n.id === 'p')!;
    expect(
      applyEdits(map, [
        { type: 'setNodeLabel', nodeId: 'p', label: p.label },
        { type: 'moveNode', nodeId: 'p', position: { ...p.position } },
        { type: 'renameMap', name: map.name },
        { type: 'updateSettings', patch: { ...map.settings } },
        { type: 'changeKind', nodeId: 'p', kind: p.kind },
        { type: 'removeNode', nodeId: 'ghost' },
        { type: 'setFindingAccepted', key: 'k', accepted: false },
      ]),
    ).toBe(map);
  });
});

describe('applyEdits: notes (instructions)', () => {
  it('sets notes on any kind of step, removes them when emptied, and bounds their length', () => {
    const map = exampleMap();
    const start = map.nodes.find((n) => n.kind === 'start');
    if (!start) throw new Error('the example has a start');
    const noted = applyEdits(map, [
      { type: 'setNodeNotes', nodeId: start.id, notes: 'Read the order e-mail' },
    ]);
    expect(noted.nodes.find((n) => n.id === start.id)?.notes).toBe('Read the order e-mail');
    const long = applyEdits(noted, [
      { type: 'setNodeNotes', nodeId: start.id, notes: 'x'.repeat(LIMITS.maxNotesLength + 10) },
    ]);
    expect(long.nodes.find((n) => n.id === start.id)?.notes).toHaveLength(LIMITS.maxNotesLength);
    const cleared = applyEdits(noted, [{ type: 'setNodeNotes', nodeId: start.id, notes: '' }]);
    expect(cleared.nodes.find((n) => n.id === start.id)).not.toHaveProperty('notes');
    expect(cleared.nodes.find((n) => n.id === start.id)).toEqual(start);
    expect(applyEdits(map, [{ type: 'setNodeNotes', nodeId: start.id, notes: '' }])).toBe(map);
  });

  it('keeps the reason given for a mark as intended, trimmed, and leaves out an empty one', () => {
    const map = exampleMap();
    const next = applyEdits(map, [
      { type: 'setFindingAccepted', key: 'a', accepted: true, note: '  On purpose ' },
      { type: 'setFindingAccepted', key: 'b', accepted: true, note: '   ' },
    ]);
    expect(next.acceptedFindings).toEqual([{ key: 'a', note: 'On purpose' }, { key: 'b' }]);
  });
});
