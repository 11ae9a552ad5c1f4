import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` (scripts/start.mjs) starts the app (Vite) and the sync server together, and
// Ctrl+C stops both. Run here as a person runs it, on a sync port of its own.
const SYNC_PORT = 4600 + ((Number(process.env.E2E_PORT ?? 4173) + 20) % 100);
const ROOT = join(import.meta.dirname, '..');

const start = spawn(process.execPath, ['scripts/start.mjs'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(SYNC_PORT),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'leverflow-start-')),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
start.stdout.on('data', (chunk) => {
  output += String(chunk);
});
start.stderr.on('data', (chunk) => {
  output += String(chunk);
});
const exited = new Promise<number | null>((resolve) => start.on('exit', resolve));

afterAll(() => {
  if (start.exitCode === null) start.kill('SIGKILL');
});

/** Polls `read` until it gives a value, or fails after `ms`. */
async function until<T>(read: () => Promise<T | null> | T | null, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`gave up waiting; the script printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function get(url: string): Promise<Response | null> {
  try {
    return await fetch(url);
  } catch {
    return null;
  }
}

describe('npm start', { timeout: 90_000 }, () => {
  it('serves the app and the sync server together, and Ctrl+C stops both', async () => {
    // Vite says where the app is (5173, or the next free port).
    const appUrl = await until(() => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips Vite's colours
      const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
      return plain.match(/Local:\s+(http:\/\/\S+)/)?.[1] ?? null;
    }, 60_000);
    const page = await until(() => get(appUrl), 30_000);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const health = await until(() => get(`http://127.0.0.1:${SYNC_PORT}/health`), 30_000);
    expect(health.status).toBe(200);

    start.kill('SIGINT');
    await exited;
    expect(await get(`http://127.0.0.1:${SYNC_PORT}/health`)).toBeNull();
    expect(await get(appUrl)).toBeNull();
  });
});
