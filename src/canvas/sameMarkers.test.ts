import { describe, expect, it } from 'vitest';
import { sameMarkers } from './sameMarkers';

const f = (rule: string, severity: 'error' | 'warning' | 'info', message: string) => ({
  rule,
  severity,
  message,
});

describe('sameMarkers', () => {
  it('is true for equal lists that are different objects, and for two missing lists', () => {
    expect(sameMarkers([f('dead-end', 'error', 'm')], [f('dead-end', 'error', 'm')])).toBe(true);
    expect(sameMarkers(undefined, undefined)).toBe(true);
  });

  it.each([
    ['another message', [f('dead-end', 'error', 'n')]],
    ['another severity', [f('dead-end', 'warning', 'm')]],
    ['another rule', [f('unreachable', 'error', 'm')]],
    ['one more finding', [f('dead-end', 'error', 'm'), f('fan-in', 'info', 'x')]],
    ['no findings', undefined],
  ])('is false for %s', (_name, other) => {
    expect(sameMarkers([f('dead-end', 'error', 'm')], other)).toBe(false);
  });

  it('is false when the same findings come in another order', () => {
    const a = [f('dead-end', 'error', 'm'), f('fan-in', 'info', 'x')];
    expect(sameMarkers(a, [...a].reverse())).toBe(false);
  });
});
