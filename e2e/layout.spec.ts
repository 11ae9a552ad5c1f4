import { expect, type Page, test } from '@playwright/test';
import { denseFlowchart } from '../bench/denseFlowchart.mjs';

const DENSE_300: string = denseFlowchart(300);

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
}

async function pickFile(page: Page, name: string, text: string) {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
}

const progress = (page: Page) => page.getByRole('region', { name: 'Layout in progress' });

test.describe('layout in a worker: imports and Tidy up never freeze the page', () => {
  test('a dense 300-step Mermaid file: the edit before it is saved first, progress shows, Cancel changes nothing', async ({
    page,
  }) => {
    await openApp(page);
    // An edit made just before the import…
    await page.locator('.react-flow__node[data-id="r"]').click();
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await pickFile(page, 'dense.mmd', DENSE_300);
    // …is saved before the import starts, and the layout runs with progress and Cancel.
    await expect(progress(page)).toBeVisible();
    await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
    await expect(progress(page)).toContainText('Opening "dense.mmd"');
    await page.screenshot({ path: 'reports/layout-progress.png' });
    // The page answers while the worker lays out: the findings tab opens.
    await page.getByRole('tab', { name: 'Findings' }).click();
    await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await progress(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(progress(page)).toBeHidden();
    await expect(page.locator('.lf-notice')).toContainText('Import cancelled.');
    await expect(page.locator('.lf-map-name')).toHaveText('Order fulfilment (example)');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    // The edit survives a reload: it was saved before the import.
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
  });

  test('when elkjs runs out of time the map opens in quick layers, and Tidy up does the same', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openApp(page);
    await pickFile(page, 'dense.mmd', DENSE_300);
    await expect(page.locator('.lf-map-name')).toHaveText('dense', { timeout: 30_000 });
    await expect(page.locator('.lf-notice')).toContainText('laid out in simple layers');
    await expect(progress(page)).toBeHidden();
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await expect(progress(page)).toContainText('Tidying up 300 steps');
    await expect(progress(page)).toBeHidden({ timeout: 30_000 });
    await expect(page.locator('.lf-notice')).toContainText('laid out in simple layers');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
  });
});
