import { describe, expect, it } from 'vitest';
import { createNode } from '../model';
import { findSteps } from './findSteps';

const nodes = [
  createNode('action', { x: 300, y: 100 }, { label: 'Send reminder' }),
  createNode('action', { x: 0, y: 100 }, { label: 'Check payment' }),
  createNode('decision', { x: 0, y: 200 }, { label: 'Paid?' }),
  { ...createNode('action', { x: 0, y: 0 }, { label: 'Update CV' }), notes: 'Attach the Résumé' },
];
const [remind, check, paid, cv] = nodes.map((n) => n.id);

describe('findSteps', () => {
  it('finds by label and by notes, any case and accents, in reading order', () => {
    expect(findSteps(nodes, 'PAY')).toEqual([check]);
    expect(findSteps(nodes, 'resume')).toEqual([cv]);
    expect(findSteps(nodes, 'e')).toEqual([cv, check, remind]);
    expect(findSteps(nodes, 'paid')).toEqual([paid]);
  });

  it('needs every word, and finds nothing for an empty query', () => {
    expect(findSteps(nodes, 'send remind')).toEqual([remind]);
    expect(findSteps(nodes, 'send payment')).toEqual([]);
    expect(findSteps(nodes, '   ')).toEqual([]);
  });
});
