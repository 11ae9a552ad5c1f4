// Writes the sample event logs in public/samples/ from the example map, with the seeded case
// simulator (src/eventlog/simulateCases.ts). Run again after changing the example map:
//   npx tsx scripts/makeSampleLogs.ts
// The same seeds give the same files, byte for byte.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { type SimulatedEvent, simulateCases } from '../src/eventlog/simulateCases';
import { exampleMap } from '../src/model/exampleMap';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'samples');

/** The example map as it runs: the virtual assistant packs the orders. */
const map = exampleMap();
const running = {
  ...map,
  nodes: map.nodes.map((n) => (n.id === 'p' ? { ...n, ownerId: 'va' } : n)),
};
/** Mean waits before each step (minutes): a reminder goes out after a day, packing waits. */
const waitMinutes = { a: 30, r: 24 * 60, p: 10 * 60 };
const iso = (ms: number) =>
  new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function simulate(
  cases: number,
  seed: number,
  detours: { fromId: string; toId: string; share: number }[],
) {
  const events: SimulatedEvent[] = [];
  const result = simulateCases(running, { cases, seed, waitMinutes, detours }, (e) =>
    events.push(e),
  );
  if (!result.ok) throw new Error(result.message);
  return events;
}

// 1. CSV, 400 orders, one planted deviation: after a reminder, a quarter of the orders are
//    packed without checking the payment again (the map has no arrow for that).
const csvEvents = simulate(400, 19, [{ fromId: 'r', toId: 'p', share: 0.25 }]);
writeFileSync(
  join(OUT, 'order-fulfilment.csv'),
  `${Papa.unparse({
    fields: ['Case ID', 'Activity', 'Start', 'Complete', 'Resource'],
    data: csvEvents.map((e) => [e.caseId, e.activity, iso(e.start), iso(e.time), e.resource ?? '']),
  })}\n`,
);

// 2. XES (IEEE 1849), 300 orders that follow the map, with lifecycle start and complete.
const xesEvents = simulate(300, 20, []);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const lines = [
  '<?xml version="1.0" encoding="UTF-8" ?>',
  '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
  '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
  '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
  '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
  '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
  '  <string key="concept:name" value="Order fulfilment (example), simulated"/>',
];
let open: string | null = null;
const event = (e: SimulatedEvent, transition: string, time: number) =>
  `    <event><string key="concept:name" value="${esc(e.activity)}"/><string key="org:resource" value="${esc(e.resource ?? '')}"/><string key="lifecycle:transition" value="${transition}"/><date key="time:timestamp" value="${iso(time)}"/></event>`;
for (const e of xesEvents) {
  if (e.caseId !== open) {
    if (open !== null) lines.push('  </trace>');
    lines.push('  <trace>', `    <string key="concept:name" value="${esc(e.caseId)}"/>`);
    open = e.caseId;
  }
  lines.push(event(e, 'start', e.start), event(e, 'complete', e.time));
}
if (open !== null) lines.push('  </trace>');
lines.push('</log>', '');
writeFileSync(join(OUT, 'order-fulfilment.xes'), lines.join('\n'));
console.log(`wrote ${csvEvents.length} CSV events and ${xesEvents.length} XES events to ${OUT}`);
