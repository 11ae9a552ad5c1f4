// Runs bench/eventLog.bench.ts bundled by Vite, as bench/analyzer.mjs does (see there why
// not tsx), in plain Node with a heap limit, so the memory figure is what one worker needs.
//   npm run bench:log                 (100,000 cases, about 1,000,000 events)
//   npm run bench:log -- --cases 20000
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
const result = spawnSync(
  process.execPath,
  ['--expose-gc', join(OUT, 'eventLog.bench.js'), ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
