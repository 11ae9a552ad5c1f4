import type { IncomingMessage, ServerResponse } from 'node:http';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { type Extension, Server } from '@hocuspocus/server';
import { checkMessage, MAX_MESSAGE_BYTES } from './checkMessage';
import { createFileStore, loadSecret } from './fileStore';
import { createRateLimiter } from './rateLimiter';
import { newRoomId, ROOM_ID, roomToken, tokenAccess } from './roomTokens';

export interface SyncServerOptions {
  port?: number;
  /** Loopback unless told otherwise. */
  host?: string;
  /** Where rooms are kept (one file each) and the token secret if SYNC_SECRET is unset. */
  dataDir?: string;
  /** redis://host:port to join other servers through Redis. */
  redisUrl?: string;
  /** Messages a second a connection may send (after a burst of three times as many). */
  messagesPerSecond?: number;
  quiet?: boolean;
  /** Where the server's lines go (console.log unless quiet). */
  log?: (line: string) => void;
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    // Tokens travel in the body, never in cookies: any page may ask, only a token opens a room.
    'Access-Control-Allow-Origin': '*',
  });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 1000) break;
  }
  return body;
}

/**
 * The Leverflow sync server: Hocuspocus with rooms kept in files, edit and view tokens
 * (view connections are read-only: the server drops their updates), oversized, malformed
 * and over-the-limit updates refused, flooding connections cut off, and, with a Redis URL,
 * several servers joined into one.
 *
 * HTTP: `POST /rooms` makes a room and answers `{ room, editToken, viewToken }`;
 * `POST /rooms/<id>/delete` with the edit token as body deletes one; `GET /health`.
 * @example const server = await startSyncServer({ port: 1234 })
 */
export async function startSyncServer(options: SyncServerOptions = {}) {
  const dataDir = options.dataDir ?? 'data';
  const secret = await loadSecret(dataDir);
  const files = createFileStore(dataDir);
  const limiter = createRateLimiter(
    options.messagesPerSecond ?? 200,
    (options.messagesPerSecond ?? 200) * 3,
  );
  const log = options.log ?? (options.quiet ? () => {} : (line: string) => console.log(line));

  const extensions: Extension[] = [
    new Database({
      fetch: ({ documentName }) => files.read(documentName),
      store: ({ documentName, state }) => files.write(documentName, state),
    }),
  ];
  if (options.redisUrl) {
    const url = new URL(options.redisUrl);
    extensions.push(
      new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: 'leverflow' }),
    );
  }

  const server = new Server(
    {
      name: `leverflow-${options.port ?? 1234}`,
      port: options.port ?? 1234,
      address: options.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce: 500,
      maxDebounce: 3000,
      extensions,
      async onAuthenticate({ documentName, token, connectionConfig }) {
        const access = tokenAccess(secret, documentName, token);
        if (!access || (await files.isDeleted(documentName))) {
          throw new Error('This link is not valid for this room.');
        }
        // A view link sees every change but the server drops whatever it sends.
        connectionConfig.readOnly = access === 'view';
        return { access };
      },
      async beforeHandleMessage({ update, document, socketId }) {
        if (!limiter.take(socketId)) {
          log(`cut off ${socketId}: flooding`);
          throw { code: 4429, reason: 'rate-limited' };
        }
        const refusal = checkMessage(update, document);
        if (refusal) {
          log(`refused a message from ${socketId}: ${refusal.reason}`);
          throw refusal;
        }
      },
      async onDisconnect({ socketId }) {
        limiter.forget(socketId);
      },
      async onRequest({ request, response, instance }) {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (request.method === 'OPTIONS') {
          response.writeHead(204, {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Methods': 'GET, POST',
          });
          response.end();
          throw null;
        }
        if (url.pathname === '/health') {
          send(response, 200, { ok: true, rooms: instance.getDocumentsCount() });
          throw null;
        }
        if (url.pathname === '/rooms' && request.method === 'POST') {
          const room = newRoomId();
          send(response, 201, {
            room,
            editToken: roomToken(secret, room, 'edit'),
            viewToken: roomToken(secret, room, 'view'),
          });
          throw null;
        }
        const del = /^\/rooms\/([^/]+)\/delete$/.exec(url.pathname);
        if (del && request.method === 'POST') {
          const room = del[1] ?? '';
          const token = (await readBody(request)).trim();
          if (!ROOM_ID.test(room) || tokenAccess(secret, room, token) !== 'edit') {
            send(response, 403, { ok: false, message: 'Only the edit link can delete a room.' });
            throw null;
          }
          instance.closeConnections(room);
          await files.remove(room);
          log(`deleted room ${room}`);
          send(response, 200, { ok: true });
          throw null;
        }
      },
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  // Hocuspocus 3.4 passes `address` where Node's listen() reads `host`, which would listen
  // on every interface: pass the host ourselves so loopback means loopback.
  const listen = server.httpServer.listen.bind(server.httpServer);
  const host = options.host ?? '127.0.0.1';
  server.httpServer.listen = ((opts: { port: number }, callback: () => void) =>
    listen({ port: opts.port, host }, callback)) as unknown as typeof server.httpServer.listen;
  await server.listen();
  log(`Leverflow sync server on ws://${options.host ?? '127.0.0.1'}:${server.address.port}`);
  return server;
}
