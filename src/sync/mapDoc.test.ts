import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEdits, exampleMap, type ProcessMap } from '../model';
import { readMapFromDoc, writeMapToDoc } from './mapDoc';

/** Two docs that have exchanged everything. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const byId = (map: ProcessMap) => ({
  ...map,
  nodes: [...map.nodes].sort((x, y) => x.id.localeCompare(y.id)),
  edges: [...map.edges].sort((x, y) => x.id.localeCompare(y.id)),
});

describe('a map as a Y.Doc', () => {
  it('reads back exactly the map written', () => {
    const doc = new Y.Doc();
    const map = exampleMap();
    writeMapToDoc(doc, null, map, 'me');
    const { map: read, repairs } = readMapFromDoc(doc, map);
    expect(repairs).toEqual([]);
    expect(read).toBe(map); // nothing changed: the very same object comes back
    expect(byId(readMapFromDoc(doc).map)).toEqual(byId(map));
  });

  it('writes only what an edit changed', () => {
    const doc = new Y.Doc();
    const map = exampleMap();
    writeMapToDoc(doc, null, map, 'me');
    const moved = applyEdits(map, [{ type: 'moveNode', nodeId: 'p', position: { x: 5, y: 6 } }]);
    let updates = 0;
    doc.on('update', () => updates++);
    const before = Y.encodeStateAsUpdate(doc).length;
    writeMapToDoc(doc, map, moved, 'me');
    expect(updates).toBe(1);
    expect(Y.encodeStateAsUpdate(doc).length - before).toBeLessThan(100);
    expect(readMapFromDoc(doc).map.nodes.find((n) => n.id === 'p')?.position).toEqual({
      x: 5,
      y: 6,
    });
  });

  it('drops an arrow drawn to a step someone else deleted meanwhile, the same way on both sides', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const map = exampleMap();
    writeMapToDoc(a, null, map, 'a');
    sync(a, b);
    // A deletes "Pack order" while B draws an arrow to it.
    writeMapToDoc(a, map, applyEdits(map, [{ type: 'removeNode', nodeId: 'p' }]), 'a');
    const drawn = applyEdits(map, [
      { type: 'addEdge', edge: { id: 'late', source: 's', target: 'p' } },
    ]);
    writeMapToDoc(b, map, drawn, 'b');
    sync(a, b);
    const ra = readMapFromDoc(a);
    const rb = readMapFromDoc(b);
    expect(ra.map.edges.some((e) => e.id === 'late')).toBe(false);
    expect(byId(ra.map)).toEqual(byId(rb.map));
    expect(ra.repairs).toContain('Left out arrow late: its step was deleted meanwhile.');
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  });

  it('settles an id clash (two people add a step with the same id) on one step everywhere', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const map = exampleMap();
    writeMapToDoc(a, null, map, 'a');
    sync(a, b);
    const add = (label: string) =>
      applyEdits(map, [
        { type: 'addNode', node: { id: 'x', kind: 'action', label, position: { x: 0, y: 0 } } },
      ]);
    writeMapToDoc(a, map, add('From A'), 'a');
    writeMapToDoc(b, map, add('From B'), 'b');
    sync(a, b);
    const ra = readMapFromDoc(a).map;
    const rb = readMapFromDoc(b).map;
    expect(ra.nodes.filter((n) => n.id === 'x')).toHaveLength(1);
    expect(byId(ra)).toEqual(byId(rb));
  });

  it('leaves out a record that does not parse and says so, and never throws', () => {
    const doc = new Y.Doc();
    writeMapToDoc(doc, null, exampleMap(), 'me');
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'rocket');
    bad.set('label', 42);
    doc.getMap('nodes').set('bad', bad);
    doc.getMap('settings').set('casesPerWeek', -5);
    const { map, repairs } = readMapFromDoc(doc);
    expect(map.nodes.some((n) => n.id === 'bad')).toBe(false);
    expect(repairs.some((r) => r.startsWith('Left out step bad'))).toBe(true);
    expect(repairs.some((r) => r.startsWith("Reset the map's settings"))).toBe(true);
    expect(map.settings.casesPerWeek).toBe(10);
  });
});
