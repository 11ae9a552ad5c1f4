import { describe, expect, it } from 'vitest';
import { eventCount, type ImportedLog } from './EventLog';
import { readXes } from './readXes';

function read(text: string): ImportedLog {
  const result = readXes(text);
  if ('ok' in result) throw new Error(result.message);
  return result;
}

const header = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- made by a test -->
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <classifier name="Activity" keys="concept:name"/>
  <string key="concept:name" value="the log's own name"/>`;

describe('readXes', () => {
  it('reads traces and events without lifecycle (each event a completion)', () => {
    const { log, badCount } = read(`${header}
  <trace>
    <string key="concept:name" value="order &amp; 1"/>
    <event>
      <string key="concept:name" value="Check payment"/>
      <date key="time:timestamp" value="2024-01-02T09:00:00.000+01:00"/>
      <string key="org:resource" value="Ann"/>
    </event>
    <event>
      <date key="time:timestamp" value="2024-01-02T10:00:00Z"/>
      <string key="concept:name" value="Pack order"/>
      <list key="tags"><string key="concept:name" value="not the activity"/></list>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="2"/>
    <event><string key="concept:name" value="Check payment"/><date key="time:timestamp" value="2024-01-03T09:00:00Z"/></event>
  </trace>
</log>`);
    expect(badCount).toBe(0);
    expect(log.caseIds).toEqual(['order & 1', '2']);
    expect(log.activities).toEqual(['Check payment', 'Pack order']);
    expect(log.resources).toEqual(['Ann']);
    expect([...log.resource]).toEqual([0, -1, -1]);
    expect(log.time[0]).toBe(Date.UTC(2024, 0, 2, 8));
    expect(log.hasStart).toBe(false);
  });

  it('pairs lifecycle start and complete, and skips other transitions', () => {
    const ev = (name: string, time: string, transition: string) =>
      `<event><string key="concept:name" value="${name}"/><date key="time:timestamp" value="${time}"/><string key="lifecycle:transition" value="${transition}"/></event>`;
    const { log, ignoredTransitions } = read(`${header}
  <trace><string key="concept:name" value="c1"/>
    ${ev('Pack', '2024-01-02T09:00:00Z', 'schedule')}
    ${ev('Pack', '2024-01-02T10:00:00Z', 'start')}
    ${ev('Pack', '2024-01-02T10:45:00Z', 'complete')}
  </trace>
</log>`);
    expect(ignoredTransitions).toBe(1);
    expect(eventCount(log)).toBe(1);
    expect(log.hasStart).toBe(true);
    expect(log.time[0]! - log.start[0]!).toBe(45 * 60_000);
  });

  it('counts events it cannot read, with their line, and keeps the rest', () => {
    const result = read(`${header}
  <trace><string key="concept:name" value="c1"/>
    <event><string key="concept:name" value="Pack"/></event>
    <event><date key="time:timestamp" value="2024-01-02T10:00:00Z"/></event>
    <event><string key="concept:name" value="Ship"/><date key="time:timestamp" value="2024-01-02T11:00:00Z"/></event>
  </trace>
</log>`);
    expect(eventCount(result.log)).toBe(1);
    expect(result.badCount).toBe(2);
    expect(result.badRows).toEqual([
      { line: 9, reason: 'event has no readable time:timestamp' },
      { line: 10, reason: 'event has no concept:name' },
    ]);
  });

  it('refuses a file that is not XES, and reads an empty log', () => {
    expect(readXes('<html><body>hi</body></html>')).toMatchObject({ ok: false, code: 'not-xes' });
    expect(eventCount(read(`${header}</log>`).log)).toBe(0);
  });
});
