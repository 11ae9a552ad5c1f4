import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEdge, createNode, exampleMap, type ProcessMap } from '../model';
import { arbitraryMap } from './__fixtures__/arbitraryMap';
import { escapeXml, mapToSvg } from './exportSvg';

function withLabels(label: string): ProcessMap {
  const a = createNode('action', { x: 0, y: 0 }, { label });
  const b = createNode('decision', { x: 0, y: 200 }, { label });
  return {
    ...exampleMap(),
    name: label,
    nodes: [a, b],
    edges: [createEdge(a.id, b.id, { label })],
  };
}

describe('mapToSvg', () => {
  it('draws every step, every arrow with an arrowhead, and every label', () => {
    const map = exampleMap();
    const svg = mapToSvg(map);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/marker-end="url\(#lf-arrow\)"/g)).toHaveLength(map.edges.length);
    expect(svg.match(/<polygon /g)).toHaveLength(
      map.nodes.filter((n) => n.kind === 'decision').length,
    );
    for (const node of map.nodes) expect(svg).toContain(escapeXml(node.label.split(' ')[0] ?? ''));
  });

  it('draws two arrows running both ways between the same steps apart, as the canvas does', () => {
    const a = createNode('action', { x: 0, y: 0 }, { label: 'Draft' });
    const b = createNode('action', { x: 0, y: 240 }, { label: 'Review' });
    const map: ProcessMap = {
      ...exampleMap(),
      nodes: [a, b],
      edges: [createEdge(a.id, b.id), createEdge(b.id, a.id, { label: 'Changes' })],
    };
    const paths = [...mapToSvg(map).matchAll(/<path d="(M [^"]+)" fill="none"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(2);
    expect(paths[0]).toContain(' Q ');
    expect(paths[0]).not.toBe(paths[1]);
    // The two curves bow to opposite sides: their control points lie either side of the steps' centre line (x = 85).
    const controlX = paths.map((d) => Number(/ Q (\S+) /.exec(d ?? '')?.[1]));
    expect(Math.min(...controlX)).toBeLessThan(85 + 40 - 20);
    expect(Math.max(...controlX)).toBeGreaterThan(85 + 40 + 20);
  });

  it('keeps markup in labels as text: no script, no event attributes', () => {
    const svg = mapToSvg(withLabels('<script>alert(1)</script><img src=x onerror="alert(2)">'));
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<img/i);
    // Text may say "onerror=", but no tag carries an event attribute.
    expect(svg).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(svg).toContain('&#60;script&#62;');
  });

  it('is well-formed XML with no script for any labels (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryMap(), (map) => {
        const svg = mapToSvg(map);
        expect(svg).not.toMatch(/<script|<[^>]*\son[a-z]+=|<[^>]*javascript:/i);
        // Every < starts a tag we wrote.
        for (const tag of svg.match(/<\/?([a-zA-Z]+)/g) ?? []) {
          expect([
            'svg',
            'title',
            'defs',
            'marker',
            'path',
            'rect',
            'g',
            'polygon',
            'text',
            'tspan',
          ]).toContain(tag.replace(/[</]/g, ''));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('mapToSvg picture options (issue 15, item 19)', () => {
  it('is a clean picture by default: no markers, no title', () => {
    const svg = mapToSvg(exampleMap());
    expect(svg).not.toContain('class="marker');
    expect(svg).not.toContain('class="title"');
  });

  it("draws a marker on each step with findings, coloured by the worst, and the map's name as a title", () => {
    const map = exampleMap();
    const [first, second] = map.nodes;
    const markers = new Map([
      [first!.id, 'error' as const],
      [second!.id, 'info' as const],
    ]);
    const svg = mapToSvg(map, undefined, { markers, title: true });
    expect(svg.match(/class="marker marker-error"/g)).toHaveLength(1);
    expect(svg.match(/class="marker marker-info"/g)).toHaveLength(1);
    expect(svg).toContain(`class="title"`);
    expect(svg).toContain(`>${map.name}</text>`);
    // The title takes room above the map: the picture is taller than without it.
    const height = (s: string) => Number(/height="(\d+)"/.exec(s)?.[1]);
    expect(height(svg)).toBe(height(mapToSvg(map)) + 44);
  });

  it('escapes a title that holds markup', () => {
    const map = { ...exampleMap(), name: '<script>alert(1)</script> & co' };
    const svg = mapToSvg(map, undefined, { title: true });
    expect(svg).not.toMatch(/<script/);
    expect(svg).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; co');
  });
});
