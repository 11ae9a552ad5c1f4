import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { generateMap } from '../bench/generateMap';
import { extractMapFromPng } from '../src/io/pngMapChunk';
import { NODE_SIZE } from '../src/layout/nodeSize';
import type { MapNode } from '../src/model';

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

async function screenshotBothThemes(page: Page) {
  for (const theme of ['light', 'dark'] as const) {
    const themeButton = page.getByRole('button', { name: /^Theme:/ });
    while ((await themeButton.getAttribute('aria-label')) !== `Theme: ${theme}`) {
      await themeButton.click();
    }
    await page.mouse.move(2, 400);
    await page.screenshot({ path: `reports/far-view-${theme}.png` });
  }
}

test('a 5,000-step map fitted: every step drawn as a shape, click and box-select there, zoom in to full steps still selected', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await importMap(page, map);
  // A big map opens on its start, readable, as full steps.
  await expect(page.locator('.react-flow__node[data-id="n0"]')).toBeVisible({ timeout: 60_000 });
  await expect(layer(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect(layer(page)).toHaveAttribute('data-steps-drawn', String(SIZE), { timeout: 30_000 });
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const fitted = await toScreen(page, 0, 0);
  expect(fitted.zoom).toBeLessThan(0.1);
  // Sampled pixels: the layer has paint where the first and the last step are, none far off.
  const alphaAt = async (x: number, y: number) => {
    const p = await toScreen(page, x, y);
    return page.evaluate(
      ({ x, y }) => {
        const canvas = document.querySelector<HTMLCanvasElement>('.lf-simple-layer');
        const box = canvas?.getBoundingClientRect();
        const context = canvas?.getContext('2d', { willReadFrequently: true });
        if (!canvas || !box || !context) return -1;
        const ratio = canvas.width / box.width;
        const pixel = context.getImageData((x - box.left) * ratio, (y - box.top) * ratio, 1, 1);
        return pixel.data[3] ?? -1;
      },
      { x: p.x, y: p.y },
    );
  };
  const lastStep = map.nodes[SIZE - 1]!;
  expect(await alphaAt(centreOf(map.nodes[0]!).x, centreOf(map.nodes[0]!).y)).toBe(255);
  expect(await alphaAt(centreOf(lastStep).x, centreOf(lastStep).y)).toBe(255);
  expect(await alphaAt(-2000, -2000)).toBe(0);
  await screenshotBothThemes(page);

  // Hovering a step a few pixels wide names it; a click selects it.
  const picked = map.nodes[2345]!;
  const at = await toScreen(page, centreOf(picked).x, centreOf(picked).y);
  // The layer's pixels around the step, to see the hover outline drawn.
  const around = () =>
    page.evaluate(
      ({ x, y }) => {
        const canvas = document.querySelector<HTMLCanvasElement>('.lf-simple-layer');
        const box = canvas?.getBoundingClientRect();
        const context = canvas?.getContext('2d', { willReadFrequently: true });
        if (!canvas || !box || !context) return '';
        const ratio = canvas.width / box.width;
        const side = Math.round(24 * ratio);
        const pixels = context.getImageData(
          Math.round((x - box.left - 12) * ratio),
          Math.round((y - box.top - 12) * ratio),
          side,
          side,
        );
        return Array.from(pixels.data).join(',');
      },
      { x: at.x, y: at.y },
    );
  const plain = await around();
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole('tooltip')).toContainText(picked.label);
  // Hovering outlines the step on the layer.
  await expect.poll(around).not.toBe(plain);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue(picked.label);

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
