import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';

// Issue 15, item 19: the PNG and the SVG look the same; both clean by default, both with
// findings markers and the map's name as a title when asked.

/** Opens the File menu (a <details>) unless it is open already. */
async function openFileMenu(page: Page): Promise<void> {
  const menu = page.locator('details.lf-menu', {
    has: page.locator('summary', { hasText: 'File' }),
  });
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

async function exportFile(page: Page, item: string): Promise<Buffer> {
  await openFileMenu(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: item }).click();
  return readFileSync(await (await download).path());
}

/** The picture's pixels as [r, g, b] at a point in SVG units (the PNG is drawn at 2x). */
function sampler(png: PNG) {
  return (x: number, y: number) => {
    const i = (png.width * Math.round(y * 2) + Math.round(x * 2)) * 4;
    return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
  };
}

/** Where the SVG draws each marker (its circles), and the title's baseline. */
function markerCentres(svg: string): { x: number; y: number; fill: string }[] {
  return [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="\d+" fill="(#[0-9a-f]+)"/g)].map(
    (m) => ({ x: Number(m[1]), y: Number(m[2]), fill: m[3]! }),
  );
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) < 40);

test('PNG and SVG: clean by default; with findings markers and the title, both show them in the same places', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  // The example map has findings: its steps carry markers on the canvas.
  await expect(page.locator('.lf-marker').first()).toBeVisible();

  const cleanSvg = (await exportFile(page, 'Export SVG')).toString('utf8');
  expect(cleanSvg).not.toContain('class="marker');
  expect(cleanSvg).not.toContain('class="title"');
  const cleanPng = PNG.sync.read(await exportFile(page, 'Export PNG'));
  const cleanSize = /width="(\d+)" height="(\d+)"/.exec(cleanSvg)!;
  expect([cleanPng.width, cleanPng.height]).toEqual([
    Number(cleanSize[1]) * 2,
    Number(cleanSize[2]) * 2,
  ]);

  // Ask for both, from the File menu.
  await openFileMenu(page);
  await page.getByRole('checkbox', { name: 'Findings markers' }).check();
  await page.getByRole('checkbox', { name: "The map's name as a title" }).check();

  const svg = (await exportFile(page, 'Export SVG')).toString('utf8');
  expect(svg).toContain('>Order fulfilment (example)</text>');
  const markers = markerCentres(svg);
  expect(markers.length).toBe(await page.locator('.react-flow__node .lf-marker').count());
  const png = PNG.sync.read(await exportFile(page, 'Export PNG'));
  const size = /width="(\d+)" height="(\d+)"/.exec(svg)!;
  expect([png.width, png.height]).toEqual([Number(size[1]) * 2, Number(size[2]) * 2]);
  // Each marker is in the PNG where the SVG draws it, in its colour.
  const at = sampler(png);
  for (const m of markers) expect(near(at(m.x, m.y + 5), rgb(m.fill)), `${m.fill}`).toBe(true);
  // The title is dark text across the top of the PNG, where the clean one has none.
  let dark = 0;
  for (let x = 40; x < 300; x += 1) {
    for (let y = 42; y < 58; y += 1) if (at(x, y).every((v) => v < 100)) dark += 1;
  }
  expect(dark).toBeGreaterThan(50);
  const cleanAt = sampler(cleanPng);
  let cleanDark = 0;
  for (let x = 40; x < 300; x += 1) {
    for (let y = 42; y < 58; y += 1) if (cleanAt(x, y).every((v) => v < 100)) cleanDark += 1;
  }
  expect(cleanDark).toBe(0);
});
