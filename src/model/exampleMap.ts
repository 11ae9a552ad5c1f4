import type { ProcessMap } from './types';

/** The small map a new user lands on: an order flow with a decision and a rework loop. */
export function exampleMap(): ProcessMap {
  return {
    format: 'leverflow-map',
    version: 3,
    name: 'Order fulfilment (example)',
    settings: {
      currency: 'USD',
      targetHourlyRate: 500,
      casesPerWeek: 20,
      defaultHandOffRate: 25,
      yearlyIncomeGoal: 260_000,
      productiveHoursPerYear: 520,
    },
    people: [
      { id: 'me', name: 'Me', role: 'owner', hourlyCost: 500, hoursPerWeek: 10 },
      { id: 'va', name: 'Virtual assistant', role: 'outsourcer', hourlyCost: 25, hoursPerWeek: 20 },
    ],
    nodes: [
      { id: 's', kind: 'start', label: 'Order received', position: { x: 0, y: 0 } },
      {
        id: 'a',
        kind: 'action',
        label: 'Check payment',
        position: { x: -10, y: 110 },
        durationMinutes: 5,
        ownerId: 'me',
        workType: 'non-productive',
      },
      { id: 'd', kind: 'decision', label: 'Paid?', position: { x: 10, y: 220 } },
      {
        id: 'r',
        kind: 'action',
        label: 'Send reminder',
        position: { x: 260, y: 230 },
        durationMinutes: 10,
        ownerId: 'me',
        workType: 'non-productive',
      },
      {
        id: 'p',
        kind: 'action',
        label: 'Pack order',
        position: { x: -10, y: 360 },
        durationMinutes: 15,
        ownerId: 'me',
        workType: 'non-productive',
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
    acceptedFindings: [],
  };
}
