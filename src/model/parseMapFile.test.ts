import { describe, expect, it } from 'vitest';
import { exampleMap } from './exampleMap';
import { LIMITS } from './limits';
import { formatMapErrors, parseMapFile } from './parseMapFile';
import { serializeMap } from './serializeMap';

const valid = () => exampleMap();
const text = (value: unknown) => JSON.stringify(value);

function errorsOf(input: string): string {
  const result = parseMapFile(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return formatMapErrors(result.errors);
}

describe('parseMapFile', () => {
  it('reads the example file of DESIGN.md §2 and round-trips through serializeMap', () => {
    const map = valid();
    const result = parseMapFile(serializeMap(map));
    expect(result).toEqual({ ok: true, map, migrations: [] });
  });

  it('fills default settings when a file has none', () => {
    const { settings: _settings, ...rest } = valid();
    const result = parseMapFile(text(rest));
    expect(result.ok && result.map.settings).toEqual({
      currency: 'USD',
      targetHourlyRate: 100,
      casesPerWeek: 10,
      defaultHandOffRate: 25,
    });
  });

  it.each([
    ['not JSON', '{"format":', /^\(file\): not JSON/],
    ['a JSON array', '[]', /^\(file\): expected a JSON object/],
    ['no format', text({ version: 1 }), /^format: missing/],
    [
      'a wrong format',
      text({ ...valid(), format: 'drawio' }),
      /^format: expected "leverflow-map", got "drawio"/,
    ],
    [
      'a newer version',
      text({ ...valid(), version: 99 }),
      /saved by a newer Leverflow \(file version 99\)/,
    ],
    [
      'a version that is not a number',
      text({ ...valid(), version: 'one' }),
      /^version: expected a whole number/,
    ],
  ])('refuses %s with a clear message', (_name, input, message) => {
    expect(errorsOf(input)).toMatch(message);
  });

  it('names the path of a wrong node kind and lists the kinds', () => {
    const map = valid();
    const nodes: unknown[] = [...map.nodes];
    nodes[3] = { ...map.nodes[3], kind: 'gateway' };
    expect(errorsOf(text({ ...map, nodes }))).toContain(
      'nodes[3].kind: expected one of start, end, action, decision',
    );
  });

  it('names the path of missing and mistyped fields', () => {
    const map = valid();
    const nodes: unknown[] = [...map.nodes];
    nodes[1] = { id: 'a', kind: 'action', label: 7 };
    const message = errorsOf(text({ ...map, nodes }));
    expect(message).toContain('nodes[1].label: expected string, received number');
    expect(message).toContain('nodes[1].position: expected object, received undefined');
  });

  it('refuses arrows to missing steps and duplicate ids', () => {
    const map = valid();
    const bad = {
      ...map,
      nodes: [...map.nodes, { ...map.nodes[0] }],
      edges: [...map.edges, { id: 'e1', source: 's', target: 'ghost' }],
    };
    const message = errorsOf(text(bad));
    expect(message).toContain('nodes[6].id: duplicate step id "s"');
    expect(message).toContain('edges[6].id: duplicate arrow id "e1"');
    expect(message).toContain('edges[6].target: arrow points to a missing step "ghost"');
  });

  it('refuses over-long labels and too many steps', () => {
    const map = valid();
    const long = {
      ...map,
      nodes: map.nodes.map((n, i) =>
        i === 2 ? { ...n, label: 'x'.repeat(LIMITS.maxLabelLength + 1) } : n,
      ),
    };
    expect(errorsOf(text(long))).toMatch(/^nodes\[2\]\.label: Too big/);
    const many = { ...map, nodes: Array.from({ length: LIMITS.maxNodes + 1 }, () => map.nodes[0]) };
    expect(errorsOf(text(many))).toMatch(
      /^nodes: a map holds at most 50000 steps; this one has 50001/,
    );
  });

  it('refuses files over 20 MB before parsing them', () => {
    expect(errorsOf(' '.repeat(LIMITS.maxFileBytes + 1))).toMatch(/larger than 20 MB/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the key %s (no prototype pollution)',
    (key) => {
      const input = `{"format":"leverflow-map","version":1,"name":"x","nodes":[],"edges":[],"${key}":{"polluted":true}}`;
      expect(errorsOf(input)).toContain(`the key "${key}" is not allowed`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('refuses non-finite and out-of-range numbers', () => {
    const map = valid();
    const bad = {
      ...map,
      edges: map.edges.map((e, i) => (i === 0 ? { ...e, probability: 1.5 } : e)),
    };
    expect(errorsOf(text(bad))).toMatch(/^edges\[0\]\.probability: Too big/);
  });
});
