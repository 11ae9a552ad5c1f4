import { describe, expect, it } from 'vitest';
import type { ShareSessionState } from './createShareSession';
import { shareStatusShort, shareStatusText } from './ShareControls';

const state = (patch: Partial<ShareSessionState>): ShareSessionState => ({
  connection: 'online',
  waiting: 0,
  access: null,
  peers: [],
  repairs: [],
  ...patch,
});

describe('the share status in the toolbar', () => {
  it('says Live, connecting, or how many changes wait while offline', () => {
    expect(shareStatusText(state({}))).toBe('Live');
    expect(shareStatusText(state({ connection: 'connecting' }))).toBe('Connecting…');
    expect(shareStatusText(state({ connection: 'offline', waiting: 1 }))).toBe(
      'offline — 1 change waiting',
    );
    expect(shareStatusText(state({ connection: 'offline', waiting: 3 }))).toBe(
      'offline — 3 changes waiting',
    );
  });

  it('has a short form for a narrow window that keeps the count and view-only', () => {
    expect(shareStatusShort(state({ connection: 'offline', waiting: 3 }), false)).toBe(
      'Offline · 3',
    );
    expect(shareStatusShort(state({}), true)).toBe('View · Live');
    expect(shareStatusShort(state({ connection: 'denied' }), false)).toBe('Link not valid');
  });
});
