// Persistence benchmark, in headless Chromium against the production build: for maps of
// 1,000 and 10,000 steps, the time to open a map from the library until it is on screen,
// the time of one autosave, the longest main-thread block an autosave causes, and the time
// of a PNG export. Prints medians over the runs.
//
//   node bench/persistence.bench.mjs
//   node bench/persistence.bench.mjs --sizes=1000 --runs=5 --no-build
//
// How each figure is taken:
//  - open: Library → Open, from the click until the map's name shows, its steps are in the
//    DOM and the app has set its view (performance.mark('leverflow:shown')), measured in the
//    page (performance.now) after the next animation frame. Of it,
//    reading storage: the app's performance.measure('leverflow:get') (library.get: read,
//    check and decode the map); the rest is showing it (store, canvas render, analysis).
//  - autosave: one edit (a step added from the palette) until the save indicator says Saved.
//    The first write after a quiet spell starts at once, so this is serialize + IndexedDB +
//    the edit's own render.
//  - longest block: a second edit made while the first is being written is saved 500 ms
//    later (throttle); the longest main-thread task ('longtask' PerformanceObserver entries,
//    which Chromium reports for tasks over 50 ms; 0 when there was none) from 300 ms after
//    that edit until the save indicator says Saved (or, when the app marks its saves with
//    performance.measure('leverflow:save'), within that save). The edit's own render is
//    over by then.
//    The longest gap between animation frames in that window, minus one frame (16.7 ms), is
//    printed too: it also catches tasks under 50 ms and rendering work.
//  - PNG export: File → Export PNG until the download starts.
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { benchArgs } from './benchArgs.mjs';
import { generateMapFile } from './persistence/generateMapFile.mjs';
import { openFromLibrary } from './persistence/openFromLibrary.mjs';
import { serveStatic } from './serveStatic.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, 'out', 'persistence');
const args = benchArgs();
const SIZES = (args.sizes ?? '1000,10000').split(',').map(Number);
const RUNS = Number(args.runs ?? 3);

if (args['no-build'] !== 'true') {
  process.stdout.write('Building the app (production)… ');
  execSync(`npx vite build --outDir ${JSON.stringify(OUT)} --emptyOutDir --logLevel error`, {
    cwd: ROOT,
    stdio: 'inherit',
  });
  console.log('done');
}

const server = await serveStatic(OUT);
const ORIGIN = server.origin;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)];
};
const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : 'n/a');

async function waitSaved(page) {
  await page.waitForFunction(
    () => document.querySelector('.lf-save-status')?.getAttribute('data-state') === 'saved',
    null,
    { timeout: 120_000 },
  );
}

/** One edit → Saved (ms), then the longest frame gap (ms) while a throttled save runs. */
function measureAutosave(page) {
  return page.evaluate(async () => {
    const status = () => document.querySelector('.lf-save-status')?.getAttribute('data-state');
    const addStep = () =>
      [...document.querySelectorAll('.lf-palette button, aside button')]
        .find((b) => b.textContent?.trim() === 'Action')
        ?.click();
    const untilSaved = async () => {
      while (status() !== 'saved') await new Promise((r) => setTimeout(r, 1));
    };
    // 1. One autosave, start to finish.
    let t0 = performance.now();
    addStep();
    await new Promise((r) => setTimeout(r, 0));
    await untilSaved();
    const autosave = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 800));
    // 2. The longest frame while a throttled (trailing) save runs.
    addStep(); // written at once
    await new Promise((r) => setTimeout(r, 30));
    addStep(); // pending: written ~500 ms after the first
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
    });
    observer.observe({ type: 'longtask' });
    const gaps = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => {
      gaps.push([last, now]);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    t0 = performance.now();
    const settleAt = t0 + 300; // the edit's own render is over by then
    await new Promise((r) => setTimeout(r, 100));
    await untilSaved();
    await new Promise((r) => requestAnimationFrame(r));
    running = false;
    for (const entry of observer.takeRecords()) longTasks.push([entry.startTime, entry.duration]);
    observer.disconnect();
    // The save's own span when the app marks it (performance.measure 'leverflow:save'),
    // else from settleAt until Saved.
    const saves = performance
      .getEntriesByName('leverflow:save', 'measure')
      .filter((e) => e.startTime >= t0)
      .map((e) => [e.startTime, e.startTime + e.duration]);
    const windows = saves.length > 0 ? saves : [[settleAt, performance.now()]];
    const longest = longTasks.flatMap(([start, duration]) =>
      windows
        .filter(([from, to]) => start < to && start + duration > from)
        .map(([from, to]) => Math.min(start + duration, to) - Math.max(start, from)),
    );
    const during = gaps
      .filter(([a, b]) => windows.some(([from, to]) => a < to && b > from))
      .map(([a, b]) => b - a);
    return { autosave, longestFrame: Math.max(0, ...during), longestTask: Math.max(0, ...longest) };
  });
}

const browser = await chromium.launch(
  chromiumLaunchOptions(['--disable-background-timer-throttling']),
);
console.log(`Leverflow persistence bench — ${new Date().toISOString()} — ${RUNS} runs, medians`);
try {
  console.log(
    `revision: ${execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim()}`,
  );
} catch {}
const rows = [];
for (const steps of SIZES) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(ORIGIN);
  await waitSaved(page);
  const name = `Bench map (${steps.toLocaleString('en-US')} steps)`;
  await page.locator('input[type=file]').setInputFiles({
    name: 'bench.leverflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(generateMapFile(steps, name)),
  });
  await page.waitForFunction(
    (n) => document.querySelector('.lf-map-name')?.textContent === n,
    name,
    {
      timeout: 120_000,
    },
  );
  await waitSaved(page);
  const open = [];
  const read = [];
  const autosave = [];
  const longest = [];
  const gap = [];
  const png = [];
  for (let run = 0; run < RUNS; run++) {
    await openFromLibrary(page, 'Order fulfilment (example)');
    await waitSaved(page);
    const opened = await openFromLibrary(page, name);
    open.push(opened.total);
    read.push(opened.read);
    await waitSaved(page);
    await page.waitForTimeout(1000);
    const saved = await measureAutosave(page);
    autosave.push(saved.autosave);
    longest.push(saved.longestTask);
    gap.push(Math.max(0, saved.longestFrame - 1000 / 60));
    await page.waitForTimeout(600);
    await page.locator('.lf-menu > summary').click();
    const download = page.waitForEvent('download', { timeout: 300_000 });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await download;
    png.push(Date.now() - t0);
  }
  rows.push({
    steps,
    open: median(open),
    read: median(read),
    autosave: median(autosave),
    longest: median(longest),
    gap: median(gap),
    png: median(png),
  });
  await context.close();
}
await browser.close();
server.close();

const header = [
  'steps',
  'open from library',
  'of it: reading storage',
  'one autosave',
  'longest block in autosave',
  'longest frame gap',
  'PNG export',
];
const table = [
  header,
  ...rows.map((r) => [
    r.steps.toLocaleString('en-US'),
    fmt(r.open),
    r.read > 0 ? fmt(r.read) : 'n/a',
    fmt(r.autosave),
    fmt(r.longest),
    fmt(r.gap),
    fmt(r.png),
  ]),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table) console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
console.log(
  'Goals: a 1,000-step map opens in < 400 ms; an autosave blocks the main thread < 16 ms.',
);
