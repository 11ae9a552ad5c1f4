import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { generateMap } from '../bench/generateMap';
import { analyze } from '../src/analyzer/analyze';
import { extractMapFromPng } from '../src/io/pngMapChunk';
import { NODE_SIZE, stepSize } from '../src/layout/nodeSize';
import type { MapNode } from '../src/model';
import { fitViewAndWait } from './helpers';

// A big map seen whole: below zoom 0.35 the canvas draws its steps as plain shapes on one
// <canvas> (src/canvas/lod), and selection keeps working there.

const SIZE = 5000;
const map = generateMap(SIZE);
const layer = (page: Page) => page.locator('.lf-simple-layer');

/** Where a map point is on the page, from React Flow's view transform. */
async function toScreen(page: Page, x: number, y: number) {
  const { tx, ty, zoom, left, top } = await page.evaluate(() => {
    const flow = document.querySelector('.lf-canvas .react-flow');
    const viewport = document.querySelector<HTMLElement>('.lf-canvas .react-flow__viewport');
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(
      viewport?.style.transform ?? '',
    );
    const box = flow?.getBoundingClientRect();
    return {
      tx: Number(m?.[1]),
      ty: Number(m?.[2]),
      zoom: Number(m?.[3]),
      left: box?.left ?? 0,
      top: box?.top ?? 0,
    };
  });
  return { x: left + tx + x * zoom, y: top + ty + y * zoom, zoom };
}

const centreOf = (step: MapNode) => ({
  x: step.position.x + NODE_SIZE[step.kind].width / 2,
  y: step.position.y + NODE_SIZE[step.kind].height / 2,
});

async function importMap(page: Page, json: unknown) {
  await page.locator('.lf-menu > summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({
    name: 'map.leverflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(json)),
  });
}

/**
 * Opens the generated map from the File menu (it opens on its start, readable, as full
 * steps), then Fit view: every step drawn on the simple layer.
 */
async function openFitted(page: Page, json: typeof map = map) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await importMap(page, json);
  await expect(page.locator('.react-flow__node[data-id="n0"]')).toBeVisible({ timeout: 60_000 });
  await expect(layer(page)).toHaveCount(0);
  // Pixels are sampled once Fit view's animation has ended: read mid-way, the layer and the
  // view can be a frame apart (CI failed so once, with the machine loaded).
  await fitViewAndWait(page);
  await expect(layer(page)).toHaveAttribute('data-steps-drawn', String(SIZE), { timeout: 30_000 });
}

/**
 * The simple layer's own pixels (RGBA, row by row) in a rectangle of the page (CSS px): of
 * whichever of its canvases is shown, read back through a scratch canvas (the worker's
 * bitmaps sit on a canvas that cannot be read directly); transparent where it has none.
 */
async function layerPixels(
  page: Page,
  rect: { x: number; y: number; width: number; height: number },
): Promise<number[]> {
  return page.evaluate(({ x, y, width, height }) => {
    const canvas = [
      ...document.querySelectorAll<HTMLCanvasElement>('.lf-simple-layer canvas'),
    ].find((c) => !c.hidden);
    if (!canvas) return [];
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const scratch = document.createElement('canvas');
    scratch.width = width;
    scratch.height = height;
    const context = scratch.getContext('2d', { willReadFrequently: true });
    if (!context) return [];
    context.imageSmoothingEnabled = false;
    context.drawImage(
      canvas,
      (x - box.left) * scale,
      (y - box.top) * scale,
      width * scale,
      height * scale,
      0,
      0,
      width,
      height,
    );
    return Array.from(context.getImageData(0, 0, width, height).data);
  }, rect);
}

/**
 * What the screen shows in a 24 px square around a point (RGBA, row by row): everything drawn
 * there, the simple layer and the hover outline over it (the tooltip starts 14 px off).
 */
async function screenAround(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const shot = await page.screenshot({
    clip: { x: at.x - 12, y: at.y - 12, width: 24, height: 24 },
  });
  return Array.from(PNG.sync.read(shot).data);
}

/** How many pixels of two such squares look clearly different (not anti-aliasing). */
function changedPixels(before: number[], now: number[]): number {
  let changed = 0;
  for (let i = 0; i < before.length; i += 4) {
    const d = [0, 1, 2, 3].map((k) => Math.abs((now[i + k] ?? 0) - (before[i + k] ?? 0)));
    if (Math.max(...d) > 60) changed++;
  }
  return changed;
}

/** A colour of the app's theme (a CSS variable), as the RGBA a canvas paints it in. */
async function themeColour(page: Page, variable: string): Promise<number[]> {
  return page.evaluate((variable) => {
    const app = document.querySelector('[data-theme]');
    const scratch = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!app || !scratch) return [];
    scratch.fillStyle = getComputedStyle(app).getPropertyValue(variable).trim();
    scratch.fillRect(0, 0, 1, 1);
    return Array.from(scratch.getImageData(0, 0, 1, 1).data);
  }, variable);
}

/**
 * Screenshots in the light and the dark theme; in each, the layer draws the start step (far
 * out: a box in its kind's border colour) in that theme's colour.
 */
async function screenshotBothThemes(page: Page) {
  const start = map.nodes[0]!;
  for (const theme of ['light', 'dark'] as const) {
    const themeButton = page.getByRole('button', { name: /^Theme:/ });
    while ((await themeButton.getAttribute('aria-label')) !== `Theme: ${theme}`) {
      await themeButton.click();
    }
    const themed = await page.evaluate(() => {
      const app = document.querySelector('[data-theme]');
      const scratch = document
        .createElement('canvas')
        .getContext('2d', { willReadFrequently: true });
      if (!app || !scratch) return [];
      scratch.fillStyle = getComputedStyle(app).getPropertyValue('--lf-start-border').trim();
      scratch.fillRect(0, 0, 1, 1);
      return Array.from(scratch.getImageData(0, 0, 1, 1).data);
    });
    const at = await toScreen(page, centreOf(start).x, centreOf(start).y);
    const rect = { x: Math.floor(at.x), y: Math.floor(at.y), width: 1, height: 1 };
    await expect.poll(() => layerPixels(page, rect)).toEqual(themed);
    await page.mouse.move(2, 400);
    await page.screenshot({ path: `reports/far-view-${theme}.png` });
  }
}

test('a 5,000-step map fitted: every step drawn as a shape, click and box-select there, zoom in to full steps still selected', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openFitted(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const fitted = await toScreen(page, 0, 0);
  expect(fitted.zoom).toBeLessThan(0.1);
  // Sampled pixels: the layer has paint where the first and the last step are, none far off.
  const alphaAt = async (x: number, y: number) => {
    const p = await toScreen(page, x, y);
    return (await layerPixels(page, { x: p.x, y: p.y, width: 1, height: 1 }))[3] ?? -1;
  };
  const lastStep = map.nodes[SIZE - 1]!;
  expect(await alphaAt(centreOf(map.nodes[0]!).x, centreOf(map.nodes[0]!).y)).toBe(255);
  expect(await alphaAt(centreOf(lastStep).x, centreOf(lastStep).y)).toBe(255);
  expect(await alphaAt(-2000, -2000)).toBe(0);
  await screenshotBothThemes(page);

  // A pan (dragging the empty canvas right of the map) moves the bitmap drawn of the whole
  // map: no new one is drawn, even where the view goes further than the drawn margin (a third
  // of the view) would reach, and the steps are where the view now puts them.
  const bitmaps = await layer(page).getAttribute('data-bitmaps');
  expect(Number(bitmaps)).toBeGreaterThan(0);
  // The worker draws straight onto the canvas shown: one of two it was handed, taking turns
  // (the page cannot draw on it, and copies no picture); the page's own canvas is hidden.
  await expect(layer(page)).toHaveAttribute('data-drawn-by', 'worker');
  const handedOver = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLCanvasElement>('.lf-simple-layer canvas')];
    const shown = all.filter((c) => !c.hidden);
    const sheets = all.filter((c) => c.classList.contains('lf-simple-sheet'));
    const pageCannotDraw = sheets.every((c) => {
      try {
        c.getContext('2d');
        return false;
      } catch {
        return true;
      }
    });
    return {
      canvases: all.length,
      sheets: sheets.length,
      shown: shown.length,
      pageCannotDraw,
      shownIsSheet: shown[0]?.classList.contains('lf-simple-sheet'),
    };
  });
  expect(handedOver).toEqual({
    canvases: 3,
    sheets: 2,
    shown: 1,
    pageCannotDraw: true,
    shownIsSheet: true,
  });
  const mapRight = Math.max(...map.nodes.map((n) => n.position.x)) + 400;
  const panBy = async (dx: number) => {
    const right = await toScreen(page, mapRight, 0);
    const grab = { x: right.x + 20, y: fitted.y + 60 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x + dx, grab.y, { steps: 10 });
    await page.mouse.up();
  };
  await panBy(-350);
  expect((await toScreen(page, 0, 0)).x).toBeCloseTo(fitted.x - 350, 0);
  const inView = (await stepsInView(page)).length;
  expect(inView).toBeLessThan(SIZE);
  await expect(layer(page)).toHaveAttribute('data-steps-drawn', String(inView));
  expect(await alphaAt(centreOf(lastStep).x, centreOf(lastStep).y)).toBe(255);
  await panBy(350);
  await expect(layer(page)).toHaveAttribute('data-steps-drawn', String(SIZE));
  expect(await layer(page).getAttribute('data-bitmaps')).toBe(bitmaps);

  // Hovering a step a few pixels wide names it; a click selects it.
  const picked = map.nodes[2345]!;
  const at = await toScreen(page, centreOf(picked).x, centreOf(picked).y);
  const plain = await screenAround(page, at);
  const square = { x: Math.round(at.x) - 12, y: Math.round(at.y) - 12, width: 24, height: 24 };
  const drawn = await layerPixels(page, square);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole('tooltip')).toContainText(picked.label);
  // Hovering outlines the step, over the drawing: the map is not drawn again for a hover.
  await expect
    .poll(async () => changedPixels(plain, await screenAround(page, at)))
    .toBeGreaterThan(20);
  expect(changedPixels(drawn, await layerPixels(page, square))).toBe(0);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue(picked.label);
  // Deleted with the pointer still on it, the step's name goes (not another step's).
  await page.keyboard.press('Delete');
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveCount(0);
  await expect(layer(page)).toHaveAttribute('data-steps-drawn', String(SIZE - 1));
  await expect(page.getByRole('tooltip')).toHaveCount(0);

  // Shift+drag around ten steps: five in each of two rows of the generated grid.
  const cols = Math.ceil(Math.sqrt(SIZE * 1.15));
  const [row, col] = [20, 30];
  const ids = [0, 1].flatMap((r) => [0, 1, 2, 3, 4].map((c) => `n${(row + r) * cols + col + c}`));
  const from = await toScreen(page, col * 240 + 8, row * 170 + 8);
  const to = await toScreen(page, (col + 5) * 240 - 8, (row + 2) * 170 - 8);
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByText(/^\d+ items selected/)).toBeVisible();

  // Zoom in on them with the wheel until they are full steps: the same ten, still selected.
  const first = map.nodes.find((n) => n.id === ids[0])!;
  const last = map.nodes.find((n) => n.id === ids[9])!;
  const middle = await toScreen(
    page,
    (centreOf(first).x + centreOf(last).x) / 2,
    (centreOf(first).y + centreOf(last).y) / 2,
  );
  await page.mouse.move(middle.x, middle.y);
  for (let zoom = fitted.zoom; zoom < 0.55; zoom *= 2 ** 0.4) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(50);
  }
  await expect(layer(page)).toHaveCount(0);
  const selected = page.locator('.react-flow__node.selected');
  await expect(selected).toHaveCount(10);
  expect((await selected.evaluateAll((els) => els.map((e) => e.dataset.id))).sort()).toEqual(
    [...ids].sort(),
  );
  await expect(selected.first().locator('.lf-node__label')).toBeVisible();
});

test("at fitted zoom, findings show on the plain shapes: an error's outline, a note's dot, nothing on a step without any", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The generated map with one step's way on cut: it and the steps before it are a dead end
  // (an error), the steps after it unreachable; loops and joins elsewhere carry notes.
  const cut = 'n1234';
  const broken = { ...map, edges: map.edges.filter((e) => e.source !== cut) };
  const findings = analyze(broken).findings;
  const marked = new Set(findings.flatMap((f) => f.nodeIds));
  expect(findings.some((f) => f.severity === 'error' && f.nodeIds.includes(cut))).toBe(true);
  const note = findings.find((f) => f.rule === 'fan-in' && f.severity === 'info')!.nodeIds[0]!;
  // A step without findings, and none on the steps around it.
  const cols = Math.ceil(Math.sqrt(SIZE * 1.15));
  const plain = map.nodes.findIndex(
    (_, i) => i > cols && [0, 1, -1, cols, -cols].every((d) => !marked.has(`n${i + d}`)),
  );
  await openFitted(page, broken);

  /** How many pixels of the layer in a square `half` px about a map point have `colour`. */
  const pixelsOf = async (colour: number[], at: { x: number; y: number }, half: number) => {
    const p = await toScreen(page, at.x, at.y);
    const square = await layerPixels(page, {
      x: Math.round(p.x) - half,
      y: Math.round(p.y) - half,
      width: 2 * half,
      height: 2 * half,
    });
    let count = 0;
    for (let i = 0; i < square.length; i += 4) {
      if ([0, 1, 2, 3].every((k) => square[i + k] === colour[k])) count++;
    }
    return count;
  };
  const error = await themeColour(page, '--lf-error');
  const info = await themeColour(page, '--lf-info');
  const stepAt = (id: string) => map.nodes.find((n) => n.id === id)!;
  const topRight = (step: MapNode) => ({
    x: step.position.x + stepSize(step).width,
    y: step.position.y,
  });
  // The dead end is outlined in the error colour; a step without findings has none about it.
  await expect.poll(() => pixelsOf(error, centreOf(stepAt(cut)), 6)).toBeGreaterThan(6);
  expect(await pixelsOf(error, centreOf(map.nodes[plain]!), 6)).toBe(0);
  // The note's dot at its step's top-right corner, in the note colour; none on the plain step.
  expect(await pixelsOf(info, topRight(stepAt(note)), 2)).toBeGreaterThan(0);
  expect(await pixelsOf(info, topRight(map.nodes[plain]!), 2)).toBe(0);
});

test('a map whose steps are 10 million px apart exports a PNG scaled to fit, drawn as plain shapes, and says so', async ({
  page,
}) => {
  const far = {
    format: 'leverflow-map',
    version: 2,
    name: 'Far apart',
    nodes: [
      { id: 's', kind: 'start', label: 'Here', position: { x: 0, y: 0 } },
      { id: 'e', kind: 'end', label: 'There', position: { x: 10_000_000, y: 0 } },
    ],
    edges: [{ id: 'a', source: 's', target: 'e' }],
  };
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await importMap(page, far);
  await expect(page.locator('.lf-map-name')).toHaveText('Far apart');

  await page.locator('.lf-menu > summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const bytes = readFileSync(await (await download).path());
  await expect(page.getByText(/too big to draw in full/)).toBeVisible();

  const png = PNG.sync.read(bytes);
  expect(png.width).toBeLessThanOrEqual(16_000);
  expect(png.width).toBeGreaterThan(10_000);
  // The arrow crosses the middle of the picture: some pixel of the middle column is not background.
  const at = (x: number, y: number) => png.data.readUInt32BE((y * png.width + x) * 4);
  const background = at(0, 0);
  const column = Array.from({ length: png.height }, (_, y) => at(png.width >> 1, y));
  expect(column.some((pixel) => pixel !== background)).toBe(true);
  const inside = extractMapFromPng(new Uint8Array(bytes));
  expect(inside.ok && JSON.parse(inside.text).nodes).toHaveLength(2);
});

/** The view: React Flow's transform and the canvas's size and place on the page. */
async function viewOf(page: Page) {
  const at = await toScreen(page, 0, 0);
  const box = await layer(page).boundingBox();
  if (!box) throw new Error('no simple layer on screen');
  return { ...box, zoom: at.zoom, tx: at.x - box.x, ty: at.y - box.y };
}

/** The steps whose box lies at least in part in the view (as the layer counts them). */
async function stepsInView(page: Page) {
  const v = await viewOf(page);
  const [x0, y0] = [-v.tx / v.zoom, -v.ty / v.zoom];
  const [x1, y1] = [(v.width - v.tx) / v.zoom, (v.height - v.ty) / v.zoom];
  return map.nodes.filter((n) => {
    const size = stepSize(n);
    return (
      n.position.x <= x1 &&
      n.position.y <= y1 &&
      n.position.x + size.width >= x0 &&
      n.position.y + size.height >= y0
    );
  });
}

/** The layer's alpha at each step's centre (255: painted there). */
async function alphasAt(page: Page, steps: MapNode[]) {
  const points = await Promise.all(steps.map((n) => toScreen(page, centreOf(n).x, centreOf(n).y)));
  const alphas = [];
  for (const p of points) {
    const x = Math.floor(p.x);
    const y = Math.floor(p.y);
    alphas.push((await layerPixels(page, { x, y, width: 1, height: 1 }))[3]);
  }
  return alphas;
}

/** A few steps in view whose centres lie in a band of the view (parts of its width). */
async function stepsInBand(page: Page, from: number, to: number, count = 6) {
  const v = await viewOf(page);
  const inBand = (await stepsInView(page)).filter((n) => {
    const x = centreOf(n).x * v.zoom + v.tx;
    const y = centreOf(n).y * v.zoom + v.ty;
    return x >= from * v.width && x <= to * v.width && y > 20 && y < v.height - 20;
  });
  const every = Math.max(1, Math.floor(inBand.length / count));
  return inBand.filter((_, i) => i % every === 0).slice(0, count);
}

test('at fitted zoom, a wheel zoom and a pan past the drawn margin: the steps are drawn where they are, counted truthfully; hover and selection marks still show', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openFitted(page);
  const fitted = await viewOf(page);
  // Every bitmap the worker draws for this view is one size (the view with its margins,
  // however little of it the map fills), so the browser reuses the memory it shows them in.
  const bitmapSizes: string[] = [];
  const noteBitmap = async () => {
    await expect(layer(page)).toHaveAttribute('data-drawn-by', 'worker');
    const size = await page.evaluate(() => {
      const shown = document.querySelector<HTMLCanvasElement>(
        '.lf-simple-layer canvas:not([hidden])',
      );
      return shown ? `${shown.width}x${shown.height}` : 'none';
    });
    bitmapSizes.push(`${await layer(page).getAttribute('data-bitmaps')}: ${size}`);
  };
  await noteBitmap();

  // The wheel, turned quickly over the middle: the zoom goes up by more than the drawn
  // bitmap may be scaled, so a fresh one is drawn for the new zoom.
  await page.mouse.move(fitted.x + fitted.width / 2, fitted.y + fitted.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
  await expect.poll(async () => (await viewOf(page)).zoom).toBeGreaterThan(fitted.zoom * 2);
  const zoomed = await viewOf(page);
  expect(zoomed.zoom).toBeLessThan(0.35);
  // What the layer counts is what is in view: fewer than all once zoomed in.
  const inView = await stepsInView(page);
  expect(inView.length).toBeLessThan(SIZE);
  await expect(layer(page)).toHaveAttribute('data-steps-drawn', String(inView.length));
  // Drawn off the main thread: the page shows the worker's bitmap.
  await expect(layer(page)).toHaveAttribute('data-drawn-by', 'worker');
  // Steps across the whole view are painted at their centres.
  const across = await stepsInBand(page, 0.02, 0.98, 10);
  expect(across.length).toBeGreaterThan(5);
  await expect.poll(() => alphasAt(page, across)).toEqual(across.map(() => 255));
  await noteBitmap();

  // A drag of the pane to the left, past the half view of margin the bitmap was drawn with:
  // the steps that come in at the right are drawn there.
  const grab = { x: zoomed.x + zoomed.width * 0.8, y: zoomed.y + zoomed.height / 2 };
  const shift = Math.round(zoomed.width * 0.7);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x - shift, grab.y, { steps: 12 });
  await page.mouse.up();
  const panned = await viewOf(page);
  expect(panned.tx).toBeCloseTo(zoomed.tx - shift, 0);
  const cameIn = await stepsInBand(page, 0.75, 0.98);
  expect(cameIn.length).toBeGreaterThan(2);
  await expect.poll(() => alphasAt(page, cameIn)).toEqual(cameIn.map(() => 255));
  await noteBitmap();
  // The bitmaps shown fitted (the area drawn cut to the map, about the view), zoomed in and
  // panned are all the size of the view with half of it added on each side (pixel ratio 1).
  const withMargins = (side: number) => Math.round(side) + 2 * Math.round(Math.round(side) / 2);
  const sheet = `${withMargins(panned.width)}x${withMargins(panned.height)}`;
  const counts = bitmapSizes.map((s) => s.split(': ')[0]);
  expect(counts[1], bitmapSizes.join()).not.toBe(counts[0]);
  expect(bitmapSizes.map((s) => s.split(': ')[1])).toEqual([sheet, sheet, sheet]);
  // Right of the map's last column (and of its arrows' loops) nothing is painted.
  const mapRight = Math.max(...map.nodes.map((n) => n.position.x + stepSize(n).width)) + 80;
  const beyond = await toScreen(page, mapRight, 0);
  expect(beyond.x + 60).toBeLessThan(panned.x + panned.width);
  // Painted pixels in a strip 60 px wide there, the view's height (minimap aside).
  const strip = await layerPixels(page, {
    x: Math.floor(beyond.x),
    y: Math.floor(panned.y),
    width: 60,
    height: Math.round(panned.height),
  });
  const painted = strip.filter((v, i) => i % 4 === 3 && v > 0).length;
  expect(painted).toBe(0);
  await expect(layer(page)).toHaveAttribute(
    'data-steps-drawn',
    String((await stepsInView(page)).length),
  );

  // Hover a step that came in: its name shows and it is outlined; a click selects it and,
  // with the pointer gone, its selection outline stays.
  const picked = cameIn[Math.floor(cameIn.length / 2)]!;
  const at = await toScreen(page, centreOf(picked).x, centreOf(picked).y);
  const changedFrom = async (before: number[]) =>
    changedPixels(before, await screenAround(page, at));
  const plain = await screenAround(page, at);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole('tooltip')).toContainText(picked.label);
  await expect.poll(() => changedFrom(plain)).toBeGreaterThan(20);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue(picked.label);
  // Away from every step (right of the map's last column), the tooltip goes; the selection
  // outline stays.
  const cols = Math.ceil(Math.sqrt(SIZE * 1.15));
  const away = await toScreen(page, cols * 240 + 200, centreOf(picked).y);
  expect(away.x).toBeLessThan(panned.x + panned.width - 5);
  await page.mouse.move(away.x, away.y);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect.poll(() => changedFrom(plain)).toBeGreaterThan(20);
  // Clearing the selection (Escape) takes the outline off again.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveCount(0);
  await expect.poll(() => changedFrom(plain)).toBeLessThan(3);
});

test('a wheel turned from the fitted zoom up past the readable zoom: plain shapes while it turns, the full steps once it rests, and no frame without either', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openFitted(page);
  const fitted = await viewOf(page);

  // Every frame from here on: when it began, the zoom, the full steps in the DOM, the layer.
  await page.evaluate(() => {
    const frames: [number, number, number, boolean][] = [];
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    const viewport = document.querySelector<HTMLElement>('.lf-canvas .react-flow__viewport');
    const tick = (now: number) => {
      const zoom = Number(/scale\(([-\d.e]+)\)/.exec(viewport?.style.transform ?? '')?.[1]);
      frames.push([
        now,
        zoom,
        document.querySelectorAll('.lf-canvas .react-flow__node').length,
        document.querySelector('.lf-simple-layer') !== null,
      ]);
      if (frames.length < 3000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // The wheel turned quickly over the middle, from the fitted zoom to about 1: a notch every
  // 40 ms, sent without waiting for the page (as a hand does; page.mouse.wheel waits for each).
  const middle = { x: fitted.x + fitted.width / 2, y: fitted.y + fitted.height / 2 };
  await page.mouse.move(middle.x, middle.y);
  const cdp = await page.context().newCDPSession(page);
  const notches = Math.ceil(Math.log2(1 / fitted.zoom) / (120 * 0.002));
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < notches; i++) {
    sent.push(
      cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        ...middle,
        deltaX: 0,
        deltaY: -120,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  await Promise.all(sent);
  // Once it rests, the steps in view are drawn in full, with their labels, and the layer goes.
  await expect(layer(page)).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('.react-flow__node').first().locator('.lf-node__label')).toBeVisible();
  expect((await toScreen(page, 0, 0)).zoom).toBeGreaterThan(0.8);

  const frames = await page.evaluate(
    () => (window as unknown as { __frames: [number, number, number, boolean][] }).__frames,
  );
  // Each frame shows the map one way or the other: the layer until the steps are drawn.
  expect(frames.filter(([, , nodes, layerOn]) => nodes === 0 && !layerOn)).toEqual([]);
  // The zoom went up past the readable one with the layer still on.
  expect(frames.some(([, zoom, nodes, layerOn]) => zoom > 0.5 && nodes === 0 && layerOn)).toBe(
    true,
  );
  // No step was drawn in full while the zoom was still moving: each frame with steps in the
  // DOM began at least 100 ms after the last frame with a new zoom (they wait 150 ms).
  let changedAt = frames[0]![0];
  const early: number[][] = [];
  for (let i = 1; i < frames.length; i++) {
    const [now, zoom, nodes] = frames[i]!;
    if (zoom !== frames[i - 1]![1]) changedAt = now;
    if (nodes > 0 && now - changedAt < 100) early.push([Math.round(now - changedAt), zoom, nodes]);
  }
  expect(early).toEqual([]);
});

test('Fit view from the readable start of a 5,000-step map: plain shapes from its first frame, no step drawn in full on the way out, and every step drawn where it ends', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await importMap(page, map);
  await expect(page.locator('.react-flow__node[data-id="n0"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.react-flow__node').first().locator('.lf-node__label')).toBeVisible();
  const start = await toScreen(page, 0, 0);
  expect(start.zoom).toBeGreaterThan(0.5);

  // Every frame from here on: the zoom, the full steps in the DOM, the layer's drawn steps
  // (-1 while there is no layer).
  await page.evaluate(() => {
    const frames: [number, number, number][] = [];
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    const viewport = document.querySelector<HTMLElement>('.lf-canvas .react-flow__viewport');
    const tick = () => {
      const zoom = Number(/scale\(([-\d.e]+)\)/.exec(viewport?.style.transform ?? '')?.[1]);
      const drawn = document.querySelector<HTMLElement>('.lf-simple-layer')?.dataset.stepsDrawn;
      frames.push([
        zoom,
        document.querySelectorAll('.lf-canvas .react-flow__node').length,
        drawn === undefined ? -1 : Number(drawn),
      ]);
      if (frames.length < 3000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect(layer(page)).toHaveAttribute('data-steps-drawn', String(SIZE), { timeout: 30_000 });
  const fitted = await toScreen(page, 0, 0);
  expect(fitted.zoom).toBeLessThan(0.1);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(
    () => (window as unknown as { __frames: [number, number, number][] }).__frames,
  );
  // From the frame the view starts to move: no full step, and the layer with steps drawn on
  // it, in each frame, readable zoom or not.
  const moving = frames.filter(([zoom]) => Math.abs(zoom - start.zoom) > 1e-6);
  expect(moving.length).toBeGreaterThan(2);
  expect(moving.some(([zoom]) => zoom > 0.35)).toBe(true);
  expect(moving.filter(([, nodes, drawn]) => nodes > 0 || drawn <= 0)).toEqual([]);
  // Where it ends, every step is drawn (how soon after it arrives is bench:editor's
  // "fit view"), and no full step comes back.
  const arrived = moving.filter(([zoom]) => Math.abs(zoom / fitted.zoom - 1) < 1e-6);
  expect(arrived.at(-1)).toEqual([arrived.at(-1)![0], 0, SIZE]);
});
