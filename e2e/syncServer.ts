import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A sync server process the sharing specs start, restart and stop themselves. */
export interface SyncServerProcess {
  port: number;
  dataDir: string;
  /** The server process's id (the bench reads its CPU time and memory). */
  pid: number;
  stop: () => Promise<void>;
}

async function waitForHealth(port: number, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The sync server on port ${port} did not start within ${timeoutMs} ms.`);
}

/**
 * Starts `server/index.ts` on loopback (its rooms in `dataDir`, a new temporary folder unless
 * given, so a restart keeps them) and resolves once it answers.
 * @example const server = await startSyncServer(4670); await server.stop();
 */
export async function startSyncServer(
  port: number,
  dataDir = mkdtempSync(join(tmpdir(), 'leverflow-sync-')),
  env: Record<string, string> = {},
): Promise<SyncServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  let stopping = false;
  // Never leave a server behind when this process ends (a failed bench, a crashed run).
  process.once('exit', () => child.kill('SIGKILL'));
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`The sync server on ${port} stopped (${code ?? signal}):\n${output}`);
  });
  try {
    await waitForHealth(port);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${output}`);
  }
  return {
    port,
    dataDir,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
