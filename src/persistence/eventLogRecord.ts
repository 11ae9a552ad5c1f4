import { unzlibSync, zlibSync } from 'fflate';
import { z } from 'zod';
import type { ImportedLog } from '../eventlog/EventLog';
import { type Failure, failure } from '../model';

/** An event log as IndexedDB keeps it beside its map: compressed, in its own store. */
export interface StoredEventLog {
  mapId: string;
  fileName: string;
  savedAt: number;
  events: number;
  /** The log packed by {@link encodeEventLog}. */
  data: Uint8Array;
}

export const storedEventLogSchema = z.object({
  mapId: z.string().min(1),
  fileName: z.string().max(500),
  savedAt: z.number().finite(),
  events: z.number().int().min(0),
  data: z.instanceof(Uint8Array),
});

const headerSchema = z.object({
  v: z.literal(1),
  fileName: z.string().max(500),
  caseIds: z.array(z.string()),
  activities: z.array(z.string()),
  resources: z.array(z.string()),
  hasStart: z.boolean(),
  events: z.number().int().min(0),
  badCount: z.number().int().min(0),
  badRows: z.array(z.object({ line: z.number(), reason: z.string() })).max(20),
  ignoredTransitions: z.number().int().min(0),
});

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Packs a log into compressed bytes (zlib, via fflate): a JSON header with the names, then
 * the typed arrays as they are. A million events take a few megabytes.
 * @example const bytes = encodeEventLog(imported, 'orders.csv')
 */
export function encodeEventLog(imported: ImportedLog, fileName: string): Uint8Array {
  const { log } = imported;
  const n = log.activity.length;
  const c = log.caseIds.length;
  const header = new TextEncoder().encode(
    JSON.stringify({
      v: 1,
      fileName,
      caseIds: log.caseIds,
      activities: log.activities,
      resources: log.resources,
      hasStart: log.hasStart,
      events: n,
      badCount: imported.badCount,
      badRows: imported.badRows,
      ignoredTransitions: imported.ignoredTransitions,
    }),
  );
  const ints = align8(4 + header.length);
  const floats = align8(ints + 4 * (c + 1 + 2 * n));
  const bytes = new Uint8Array(floats + 16 * n);
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  const i32 = new Int32Array(bytes.buffer, ints, c + 1 + 2 * n);
  i32.set(log.caseStart, 0);
  i32.set(log.activity, c + 1);
  i32.set(log.resource, c + 1 + n);
  const f64 = new Float64Array(bytes.buffer, floats, 2 * n);
  f64.set(log.time, 0);
  f64.set(log.start, n);
  return zlibSync(bytes, { level: 6 });
}

/**
 * Unpacks what {@link encodeEventLog} wrote, checking every index and length, so a damaged
 * record gives a clear failure instead of a wrong replay.
 * @example const result = decodeEventLog(record.data); if (!result.ok) showBanner(result.message)
 */
export function decodeEventLog(
  data: Uint8Array,
): { ok: true; imported: ImportedLog; fileName: string } | Failure<'damaged'> {
  const damaged = (why: string) => failure('damaged', `The saved event log is damaged (${why}).`);
  let bytes: Uint8Array;
  try {
    bytes = unzlibSync(data);
  } catch {
    return damaged('it does not decompress');
  }
  if (bytes.length < 4) return damaged('too short');
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  if (4 + length > bytes.length) return damaged('its header is cut off');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length)));
  } catch {
    return damaged('its header is not JSON');
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) return damaged('its header is not a log header');
  const h = parsed.data;
  const n = h.events;
  const c = h.caseIds.length;
  const ints = align8(4 + length);
  const floats = align8(ints + 4 * (c + 1 + 2 * n));
  if (bytes.length !== floats + 16 * n) return damaged('its size does not match');
  const copy = bytes.slice(); // aligned, and owned by the log
  const i32 = new Int32Array(copy.buffer, ints, c + 1 + 2 * n);
  const caseStart = i32.slice(0, c + 1);
  const activity = i32.slice(c + 1, c + 1 + n);
  const resource = i32.slice(c + 1 + n);
  const f64 = new Float64Array(copy.buffer, floats, 2 * n);
  if (caseStart[0] !== 0 || caseStart[c] !== n) return damaged('its cases do not add up');
  for (let i = 0; i < c; i++)
    if (caseStart[i]! > caseStart[i + 1]!) return damaged('its cases overlap');
  for (let e = 0; e < n; e++) {
    if (activity[e]! < 0 || activity[e]! >= h.activities.length)
      return damaged('an unknown activity');
    if (resource[e]! < -1 || resource[e]! >= h.resources.length)
      return damaged('an unknown resource');
  }
  return {
    ok: true,
    fileName: h.fileName,
    imported: {
      log: {
        caseIds: h.caseIds,
        activities: h.activities,
        resources: h.resources,
        caseStart,
        activity,
        resource,
        time: f64.slice(0, n),
        start: f64.slice(n),
        hasStart: h.hasStart,
      },
      badCount: h.badCount,
      badRows: h.badRows,
      ignoredTransitions: h.ignoredTransitions,
    },
  };
}
