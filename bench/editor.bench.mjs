// Editor benchmark: our canvas against stock React Flow on the same generated maps, in
// headless Chromium. Prints, per map size and page: time to render, frame times during a
// scripted pan and a scripted node drag, Fit view, pan, wheel zoom and a zoom in to 1.0 from the
// fitted zoom, and JS heap after GC; then ours / stock ratios.
// Our pages also get an "edit" gesture (a step relabelled every 250 ms, each edit re-running
// the live analysis): compare ours with ours-off (analysis off) for what the analysis costs.
//
//   npm run bench:editor
//   node bench/editor.bench.mjs --sizes=1000 --runs=5 --no-build
//   node bench/editor.bench.mjs --sizes=1000 --runs=1 --cpuprofile   (writes bench/out/*.cpuprofile)
//
// Options: --sizes=100,1000,5000,10000  --runs=3  --big-runs=1 (runs at 5,000+ steps)  --zoom=1 (zoom
// for the pan and drag; "fit" keeps the opening view)  --no-build  --out=dir (serve another
// build, e.g. an experiment in bench/out)  --cpuprofile  --json=path  --pages=ours,stock
// (also ours-off: our editor with the live analysis off, e.g. --pages=ours,ours-off --sizes=1000,10000)
// --wheel-reps=1 (the fitted wheel gesture turned this many times in one page; with more than
// one, how many had a frame over 50 ms, which and their longest, is printed: e.g.
// --pages=ours --sizes=10000 --wheel-reps=20)  --alloc (also print the MB the page's main
// thread allocated during the pan and the drag, from V8's sampling heap profiler: garbage
// the browser must sweep up, and what fills its young generation; e.g. --pages=ours
// --sizes=10000 --runs=2 --alloc)
// Figures are medians over the runs. The machine may be noisy: compare ratios within a run.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { serveStatic } from './serveStatic.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const argOut = process.argv.find((a) => a.startsWith('--out='));
/** The built pages to serve: bench/out, or --out=dir (an experiment's build; skips building). */
const OUT = argOut ? resolve(argOut.slice('--out='.length)) : join(BENCH, 'out');
const VIEWPORT = { width: 1280, height: 800 };
const GESTURE_MS = 3000;
const SETTLE_MS = 600;
const RENDER_TIMEOUT_MS = 90_000;

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const SIZES = (args.sizes ?? '100,1000,5000,10000').split(',').map(Number);
const RUNS = Number(args.runs ?? 3);
/** Runs for maps of 5,000 steps and more, which take ~50 s a run: 1 keeps the total near 5 min. */
const BIG_RUNS = Number(args['big-runs'] ?? Math.min(RUNS, 1));
const ZOOM = args.zoom === 'fit' ? 'fit' : Number(args.zoom ?? 1);
const PAGES = (args.pages ?? 'ours,stock').split(',');
/** How many times the fitted wheel gesture is turned in each run's page. */
const WHEEL_REPS = Math.max(1, Number(args['wheel-reps'] ?? 1));
/** Whether to sample what the pan and the drag allocate (--alloc). */
const ALLOC = args.alloc === 'true';
const started = performance.now();

/** Which code was measured: the commit, and whether src/ had uncommitted changes. */
function revision() {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: BENCH }).toString().trim();
    const dirty = execSync('git status --porcelain -- src', { cwd: join(BENCH, '..') })
      .toString()
      .trim();
    return dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    return 'unknown revision';
  }
}

// ---------------------------------------------------------------------------------------
// Build and serve

if (args['no-build'] !== 'true' && !argOut) {
  const { build } = await import('vite');
  process.stdout.write('Building bench pages (production)… ');
  const t = performance.now();
  await build({ configFile: join(BENCH, 'vite.bench.config.ts'), logLevel: 'error' });
  console.log(`${Math.round(performance.now() - t)} ms`);
}

const server = await serveStatic(OUT);
const ORIGIN = server.origin;

// ---------------------------------------------------------------------------------------
// In-page helpers (serialised into the page; keep them self-contained)

/** Runs from document start: defines window.__benchInView (how many steps lie inside the
 * canvas's view, and the zoom; null before the canvas has set its first view) and resolves
 * window.__benchRender with the time (ms since navigation start) of the first frame in
 * which every step inside the view is in the DOM and shown. */
function renderWatcher() {
  const parse = (el) => {
    const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(
      el.style.transform,
    );
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  };
  window.__benchInView = () => {
    const boxes = window.__benchBoxes;
    const viewport = document.querySelector('.react-flow__viewport');
    const flow = document.querySelector('.react-flow');
    const t = viewport && parse(viewport);
    if (!boxes || !flow || !t || (t[0] === 0 && t[1] === 0 && t[2] === 1)) return null;
    const w = flow.clientWidth;
    const h = flow.clientHeight;
    let expected = 0;
    for (let i = 0; i < boxes.length; i += 4) {
      const x = boxes[i] * t[2] + t[0];
      const y = boxes[i + 1] * t[2] + t[1];
      if (x < w && y < h && x + boxes[i + 2] * t[2] > 0 && y + boxes[i + 3] * t[2] > 0) {
        expected++;
      }
    }
    return { expected, zoom: t[2] };
  };
  window.__benchRender = new Promise((done) => {
    const nodes = document.getElementsByClassName('react-flow__node');
    const tick = (now) => {
      const view = window.__benchInView();
      if (view) {
        let shown = 0;
        if (nodes.length >= view.expected) {
          for (const node of nodes) if (node.style.visibility !== 'hidden') shown++;
        }
        if (view.expected > 0 && shown >= view.expected) {
          done({ ms: now, expected: view.expected, shown, inDom: nodes.length, zoom: view.zoom });
          return;
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Starts recording the time between animation frames. */
function startFrames() {
  const deltas = [];
  let last = -1;
  let running = true;
  const tick = (now) => {
    if (last >= 0) deltas.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__benchStopFrames = () => {
    running = false;
    return deltas;
  };
}

function viewportState() {
  const el = document.querySelector('.react-flow__viewport');
  const flow = document.querySelector('.react-flow').getBoundingClientRect();
  const m = /scale\(([-\d.e]+)\)/.exec(el?.style.transform ?? '');
  return {
    zoom: m ? Number(m[1]) : 1,
    rect: { x: flow.x, y: flow.y, width: flow.width, height: flow.height },
    nodesInDom: document.getElementsByClassName('react-flow__node').length,
    edgesInDom: document.getElementsByClassName('react-flow__edge').length,
  };
}

/** A point near the canvas centre where a press lands on the empty pane. */
function findEmptyPoint() {
  const flow = document.querySelector('.react-flow').getBoundingClientRect();
  const cx = flow.x + flow.width / 2;
  const cy = flow.y + flow.height / 2;
  for (let r = 0; r < 300; r += 6) {
    for (let a = 0; a < 16; a++) {
      const x = cx + r * Math.cos((a * Math.PI) / 8);
      const y = cy + r * Math.sin((a * Math.PI) / 8);
      const el = document.elementFromPoint(x, y);
      if (el?.classList.contains('react-flow__pane')) return { x, y };
    }
  }
  return null;
}

/** The centre of the step nearest the canvas centre, if a press there lands on it. */
function findNodePoint() {
  const flow = document.querySelector('.react-flow').getBoundingClientRect();
  const cx = flow.x + flow.width / 2;
  const cy = flow.y + flow.height / 2;
  let best = null;
  for (const node of document.getElementsByClassName('react-flow__node')) {
    const r = node.getBoundingClientRect();
    const x = r.x + r.width / 2;
    const y = r.y + r.height / 2;
    const d = (x - cx) ** 2 + (y - cy) ** 2;
    if (r.width > 0 && (!best || d < best.d)) best = { x, y, d, id: node.dataset.id };
  }
  if (!best) return null;
  const hit = document.elementFromPoint(best.x, best.y)?.closest('.react-flow__node');
  return hit?.dataset.id === best.id ? best : null;
}

// ---------------------------------------------------------------------------------------
// One run: open a page on a map, measure

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Calls `send(i, t)` for events i = 0, 1, … every 16 ms (60 a second) while `t`, the ms since
 * the first, is under `ms`, not waiting for the page; resolves to the number sent. Each event
 * has its own slot: Node truncates a timer's fractional delay, so sleeping "until the next 16 ms
 * boundary" wakes just before it and sends two events in one slot (about 106 a second).
 */
async function every16ms(ms, send) {
  const t0 = performance.now();
  let i = 0;
  for (; i * 16 < ms; i++) {
    send(i, performance.now() - t0);
    const wait = t0 + (i + 1) * 16 - performance.now();
    if (wait > 0) await sleep(Math.ceil(wait));
  }
  return i;
}

/**
 * Presses the mouse at (x, y), moves it along a smooth loop around that point for
 * GESTURE_MS at a steady 60 moves a second (not waiting for the page, as a hand would not;
 * Chromium coalesces moves the page cannot keep up with), then releases it.
 */
async function gesture(cdp, x, y, ax, ay) {
  const mouse = (type, px, py, extra) =>
    cdp.send('Input.dispatchMouseEvent', { type, x: px, y: py, ...extra });
  const held = { button: 'left', buttons: 1 };
  await mouse('mouseMoved', x, y, { button: 'none' });
  await mouse('mousePressed', x, y, { ...held, clickCount: 1 });
  const pending = [];
  await every16ms(GESTURE_MS, (_, t) => {
    const phase = (2 * Math.PI * t) / 1500;
    pending.push(mouse('mouseMoved', x + ax * Math.sin(phase), y + ay * Math.sin(phase / 2), held));
  });
  await Promise.all(pending);
  await mouse('mouseMoved', x, y, held);
  await mouse('mouseReleased', x, y, { button: 'left', buttons: 0, clickCount: 1 });
  return pending.length;
}

async function measureGesture(page, cdp, x, y, ax, ay) {
  await page.evaluate(startFrames);
  const t0 = performance.now();
  const { result: moves, allocatedMB } = await allocated(cdp, () => gesture(cdp, x, y, ax, ay));
  const deltas = await page.evaluate(() => window.__benchStopFrames());
  return { ...frameStats(deltas), moves, ms: performance.now() - t0, allocatedMB };
}

/**
 * Runs `action`, with --alloc also sampling what the page's main thread allocates meanwhile
 * (V8's sampling heap profiler, every object whether or not it was collected since): its
 * result, and the MB allocated (NaN without --alloc).
 */
async function allocated(cdp, action) {
  if (!ALLOC) return { result: await action(), allocatedMB: NaN };
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const result = await action();
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  let bytes = 0;
  const pending = [profile.head];
  while (pending.length > 0) {
    const node = pending.pop();
    bytes += node.selfSize;
    pending.push(...node.children);
  }
  return { result, allocatedMB: bytes / 1024 / 1024 };
}

/**
 * Clicks Fit view (our toolbar's; stock's zoom controls') and resolves to the ms until the
 * view has settled and every step in it is drawn: in the DOM, or on our simple layer (the
 * count its canvas reports in data-steps-drawn) when zoomed out too far to read labels.
 */
function fitViewTime(page) {
  return page.evaluate(async () => {
    const viewport = document.querySelector('.react-flow__viewport');
    const button =
      [...document.querySelectorAll('.lf-toolbar button')].find(
        (b) => b.textContent?.trim() === 'Fit view',
      ) ?? document.querySelector('.react-flow__controls-fitview');
    const before = viewport.style.transform;
    const t0 = performance.now();
    button.click();
    // Fit view animates (200 ms): wait for the view to settle, then for its steps.
    let last = before;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = viewport.style.transform;
      const moving = now !== last;
      last = now;
      if (now === before || moving) continue;
      const view = window.__benchInView();
      const layer = document.querySelector('.lf-simple-layer');
      const drawn =
        document.getElementsByClassName('react-flow__node').length +
        Number(layer?.dataset.stepsDrawn ?? 0);
      if (view && drawn >= view.expected) break;
    }
    return performance.now() - t0;
  });
}

/**
 * Turns the mouse wheel over (x, y) at 60 events a second for `ms`: `deltaAt(i)` gives the
 * i-th event's deltaY (React Flow zooms by 2^(-deltaY × 0.002) per event), not waiting for
 * the page.
 */
async function wheelGesture(cdp, x, y, ms, deltaAt) {
  const pending = [];
  await every16ms(ms, (i) => {
    pending.push(
      cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        x,
        y,
        deltaX: 0,
        deltaY: deltaAt(i),
      }),
    );
  });
  await Promise.all(pending);
  return pending.length;
}

/** Records frames while `action` runs and for `after` ms more (for work that lands late). */
async function framesDuring(page, action, after = SETTLE_MS) {
  await page.evaluate(startFrames);
  await action();
  await sleep(after);
  return frameStats(await page.evaluate(() => window.__benchStopFrames()));
}

/**
 * Runs `measure` (which returns frame stats) and adds the CPU time the page's main thread
 * and its whole renderer process (workers included) spent per frame meanwhile, in ms: on a
 * noisy machine these vary less than frame times, which count time waiting for a core.
 */
async function withCpu(cdp, measure) {
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { thread: get('ThreadTime'), process: get('ProcessTime') };
  };
  const before = await cpu();
  const stats = await measure();
  const after = await cpu();
  const frames = Math.max(1, stats.frames);
  return {
    ...stats,
    mainCpu: ((after.thread - before.thread) * 1000) / frames,
    processCpu: ((after.process - before.process) * 1000) / frames,
  };
}

/**
 * The wheel zooming in to about twice the zoom and back out twice over, `reps` times
 * (SETTLE_MS apart): frame stats over all of them, and how many gestures had a frame over
 * 50 ms (a slow frame that comes once in ten gestures shows in a run of twenty).
 */
async function repeatedWheel(page, cdp, x, y, reps) {
  const deltas = [];
  const slowGestures = [];
  for (let rep = 0; rep < reps; rep++) {
    if (rep > 0) await sleep(SETTLE_MS);
    await page.evaluate(startFrames);
    await wheelGesture(cdp, x, y, GESTURE_MS, (i) => -20 * Math.sin((2 * Math.PI * i * 16) / 1500));
    await sleep(SETTLE_MS);
    const these = await page.evaluate(() => window.__benchStopFrames());
    const longest = Math.max(...these);
    if (longest > 50) slowGestures.push(`#${rep + 1}: ${longest.toFixed(1)} ms`);
    deltas.push(...these);
  }
  return { ...frameStats(deltas), gestures: reps, slowGestures };
}

/**
 * At the fitted zoom: a pan, then the wheel zooming in to about twice the zoom and back out
 * twice over, then a zoom in from the fitted zoom to 1.0 in 1.5 s, each with its frame times.
 */
async function measureFitted(page, cdp) {
  const { rect, zoom } = await page.evaluate(viewportState);
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const empty = (await page.evaluate(findEmptyPoint)) ?? { x: cx, y: cy };
  const pan = await withCpu(cdp, () =>
    framesDuring(page, () =>
      gesture(cdp, empty.x, empty.y, Math.min(300, rect.width / 2 - 60), 150),
    ),
  );
  await sleep(SETTLE_MS);
  const wheel = await withCpu(cdp, () => repeatedWheel(page, cdp, cx, cy, WHEEL_REPS));
  await sleep(SETTLE_MS);
  const { zoom: before } = await page.evaluate(viewportState);
  const events = Math.ceil(1500 / 16); // as many as wheelGesture sends in 1,500 ms
  const step = -Math.log2(1 / before) / 0.002 / events;
  const zoomIn = await withCpu(cdp, () =>
    framesDuring(page, () => wheelGesture(cdp, cx, cy, 1500, () => step), 1000),
  );
  const { zoom: after } = await page.evaluate(viewportState);
  return { zoom, pan, wheel, zoomIn, zoomInTo: after };
}

/**
 * Our pages only: relabels a step every 250 ms for GESTURE_MS through the editor's own
 * action (as the inspector does), so each edit re-runs the live analysis; records frame
 * times until half a second after the last edit, when its analysis has landed.
 */
async function measureEdits(page) {
  await page.evaluate(startFrames);
  const edits = await page.evaluate(async (ms) => {
    const t0 = performance.now();
    let i = 0;
    while (performance.now() - t0 < ms) {
      window.__benchEdit(i++);
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 500));
    return i;
  }, GESTURE_MS);
  const deltas = await page.evaluate(() => window.__benchStopFrames());
  return { ...frameStats(deltas), edits };
}

function frameStats(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    frames: deltas.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    over50: deltas.filter((d) => d > 50).length,
    over100: deltas.filter((d) => d > 100).length,
  };
}

async function zoomTo(page, target) {
  const { rect } = await page.evaluate(viewportState);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  for (let i = 0; i < 4; i++) {
    const { zoom } = await page.evaluate(viewportState);
    if (Math.abs(zoom - target) / target < 0.02) break;
    // React Flow zooms by 2^(-deltaY * 0.002) per wheel event (pixel delta mode).
    await page.mouse.wheel(0, -Math.log2(target / zoom) / 0.002);
    await sleep(250);
  }
}

async function cpuProfile(cdp, name, action) {
  if (args.cpuprofile !== 'true') return action();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await action();
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(OUT, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`  cpu profile: ${file}`);
  printTopFunctions(profile);
  return result;
}

function printTopFunctions(profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => {
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let total = 0;
  for (const node of profile.nodes) {
    const cf = node.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
    const ms = (dt.get(node.id) ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [key, ms] of top) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${key}`);
  console.log(`    ${total.toFixed(0).padStart(6)} ms  total sampled`);
}

async function run(browser, pageName, size, canvas) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(renderWatcher);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // "ours-off" is our editor with the live analysis switched off, to show what it costs.
  const query =
    pageName === 'stock'
      ? `&w=${canvas.width}&h=${canvas.height}`
      : pageName === 'ours-off'
        ? '&analysis=off'
        : '';
  const html = pageName === 'ours-off' ? 'ours' : pageName;
  try {
    await page.goto(`${ORIGIN}/bench/pages/${html}.html?n=${size}${query}`, {
      waitUntil: 'commit',
    });
    const render = await page.evaluate(() => window.__benchRender, undefined, {
      timeout: RENDER_TIMEOUT_MS,
    });
    await sleep(SETTLE_MS);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    if (ZOOM !== 'fit') await zoomTo(page, ZOOM);
    await sleep(SETTLE_MS);
    const view = await page.evaluate(viewportState);
    const tag = `${pageName}-${size}`;

    const empty = await page.evaluate(findEmptyPoint);
    if (!empty) throw new Error('no empty spot on the pane to start a pan');
    const ax = Math.min(300, view.rect.width / 2 - 60);
    const ay = Math.min(150, view.rect.height / 2 - 60);
    const pan = await cpuProfile(cdp, `${tag}-pan`, () =>
      measureGesture(page, cdp, empty.x, empty.y, ax, ay),
    );
    await sleep(SETTLE_MS);

    const target = await page.evaluate(findNodePoint);
    if (!target) throw new Error('no step near the centre to drag');
    const drag = await cpuProfile(cdp, `${tag}-drag`, () =>
      measureGesture(page, cdp, target.x, target.y, 150, 100),
    );
    await sleep(SETTLE_MS);
    const canEdit = await page.evaluate(() => typeof window.__benchEdit === 'function');
    const edit = canEdit
      ? await cpuProfile(cdp, `${tag}-edit`, () => measureEdits(page))
      : { frames: 0, p50: NaN, p95: NaN, over50: NaN, edits: 0 };
    await sleep(SETTLE_MS);
    const fit = await fitViewTime(page);
    await sleep(SETTLE_MS);
    const fitted = await cpuProfile(cdp, `${tag}-fitted`, () => measureFitted(page, cdp));
    return {
      fitted,
      render: render.ms,
      fit,
      visible: render.expected,
      heapMB: heap.usedSize / 1024 / 1024,
      zoom: view.zoom,
      domNodes: view.nodesInDom,
      domEdges: view.edgesInDom,
      pan,
      drag,
      edit,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------
// Main

const browser = await chromium.launch(
  chromiumLaunchOptions([
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
  ]),
);

/** Our canvas's size, so the stock page draws into the same area. */
async function measureCanvas() {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/bench/pages/ours.html?n=10`);
  await page.waitForSelector('.react-flow__node');
  const { rect } = await page.evaluate(viewportState);
  await context.close();
  return { width: Math.round(rect.width), height: Math.round(rect.height) };
}

const median = (values) => {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
try {
  const canvas = await measureCanvas();
  console.log(
    `Chromium ${browser.version()}, window ${VIEWPORT.width}x${VIEWPORT.height}, canvas ${canvas.width}x${canvas.height}, ` +
      `pan/drag at zoom ${ZOOM}, ${GESTURE_MS / 1000} s each, ${RUNS} run(s) per page and size (${BIG_RUNS} at 5,000+), medians; app at ${revision()}`,
  );
  for (const size of SIZES) {
    const runs = Object.fromEntries(PAGES.map((p) => [p, []]));
    for (let rep = 0; rep < (size >= 5000 ? BIG_RUNS : RUNS); rep++) {
      // Alternate which page goes first, so drift on a noisy machine hits both alike.
      const order = rep % 2 ? [...PAGES].reverse() : PAGES;
      for (const pageName of order) {
        const t = performance.now();
        try {
          const r = await run(browser, pageName, size, canvas);
          runs[pageName].push(r);
          console.log(
            `  ${String(size).padStart(5)} ${pageName.padEnd(8)} run ${rep + 1}: render ${r.render.toFixed(0)} ms ` +
              `(${r.visible} visible), pan p95 ${r.pan.p95.toFixed(1)} (${r.pan.frames} frames in ${r.pan.ms.toFixed(0)} ms), ` +
              `drag p95 ${r.drag.p95.toFixed(1)} (${r.drag.frames} frames in ${r.drag.ms.toFixed(0)} ms), ` +
              (ALLOC
                ? `allocated: pan ${r.pan.allocatedMB.toFixed(1)} MB, drag ${r.drag.allocatedMB.toFixed(1)} MB, `
                : '') +
              (r.edit.edits
                ? `edit p95 ${r.edit.p95.toFixed(1)} (${r.edit.edits} edits, ${r.edit.over50} frames > 50 ms), `
                : '') +
              `fit view ${r.fit.toFixed(0)} ms, at fitted zoom ${r.fitted.zoom.toFixed(3)}: pan p95/max ${r.fitted.pan.p95.toFixed(1)}/${r.fitted.pan.max.toFixed(1)}, ` +
              `wheel p95/max ${r.fitted.wheel.p95.toFixed(1)}/${r.fitted.wheel.max.toFixed(1)}` +
              (WHEEL_REPS > 1
                ? ` (${r.fitted.wheel.slowGestures.length} of ${r.fitted.wheel.gestures} gestures with a frame > 50 ms${r.fitted.wheel.slowGestures.length ? `: ${r.fitted.wheel.slowGestures.join(', ')}` : ''})`
                : '') +
              ', ' +
              `CPU ms/frame main (renderer) pan ${r.fitted.pan.mainCpu.toFixed(1)} (${r.fitted.pan.processCpu.toFixed(1)}), ` +
              `wheel ${r.fitted.wheel.mainCpu.toFixed(1)} (${r.fitted.wheel.processCpu.toFixed(1)}), zoom in to ${r.fitted.zoomInTo.toFixed(2)} p95/max ${r.fitted.zoomIn.p95.toFixed(1)}/${r.fitted.zoomIn.max.toFixed(1)} (${r.fitted.zoomIn.over100} > 100 ms; CPU ms/frame main ${r.fitted.zoomIn.mainCpu.toFixed(1)}), ` +
              `heap ${r.heapMB.toFixed(1)} MB, at zoom ${r.zoom.toFixed(2)}: ${r.domNodes} nodes / ${r.domEdges} edges in DOM ` +
              `[${((performance.now() - t) / 1000).toFixed(1)} s]`,
          );
        } catch (error) {
          console.log(
            `  ${size} ${pageName} run ${rep + 1}: FAILED ${error.message.split('\n')[0]}`,
          );
        }
      }
    }
    for (const pageName of PAGES) {
      const rs = runs[pageName];
      results.push({
        size,
        page: pageName,
        runs: rs.length,
        render: median(rs.map((r) => r.render)),
        fit: median(rs.map((r) => r.fit)),
        panP50: median(rs.map((r) => r.pan.p50)),
        panP95: median(rs.map((r) => r.pan.p95)),
        panOver50: median(rs.map((r) => r.pan.over50)),
        dragP50: median(rs.map((r) => r.drag.p50)),
        dragP95: median(rs.map((r) => r.drag.p95)),
        dragOver50: median(rs.map((r) => r.drag.over50)),
        panAllocatedMB: median(rs.map((r) => r.pan.allocatedMB)),
        dragAllocatedMB: median(rs.map((r) => r.drag.allocatedMB)),
        editP50: median(rs.map((r) => r.edit.p50)),
        editP95: median(rs.map((r) => r.edit.p95)),
        editOver50: median(rs.map((r) => r.edit.over50)),
        fittedPanP95: median(rs.map((r) => r.fitted.pan.p95)),
        fittedPanMax: median(rs.map((r) => r.fitted.pan.max)),
        fittedWheelP95: median(rs.map((r) => r.fitted.wheel.p95)),
        fittedWheelMax: median(rs.map((r) => r.fitted.wheel.max)),
        fittedWheelGestures: rs.reduce((n, r) => n + r.fitted.wheel.gestures, 0),
        fittedWheelGesturesOver50: rs.reduce((n, r) => n + r.fitted.wheel.slowGestures.length, 0),
        zoomInP95: median(rs.map((r) => r.fitted.zoomIn.p95)),
        zoomInMax: median(rs.map((r) => r.fitted.zoomIn.max)),
        heapMB: median(rs.map((r) => r.heapMB)),
        domNodes: median(rs.map((r) => r.domNodes)),
      });
    }
  }
} finally {
  await browser.close();
  server.close();
}

// ---------------------------------------------------------------------------------------
// Report

const f = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const header = [
  'size',
  'page',
  'render ms',
  'fit view ms',
  'pan p50/p95/>50ms',
  'drag p50/p95/>50ms',
  'edit p50/p95/>50ms',
  'fitted pan p95/max',
  'fitted wheel p95/max',
  'zoom in p95/max',
  'heap MB',
  'DOM nodes',
];
const rows = [];
for (const r of results) {
  rows.push([
    String(r.size),
    r.page,
    f(r.render, 0),
    f(r.fit, 0),
    `${f(r.panP50)} / ${f(r.panP95)} / ${f(r.panOver50, 0)}`,
    `${f(r.dragP50)} / ${f(r.dragP95)} / ${f(r.dragOver50, 0)}`,
    r.page === 'stock' ? '–' : `${f(r.editP50)} / ${f(r.editP95)} / ${f(r.editOver50, 0)}`,
    `${f(r.fittedPanP95)} / ${f(r.fittedPanMax)}`,
    `${f(r.fittedWheelP95)} / ${f(r.fittedWheelMax)}`,
    `${f(r.zoomInP95)} / ${f(r.zoomInMax)}`,
    f(r.heapMB),
    f(r.domNodes, 0),
  ]);
  const ours = results.find((x) => x.size === r.size && x.page === 'ours');
  if (r.page === 'stock' && ours) {
    const ratio = (a, b) => f(a / b, 2);
    rows.push([
      String(r.size),
      'ratio',
      ratio(ours.render, r.render),
      ratio(ours.fit, r.fit),
      `${ratio(ours.panP50, r.panP50)} / ${ratio(ours.panP95, r.panP95)} / –`,
      `${ratio(ours.dragP50, r.dragP50)} / ${ratio(ours.dragP95, r.dragP95)} / –`,
      '',
      `${ratio(ours.fittedPanP95, r.fittedPanP95)} / –`,
      `${ratio(ours.fittedWheelP95, r.fittedWheelP95)} / –`,
      `${ratio(ours.zoomInP95, r.zoomInP95)} / –`,
      ratio(ours.heapMB, r.heapMB),
      '',
    ]);
  }
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log('');
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  '\nframe times in ms (p50 / p95 / count over 50 ms); ratio = ours / stock (≤ 1.00: ours no slower).\n' +
    'edit: a step relabelled every 250 ms for 3 s (each edit re-runs the live analysis; ours-off: analysis off).\n' +
    'render: from navigation until every step in the opening view is drawn (ours opens a big map on its start at a\n' +
    'readable zoom; stock fits all). fit view: from clicking Fit view until every step is drawn (in the DOM, or on our\n' +
    'simple layer below zoom 0.35). Then at the fitted zoom: a 3 s pan, 3 s of wheel zooming in and out (up to ~2x), and\n' +
    'a zoom in to 1.0 in 1.5 s (frames until 1 s after).',
);
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);

if (args.json) {
  mkdirSync(dirname(resolve(args.json)), { recursive: true });
  writeFileSync(resolve(args.json), JSON.stringify({ zoom: ZOOM, runs: RUNS, results }, null, 2));
}
