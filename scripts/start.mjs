// `npm start`: the app (Vite) and the sync server together; Ctrl+C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['vite', '--open=false'], { stdio: 'inherit' }),
  spawn('npx', ['tsx', 'server/index.ts'], { stdio: 'inherit' }),
];
let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
