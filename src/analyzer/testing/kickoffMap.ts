import type { ProcessMap } from '../../model';
import { mapOf } from './mapOf';

/**
 * For tests: "Signed" leads to a parallel split into "Order gift" (30 min) and "Set up
 * project" (60 min), joined before "Welcome email" (10 min): 100 minutes of work per case,
 * 70 minutes from start to end.
 * @example kickoffMap().nodes.length // 7
 */
export function kickoffMap(): ProcessMap {
  const map = mapOf(
    's:s:Signed p:p g:a:Order_gift u:a:Set_up_project j:p w:a:Welcome_email e:e:Done',
    's>p p>g p>u g>j u>j j>w w>e',
  );
  const minutes: Record<string, number> = { g: 30, u: 60, w: 10 };
  for (const n of map.nodes) if (n.kind === 'action') n.durationMinutes = minutes[n.id];
  return map;
}
