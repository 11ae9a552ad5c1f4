import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A room id: 128 random bits, base64url (22 characters). */
export const ROOM_ID = /^[A-Za-z0-9_-]{22}$/;

/** A new, unguessable room id. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The edit or view token of a room: an HMAC of the room id under the server's secret, so
 * every server sharing the secret checks tokens without a database, and neither token can
 * be worked out from the other.
 * @example roomToken(secret, room, 'view')
 */
export function roomToken(secret: Buffer, room: string, mode: 'edit' | 'view'): string {
  return createHmac('sha256', secret).update(`${room}:${mode}`).digest('base64url').slice(0, 32);
}

/** Which access a token gives to a room: edit, view, or none. */
export function tokenAccess(secret: Buffer, room: string, token: string): 'edit' | 'view' | null {
  const same = (a: string, b: string) =>
    a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  if (!ROOM_ID.test(room)) return null;
  if (same(token, roomToken(secret, room, 'edit'))) return 'edit';
  if (same(token, roomToken(secret, room, 'view'))) return 'view';
  return null;
}
