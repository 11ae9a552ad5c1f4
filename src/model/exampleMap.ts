import type { ProcessMap } from './types';

/** The small map a new user lands on: an order flow with a decision and a rework loop. */
export function exampleMap(): ProcessMap {
  return {
    format: 'leverflow-map',
    version: 1,
    name: 'Order fulfilment (example)',
    settings: { currency: 'USD', targetHourlyRate: 500, casesPerWeek: 20 },
    nodes: [
      { id: 's', kind: 'start', label: 'Order received', position: { x: 0, y: 0 } },
      {
        id: 'a',
        kind: 'action',
        label: 'Check payment',
        position: { x: -10, y: 110 },
        durationMinutes: 5,
        owner: 'me',
      },
      { id: 'd', kind: 'decision', label: 'Paid?', position: { x: 10, y: 220 } },
      {
        id: 'r',
        kind: 'action',
        label: 'Send reminder',
        position: { x: 260, y: 230 },
        durationMinutes: 10,
        owner: 'me',
      },
      {
        id: 'p',
        kind: 'action',
        label: 'Pack order',
        position: { x: -10, y: 360 },
        durationMinutes: 15,
        owner: 'me',
      },
      { id: 'e', kind: 'end', label: 'Shipped', position: { x: 0, y: 470 } },
    ],
    edges: [
      { id: 'e1', source: 's', target: 'a' },
      { id: 'e2', source: 'a', target: 'd' },
      { id: 'e3', source: 'd', target: 'p', label: 'Yes', probability: 0.9 },
      { id: 'e4', source: 'd', target: 'r', label: 'No' },
      { id: 'e5', source: 'r', target: 'a' },
      { id: 'e6', source: 'p', target: 'e' },
    ],
  };
}
