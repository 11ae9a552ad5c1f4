// "The page stays responsive" while a large event log is read, in headless Chromium against
// the production build, the way a person does it: the 30-activity map the log came from is
// opened from a file, then File -> Open event log… picks the CSV that bench/eventLog.bench.ts
// wrote (1,000,000 events by default), the column dialog's guess is imported, and the clock
// stops when the replay is shown on the map (the summary says how many cases follow it).
// Meanwhile a PerformanceObserver collects the page's long tasks ('longtask': tasks over
// 50 ms; 0 when none). Then one edit (an arrow removed) and the time until its replay shows.
// Prints figures; asserts nothing.
//
//   node bench/eventLogPage.bench.mjs --csv=bench/out-eventlog/bench-log.csv --map=bench/out-eventlog/bench-map.leverflow.json [--no-build]
import { execSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { benchArgs } from './benchArgs.mjs';
import { serveStatic } from './serveStatic.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, 'out', 'eventlog-page');
const args = benchArgs();
const CSV = resolve(args.csv ?? join(BENCH, 'out-eventlog', 'bench-log.csv'));
const MAP = resolve(args.map ?? join(BENCH, 'out-eventlog', 'bench-map.leverflow.json'));

if (args['no-build'] !== 'true') {
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
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(`${server.origin}/`);
await page.waitForSelector('.react-flow__node');

// The map the log came from, opened from its file.
await page.locator('input[type=file]').setInputFiles(MAP);
await page.waitForFunction(() => document.querySelector('.lf-map-name')?.textContent === 'Bench');
await page.getByRole('tab', { name: 'Log' }).click();

/** Starts collecting long tasks; marks are times (ms) since the start. */
const startClock = () =>
  page.evaluate(() => {
    window.__long = [];
    window.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__long.push({ at: e.startTime - window.__t0, ms: e.duration });
    });
    window.__obs.observe({ type: 'longtask' });
    window.__t0 = performance.now();
  });
/** Time since the clock started, after the next frame is drawn. */
const now = () =>
  page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - window.__t0;
  });
const stopClock = () =>
  page.evaluate(() => {
    for (const e of window.__obs.takeRecords())
      window.__long.push({ at: e.startTime - window.__t0, ms: e.duration });
    window.__obs.disconnect();
    return window.__long;
  });

await page.getByText('File', { exact: true }).click();
const chooser = page.waitForEvent('filechooser');
await page
  .getByRole('toolbar', { name: 'Map commands' })
  .getByRole('button', { name: 'Open event log…' })
  .click();
await startClock();
await (await chooser).setFiles(CSV);
const dialog = page.getByRole('dialog', { name: /Which column is which/ });
await dialog.getByRole('button', { name: 'Import log' }).waitFor({ timeout: 120_000 });
const columnsAt = await now();
await dialog.getByRole('button', { name: 'Import log' }).click();
const summary = page.getByRole('status').filter({ hasText: / follow "Bench"/ });
await summary.waitFor({ timeout: 600_000 });
await page.locator('.lf-log-badge').first().waitFor();
const shownAt = await now();
const summaryText = await summary.textContent();
// Let what follows the replay (the log saved with the map) run, still under the observer.
await page.waitForTimeout(3000);
const reading = await stopClock();

// One edit: the arrow into lane 1 removed; the replay follows (its moves become a deviation).
const heading = page.getByRole('heading', { name: /^Deviations \(\d+\)$/ });
const before = await heading.textContent();
await page.locator('.react-flow__edge[data-id="d>0"]').focus();
await page.keyboard.press('Enter');
await startClock();
await page.keyboard.press('Delete');
await page.waitForFunction(
  (old) =>
    [...document.querySelectorAll('h3')].some(
      (h) => /^Deviations \(\d+\)$/.test(h.textContent ?? '') && h.textContent !== old,
    ),
  before,
  { timeout: 120_000, polling: 20 },
);
const editAt = await now();
const after = await heading.textContent();
const editing = await stopClock();

await browser.close();
server.close();

const longest = (tasks, until = Number.POSITIVE_INFINITY) =>
  Math.max(0, ...tasks.filter((t) => t.at <= until).map((t) => t.ms));
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `\nOpening an event log through the page (production build, headless Chromium): ${(statSync(CSV).size / 1024 / 1024).toFixed(0)} MB CSV`,
);
console.log(
  `load average before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
console.log(`summary shown: ${summaryText}`);
console.log(`file picked -> column dialog                  ${s(columnsAt)}`);
console.log(`file picked -> replay shown on the map        ${s(shownAt)}`);
console.log(
  `longest main-thread task until then           ${longest(reading, shownAt).toFixed(0)} ms (${reading.filter((t) => t.at <= shownAt).length} tasks over 50 ms)`,
);
console.log(
  `longest main-thread task, 3 s after it         ${longest(reading.filter((t) => t.at > shownAt)).toFixed(0)} ms (saving the log with the map)`,
);
console.log(
  `an arrow removed -> its replay shown           ${(editAt / 1000).toFixed(2)} s, longest task ${longest(editing).toFixed(0)} ms (${before} -> ${after})`,
);
if (args.verbose === 'true')
  for (const t of [...reading, ...editing])
    console.log(`  task at ${t.at.toFixed(0)} ms: ${t.ms.toFixed(0)} ms`);
