// Profiles "open from library" and "one autosave" with the CDP sampling profiler against an
// unminified production build; prints the top functions by self and total time.
//   node bench/persistence/profile.mjs --steps=10000 [--no-build]
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { serveStatic } from '../serveStatic.mjs';
import { generateMapFile } from './generateMapFile.mjs';
import { openFromLibrary } from './openFromLibrary.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT = join(HERE, '..', 'out', 'persistence-profile');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const STEPS = Number(args.steps ?? 10000);
if (args['no-build'] !== 'true') {
  execSync(
    `npx vite build --minify false --outDir ${JSON.stringify(OUT)} --emptyOutDir --logLevel error`,
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}
const server = await serveStatic(OUT);
const ORIGIN = server.origin;
const browser = await chromium.launch(
  chromiumLaunchOptions(['--disable-background-timer-throttling']),
);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.error('page error:', e.message));
const saved = () =>
  page.waitForFunction(
    () => document.querySelector('.lf-save-status')?.getAttribute('data-state') === 'saved',
    null,
    { timeout: 120_000 },
  );
await page.goto(ORIGIN);
await saved();
const name = `Bench map (${STEPS})`;
await page.locator('input[type=file]').setInputFiles({
  name: 'b.leverflow.json',
  mimeType: 'application/json',
  buffer: Buffer.from(generateMapFile(STEPS, name)),
});
await page.waitForFunction((n) => document.querySelector('.lf-map-name')?.textContent === n, name, {
  timeout: 120_000,
});
await saved();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

function summarize(label, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i + 1] ?? 0) / 1000;
    let id = profile.samples[i];
    const n = byId.get(id);
    const key = (n) =>
      `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    self.set(key(n), (self.get(key(n)) ?? 0) + ms);
    const seen = new Set();
    while (id !== undefined) {
      const k = key(byId.get(id));
      if (!seen.has(k)) {
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + ms);
      }
      id = parent.get(id);
    }
  }
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  console.log(
    `\n=== ${label}: self ===\n${top(self, 25)}\n=== ${label}: total ===\n${top(total, 45)}`,
  );
}

async function profiled(label, fn) {
  await cdp.send('Profiler.start');
  const r = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(OUT, `${label}.cpuprofile`), JSON.stringify(profile));
  console.log(`\n${label}: ${JSON.stringify(r)}`);
  summarize(label, profile);
}

// Open another map, then profile opening the big one.
await openFromLibrary(page, 'Order fulfilment (example)');
await saved();
await profiled('open', () => openFromLibrary(page, name));
await saved();
await page.waitForTimeout(1500);
await profiled('autosave', () =>
  page.evaluate(async () => {
    const status = () => document.querySelector('.lf-save-status')?.getAttribute('data-state');
    const longs = [];
    const obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) longs.push(Math.round(e.duration));
    });
    obs.observe({ type: 'longtask' });
    const t0 = performance.now();
    [...document.querySelectorAll('.lf-palette button, aside button')]
      .find((b) => b.textContent?.trim() === 'Action')
      ?.click();
    await new Promise((r) => setTimeout(r, 0));
    while (status() !== 'saved') await new Promise((r) => setTimeout(r, 1));
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    return { ms, longs };
  }),
);
await page.waitForTimeout(1500);
// The trailing (throttled) save of a second edit, profiled from 300 ms after that edit.
await page.evaluate(async () => {
  const add = () =>
    [...document.querySelectorAll('.lf-palette button, aside button')]
      .find((b) => b.textContent?.trim() === 'Action')
      ?.click();
  add();
  await new Promise((r) => setTimeout(r, 30));
  add();
  window.__t0 = performance.now();
});
await page.waitForTimeout(250);
await profiled('trailing', () =>
  page.evaluate(async () => {
    const longs = [];
    const obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries())
        longs.push([Math.round(e.startTime - window.__t0), Math.round(e.duration)]);
    });
    obs.observe({ type: 'longtask' });
    while (document.querySelector('.lf-save-status')?.getAttribute('data-state') !== 'saved')
      await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    const saves = performance
      .getEntriesByName('leverflow:save', 'measure')
      .map((e) => [Math.round(e.startTime - window.__t0), Math.round(e.duration)]);
    return { longs, saves };
  }),
);
await browser.close();
server.close();
