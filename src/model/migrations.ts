import type { Migration } from './migrations/Migration';
import { v1OwnerNamesToPeople } from './migrations/v1OwnerNamesToPeople';
import { v2AddParallelKind } from './migrations/v2AddParallelKind';
import { MAP_VERSION } from './schema';

export type { Migration } from './migrations/Migration';

/**
 * Named, ordered migrations. Each entry upgrades one version to the next; a file of
 * version N runs every migration from N on.
 */
export const MIGRATIONS: readonly Migration[] = [v1OwnerNamesToPeople, v2AddParallelKind];

export type MigrationResult =
  | { ok: true; file: Record<string, unknown>; applied: string[] }
  | { ok: false; message: string };

/**
 * Brings a raw map file (already checked to be an object with a numeric version) up to
 * the current version.
 * @example migrateMapFile({ format: 'leverflow-map', version: 1, ... }) // { ok: true, applied: [] }
 */
export function migrateMapFile(
  file: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = MAP_VERSION,
): MigrationResult {
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'expected a whole number of at least 1' };
  }
  if (version > target) {
    return {
      ok: false,
      message: `This map was saved by a newer Leverflow (file version ${version}); this app reads versions up to ${target}. Update Leverflow to open it.`,
    };
  }
  let current = file;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, message: `No migration from file version ${v}.` };
    current = { ...step.up(current), version: v + 1 };
    applied.push(step.name);
  }
  return { ok: true, file: current, applied };
}
