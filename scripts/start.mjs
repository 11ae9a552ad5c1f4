// `npm start`: the app (Vite) and the sync server together; Ctrl+C stops both.
// Each runs straight under node (not through npx), so a stop signal reaches the process
// that holds the port, even when only this script gets it (a process manager's SIGTERM).
import { spawn } from 'node:child_process';

const node = process.execPath;
const children = [
  spawn(node, ['node_modules/vite/bin/vite.js', '--open=false'], { stdio: 'inherit' }),
  spawn(node, ['--import', 'tsx', 'server/index.ts'], { stdio: 'inherit' }),
];
let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // Wait for both to let go of their ports, then go (at most 5 s).
  const gone = children.map((child) =>
    child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)),
  );
  Promise.all(gone).then(() => process.exit(code));
  setTimeout(() => process.exit(code), 5000).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
