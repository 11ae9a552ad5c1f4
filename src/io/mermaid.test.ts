import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleMap, type ProcessMap, parseMapData } from '../model';
import { arbitraryMap } from './__fixtures__/arbitraryMap';
import { exportMermaid, ImportError, importMermaid } from './mermaid';

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

const steps = (map: ProcessMap) => map.nodes.map((n) => [n.id, n.kind, n.label]);
const arrows = (map: ProcessMap) =>
  map.edges.map((e) =>
    e.label === undefined ? [e.source, e.target] : [e.source, e.target, e.label],
  );

describe('importMermaid: header', () => {
  it.each([
    'flowchart TD',
    'flowchart TB',
    'flowchart BT',
    'flowchart LR',
    'flowchart RL',
    'graph TD',
    'graph lr',
    'flowchart',
  ])('reads a chart that begins with %s', async (header) => {
    const { map, report } = await importMermaid(`${header}\n  A[One] --> B[Two]`);
    expect(steps(map)).toEqual([
      ['A', 'action', 'One'],
      ['B', 'action', 'Two'],
    ]);
    expect(report).toMatchObject({ steps: 2, arrows: 1, skipped: [], layout: 'tidy-up' });
  });

  it('reads statements on the header line and after semicolons', async () => {
    const { map } = await importMermaid('graph TD;A-->B;B-->C;');
    expect(arrows(map)).toEqual([
      ['A', 'B'],
      ['B', 'C'],
    ]);
  });

  it('takes the map name from a front-matter title', async () => {
    const { map } = await importMermaid('---\ntitle: "Order: flow"\n---\nflowchart LR\nA --> B');
    expect(map.name).toBe('Order: flow');
  });
});

describe('importMermaid: node shapes', () => {
  it('reads [ ] as an action and { } as a decision', async () => {
    const { map } = await importMermaid('flowchart TD\nA[Pack order] --> B{Paid?}');
    expect(steps(map)).toEqual([
      ['A', 'action', 'Pack order'],
      ['B', 'decision', 'Paid?'],
    ]);
  });

  it('reads ([ ]) and (( )) as a start where nothing comes in and an end where nothing goes out', async () => {
    const { map } = await importMermaid(
      'flowchart TD\nS([Order in]) --> A[Work] --> E((Shipped))\nS2((Phone call)) --> A\nA --> E2([Refused])',
    );
    expect(steps(map)).toEqual([
      ['S', 'start', 'Order in'],
      ['A', 'action', 'Work'],
      ['E', 'end', 'Shipped'],
      ['S2', 'start', 'Phone call'],
      ['E2', 'end', 'Refused'],
    ]);
  });

  it('makes a terminal with arrows both in and out an action, and says so', async () => {
    const { map, report } = await importMermaid('flowchart TD\nA --> M([Middle]) --> B');
    expect(map.nodes[1]).toMatchObject({ id: 'M', kind: 'action' });
    expect(report.simplified).toEqual([
      "1 terminal with arrows both in and out became an action: 'Middle'",
    ]);
    expect(report.simplifiedNodeIds).toEqual(['M']);
  });

  it('reads other shapes as actions, and says so', async () => {
    const { map, report } = await importMermaid(
      'flowchart TD\nA(Round) --> B[[Sub]] --> C[(Db)] --> D{{Hex}} --> E>Flag] --> F[/Lean/]',
    );
    expect(map.nodes.every((n) => n.kind === 'action')).toBe(true);
    expect(map.nodes.map((n) => n.label)).toEqual(['Round', 'Sub', 'Db', 'Hex', 'Flag', 'Lean']);
    expect(report.simplified[0]).toMatch(
      /^6 nodes drawn in another shape became actions: \( \) on line 2/,
    );
  });

  it('uses the id as the label of a node never given one, and the last label given', async () => {
    const { map } = await importMermaid('flowchart TD\nA --> B\nB[Later label]');
    expect(steps(map)).toEqual([
      ['A', 'action', 'A'],
      ['B', 'action', 'Later label'],
    ]);
  });

  it('reads quoted labels with brackets, entity codes and line breaks', async () => {
    const { map } = await importMermaid(
      'flowchart TD\nA["Say #quot;hi#quot; [now] {ok}"] --> B["a<br>b &amp; c #35;1"]',
    );
    expect(map.nodes.map((n) => n.label)).toEqual(['Say "hi" [now] {ok}', 'a\nb & c #1']);
  });
});

describe('Mermaid fork/join bars', () => {
  it('exports a parallel step as a fork shape and reads it back as a parallel step', async () => {
    const map: ProcessMap = {
      ...exampleMap(),
      nodes: [
        { id: 's', kind: 'start', label: 'Kickoff', position: { x: 0, y: 0 } },
        { id: 'p', kind: 'parallel', label: '', position: { x: 0, y: 100 } },
        { id: 'a', kind: 'action', label: 'Order gift', position: { x: 0, y: 200 } },
        { id: 'b', kind: 'action', label: 'Set up project', position: { x: 0, y: 200 } },
        { id: 'j', kind: 'parallel', label: 'Both done', position: { x: 0, y: 300 } },
        { id: 'e', kind: 'end', label: 'Done', position: { x: 0, y: 400 } },
      ],
      edges: [
        { id: 'e1', source: 's', target: 'p' },
        { id: 'e2', source: 'p', target: 'a' },
        { id: 'e3', source: 'p', target: 'b' },
        { id: 'e4', source: 'a', target: 'j' },
        { id: 'e5', source: 'b', target: 'j' },
        { id: 'e6', source: 'j', target: 'e' },
      ],
    };
    const text = exportMermaid(map);
    expect(text).toContain('  p@{ shape: fork, label: "" }');
    expect(text).toContain('  j@{ shape: fork, label: "Both done" }');
    const { map: back } = await importMermaid(text);
    expect(back.nodes.map((n) => [n.id, n.kind, n.label])).toEqual(
      map.nodes.map((n) => [n.id, n.kind, n.label]),
    );
  });

  it('reads join and unquoted labels, and names other @{ } shapes it makes actions', async () => {
    const { map, report } = await importMermaid(
      'flowchart TD\n  A([Go]) --> J@{ shape: join, label: Meet }\n  J --> C@{ shape: hex }\n  C --> E([End])',
    );
    expect(map.nodes.find((n) => n.id === 'J')).toMatchObject({ kind: 'parallel', label: 'Meet' });
    expect(map.nodes.find((n) => n.id === 'C')).toMatchObject({ kind: 'action' });
    expect(report.simplified.join('\n')).toMatch(/@\{ shape: hex \}/);
  });
});

describe('importMermaid: arrows', () => {
  it.each(['-->', '---', '-.->', '==>', '--->', '-.-', '===', '--o', '--x'])(
    'reads %s as an arrow',
    async (link) => {
      const { map } = await importMermaid(`flowchart TD\nA ${link} B`);
      expect(arrows(map)).toEqual([['A', 'B']]);
    },
  );

  it.each([
    ['A -- yes --> B', 'yes'],
    ['A -- yes --- B', 'yes'],
    ['A-- "a -- b" -->B', 'a -- b'],
    ['A -->|yes| B', 'yes'],
    ['A -->|"a | b"| B', 'a | b'],
    ['A ---|yes| B', 'yes'],
    ['A -.->|maybe| B', 'maybe'],
    ['A -. maybe .-> B', 'maybe'],
    ['A == surely ==> B', 'surely'],
    ['A ==>|surely| B', 'surely'],
  ])('reads the label of %s', async (line, label) => {
    const { map } = await importMermaid(`flowchart TD\n${line}`);
    expect(arrows(map)).toEqual([['A', 'B', label]]);
  });

  it('reads chains and & groups', async () => {
    const { map } = await importMermaid('flowchart TD\nA --> B --> C\nA & B --> D & E');
    expect(arrows(map)).toEqual([
      ['A', 'B'],
      ['B', 'C'],
      ['A', 'D'],
      ['A', 'E'],
      ['B', 'D'],
      ['B', 'E'],
    ]);
  });

  it('makes a two-way arrow two arrows, and says so', async () => {
    const { map, report } = await importMermaid('flowchart TD\nA <--> B');
    expect(arrows(map)).toEqual([
      ['A', 'B'],
      ['B', 'A'],
    ]);
    expect(report.simplified).toEqual(['1 two-way arrow became two arrows each']);
  });
});

describe('importMermaid: other lines', () => {
  it('skips comments quietly and lists other lines with their line numbers', async () => {
    const text = [
      'flowchart TD',
      '  %% a comment',
      '  subgraph one [Team]',
      '    A --> B',
      '  end',
      '  classDef hot fill:#f00',
      '  class A hot',
      '  this is not mermaid',
      '  B --> C',
    ].join('\n');
    const { map, report } = await importMermaid(text);
    expect(arrows(map)).toEqual([
      ['A', 'B'],
      ['B', 'C'],
    ]);
    expect(report.skipped).toEqual([
      'Line 3 skipped (subgraphs are not kept (their steps are)): subgraph one [Team]',
      'Line 6 skipped (styling and interaction are not kept): classDef hot fill:#f00',
      'Line 7 skipped (styling and interaction are not kept): class A hot',
      'Line 8 skipped (expected an arrow at "is not mermaid"): this is not mermaid',
    ]);
  });

  it('leaves out a whole line it cannot read, not half of it', async () => {
    const { map, report } = await importMermaid('flowchart TD\nA --> B\nC --> D[unclosed');
    expect(map.nodes.map((n) => n.id)).toEqual(['A', 'B']);
    expect(report.skipped).toHaveLength(1);
  });

  it('cuts labels longer than 500 characters', async () => {
    const { map, report } = await importMermaid(`flowchart TD\nA[${'x'.repeat(600)}] --> B`);
    expect(map.nodes[0]?.label).toHaveLength(500);
    expect(report.simplified).toEqual(['1 label longer than 500 characters was cut']);
  });

  it('lays the chart out with Tidy up, top to bottom', async () => {
    const { map } = await importMermaid('flowchart LR\nA([Go]) --> B[Do] --> C([Done])');
    const [a, b, c] = map.nodes.map((n) => n.position.y);
    expect(a).toBeLessThan(b ?? 0);
    expect(b).toBeLessThan(c ?? 0);
  });
});

describe('importMermaid: refusals', () => {
  it.each([
    ['', 'not-mermaid'],
    ['sequenceDiagram\n  Alice->>Bob: Hi', 'not-mermaid'],
    ['A --> B', 'not-mermaid'],
    ['flowchart TD\n%% nothing here', 'no-steps'],
  ])('refuses %j with a clear error', async (text, code) => {
    const error = await rejection(importMermaid(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/Mermaid flowchart/);
  });
});

describe('exportMermaid', () => {
  it('writes actions, decisions, tagged terminals and labelled arrows', () => {
    expect(exportMermaid(exampleMap())).toBe(
      [
        '---',
        'title: "Order fulfilment (example)"',
        '---',
        'flowchart TD',
        '  s(["Order received"]):::lfStart',
        '  a["Check payment"]',
        '  d{"Paid?"}',
        '  r["Send reminder"]',
        '  p["Pack order"]',
        '  e(["Shipped"]):::lfEnd',
        '  s --> a',
        '  a --> d',
        '  d -->|"Yes"| p',
        '  d -->|"No"| r',
        '  r --> a',
        '  p --> e',
        '',
      ].join('\n'),
    );
  });

  it('makes ids Mermaid can read, and escapes labels', () => {
    const map = exampleMap();
    map.nodes = [
      { id: 'end', kind: 'start', label: 'A "quoted" [label] | #1', position: { x: 0, y: 0 } },
      { id: 'n-1 x', kind: 'end', label: 'two\nlines', position: { x: 0, y: 0 } },
    ];
    map.edges = [{ id: 'x', source: 'end', target: 'n-1 x', label: 'a|b' }];
    expect(exportMermaid(map).split('\n').slice(4)).toEqual([
      '  n_end(["A #quot;quoted#quot; [label] #124; #35;1"]):::lfStart',
      '  n_1_x(["two<br>lines"]):::lfEnd',
      '  n_end -->|"a#124;b"| n_1_x',
      '',
    ]);
  });

  it('writes a name with a line separator (U+2028, U+2029) on the title line, escaped, and reads it back', async () => {
    const map = { ...exampleMap(), name: 'Orders\u2028in\u2029full' };
    const text = exportMermaid(map);
    expect(text.split('\n')[1]).toBe('title: "Orders\\u2028in\\u2029full"');
    const { map: back } = await importMermaid(text);
    expect(back.name).toBe(map.name);
  });

  it('round-trips the example map: same steps, arrows and labels', async () => {
    const map = exampleMap();
    const { map: back, report } = await importMermaid(exportMermaid(map));
    expect(back.name).toBe(map.name);
    expect(steps(back)).toEqual(steps(map));
    expect(arrows(back)).toEqual(arrows(map));
    expect(report.simplified).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it('round-trips any map to the same structure and labels (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMap(), async (map) => {
        const { map: back, report } = await importMermaid(exportMermaid(map));
        expect(parseMapData(back).ok).toBe(true);
        expect(report.skipped).toEqual([]);
        expect(back.name).toBe(map.name.trim() || 'Imported flowchart');
        expect(back.nodes.map((n) => [n.kind, n.label])).toEqual(
          map.nodes.map((n) => [n.kind, n.label]),
        );
        const index = (nodes: ProcessMap['nodes'], id: string) =>
          nodes.findIndex((n) => n.id === id);
        expect(
          back.edges.map((e) => [
            index(back.nodes, e.source),
            index(back.nodes, e.target),
            e.label,
          ]),
        ).toEqual(
          map.edges.map((e) => [index(map.nodes, e.source), index(map.nodes, e.target), e.label]),
        );
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
