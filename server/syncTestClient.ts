import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** A Node client of the sync server (tests and the bench): a Y.Doc and its provider. */
export interface SyncClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the server has sent the room. */
  synced: Promise<void>;
  /** Resolves with the reason if the server refuses the token. */
  denied: Promise<string>;
  /** Resolves when the server closes the socket (cut off, refused). */
  closed: Promise<number>;
  destroy: () => void;
}

/**
 * Connects a Node client to a room (Node 20 has no WebSocket: `ws` stands in).
 * @example const client = connectClient(1234, room, editToken); await client.synced;
 */
export function connectClient(port: number, room: string, token: string): SyncClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}`,
    WebSocketPolyfill: WebSocket,
  });
  let onSynced: () => void = () => {};
  let onDenied: (reason: string) => void = () => {};
  let onClosed: (code: number) => void = () => {};
  const synced = new Promise<void>((r) => {
    onSynced = r;
  });
  const denied = new Promise<string>((r) => {
    onDenied = r;
  });
  const closed = new Promise<number>((r) => {
    onClosed = r;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: doc,
    token,
    onSynced: ({ state }) => state && onSynced(),
    onAuthenticationFailed: ({ reason }) => onDenied(reason),
    onClose: ({ event }) => onClosed(event.code),
  });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    denied,
    closed,
    destroy: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

/** Makes a room on a running server over HTTP. */
export async function makeRoom(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/rooms`, { method: 'POST' });
  return (await response.json()) as { room: string; editToken: string; viewToken: string };
}

/** Resolves once `check` is true (polled), or rejects after `ms`. */
export async function until(check: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
