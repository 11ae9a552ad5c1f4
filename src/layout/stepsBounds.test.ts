import { describe, expect, it } from 'vitest';
import { createNode } from '../model';
import { NODE_SIZE } from './nodeSize';
import { stepsBounds } from './stepsBounds';

describe('stepsBounds', () => {
  const nodes = [
    createNode('start', { x: -100, y: 20 }, { id: 's', label: 'Go' }),
    createNode('action', { x: 400, y: 300 }, { id: 'a', label: 'Work' }),
    createNode('end', { x: 900, y: -50 }, { id: 'e', label: 'Done' }),
  ];

  it('is the box around every step at its own size', () => {
    expect(stepsBounds(nodes)).toEqual({
      x: -100,
      y: -50,
      width: 900 + NODE_SIZE.end.width + 100,
      height: 300 + NODE_SIZE.action.height + 50,
    });
  });

  it('counts only the steps asked for, and is null when there is none', () => {
    expect(stepsBounds(nodes, new Set(['a']))).toEqual({
      x: 400,
      y: 300,
      ...NODE_SIZE.action,
    });
    expect(stepsBounds(nodes, new Set(['missing']))).toBeNull();
    expect(stepsBounds([])).toBeNull();
  });
});
