import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { importMapBytes } from '../src/io/importFile';
import { extractMapFromPng } from '../src/io/pngMapChunk';
import { dropFile, libraryCount, stepByLabel } from './helpers';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const BAD = join(FIXTURES, 'bad');
const expected: Record<string, string> = JSON.parse(
  readFileSync(join(BAD, 'expected.json'), 'utf8'),
);

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
}

const openFileMenu = (page: Page) => page.locator('.lf-menu > summary').click();

async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await openFileMenu(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: item }).click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test.describe('files: export and import', () => {
  test('JSON export, then import from the file picker as a new map', async ({ page }) => {
    await openApp(page);
    const { name, bytes } = await exportFile(page, 'Export JSON');
    expect(name).toBe('Order fulfilment (example).leverflow.json');
    const parsed = importMapBytes(new Uint8Array(bytes));
    expect(parsed.ok && parsed.map.nodes.length).toBe(6);

    await page.locator('input[type=file]').setInputFiles({
      name: 'good-v1.leverflow.json',
      mimeType: 'application/json',
      buffer: readFileSync(join(FIXTURES, 'good-v1.leverflow.json')),
    });
    await expect(page.locator('.react-flow__node')).toHaveCount(4);
    await expect(page.locator('.lf-map-name')).toHaveText('Imported order flow');
    // Labels are text: the markup in "Pack <img …>" is shown, never run.
    await expect(stepByLabel(page, 'Pack <img src=x onerror=alert(1)>')).toBeVisible();
    await expect(page.locator('.react-flow__node img')).toHaveCount(0);
    expect(await libraryCount(page)).toBe(2);
  });

  test('PNG export: arrows and labels are in the picture, the map is inside it, and dropping it opens it', async ({
    page,
  }) => {
    await openApp(page);
    const map = JSON.parse((await exportFile(page, 'Export JSON')).bytes.toString('utf8')) as {
      nodes: { id: string; label: string; position: { x: number; y: number } }[];
    };
    const { name, bytes } = await exportFile(page, 'Export PNG');
    expect(name).toBe('Order fulfilment (example).png');
    const png = PNG.sync.read(bytes);
    const minX = Math.min(...map.nodes.map((n) => n.position.x));
    const minY = Math.min(...map.nodes.map((n) => n.position.y));
    // The picture is fitted with a 40 px margin and drawn at 2x.
    const ratio = 2;
    const at = (x: number, y: number) => {
      const px = Math.round((x - minX + 40) * ratio);
      const py = Math.round((y - minY + 40) * ratio);
      const i = (png.width * py + px) * 4;
      return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
    };
    const background = at(minX - 30, minY - 30);
    const differs = ([r, g, b]: number[]) =>
      Math.abs((r ?? 0) - (background[0] ?? 0)) +
        Math.abs((g ?? 0) - (background[1] ?? 0)) +
        Math.abs((b ?? 0) - (background[2] ?? 0)) >
      90;
    const start = map.nodes.find((n) => n.id === 's');
    const check = map.nodes.find((n) => n.id === 'a');
    if (!start || !check) throw new Error('example map changed');
    // The arrow from the start (150 × 48) down to "Check payment": a line in the gap.
    let arrow = 0;
    for (let y = start.position.y + 55; y < check.position.y - 8; y += 1) {
      for (let x = start.position.x + 45; x < start.position.x + 105; x += 0.5) {
        if (differs(at(x, y))) arrow += 1;
      }
    }
    expect(arrow).toBeGreaterThan(10);
    // The label "Check payment": dark text pixels inside the step's box (170 × 60).
    let text = 0;
    for (let y = check.position.y + 18; y < check.position.y + 42; y += 0.5) {
      for (let x = check.position.x + 20; x < check.position.x + 150; x += 0.5) {
        const [r, g, b] = at(x, y);
        if ((r ?? 255) < 110 && (g ?? 255) < 110 && (b ?? 255) < 130) text += 1;
      }
    }
    expect(text).toBeGreaterThan(40);
    const inside = extractMapFromPng(new Uint8Array(bytes));
    expect(inside.ok && JSON.parse(inside.text).nodes.length).toBe(6);

    await dropFile(page, bytes, name, 'image/png');
    await expect(page.locator('.lf-map-name')).toHaveText('Order fulfilment (example) (2)');
    expect(await libraryCount(page)).toBe(2);
  });

  test('SVG export draws the whole map with labels as text', async ({ page }) => {
    await openApp(page);
    const { name, bytes } = await exportFile(page, 'Export SVG');
    expect(name).toBe('Order fulfilment (example).svg');
    const svg = bytes.toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Check payment');
    expect(svg.match(/marker-end=/g)).toHaveLength(6);
    expect(svg).not.toMatch(/<script|<[^>]*\son[a-z]+=/i);
  });

  test('every bad file gets a clear error and changes nothing', async ({ page }) => {
    test.setTimeout(120_000); // nineteen files, one after another
    await openApp(page);
    const input = page.locator('input[type=file]');
    const alert = page.locator('.lf-banner[role=alert]');
    for (const file of readdirSync(BAD).filter((f) => f !== 'expected.json')) {
      await input.setInputFiles({
        name: file,
        mimeType: file.endsWith('.png') ? 'image/png' : 'application/json',
        buffer: readFileSync(join(BAD, file)),
      });
      await expect(alert, file).toContainText(file);
      await expect(alert, file).toContainText(expected[file] ?? '(no expected message)');
      await alert.getByRole('button', { name: 'Dismiss message' }).click();
    }
    // Too large to read: refused by size alone.
    await input.setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(20 * 1024 * 1024 + 10, 32),
    });
    await expect(alert).toContainText('at most 20 MB');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    expect(await libraryCount(page)).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await page.evaluate(() => Reflect.get({}, 'polluted'))).toBeUndefined();
  });

  test('paste map JSON opens it as a new map; bad JSON is refused and changes nothing', async ({
    page,
  }) => {
    await openApp(page);
    await openFileMenu(page);
    await page.getByRole('button', { name: 'Paste a map…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a map (JSON, Mermaid or BPMN)' });
    const box = dialog.getByRole('textbox');
    await box.fill(readFileSync(join(BAD, 'bad-kind.json'), 'utf8'));
    await dialog.getByRole('button', { name: 'Import as new map' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'nodes[3].kind: expected one of start, end, action, decision',
    );
    await box.fill(readFileSync(join(FIXTURES, 'good-v1.leverflow.json'), 'utf8'));
    await dialog.getByRole('button', { name: 'Import as new map' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.react-flow__node')).toHaveCount(4);
    expect(await libraryCount(page)).toBe(2);
  });
});
