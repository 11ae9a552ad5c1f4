// Runs bench/analyzer.bench.ts as the app ships it: bundled by Vite (Rolldown, Oxc) into
// bench/out-analyzer, then run by plain Node. Arguments go on to the bench.
//
// Why not tsx: tsx compiles each file with esbuild's keepNames, which wraps every function
// the analyzer creates in a call to __name(), and runs the modules unbundled. Neither is
// what the app's worker runs, and both made analyze() look 20–70% slower than it is.
//   npm run bench:analyzer
//   node bench/analyzer.mjs --tsx        (the same bench under tsx, for comparison)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, 'out-analyzer');
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (args.includes('--tsx')) {
  run(join(ROOT, 'node_modules', '.bin', 'tsx'), [
    join(BENCH, 'analyzer.bench.ts'),
    ...args.filter((a) => a !== '--tsx'),
  ]);
} else {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    // Dependencies bundled in too, as in the app's worker.
    ssr: { noExternal: true },
    build: {
      ssr: join(BENCH, 'analyzer.bench.ts'),
      outDir: OUT,
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      target: 'node20',
    },
  });
  run(process.execPath, [join(OUT, 'analyzer.bench.js'), ...args]);
}
