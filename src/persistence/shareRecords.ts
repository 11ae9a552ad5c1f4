import { z } from 'zod';

/** A shared map's room: which room, which access, and its links' tokens (if known). */
export const shareRecordSchema = z.object({
  room: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  mode: z.enum(['edit', 'view']),
  token: z.string().min(16).max(64),
  /** Known to whoever shared the map or opened its edit link. */
  editToken: z.string().min(16).max(64).optional(),
  viewToken: z.string().min(16).max(64).optional(),
});
export type ShareRecord = z.infer<typeof shareRecordSchema>;

const KEY = 'leverflow.shared';
const recordsSchema = z.record(z.string(), shareRecordSchema);

function readAll(): Record<string, ShareRecord> {
  try {
    const parsed = recordsSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Which library maps are shared, and in which room (kept in localStorage: a few lines per
 * map; the room's contents live in IndexedDB, see the share session).
 */
export const shareRecords = {
  get(mapId: string): ShareRecord | null {
    return readAll()[mapId] ?? null;
  },
  set(mapId: string, record: ShareRecord) {
    try {
      localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [mapId]: record }));
    } catch {
      // Storage full or blocked: the map stays shared for this visit only.
    }
  },
  remove(mapId: string) {
    const all = readAll();
    delete all[mapId];
    try {
      localStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      // As above.
    }
  },
};

const presenceSchema = z.object({
  name: z.string().min(1).max(40),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type PresencePrefs = z.infer<typeof presenceSchema>;

const COLORS = ['#e0457b', '#2f80ed', '#27ae60', '#f2994a', '#9b51e0', '#00a3a3'];

/** The name and colour others see, chosen once and remembered. */
export const presencePrefs = {
  get(): PresencePrefs {
    try {
      const parsed = presenceSchema.safeParse(
        JSON.parse(localStorage.getItem('leverflow.presence') ?? 'null'),
      );
      if (parsed.success) return parsed.data;
    } catch {
      // Fall through to a fresh guest.
    }
    const n = Math.floor(Math.random() * 1000);
    return { name: `Guest ${n}`, color: COLORS[n % COLORS.length]! };
  },
  set(prefs: PresencePrefs) {
    const parsed = presenceSchema.safeParse(prefs);
    if (!parsed.success) return;
    try {
      localStorage.setItem('leverflow.presence', JSON.stringify(parsed.data));
    } catch {
      // Not remembered, still used for this visit.
    }
  },
};
