import { startSyncServer } from './createSyncServer';

// `npm run server`: the sync server alone. PORT (1234), HOST (127.0.0.1), DATA_DIR (data),
// REDIS_URL (join other servers), SYNC_SECRET (shared by every server behind one URL).
const server = await startSyncServer({
  port: Number(process.env.PORT ?? 1234),
  host: process.env.HOST ?? '127.0.0.1',
  dataDir: process.env.DATA_DIR ?? 'data',
  ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
});

async function stop() {
  await server.destroy();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
