/**
 * Where the sync server is: VITE_SYNC_URL at build time, else the loopback server that
 * `npm start` and `npm run server` run.
 */
export const SYNC_URL: string = import.meta.env.VITE_SYNC_URL || 'ws://127.0.0.1:1234';

/** The server's HTTP address (rooms are made and deleted over HTTP). */
export const SYNC_HTTP_URL = SYNC_URL.replace(/^ws/, 'http');

/** What to tell someone whose app cannot reach the sync server. */
export const NO_SERVER_HELP = `Sharing needs the sync server, and none answers at ${SYNC_URL}. Start it with \`npm run server\` (or \`npm start\`, which starts the app and the server together), then press Share again.`;
