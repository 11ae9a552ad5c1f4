import { describe, expect, it } from 'vitest';
import { createMap, exampleMap, parseMapData } from '../model';
import { createEditorStore } from './createEditorStore';

const fresh = () => createEditorStore(exampleMap());
const labels = (store: ReturnType<typeof fresh>) => store.getState().map.nodes.map((n) => n.label);

describe('editor store', () => {
  it('keeps a hand-off map read-only until a copy replaces it', () => {
    const info = { personName: 'Maria', ownerName: 'Me', date: '2026-11-30', mapName: 'Orders' };
    const store = createEditorStore({ ...exampleMap(), handOff: info });
    const before = store.getState().map;
    store.getState().updateStep('a', { ownerId: 'va' });
    store.getState().setNodeLabel('a', 'Changed');
    store.getState().selectAll();
    store.getState().deleteSelection();
    expect(store.getState().map).toBe(before);
    const { handOff: _gone, ...copy } = before;
    store.getState().applyEdits([{ type: 'replaceMap', map: copy }]);
    store.getState().setNodeLabel('a', 'Changed');
    expect(store.getState().map.nodes.find((n) => n.id === 'a')?.label).toBe('Changed');
  });

  it('keeps the selection Sets when a selection does not change who is selected', () => {
    const store = createEditorStore(exampleMap());
    store.getState().select(['a', 'd'], ['e1']);
    const { selectedNodeIds, selectedEdgeIds } = store.getState();
    store.getState().select(['d', 'a'], ['e1']);
    expect(store.getState().selectedNodeIds).toBe(selectedNodeIds);
    expect(store.getState().selectedEdgeIds).toBe(selectedEdgeIds);
    store.getState().select(['a'], ['e1']);
    expect([...store.getState().selectedNodeIds]).toEqual(['a']);
    expect(store.getState().selectedEdgeIds).toBe(selectedEdgeIds);
  });

  it('keeps the selection Sets through an edit that removes none of them, and drops only what an edit removed', () => {
    const store = createEditorStore(exampleMap());
    store.getState().select(['a', 'd'], ['e1']);
    const { selectedNodeIds, selectedEdgeIds } = store.getState();
    store.getState().applyEdits([{ type: 'moveNode', nodeId: 'b', position: { x: 9, y: 9 } }]);
    expect(store.getState().selectedNodeIds).toBe(selectedNodeIds);
    expect(store.getState().selectedEdgeIds).toBe(selectedEdgeIds);
    store.getState().applyEdits([{ type: 'removeNode', nodeId: 'd' }]);
    expect([...store.getState().selectedNodeIds]).toEqual(['a']);
    store.getState().startEditing({ type: 'edge', id: 'e1' });
    store.getState().applyEdits([{ type: 'removeEdge', edgeId: 'e1' }]);
    expect(store.getState().selectedEdgeIds.size).toBe(0);
    expect(store.getState().editing).toBeNull();
  });

  it('adds a step, selects it, and undoes and redoes it', () => {
    const store = fresh();
    const id = store.getState().addNode('action', { x: 5, y: 6 });
    expect(store.getState().map.nodes.at(-1)).toMatchObject({
      id,
      kind: 'action',
      position: { x: 5, y: 6 },
    });
    expect([...store.getState().selectedNodeIds]).toEqual([id]);
    store.getState().undo();
    expect(store.getState().map.nodes.some((n) => n.id === id)).toBe(false);
    expect(store.getState().selectedNodeIds.size).toBe(0);
    store.getState().redo();
    expect(store.getState().map.nodes.some((n) => n.id === id)).toBe(true);
  });

  it('labels arrows out of a decision Yes, then No, then nothing', () => {
    const store = createEditorStore(createMap());
    const s = store.getState();
    const d = s.addNode('decision', { x: 0, y: 0 });
    const a = s.addNode('action', { x: 0, y: 0 });
    const b = s.addNode('action', { x: 0, y: 0 });
    const c = s.addNode('action', { x: 0, y: 0 });
    s.connect(d, a);
    s.connect(d, b);
    s.connect(d, c);
    s.connect(a, b);
    expect(store.getState().map.edges.map((e) => e.label)).toEqual([
      'Yes',
      'No',
      undefined,
      undefined,
    ]);
  });

  it('adds the next step below, connected, in label editing', () => {
    const store = fresh();
    const id = store.getState().addNextStep('p');
    const { map, editing } = store.getState();
    const from = map.nodes.find((n) => n.id === 'p');
    const next = map.nodes.find((n) => n.id === id);
    expect(next?.kind).toBe('action');
    expect(next!.position.y).toBeGreaterThan(from!.position.y + 60);
    expect(map.edges.at(-1)).toMatchObject({ source: 'p', target: id });
    expect(editing).toEqual({ type: 'node', id });
    // One undo step removes both the step and its arrow.
    store.getState().undo();
    expect(store.getState().map).toEqual(exampleMap());
  });

  it('makes a whole drag one undo step', () => {
    const store = fresh();
    const s = store.getState();
    s.beginDrag();
    for (let i = 1; i <= 30; i++) s.moveNodes(new Map([['p', { x: i * 10, y: 360 }]]));
    s.endDrag();
    expect(store.getState().map.nodes.find((n) => n.id === 'p')?.position).toEqual({
      x: 300,
      y: 360,
    });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().map.nodes.find((n) => n.id === 'p')?.position).toEqual({
      x: -10,
      y: 360,
    });
  });

  it('does not record selection or no-op changes in the history', () => {
    const store = fresh();
    store.getState().selectAll();
    store.getState().setNodeLabel('a', 'Check payment');
    store.getState().clearSelection();
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('deletes the selection with the arrows of deleted steps, as one undo step', () => {
    const store = fresh();
    store.getState().select(['d'], ['e6']);
    store.getState().deleteSelection();
    expect(store.getState().map.edges.map((e) => e.id)).toEqual(['e1', 'e5']);
    store.getState().undo();
    expect(store.getState().map).toEqual(exampleMap());
  });

  it('copies and pastes steps with fresh ids and the arrows between them', () => {
    const store = fresh();
    store.getState().select(['p', 'e'], []);
    const text = store.getState().copySelection();
    expect(text).not.toBeNull();
    expect(store.getState().paste(text!)).toBe(true);
    const { map, selectedNodeIds } = store.getState();
    expect(map.nodes).toHaveLength(8);
    expect(labels(store).slice(-2)).toEqual(['Pack order', 'Shipped']);
    const pasted = map.nodes.slice(-2);
    expect(pasted.every((n) => n.id !== 'p' && n.id !== 'e')).toBe(true);
    expect(map.edges.at(-1)).toMatchObject({ source: pasted[0]!.id, target: pasted[1]!.id });
    expect([...selectedNodeIds]).toEqual(pasted.map((n) => n.id));
  });

  it('pastes nothing from text that is not a map, and says why', () => {
    const store = fresh();
    expect(store.getState().paste('hello')).toBe(false);
    expect(store.getState().map).toEqual(exampleMap());
    expect(store.getState().notice).toMatch(/Nothing pasted/);
  });

  it('cuts: copies then deletes', () => {
    const store = fresh();
    store.getState().select(['r'], []);
    const text = store.getState().cutSelection();
    expect(text).toContain('Send reminder');
    expect(labels(store)).not.toContain('Send reminder');
  });

  it('duplicates the selection beside the original', () => {
    const store = fresh();
    store.getState().select(['r'], []);
    store.getState().duplicateSelection();
    const copies = store.getState().map.nodes.filter((n) => n.label === 'Send reminder');
    expect(copies).toHaveLength(2);
    expect(copies[1]!.position.x).toBe(copies[0]!.position.x + 40);
  });

  it('applies a list of edits as one undo step', () => {
    const store = fresh();
    store.getState().applyEdits([
      { type: 'setNodeLabel', nodeId: 'a', label: 'Verify payment' },
      { type: 'removeEdge', edgeId: 'e5' },
    ]);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().map).toEqual(exampleMap());
  });

  it('loading a map clears history and selection', () => {
    const store = fresh();
    store.getState().addNode('end', { x: 0, y: 0 });
    store.getState().loadMap(createMap('Blank'));
    expect(store.getState().map.name).toBe('Blank');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().selectedNodeIds.size).toBe(0);
  });

  it('sets and clears a step duration and an arrow probability', () => {
    const store = fresh();
    store.getState().setNodeDuration('p', 20);
    store.getState().setEdgeProbability('e4', 0.1);
    expect(store.getState().map.nodes.find((n) => n.id === 'p')).toMatchObject({
      durationMinutes: 20,
    });
    expect(store.getState().map.edges.find((e) => e.id === 'e4')?.probability).toBe(0.1);
    store.getState().setNodeDuration('p', undefined);
    expect(store.getState().map.nodes.find((n) => n.id === 'p')).not.toHaveProperty(
      'durationMinutes',
    );
  });
});

describe('editor store: leverage data', () => {
  it('updates step fields, settings and people as undoable changes', () => {
    const store = fresh();
    const s = store.getState();
    s.updateStep('p', {
      ownerId: 'va',
      costPerCase: 2,
      sla: { turnaroundHours: 24, metric: 'Orders packed right' },
    });
    s.updateSettings({ targetHourlyRate: 400, targetTurnaroundHours: 48 });
    s.upsertPerson({ id: 'sam', name: 'Sam', role: 'staff', hourlyCost: 30, hoursPerWeek: 40 });
    const { map } = store.getState();
    expect(map.nodes.find((n) => n.id === 'p')).toMatchObject({
      ownerId: 'va',
      costPerCase: 2,
      sla: { turnaroundHours: 24 },
    });
    expect(map.settings).toMatchObject({ targetHourlyRate: 400, targetTurnaroundHours: 48 });
    expect(map.people.map((p) => p.id)).toEqual(['me', 'va', 'sam']);
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().map).toEqual(exampleMap());
  });

  it('removing a person leaves their steps without an owner', () => {
    const store = fresh();
    store.getState().removePerson('me');
    const { map } = store.getState();
    expect(map.people.map((p) => p.id)).toEqual(['va']);
    expect(map.nodes.some((n) => 'ownerId' in n && n.ownerId === 'me')).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('pasting steps from another map keeps only owners who are people of this map', () => {
    const source = fresh();
    source.getState().select(['a', 'p'], []);
    const text = source.getState().copySelection()!;
    const target = fresh();
    target.getState().removePerson('me');
    target.getState().paste(text);
    const pasted = target.getState().map.nodes.slice(-2);
    expect(pasted.map((n) => ('ownerId' in n ? n.ownerId : undefined))).toEqual([
      undefined,
      undefined,
    ]);
    expect(parseMapData(target.getState().map).ok).toBe(true);
  });

  it('renaming the second person leaves the first as it was (person ids are unique)', () => {
    const store = fresh();
    const [first, second] = store.getState().map.people;
    store.getState().upsertPerson({ ...second!, name: 'Renamed' });
    expect(store.getState().map.people.map((p) => p.name)).toEqual([first!.name, 'Renamed']);
  });

  it('marks a finding as intended and clears the mark', () => {
    const store = fresh();
    store.getState().setFindingAccepted('rework-loop:a,d,r:', true);
    expect(store.getState().map.acceptedFindings).toEqual([{ key: 'rework-loop:a,d,r:' }]);
    store.getState().setFindingAccepted('rework-loop:a,d,r:', true);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().setFindingAccepted('rework-loop:a,d,r:', false);
    expect(store.getState().map.acceptedFindings).toEqual([]);
  });

  it('keeps the reason given for a mark, trimmed, and leaves out an empty one', () => {
    const store = fresh();
    store.getState().setFindingAccepted('rework-loop:a,d,r:', true, '  Reminders are on purpose ');
    store.getState().setFindingAccepted('fan-in:d:', true, '   ');
    expect(store.getState().map.acceptedFindings).toEqual([
      { key: 'rework-loop:a,d,r:', note: 'Reminders are on purpose' },
      { key: 'fan-in:d:' },
    ]);
    expect(store.temporal.getState().pastStates).toHaveLength(2);
  });
});

describe('editor store: the file limits (issue 13 item 7)', () => {
  it('refuses, with a notice, a duplicate that would cross 50,000 steps, and keeps the map as it was', () => {
    const many = {
      ...createMap('Many'),
      nodes: Array.from({ length: 25_001 }, (_, i) => ({
        id: `n${i}`,
        kind: 'action' as const,
        label: `Step ${i}`,
        position: { x: (i % 200) * 200, y: Math.floor(i / 200) * 120 },
      })),
    };
    const store = createEditorStore(many);
    store.getState().selectAll();
    store.getState().duplicateSelection();
    expect(store.getState().map.nodes).toHaveLength(25_001);
    expect(store.getState().notice).toMatch(/would have 50,002 steps.*at most 50,000/);
    // The map its export writes still opens.
    expect(parseMapData(JSON.parse(JSON.stringify(store.getState().map))).ok).toBe(true);
  });

  it('keeps a step moved or duplicated past 10,000,000 px at the edge, so the map opens again', () => {
    const store = createEditorStore(exampleMap());
    const id = store.getState().map.nodes[1]?.id ?? '';
    store.getState().moveNodes(new Map([[id, { x: 10_000_040, y: -12_000_000 }]]));
    expect(store.getState().map.nodes[1]?.position).toEqual({ x: 10_000_000, y: -10_000_000 });
    store.setState({ selectedNodeIds: new Set([id]) });
    store.getState().duplicateSelection();
    const copy = store.getState().map.nodes.at(-1);
    expect(copy?.id).not.toBe(id);
    expect(copy?.position.x).toBe(10_000_000);
    expect(parseMapData(JSON.parse(JSON.stringify(store.getState().map))).ok).toBe(true);
  });
});
