import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapChanges, diffMapsForRescue } from './mapChanges';

type Item = { id: string; v: number };
type Doc = { name: string; nodes: Item[]; edges: Item[] };

/** One edit to an immutable map, as the editor makes them (changed items are new objects). */
const editArb = fc.oneof(
  fc.record({
    t: fc.constant('add' as const),
    list: fc.constantFrom('nodes', 'edges'),
    id: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({
    t: fc.constant('remove' as const),
    list: fc.constantFrom('nodes', 'edges'),
    at: fc.nat(),
  }),
  fc.record({
    t: fc.constant('change' as const),
    list: fc.constantFrom('nodes', 'edges'),
    at: fc.nat(),
  }),
  fc.record({ t: fc.constant('reorder' as const), list: fc.constantFrom('nodes', 'edges') }),
  fc.record({ t: fc.constant('rename' as const), name: fc.string({ maxLength: 5 }) }),
);
type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

function apply(doc: Doc, edit: Edit): Doc {
  if (edit.t === 'rename') return { ...doc, name: edit.name };
  const list = doc[edit.list];
  switch (edit.t) {
    case 'add':
      return list.some((i) => i.id === `i${edit.id}`)
        ? doc
        : { ...doc, [edit.list]: [...list, { id: `i${edit.id}`, v: 0 }] };
    case 'remove':
      return list.length === 0
        ? doc
        : { ...doc, [edit.list]: list.filter((_, i) => i !== edit.at % list.length) };
    case 'change':
      return list.length === 0
        ? doc
        : {
            ...doc,
            [edit.list]: list.map((x, i) =>
              i === edit.at % list.length ? { ...x, v: x.v + 1 } : x,
            ),
          };
    case 'reorder':
      return { ...doc, [edit.list]: [...list].reverse() };
  }
}

const docArb = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }).map(
  (ids): Doc => ({
    name: 'm',
    nodes: ids.map((id) => ({ id: `i${id}`, v: 0 })),
    edges: ids.slice(0, 4).map((id) => ({ id: `i${id}`, v: 0 })),
  }),
);

describe('diffMapsForRescue / applyMapChanges', () => {
  it('the changes from the stored map, or from the one being written, rebuild the open map exactly', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(editArb, { maxLength: 8 }),
        fc.array(editArb, { maxLength: 8 }),
        (stored, toWriting, toOpen) => {
          const writing = toWriting.reduce(apply, stored);
          const open = toOpen.reduce(apply, writing);
          const real = diffMapsForRescue([stored, writing], open);
          expect(applyMapChanges(stored, real)).toEqual(open);
          expect(applyMapChanges(writing, real)).toEqual(open);
          // As written to and read back from localStorage.
          expect(applyMapChanges(writing, JSON.parse(JSON.stringify(real)))).toEqual(open);
        },
      ),
    );
  });

  it('holds only what changed: one edited step of 10,000 is a few hundred characters', () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) => ({
      id: `n${i}`,
      v: 0,
      label: 'x'.repeat(400),
    }));
    const stored = { name: 'Big', nodes, edges: [] };
    const open = { ...stored, nodes: nodes.map((n, i) => (i === 5 ? { ...n, v: 1 } : n)) };
    const text = JSON.stringify(diffMapsForRescue([stored], open));
    expect(text.length).toBeLessThan(1_000);
    expect(applyMapChanges(stored, JSON.parse(text))).toEqual(open);
  });
});
