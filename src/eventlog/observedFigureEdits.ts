import type { MapEdit, ProcessMap } from '../model';
import type { Replay } from './replayTypes';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The edits that copy a replay's observed figures into the map, as one undoable change:
 * each action's duration becomes its median observed time, and each decision's branches get
 * their observed shares as chances (rounded; the last takes what is left so they add up
 * to 1). Steps and decisions the log never reached keep their figures.
 * @example change(observedFigureEdits(map, replay))
 */
export function observedFigureEdits(map: ProcessMap, replay: Replay): MapEdit[] {
  const edits: MapEdit[] = [];
  for (const node of map.nodes) {
    if (node.kind === 'action') {
      const median = replay.steps.get(node.id)?.median;
      if (median !== undefined && Number.isFinite(median)) {
        const minutes = round(Math.max(0, median), 2);
        if (minutes !== node.durationMinutes) {
          edits.push({ type: 'updateStep', nodeId: node.id, patch: { durationMinutes: minutes } });
        }
      }
      continue;
    }
    if (node.kind !== 'decision') continue;
    const outs = map.edges.filter((e) => e.source === node.id);
    const total = outs.reduce((s, e) => s + (replay.arrows.get(e.id)?.count ?? 0), 0);
    if (total === 0 || outs.length < 2) continue;
    let given = 0;
    outs.forEach((e, i) => {
      const count = replay.arrows.get(e.id)?.count ?? 0;
      const p = i === outs.length - 1 ? Math.max(0, round(1 - given, 4)) : round(count / total, 4);
      given += p;
      if (p !== e.probability) edits.push({ type: 'setProbability', edgeId: e.id, probability: p });
    });
  }
  return edits;
}
