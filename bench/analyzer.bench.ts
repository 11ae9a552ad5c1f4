/**
 * Times analyze() on generated process-like maps (decisions, rework loops, some dead ends,
 * about 1.5 arrows per step) of 1,000, 10,000 and 100,000 steps, beside JSON.parse of the
 * same map's file text. Run: npm run bench:analyzer (tsx bench/analyzer.bench.ts).
 */
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/analyzer';
import type { MapEdge, MapNode, ProcessMap } from '../src/model';

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A map of about `size` nodes shaped like a real process. */
export function generateMap(size: number, seed = 1): ProcessMap {
  const rnd = random(seed);
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const main = size - Math.floor(size / 50) - 2;
  const pos = (i: number) => ({ x: (i % 20) * 200, y: Math.floor(i / 20) * 120 });
  nodes.push({ id: 'start', kind: 'start', label: 'Request received', position: pos(0) });
  for (let i = 0; i < main; i++) {
    const decision = rnd() < 0.4;
    nodes.push(
      decision
        ? { id: `n${i}`, kind: 'decision', label: `Check ${i}?`, position: pos(i + 1) }
        : {
            id: `n${i}`,
            kind: 'action',
            label: `Step ${i}`,
            position: pos(i + 1),
            durationMinutes: 1 + Math.floor(rnd() * 60),
            owner: rnd() < 0.5 ? 'me' : 'team',
          },
    );
  }
  nodes.push({ id: 'end', kind: 'end', label: 'Done', position: pos(main + 1) });
  let e = 0;
  const arrow = (source: string, target: string, label?: string, probability?: number) => {
    const edge: MapEdge = { id: `e${e++}`, source, target };
    if (label !== undefined) edge.label = label;
    if (probability !== undefined) edge.probability = probability;
    edges.push(edge);
  };
  arrow('start', 'n0');
  let dead = 0;
  for (let i = 0; i < main; i++) {
    const next = i + 1 < main ? `n${i + 1}` : 'end';
    const node = nodes[i + 1]!;
    if (node.kind === 'decision') {
      arrow(`n${i}`, next, 'Yes', 0.8);
      const r = rnd();
      if (r < 0.55 && i > 0) {
        arrow(`n${i}`, `n${Math.max(0, i - 1 - Math.floor(rnd() * 5))}`, 'No', 0.2);
      } else if (r < 0.97 || dead >= size / 50) {
        arrow(`n${i}`, `n${Math.min(main - 1, i + 2 + Math.floor(rnd() * 8))}`, 'No', 0.2);
      } else {
        const id = `dead${dead++}`;
        nodes.push({
          id,
          kind: 'action',
          label: `Park case ${dead}`,
          position: pos(main + 2 + dead),
        });
        arrow(`n${i}`, id, 'No', 0.2);
      }
    } else {
      arrow(`n${i}`, next);
      if (rnd() < 0.12) arrow(`n${i}`, `n${Math.min(main - 1, i + 2 + Math.floor(rnd() * 6))}`);
    }
  }
  return {
    format: 'leverflow-map',
    version: 1,
    name: `Generated ${size}`,
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10 },
    nodes,
    edges,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const rows: string[][] = [['steps', 'arrows', 'findings', 'analyze ms', 'JSON.parse ms', 'ratio']];
for (const size of [1_000, 10_000, 100_000]) {
  const map = generateMap(size);
  const text = JSON.stringify(map);
  const runs = size >= 100_000 ? 9 : 25;
  for (let i = 0; i < 3; i++) {
    analyze(map);
    JSON.parse(text);
  }
  const parseMs = time(() => JSON.parse(text), runs);
  const analyzeMs = time(() => analyze(map), runs);
  const report = analyze(map);
  rows.push([
    map.nodes.length.toLocaleString('en'),
    map.edges.length.toLocaleString('en'),
    String(report.findings.length),
    analyzeMs.toFixed(1),
    parseMs.toFixed(1),
    (analyzeMs / parseMs).toFixed(2),
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
console.log(`node ${process.version}; median of runs; analyze() includes suggestions and metrics.`);
