import { type MapNode, type ProcessMap, sameValue } from '../model';

/**
 * Whether two steps hold the very same values but for their position: a moved step is a
 * copy with a new position (a Tidy up of 50,000 steps makes 50,000), checked without
 * copying either.
 */
function sameButPosition(x: MapNode, y: MapNode): boolean {
  let count = 0;
  for (const key in x) {
    if (key === 'position') continue;
    if (x[key as keyof MapNode] !== y[key as keyof MapNode]) return false;
    count += 1;
  }
  for (const key in y) if (key !== 'position') count -= 1;
  return count === 0;
}

/** Two maps' settings but for the way Tidy up lays the map out, which no rule reads. */
function sameSettings(a: ProcessMap['settings'], b: ProcessMap['settings']): boolean {
  if (a === b) return true;
  const { layoutDirection: _a, ...restA } = a;
  const { layoutDirection: _b, ...restB } = b;
  return sameValue(restA, restB);
}

/**
 * True when two maps differ only in where steps sit (and in the direction Tidy up lays
 * them out): the analysis of one is then the analysis of the other (suggested new steps are
 * placed near their step, which is the one thing a move changes, and a stale position there
 * is harmless).
 * @example sameAnalysisInput(map, { ...map, nodes: moved }) // true
 */
export function sameAnalysisInput(a: ProcessMap, b: ProcessMap): boolean {
  if (a === b) return true;
  if (
    a.edges !== b.edges ||
    !sameSettings(a.settings, b.settings) ||
    a.people !== b.people ||
    a.acceptedFindings !== b.acceptedFindings ||
    a.nodes.length !== b.nodes.length
  ) {
    return false;
  }
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (!x || !y) return false;
    if (sameButPosition(x, y)) continue;
    const { position: _px, ...restX } = x;
    const { position: _py, ...restY } = y;
    if (!sameValue(restX, restY)) return false;
  }
  return true;
}
