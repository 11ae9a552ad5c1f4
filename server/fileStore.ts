import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOM_ID } from './roomTokens';

/**
 * Rooms on disk: one file per room holding its whole Yjs state, written atomically (a
 * temporary file renamed over the old one), so a crash never leaves half a room.
 */
export function createFileStore(dir: string) {
  const path = (room: string) => {
    if (!ROOM_ID.test(room)) throw new Error(`Not a room id: ${room}`);
    return join(dir, `${room}.yjs`);
  };
  return {
    async read(room: string): Promise<Uint8Array | null> {
      try {
        return new Uint8Array(await readFile(path(room)));
      } catch {
        return null;
      }
    },
    async write(room: string, state: Uint8Array): Promise<void> {
      await mkdir(dir, { recursive: true });
      const tmp = `${path(room)}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, state);
      await rename(tmp, path(room));
    },
    /** Deletes a room for good: its file goes, and a marker keeps its links from opening it. */
    async remove(room: string): Promise<void> {
      await mkdir(dir, { recursive: true });
      await writeFile(`${path(room)}.deleted`, '');
      await rm(path(room), { force: true });
    },
    async isDeleted(room: string): Promise<boolean> {
      try {
        await readFile(`${path(room)}.deleted`);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The server's secret for room tokens: SYNC_SECRET, else one made once and kept in `dir`. */
export async function loadSecret(dir: string): Promise<Buffer> {
  if (process.env.SYNC_SECRET) return Buffer.from(process.env.SYNC_SECRET);
  const file = join(dir, 'secret');
  try {
    return await readFile(file);
  } catch {
    await mkdir(dir, { recursive: true });
    const secret = randomBytes(32);
    await writeFile(file, secret, { flag: 'wx', mode: 0o600 }).catch(() => undefined);
    return await readFile(file);
  }
}
