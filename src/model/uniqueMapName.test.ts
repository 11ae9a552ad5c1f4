import { describe, expect, it } from 'vitest';
import { nameAfterStart, uniqueMapName } from './uniqueMapName';

describe('uniqueMapName', () => {
  it('keeps a free name and numbers a taken one', () => {
    expect(uniqueMapName('Onboarding', ['Sales'])).toBe('Onboarding');
    expect(uniqueMapName('Onboarding', ['Onboarding'])).toBe('Onboarding (2)');
    expect(uniqueMapName('Onboarding', ['Onboarding', 'Onboarding (2)'])).toBe('Onboarding (3)');
    expect(uniqueMapName('Onboarding (2)', ['Onboarding', 'Onboarding (2)'])).toBe(
      'Onboarding (3)',
    );
  });
});

describe('nameAfterStart', () => {
  const nodes = [
    { kind: 'action', label: 'Pack' },
    { kind: 'start', label: '  ' },
    { kind: 'start', label: ' Order received ' },
  ];
  it('names a pasted map after its first named start', () => {
    expect(nameAfterStart({ name: 'the pasted text', nodes }, 'the pasted text').name).toBe(
      'Order received',
    );
    expect(nameAfterStart({ name: 'the pasted text', nodes: [] }, 'the pasted text').name).toBe(
      'Pasted map',
    );
    expect(nameAfterStart({ name: 'Sales', nodes }, 'the pasted text').name).toBe('Sales');
  });
});
