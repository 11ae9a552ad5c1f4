import type { AnalysisContext } from './AnalysisContext';
import { KIND_ACTION, KIND_DECISION } from './buildFlowGraph';
import { quoteNode } from './describeNodes';
import { findMustPass } from './findMustPass';
import { makeFinding, makeRangeFinding, type RankedFinding } from './makeFinding';

/**
 * Rules 14-15: steps where work converges (fan-in) and merge points every case waits on.
 * @example checkHotspots(ctx, onPath, 3).map((r) => r.finding.rule) // ['fan-in']
 */
export function checkHotspots(
  ctx: AnalysisContext,
  onPath: Uint8Array,
  fanInThreshold: number,
): RankedFinding[] {
  const { g } = ctx;
  const out: RankedFinding[] = [];
  for (let u = 0; u < g.n; u++) {
    const kind = g.kind[u];
    if (kind !== KIND_ACTION && kind !== KIND_DECISION) continue;
    const count = g.inStart[u + 1]! - g.inStart[u]!;
    if (count >= fanInThreshold) {
      out.push(
        makeRangeFinding(
          ctx,
          'fan-in',
          `${count} arrows lead into ${quoteNode(g.nodes[u]!)}: work converges and queues there.`,
          [u],
          0,
          1,
          g.inEdge,
          g.inStart[u]!,
          g.inStart[u + 1]!,
          [],
        ),
      );
    }
  }
  for (const u of findMustPass(g, onPath)) {
    const kind = g.kind[u];
    if (kind !== KIND_ACTION && kind !== KIND_DECISION) continue;
    const sources = new Set<number>();
    const edges: number[] = [];
    for (let k = g.inStart[u]!; k < g.inStart[u + 1]!; k++) {
      const s = g.inSource[k]!;
      if (onPath[s] === 1) {
        sources.add(s);
        edges.push(g.inEdge[k]!);
      }
    }
    if (sources.size < 2) continue;
    out.push(
      makeFinding(
        ctx,
        'must-pass',
        `Every case passes through ${quoteNode(g.nodes[u]!)}, where ${sources.size} paths merge: when it stalls, every case waits.`,
        [u],
        edges,
        [],
      ),
    );
  }
  return out;
}
