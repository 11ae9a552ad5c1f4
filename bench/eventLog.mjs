// Runs bench/eventLog.bench.ts bundled by Vite, as bench/analyzer.mjs does (see there why
// not tsx), in plain Node: the pipeline in a child process of its own (its memory is the
// pipeline's alone) beside JSON.parse; then bench/eventLogPage.bench.mjs opens the same CSV
// through the app in headless Chromium (long tasks on the page while it is read).
//   npm run bench:log                 (100,000 cases, about 1,000,000 events)
//   npm run bench:log -- --cases 20000
//   npm run bench:log -- --no-page    (Node only)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, 'out-eventlog');

await build({
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  publicDir: false,
  ssr: { noExternal: true },
  build: {
    ssr: join(BENCH, 'eventLog.bench.ts'),
    outDir: OUT,
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    target: 'node20',
  },
});
const args = process.argv.slice(2).filter((a) => a !== '--no-page');
const result = spawnSync(
  process.execPath,
  ['--expose-gc', join(OUT, 'eventLog.bench.js'), ...args],
  { cwd: ROOT, stdio: 'inherit' },
);
if (result.status !== 0 || process.argv.includes('--no-page')) process.exit(result.status ?? 1);
const page = spawnSync(process.execPath, [join(BENCH, 'eventLogPage.bench.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(page.status ?? 1);
