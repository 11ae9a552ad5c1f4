import { expect, type Locator, type Page, test } from '@playwright/test';
import { openBlankMap, stepByLabel, typeLabel } from './helpers';

// Issue 15, "a newcomer's first hour": each test drives one item the way a person would.

const sidePanel = (page: Page) => page.getByRole('tablist', { name: 'Side panel' });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

async function commit(field: Locator, value: string) {
  await field.fill(value);
  await field.press('Enter');
}

test('owner badges show letters only: "Maria (VA)" is MA, not M(', async ({ page }) => {
  await openBlankMap(page);
  await page.getByRole('button', { name: 'Action', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Send invoices');

  await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
  const people = page.getByRole('region', { name: 'People' });
  await people.getByRole('button', { name: 'Add person' }).click(); // you, the owner
  await people.getByRole('button', { name: 'Add person' }).click();
  await commit(
    people.getByRole('group', { name: 'Helper 1' }).getByRole('textbox', { name: 'Name' }),
    'Maria (VA)',
  );
  await expect(people.getByRole('group', { name: 'Maria (VA)' })).toBeVisible();

  await stepByLabel(page, 'Send invoices').click();
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  await inspector(page)
    .getByRole('combobox', { name: 'Done by' })
    .selectOption({ label: 'Maria (VA) (outsourcer)' });
  const badge = stepByLabel(page, 'Send invoices').locator('.lf-owner');
  await expect(badge).toHaveText('MA');
  await expect(badge).toHaveAttribute('title', 'Done by Maria (VA)');
});

test('a new blank map opens at zoom 1, centred, whatever the last map was zoomed to', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const viewport = page.locator('.react-flow__viewport');
  const pane = page.locator('.react-flow');
  const box = await pane.boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i += 1) await page.mouse.wheel(0, 200);
  await expect(viewport).toHaveAttribute('style', /scale\(0\.[0-4]/);
  // Long enough for the zoom to be remembered for the example map.
  await page.waitForTimeout(600);

  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const centre = `translate(${Math.round(box.width / 2)}px, ${Math.round(box.height / 2)}px) scale(1)`;
  await expect(viewport).toHaveAttribute('style', new RegExp(escapeRegExp(centre)));

  // A first step lands in the middle of the canvas, at full size.
  await page.getByRole('button', { name: 'Action', exact: true }).click();
  const step = await page.locator('.react-flow__node').boundingBox();
  if (!step) throw new Error('no step');
  expect(step.width).toBeCloseTo(170, 0);
  expect(Math.abs(step.x + step.width / 2 - (box.x + box.width / 2))).toBeLessThan(100);
  expect(Math.abs(step.y + step.height / 2 - (box.y + box.height / 2))).toBeLessThan(100);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an empty map says "Empty map", not "Sound", until a step is drawn', async ({ page }) => {
  await openBlankMap(page);
  const badge = page.getByRole('button', { name: /^Findings:/ });
  await expect(badge).toHaveAccessibleName('Findings: Empty map');
  await expect(badge).not.toContainText('Sound');
  await badge.click();
  const status = page.getByRole('region', { name: 'Findings' }).getByRole('status');
  await expect(status).toHaveText('Empty map: add a Start step from the palette to begin.');

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(badge).not.toHaveAccessibleName('Findings: Empty map');
  await expect(status).not.toContainText('Empty map');
});
