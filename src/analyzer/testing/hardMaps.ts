import { random } from '../../../bench/random';
import type { MapEdge, MapNode, ProcessMap } from '../../model';

/**
 * A map of generated nodes and edges with the bench's settings.
 * @example generatedMap('Empty', [], []).nodes // []
 */
export function generatedMap(name: string, nodes: MapNode[], edges: MapEdge[]): ProcessMap {
  return {
    format: 'leverflow-map',
    version: 3,
    name,
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10, defaultHandOffRate: 25 },
    people: [],
    acceptedFindings: [],
    nodes,
    edges,
  };
}

const at = (i: number) => ({ x: (i % 40) * 220, y: Math.floor(i / 40) * 160 });

/**
 * A chain of `size` steps between a start and an end in which every fifth step is a
 * decision whose "No" (chance 0.2) sends work back 7 steps: the loops overlap, so the whole
 * chain is one loop component. Durations 2-45 minutes on every step.
 * @example tangledMap(1000).nodes.length // 1002
 */
export function tangledMap(size: number, back = 7, seed = 7): ProcessMap {
  return chainMap(`Tangled ${size}`, size, seed, (i) =>
    i % 5 === 4 ? { label: `Check ${i}?`, back: Math.max(0, i - back), no: 0.2 } : null,
  );
}

/**
 * A strongly connected random map of `size` decisions, as discovered from a messy event
 * log: a random cycle through every step plus three random arrows out of each (about 4
 * arrows per step, each labelled, with chances), every hundredth step with a fifth arrow to
 * one of a few ends (chance 0.1). Durations 1-30 minutes on every step.
 * @example spaghettiMap(1000).edges.length // ≈ 4000
 */
export function spaghettiMap(size: number, seed = 11): ProcessMap {
  const rnd = random(seed);
  const order = Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const nextOf = new Int32Array(size);
  for (let i = 0; i < size; i++) nextOf[order[i]!] = order[(i + 1) % size]!;
  const endCount = Math.max(1, Math.min(5, Math.floor(size / 200)));
  const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'Case opened', position: at(0) }];
  const edges: MapEdge[] = [{ id: 'e-s', source: 's', target: `n${order[0]}` }];
  for (let i = 0; i < size; i++) {
    nodes.push({
      id: `n${i}`,
      kind: 'decision',
      label: `Activity ${i}`,
      position: at(i + 1),
      durationMinutes: 1 + Math.floor(rnd() * 30),
    });
    const targets = [nextOf[i]!];
    for (let k = 0; k < 3; k++) targets.push(Math.floor(rnd() * size));
    const exit = i % 100 === 37 % size;
    const weights = targets.map(() => 1 + Math.floor(rnd() * 9));
    const total = weights.reduce((a, b) => a + b, 0);
    const left = exit ? 0.9 : 1;
    let given = 0;
    targets.forEach((t, k) => {
      // Chances to four decimals, the last one taking what is left, so they add up.
      const p =
        k + 1 < targets.length
          ? Number(((weights[k]! / total) * left).toFixed(4))
          : Number((left - given).toFixed(4));
      given += p;
      edges.push({
        id: `e${i}-${k}`,
        source: `n${i}`,
        target: `n${t}`,
        label: `Route ${k + 1}`,
        probability: p,
      });
    });
    if (exit) {
      const end = `end${Math.floor(rnd() * endCount)}`;
      edges.push({
        id: `e${i}-x`,
        source: `n${i}`,
        target: end,
        label: 'Closed',
        probability: 0.1,
      });
    }
  }
  for (let e = 0; e < endCount; e++) {
    nodes.push({
      id: `end${e}`,
      kind: 'end',
      label: `Closed ${e + 1}`,
      position: at(size + 1 + e),
    });
  }
  return generatedMap(`Spaghetti ${size}`, nodes, edges);
}

/**
 * A tangled chain (see tangledMap) whose last check sends work back to the first step with
 * chance `stay` (e.g. 0.99999999): cases almost never leave, so the expected visits run to
 * ~1/(1 - stay) and double precision cannot solve them to a relative residual of 1e-9.
 * @example nearTrapMap(200).edges.find((e) => e.id === 'b199')?.target // 'n0'
 */
export function nearTrapMap(size: number, stay = 0.99999999): ProcessMap {
  return chainMap(`Near trap ${size}`, size, 7, (i) =>
    i === size - 1
      ? { label: `Final check ${i}?`, back: 0, no: stay }
      : i % 5 === 4
        ? { label: `Check ${i}?`, back: Math.max(0, i - 7), no: 0.2 }
        : null,
  );
}

/**
 * Rework loops inside rework loops, `levels` deep: a chain of `size` steps in blocks of
 * 4, 16, 64, ... 4^levels steps; the last step of each block is a decision whose "No"
 * (chance 0.3 for the innermost loops down to 0.05 for the outermost) sends work back to the
 * block's first step. Durations 2-45 minutes on every step.
 * @example nestedMap(1000).nodes.length // 1002
 */
export function nestedMap(size: number, levels = 6, seed = 5): ProcessMap {
  return chainMap(`Nested ${size}`, size, seed, (i) => {
    let level = 0;
    while (level < levels && (i + 1) % 4 ** (level + 1) === 0) level++;
    if (level === 0) return null;
    const no = Number((0.3 - (0.25 * (level - 1)) / Math.max(1, levels - 1)).toFixed(3));
    return { label: `Level ${level} OK?`, back: i + 1 - 4 ** level, no };
  });
}

/**
 * A chain of `size` steps from a start to an end, durations 2-45 minutes; where `loopAt(i)`
 * gives a loop, step i is a decision whose "No" (chance `no`) goes back to step `back`.
 */
function chainMap(
  name: string,
  size: number,
  seed: number,
  loopAt: (i: number) => { label: string; back: number; no: number } | null,
): ProcessMap {
  const rnd = random(seed);
  const nodes: MapNode[] = [{ id: 's', kind: 'start', label: 'Start', position: at(0) }];
  const edges: MapEdge[] = [{ id: 'e-s', source: 's', target: 'n0' }];
  for (let i = 0; i < size; i++) {
    const durationMinutes = 2 + Math.floor(rnd() * 44);
    const next = i + 1 < size ? `n${i + 1}` : 'end';
    const loop = loopAt(i);
    if (loop === null) {
      nodes.push({
        id: `n${i}`,
        kind: 'action',
        label: `Step ${i}`,
        position: at(i + 1),
        durationMinutes,
      });
      edges.push({ id: `f${i}`, source: `n${i}`, target: next });
      continue;
    }
    const { label, back, no } = loop;
    nodes.push({ id: `n${i}`, kind: 'decision', label, position: at(i + 1), durationMinutes });
    edges.push({ id: `y${i}`, source: `n${i}`, target: next, label: 'Yes', probability: 1 - no });
    edges.push({ id: `b${i}`, source: `n${i}`, target: `n${back}`, label: 'No', probability: no });
  }
  nodes.push({ id: 'end', kind: 'end', label: 'Done', position: at(size + 1) });
  return generatedMap(name, nodes, edges);
}
