import { describe, expect, it } from 'vitest';
import { exampleMap } from '../model';
import { sameStepExceptPosition } from './useStep';

describe('sameStepExceptPosition', () => {
  const step = exampleMap().nodes[1]!;
  it('ignores a move', () => {
    expect(sameStepExceptPosition(step, { ...step, position: { x: 9, y: 9 } })).toBe(true);
  });
  it('sees any other change, an added field, or a missing step', () => {
    expect(sameStepExceptPosition(step, { ...step, label: 'Other' })).toBe(false);
    expect(sameStepExceptPosition(step, { ...step, notes: 'Call first' })).toBe(false);
    expect(sameStepExceptPosition(step, undefined)).toBe(false);
    expect(sameStepExceptPosition(undefined, undefined)).toBe(true);
  });
});
