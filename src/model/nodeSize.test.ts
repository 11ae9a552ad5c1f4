import { describe, expect, it } from 'vitest';
import { labelLines, NODE_SIZE, stepSize } from './nodeSize';
import { clampLines, wrapLabel } from './wrapLabel';

const action = (label: string, size?: { width: number; height: number }) => ({
  kind: 'action' as const,
  label,
  ...(size ? { size } : {}),
});

describe('stepSize (issue 15, item 3)', () => {
  it("a short label keeps the kind's size", () => {
    expect(stepSize(action('Send invoice'))).toEqual(NODE_SIZE.action);
    expect(stepSize({ kind: 'decision', label: 'Paid?' })).toEqual(NODE_SIZE.decision);
  });

  it('a long label makes the step taller first, then wider, up to a limit', () => {
    const four = stepSize(action('Check the signed contract against the proposal and the brief'));
    expect(four.width).toBe(NODE_SIZE.action.width);
    expect(four.height).toBeGreaterThan(NODE_SIZE.action.height);
    // Every line of the label fits in the grown step.
    const lines = wrapLabel('Check the signed contract against the proposal and the brief', 146);
    expect(labelLines('action', four)).toBeGreaterThanOrEqual(lines.length);
    const huge = stepSize(action('word '.repeat(100)));
    expect(huge).toEqual({ width: 260, height: 150 });
  });

  it('a size a person gave wins, within bounds', () => {
    expect(stepSize(action('x', { width: 300, height: 90 }))).toEqual({ width: 300, height: 90 });
    expect(stepSize(action('x', { width: 10, height: 5000 }))).toEqual({ width: 60, height: 400 });
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces, at line breaks and inside over-long words', () => {
    expect(wrapLabel('Send the welcome pack', 60)).toEqual(['Send the', 'welcome', 'pack']);
    expect(wrapLabel('Call\nclient', 200)).toEqual(['Call', 'client']);
    expect(wrapLabel('Supercalifragilistic', 36)).toEqual(['Super', 'calif', 'ragil', 'istic']);
  });

  it('cuts what does not fit with an ellipsis', () => {
    expect(clampLines(['one', 'two', 'three'], 2)).toEqual(['one', 'tw…']);
    expect(clampLines(['one'], 2)).toEqual(['one']);
  });
});
