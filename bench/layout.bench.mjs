// Layout benchmark, in headless Chromium against the production build: a dense Mermaid chart
// (300 / 1,000 / 5,000 steps, 3 arrows a step) opened from the File menu, then Tidy up on it
// left to right (the import lays it out top to bottom, so every step moves).
// For each: the time until the map is laid out, shown and drawn (the canvas has handed React
// Flow every step in view: no data-filling), and the longest main-thread task ('longtask'
// entries, which Chromium reports for tasks over 50 ms; 0 when none) until then and until the
// page is quiet again (what the change sets off afterwards: the analysis of the new map, the
// simple layer's scene). Each starts from a quiet page, so Tidy up does not get the import's tail.
// Beside them, the time elkjs takes on the main thread today (Tidy up before the layout
// worker), in Node, stopped after --ref-cap seconds.
//
//   npm run bench:layout
//   node bench/layout.bench.mjs --sizes=300 --ref-sizes=300 --ref-cap=60 --no-build
//   node bench/layout.bench.mjs --ref-sizes=0 --out=.tmp/layout-base   (serve another build)
//   node bench/layout.bench.mjs --ref-sizes=0 --sizes=20000,50000   (up to the map limits)
//   node bench/layout.bench.mjs --ref-sizes=0 --runs=5   (each size 5 times, in a fresh page each:
//   the median of each figure, then every run's longest tasks; one run's longest task swings by
//   100-200 ms on a shared machine)
import { execSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { benchArgs } from './benchArgs.mjs';
import { denseFlowchart } from './denseFlowchart.mjs';
import { serveStatic } from './serveStatic.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const args = benchArgs();
/** The app build to serve: bench/out/layout, or --out=dir (an experiment's build; not rebuilt). */
const OUT = args.out ? resolve(args.out) : join(BENCH, 'out', 'layout');
const SIZES = (args.sizes ?? '300,1000,5000').split(',').map(Number);
// elkjs on 5,000 dense steps would run far past a couple of minutes: not tried by default.
const REF_SIZES = (args['ref-sizes'] ?? '300,1000').split(',').map(Number);
const REF_CAP_S = Number(args['ref-cap'] ?? 45);
const RUNS = Math.max(1, Number(args.runs ?? 1));
/** LAYOUT_BUDGET.maxSteps and maxArrows in src/layout/layoutBudget.ts. */
const LAYOUT_MAX_STEPS = 400;
const LAYOUT_MAX_ARROWS = 400;

if (args['no-build'] !== 'true' && !args.out) {
  process.stdout.write('Building the app (production)… ');
  execSync(`npx vite build --outDir ${JSON.stringify(OUT)} --emptyOutDir --logLevel error`, {
    cwd: ROOT,
    stdio: 'inherit',
  });
  console.log('done');
}

const loadBefore = loadavg();
const server = await serveStatic(OUT);
const browser = await chromium.launch(chromiumLaunchOptions());

/**
 * Waits until the page is quiet: the analysis is not running (no pending badge) and no
 * main-thread task over 50 ms has ended for `quietMs` (at most `capMs`). What an import or
 * Tidy up sets off after the map is drawn (the analysis of the new map arriving from its
 * worker, the simple layer's scene built in idle time) is part of it.
 */
async function untilQuiet(page, quietMs = 1500, capMs = 20_000) {
  await page.evaluate(
    ([quiet, cap]) =>
      new Promise((resolve) => {
        let last = performance.now();
        const obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
        });
        obs.observe({ type: 'longtask' });
        const started = performance.now();
        const check = () => {
          const now = performance.now();
          const pending = document.querySelector('.lf-badge.is-pending') !== null;
          if (now - started > cap || (!pending && now - last > quiet)) {
            obs.disconnect();
            resolve();
          } else setTimeout(check, 100);
        };
        check();
      }),
    [quietMs, capMs],
  );
}

/**
 * Runs `action` in the page and returns the time until the map named `name` is shown with no
 * layout running, everything saved and every step in view drawn, and the longest main-thread
 * task: until then (`drawn`) and until the page is quiet again (`longest`, see untilQuiet).
 */
async function measure(page, action, name) {
  await untilQuiet(page);
  await page.evaluate(() => {
    window.__long = [];
    window.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.duration);
    });
    window.__obs.observe({ type: 'longtask' });
    window.__t0 = performance.now();
    window.__jobs = performance.getEntriesByName('leverflow:layout-done').length;
  });
  await action();
  await page.waitForFunction(
    (wanted) =>
      performance.getEntriesByName('leverflow:layout-done').length > window.__jobs &&
      document.querySelector('.lf-save-status')?.getAttribute('data-state') === 'saved' &&
      document.querySelector('.lf-map-name')?.textContent === wanted &&
      !document.querySelector('.lf-canvas .react-flow[data-filling]'),
    name,
    { timeout: 300_000, polling: 50 },
  );
  const drawn = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const ms = performance.now() - window.__t0;
    for (const e of window.__obs.takeRecords()) window.__long.push(e.duration);
    return { ms, longest: Math.max(0, ...window.__long) };
  });
  await untilQuiet(page);
  const longest = await page.evaluate(() => {
    for (const e of window.__obs.takeRecords()) window.__long.push(e.duration);
    window.__obs.disconnect();
    return Math.max(0, ...window.__long);
  });
  return { ms: drawn.ms, drawnLongest: drawn.longest, longest };
}

/** How the last layout job placed the steps. */
async function how(page, size) {
  const outOfTime = await page.evaluate(
    () => performance.getEntriesByName('leverflow:layout-done').at(-1)?.detail?.outOfTime,
  );
  // The dense chart has three arrows a step, but for the last.
  if (size > LAYOUT_MAX_STEPS || 3 * (size - 1) > LAYOUT_MAX_ARROWS) {
    return 'quick layers (over the size budget)';
  }
  return outOfTime ? 'quick layers (elkjs out of time)' : 'elkjs';
}

/** One import and Tidy up of a dense chart of `size` steps, in a fresh page. */
async function runOnce(size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('.react-flow__node');
  await page.waitForFunction(
    () => document.querySelector('.lf-save-status')?.getAttribute('data-state') === 'saved',
  );
  const name = `dense-${size}`;
  // The file is made in the page before the clock starts: Playwright's setInputFiles turns
  // the bytes into a File on the page's main thread (a ~300 ms task at 5,000 steps) that a
  // person's file picker does not have, so it must not count as the app's.
  await page.evaluate(
    ([text, fileName]) => {
      window.__file = new File([text], fileName, { type: 'text/plain' });
    },
    [denseFlowchart(size), `${name}.mmd`],
  );
  const imported = await measure(
    page,
    () =>
      page.evaluate(() => {
        const input = document.querySelector('input[type=file]');
        const files = new DataTransfer();
        files.items.add(window.__file);
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    name,
  );
  const importHow = await how(page, size);
  const tidied = await measure(
    page,
    async () => {
      // Left to right, so that every step moves: a plain Tidy up right after the import lays
      // the chart out as the import did, and React Flow then has nothing to move.
      // Found by a CSS selector, not by role: Playwright works out the role of every element
      // of the page for that, a long task of its own in the page (480 ms at 50,000 steps,
      // profiled) that would count as the app's.
      await page.locator('select[aria-label="Tidy up direction"]').selectOption('right');
      await page.waitForTimeout(100);
    },
    name,
  );
  const tidyHow = await how(page, size);
  await context.close();
  return { imported, tidied, importHow, tidyHow };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Each figure's median over the runs (for one run, that run's figures). */
const medianOf = (measures) => ({
  ms: median(measures.map((m) => m.ms)),
  drawnLongest: median(measures.map((m) => m.drawnLongest)),
  longest: median(measures.map((m) => m.longest)),
});

const rows = [];
for (const size of SIZES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(size));
  const last = runs.at(-1);
  rows.push({
    size,
    runs,
    imported: medianOf(runs.map((r) => r.imported)),
    tidied: medianOf(runs.map((r) => r.tidied)),
    importHow: last.importHow,
    tidyHow: last.tidyHow,
  });
}
await browser.close();
server.close();

/** elkjs on the main thread (Node), in a child process ended after the cap. */
function elkMainThread(size) {
  if (!REF_SIZES.includes(size)) return 'not run (would take far past a couple of minutes)';
  const run = spawnSync('npx', ['tsx', join(BENCH, 'layout', 'elkMainThread.ts'), String(size)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: REF_CAP_S * 1000,
    killSignal: 'SIGKILL',
  });
  const ms = Number(run.stdout.trim());
  if (run.status === 0 && Number.isFinite(ms)) return `${(ms / 1000).toFixed(1)} s`;
  return run.error ? `> ${REF_CAP_S} s (stopped)` : `failed: ${run.stderr.split('\n')[0]}`;
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const task = (m) => `${m.drawnLongest.toFixed(0)} / ${m.longest.toFixed(0)} ms`;
console.log(`\nLayout of a dense chart (3 arrows a step), production build, headless Chromium`);
console.log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}`);
if (RUNS > 1) console.log(`${RUNS} runs a size: medians`);
console.log(
  'steps | import: time, longest main-thread task (until drawn / until quiet), layout | Tidy up: the same | elkjs on the main thread today (Node)',
);
for (const r of rows) {
  console.log(
    `${r.size} | ${s(r.imported.ms)}, ${task(r.imported)}, ${r.importHow} | ${s(r.tidied.ms)}, ${task(r.tidied)}, ${r.tidyHow} | ${elkMainThread(r.size)}`,
  );
}
if (RUNS > 1) {
  console.log(
    'steps | every run: import longest task (drawn / quiet) | Tidy up longest task (drawn / quiet)',
  );
  for (const r of rows) {
    const each = (pick) => r.runs.map((run) => task(pick(run))).join(', ');
    console.log(`${r.size} | ${each((run) => run.imported)} | ${each((run) => run.tidied)}`);
  }
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
