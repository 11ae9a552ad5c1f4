import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { denseFlowchart } from '../bench/denseFlowchart.mjs';
import type { ProcessMap } from '../src/model';
import { exportedMap, stepByLabel } from './helpers';

// README claims and issue bullets the other specs did not drive through the page yet.

const progress = (page: Page) => page.getByRole('region', { name: 'Layout in progress' });
const people = (page: Page) =>
  page.getByRole('region', { name: 'Leverage' }).first().getByRole('region', { name: 'People' });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
}

/** Each step's place on the canvas (React Flow's transform), by id. */
async function placesOf(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => [
        el.dataset.id ?? '',
        el.style.transform,
      ]),
    ),
  );
}

/** Each step's position in the map, by id. */
function positionsOf(map: ProcessMap): Record<string, string> {
  return Object.fromEntries(map.nodes.map((n) => [n.id, `${n.position.x},${n.position.y}`]));
}

test('Cancel during Tidy up leaves every step where it was', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.locator('input[type=file]').setInputFiles({
    name: 'dense.mmd',
    mimeType: 'text/plain',
    // Within Tidy up's size budget, and more than elkjs lays out in its 4 s: Tidy up runs for seconds.
    buffer: Buffer.from(denseFlowchart(133)),
  });
  await expect(page.locator('.lf-map-name')).toHaveText('dense', { timeout: 60_000 });
  await expect(progress(page)).toBeHidden({ timeout: 60_000 });
  // A big map's steps in view fill in over a few frames: read them once all are there.
  await expect(page.locator('.lf-canvas .react-flow')).not.toHaveAttribute('data-filling', 'true');
  const before = await placesOf(page);
  const savedBefore = positionsOf(await exportedMap(page));
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(progress(page)).toContainText('Tidying up 133 steps');
  await progress(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(progress(page)).toBeHidden();
  await page.waitForTimeout(500);
  // Every step of the map is where it was (as the file says)…
  expect(positionsOf(await exportedMap(page))).toEqual(savedBefore);
  // …and every step drawn before is drawn at the same place (more may have filled in since).
  const after = await placesOf(page);
  for (const [id, place] of Object.entries(before)) expect(after[id], id).toBe(place);
  expect(Object.keys(before).length).toBeGreaterThan(10);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('with lanes shown, the Tidy up button lays the steps out within their lanes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openApp(page);
  await page.getByRole('button', { name: 'Show lanes' }).click();
  const lanes = page.getByRole('list', { name: 'Lanes' });
  await expect(lanes.getByRole('listitem')).toHaveCount(2);
  // Move a step of the owner's far below every lane, then Tidy up brings it back into its lane.
  const step = stepByLabel(page, 'Check payment');
  const box = (await step.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 300, box.y + 600, { steps: 10 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(progress(page)).toBeHidden();
  // Every step sits inside the band of the person who does it (the owner's: "Me").
  await page.waitForTimeout(600);
  const band = (await lanes.getByRole('listitem', { name: /^Me / }).boundingBox())!;
  const moved = (await stepByLabel(page, 'Check payment').boundingBox())!;
  expect(moved.y).toBeGreaterThanOrEqual(band.y - 1);
  expect(moved.y + moved.height).toBeLessThanOrEqual(band.y + band.height + 1);
});

test('a hand-off pack downloads as Markdown', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Leverage' }).click();
  await people(page).getByRole('button', { name: 'Hand-off pack for Me' }).click();
  const pack = page.getByRole('dialog', { name: 'Hand-off pack' });
  const download = page.waitForEvent('download');
  await pack.getByRole('button', { name: 'Download Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('# Hand-off pack: Me');
  expect(text).toContain('### 1. Check payment');
});

test('a map of more than 2,000 steps opens in quick layers, and its PNG is drawn as plain shapes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  // A 2,100-step chain as a Mermaid flowchart: no positions, so it must be laid out.
  const lines = ['flowchart TD', '  s0([Start])'];
  for (let i = 1; i <= 2_100; i++) lines.push(`  s${i - 1} --> s${i}[Step ${i}]`);
  lines.push('  s2100 --> e([Done])');
  await page.locator('input[type=file]').setInputFiles({
    name: 'long chain.mmd',
    mimeType: 'text/plain',
    buffer: Buffer.from(lines.join('\n')),
  });
  await expect(page.locator('.lf-map-name')).toHaveText('long chain', { timeout: 120_000 });
  await expect(page.locator('.lf-notice')).toContainText(
    'Too big or dense for Tidy up in time: laid out in simple layers.',
  );
  await page.locator('.lf-menu > summary', { hasText: 'File' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await download;
  await expect(page.getByText(/too big to draw in full/)).toBeVisible();
});
