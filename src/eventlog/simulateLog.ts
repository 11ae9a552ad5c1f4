import type { ProcessMap } from '../model';
import { createLogBuilder } from './createLogBuilder';
import type { EventLog } from './EventLog';
import { type SimulateOptions, simulateCases } from './simulateCases';

/**
 * Simulates cases through a map straight into an {@link EventLog} (with start times).
 * @example simulateLog(exampleMap(), { cases: 1000, seed: 7 }).caseIds.length // 1000
 */
export function simulateLog(map: ProcessMap, options: SimulateOptions): EventLog {
  const builder = createLogBuilder();
  const result = simulateCases(map, options, (e) =>
    builder.add(e.caseId, e.activity, e.time, {
      start: e.start,
      ...(e.resource ? { resource: e.resource } : {}),
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return builder.finish().log;
}
