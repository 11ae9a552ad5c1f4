import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkMessage, MAX_MESSAGE_BYTES } from './checkMessage';
import { createRateLimiter } from './rateLimiter';
import { newRoomId, ROOM_ID, roomToken, tokenAccess } from './roomTokens';

function updateMessage(room: string, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

describe('room ids and tokens', () => {
  it('room ids carry 128 random bits; edit and view tokens differ and are checked', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRoomId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(ROOM_ID);
    expect(Buffer.from(newRoomId(), 'base64url')).toHaveLength(16);
    const secret = Buffer.from('s'.repeat(32));
    const room = newRoomId();
    const edit = roomToken(secret, room, 'edit');
    const view = roomToken(secret, room, 'view');
    expect(edit).not.toBe(view);
    expect(tokenAccess(secret, room, edit)).toBe('edit');
    expect(tokenAccess(secret, room, view)).toBe('view');
    expect(tokenAccess(secret, newRoomId(), edit)).toBeNull();
    expect(tokenAccess(Buffer.from('other'), room, edit)).toBeNull();
    expect(tokenAccess(secret, '../etc/passwd', edit)).toBeNull();
  });
});

describe('checkMessage', () => {
  const room = 'r'.repeat(22);
  it('passes an ordinary update', () => {
    const d = new Y.Doc();
    d.getMap('nodes').set('a', new Y.Map());
    expect(checkMessage(updateMessage(room, Y.encodeStateAsUpdate(d)), new Y.Doc())).toBeNull();
  });
  it('refuses a message larger than a map may be', () => {
    expect(checkMessage(new Uint8Array(MAX_MESSAGE_BYTES + 1), new Y.Doc())).toEqual({
      code: 4413,
      reason: 'message-too-large',
    });
  });
  it('refuses a malformed update', () => {
    const junk = updateMessage(room, new Uint8Array([200, 1, 2, 3, 4, 5, 6, 7]));
    expect(checkMessage(junk, new Y.Doc())?.reason).toMatch(/malformed/);
    expect(checkMessage(new Uint8Array([255, 255, 255]), new Y.Doc())?.reason).toMatch(/malformed/);
  });
  it('refuses an update that would put more people in a room than a map holds', () => {
    const d = new Y.Doc();
    d.transact(() => {
      for (let i = 0; i < 501; i++) d.getMap('people').set(`p${i}`, { id: `p${i}` });
    });
    expect(checkMessage(updateMessage(room, Y.encodeStateAsUpdate(d)), new Y.Doc())?.reason).toBe(
      'room-full:people',
    );
  });
});

describe('rate limiter', () => {
  it('lets a burst through, cuts a flood off, and refills with time', () => {
    let t = 0;
    const limiter = createRateLimiter(10, 30, () => t);
    let allowed = 0;
    for (let i = 0; i < 100; i++) if (limiter.take('a')) allowed++;
    expect(allowed).toBe(30);
    expect(limiter.take('b')).toBe(true); // per connection
    t += 1000;
    allowed = 0;
    for (let i = 0; i < 100; i++) if (limiter.take('a')) allowed++;
    expect(allowed).toBe(10);
  });
});
