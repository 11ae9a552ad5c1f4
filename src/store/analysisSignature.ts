import { type ProcessMap, sameValue } from '../model';

/**
 * True when two maps differ only in where steps sit: the analysis of one is then the
 * analysis of the other (suggested new steps are placed near their step, which is the
 * one thing a move changes, and a stale position there is harmless).
 * @example sameAnalysisInput(map, { ...map, nodes: moved }) // true
 */
export function sameAnalysisInput(a: ProcessMap, b: ProcessMap): boolean {
  if (a === b) return true;
  if (
    a.edges !== b.edges ||
    a.settings !== b.settings ||
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
    const { position: _px, ...restX } = x;
    const { position: _py, ...restY } = y;
    if (!sameValue(restX, restY)) return false;
  }
  return true;
}
