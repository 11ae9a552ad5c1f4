import { describe, expect, it } from 'vitest';
import { type Person, parseMapData } from '../model';
import { handOffPack } from './handOffPack';
import { packMap } from './packMap';
import { packMarkdown } from './packMarkdown';
import { lineMap, ME } from './testing/leverageMap';

const MARIA: Person = {
  id: 'maria',
  name: 'Maria',
  role: 'outsourcer',
  hourlyCost: 15,
  hoursPerWeek: 20,
  agreement: {
    turnaroundHours: 24,
    onTimeBonusPercent: 25,
    escalateTo: 'Me',
    reviewCadence: 'Weekly',
  },
};

// s -> in (me) -> book (maria) -> ok? (maria, decision: Yes 0.8 -> send, No -> book) -> send (me) -> e
const map = lineMap(
  [
    { id: 'in', label: 'Take the enquiry', ownerId: 'me', durationMinutes: 10 },
    {
      id: 'book',
      label: 'Book the call',
      ownerId: 'maria',
      durationMinutes: 12,
      notes: 'Use the shared calendar.',
    },
    {
      id: 'ok',
      kind: 'decision',
      label: 'Slot confirmed?',
      ownerId: 'maria',
      durationMinutes: 2,
      sla: { turnaroundHours: 4 },
    },
    { id: 'send', label: 'Send the quote', ownerId: 'me', durationMinutes: 5, costPerCase: 3 },
  ],
  { people: [ME, MARIA], forward: { ok: 0.8 }, extraEdges: [['ok', 'book', 0.2]] },
);
map.edges = map.edges.map((e) =>
  e.source === 'ok' ? { ...e, label: e.target === 'send' ? 'Yes' : 'No' } : e,
);
map.nodes.reverse(); // flow order must not depend on file order

describe('handOffPack', () => {
  const pack = handOffPack(map, { personId: 'maria' }, '2026-11-30');

  it("lists the person's steps in flow order with what comes in and goes out", () => {
    expect(pack.title).toBe('Maria');
    expect(pack.ownerName).toBe('Me');
    expect(pack.date).toBe('2026-11-30');
    expect(pack.mapVersion).toMatch(/^[0-9a-f]{8} \(file format v3\)$/);
    expect(pack.steps.map((s) => s.label)).toEqual(['Book the call', 'Slot confirmed?']);
    const [book, ok] = pack.steps;
    expect(book!.comesFrom.sort()).toEqual(['Slot confirmed?', 'Take the enquiry']);
    expect(book!.goesTo).toEqual(['Slot confirmed?']);
    expect(book!.instructions).toBe('Use the shared calendar.');
    expect(ok!.branches).toEqual([
      { label: 'Yes', to: 'Send the quote' },
      { label: 'No', to: 'Book the call' },
    ]);
    // 1 / 0.8 = 1.25 visits a case x 20 cases.
    expect(book!.timesPerWeek).toBeCloseTo(25, 10);
  });

  it("gives each step the person's agreement with the step's overrides", () => {
    expect(pack.steps[0]!.agreement).toEqual(MARIA.agreement);
    expect(pack.steps[1]!.agreement).toEqual({ ...MARIA.agreement, turnaroundHours: 4 });
  });

  it('holds the part of the map they work in: their steps and one step either side', () => {
    expect(new Set(pack.partNodeIds)).toEqual(new Set(['in', 'book', 'ok', 'send']));
  });

  it('works for any selection of steps', () => {
    const sel = handOffPack(map, { nodeIds: ['send'] }, '2026-11-30');
    expect(sel.title).toBe('Selected steps');
    expect(sel.steps.map((s) => s.id)).toEqual(['send']);
  });

  it('writes Markdown with the agreement, each step and its instructions, escaped', () => {
    const text = packMarkdown([pack]);
    expect(text).toContain('# Hand-off pack: Maria');
    expect(text).toContain('From Me, 2026-11-30.');
    expect(text).toContain('- **Turnaround:** 24 h');
    expect(text).toContain('- **On-time bonus:** 25% for work on time without help');
    expect(text).toContain('- **Results reviewed:** Weekly');
    expect(text).toContain('### 1. Book the call');
    expect(text).toContain('### 2. Slot confirmed? (decision)');
    expect(text).toContain('- **If Yes:** go to Send the quote');
    expect(text).toContain('> Use the shared calendar.');
    const evil = handOffPack({ ...map, name: '# <script>' }, { personId: 'maria' }, '2026-11-30');
    expect(packMarkdown([evil])).toContain('Map: \\# \\<script\\>');
  });

  it('makes a read-only map file holding only their part, which loads as a map', () => {
    const part = packMap(map, pack);
    expect(part.handOff).toEqual({
      personName: 'Maria',
      ownerName: 'Me',
      date: '2026-11-30',
      mapName: 'leverage test',
    });
    expect(part.nodes.map((n) => n.id).sort()).toEqual(['book', 'in', 'ok', 'send']);
    expect(part.people.map((p) => p.name)).toEqual(['Maria']);
    // The steps around theirs carry no one's costs.
    expect(part.nodes.find((n) => n.id === 'send')).not.toHaveProperty('costPerCase');
    expect(part.edges.every((e) => ['in', 'book', 'ok', 'send'].includes(e.source))).toBe(true);
    const loaded = parseMapData(JSON.parse(JSON.stringify(part)));
    expect(loaded.ok).toBe(true);
  });
});
