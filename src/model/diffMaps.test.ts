import { describe, expect, it } from 'vitest';
import { applyEdits } from './applyEdits';
import { describeDiff, diffMaps } from './diffMaps';
import { exampleMap } from './exampleMap';
import { createEdge, createNode } from './factories';

describe('diffMaps', () => {
  it('names the steps added, removed and renamed, and counts arrows and other edits', () => {
    const before = exampleMap();
    const pack = before.nodes.find((n) => n.label === 'Pack order');
    const remind = before.nodes.find((n) => n.label === 'Send reminder');
    const check = before.nodes.find((n) => n.label === 'Check payment');
    if (!pack || !remind || !check) throw new Error('the example changed');
    const invoice = createNode('action', { x: 0, y: 600 }, { label: 'Send invoice' });
    const after = applyEdits(before, [
      { type: 'addNode', node: invoice },
      { type: 'addEdge', edge: createEdge(pack.id, invoice.id) },
      { type: 'removeNode', nodeId: remind.id },
      { type: 'setNodeLabel', nodeId: pack.id, label: 'Pack and label order' },
      { type: 'updateStep', nodeId: check.id, patch: { durationMinutes: 9 } },
    ]);
    const diff = diffMaps(before, after);
    expect(diff).toEqual({
      added: ['Send invoice'],
      removed: ['Send reminder'],
      renamed: [['Pack order', 'Pack and label order']],
      arrowsAdded: 1,
      arrowsRemoved: 2,
      changed: 1,
    });
    expect(describeDiff(diff)).toBe(
      "Added 'Send invoice'; removed 'Send reminder'; renamed 'Pack order' to 'Pack and label order'; 1 step edited; 1 arrow added; 2 arrows removed",
    );
  });

  it('says so when nothing changed, and shortens long lists', () => {
    const map = exampleMap();
    expect(describeDiff(diffMaps(map, map))).toBe('No changes to steps or arrows');
    const many = Array.from({ length: 5 }, (_, i) =>
      createNode('action', { x: i * 200, y: 0 }, { label: `Step ${i + 1}` }),
    );
    const grown = applyEdits(
      map,
      many.map((node) => ({ type: 'addNode', node })),
    );
    expect(describeDiff(diffMaps(map, grown))).toBe("Added 'Step 1', 'Step 2' and 3 more");
  });
});
