import type { AnalysisMetrics } from '../analyzer';

/**
 * The analyzer's expected visits per case, by node id; null when the flow metrics are
 * unavailable. The analyzer's representation has changed before (a Record, now a
 * Float64Array aligned with `metrics.nodeIds`), so this reads any of: an array-like
 * aligned with `nodeIds`, a Map, or a Record — the one place to adapt if it changes again.
 * @example visitsById(analyze(map).metrics)?.get('a') // 1.111
 */
export function visitsById(metrics: AnalysisMetrics): ReadonlyMap<string, number> | null {
  if (!metrics.available) return null;
  const out = new Map<string, number>();
  const visits: unknown = metrics.expectedVisits;
  const ids: unknown = 'nodeIds' in metrics ? metrics.nodeIds : undefined;
  const put = (id: unknown, v: unknown) => {
    if (typeof id === 'string' && typeof v === 'number' && Number.isFinite(v) && v >= 0) {
      if (!out.has(id)) out.set(id, v);
    }
  };
  if (visits instanceof Map) {
    for (const [id, v] of visits) put(id, v);
  } else if (Array.isArray(ids) && (ArrayBuffer.isView(visits) || Array.isArray(visits))) {
    // A typed array or an array: both index by position and have a length.
    const list = visits as ArrayLike<unknown>;
    for (let i = 0; i < ids.length && i < list.length; i++) put(ids[i], list[i]);
  } else if (typeof visits === 'object' && visits !== null) {
    for (const [id, v] of Object.entries(visits)) put(id, v);
  }
  return out;
}
