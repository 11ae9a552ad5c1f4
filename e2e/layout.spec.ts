import { expect, type Page, test } from '@playwright/test';
import { denseFlowchart } from '../bench/denseFlowchart.mjs';

/**
 * A dense chart within Tidy up's size budget (133 steps, 396 arrows: LAYOUT_BUDGET allows
 * 400) that elkjs cannot lay out in its 4 s (6 s in Node): the layout runs for seconds.
 */
const DENSE_IN_BUDGET: string = denseFlowchart(133);

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
  test('a dense Mermaid file elkjs works on for seconds: the edit before it is saved first, progress shows, Cancel changes nothing', async ({
    page,
  }) => {
    await openApp(page);
    // An edit made just before the import…
    await page.locator('.react-flow__node[data-id="r"]').click();
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await pickFile(page, 'dense.mmd', DENSE_IN_BUDGET);
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

  test('when elkjs runs out of time the map opens in quick layers, and Tidy up does the same; a dense 300-step file, over the size budget, is not given to elkjs at all', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openApp(page);
    // 300 steps and 897 arrows: over the budget, laid out in quick layers without waiting.
    await pickFile(page, 'dense-300.mmd', denseFlowchart(300));
    await expect(page.locator('.lf-map-name')).toHaveText('dense-300', { timeout: 30_000 });
    await expect(page.locator('.lf-notice')).toContainText('laid out in simple layers');
    const layouts = () =>
      page.evaluate(() =>
        performance
          .getEntriesByName('leverflow:layout-done')
          .map((e) => (e as PerformanceMark).detail as { outOfTime?: boolean }),
      );
    expect((await layouts()).at(-1)?.outOfTime).toBeFalsy();
    await pickFile(page, 'dense.mmd', DENSE_IN_BUDGET);
    await expect(page.locator('.lf-map-name')).toHaveText('dense', { timeout: 30_000 });
    await expect(page.locator('.lf-notice')).toContainText('laid out in simple layers');
    expect((await layouts()).at(-1)?.outOfTime).toBe(true);
    await expect(progress(page)).toBeHidden();
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await expect(progress(page)).toContainText('Tidying up 133 steps');
    await expect(progress(page)).toBeHidden({ timeout: 30_000 });
    await expect(page.locator('.lf-notice')).toContainText('laid out in simple layers');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
  });

  test('the progress floats over the canvas: the canvas keeps its size while Tidy up runs and when it ends, and Cancel can be clicked', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openDenseInBudget(page);
    await expect(progress(page)).toBeHidden();
    // Every size React Flow's pane takes from here on (a banner pushing the canvas down and
    // going away again resized it in the frame that applied the layout: a long task).
    await page.evaluate(() => {
      const pane = document.querySelector('.lf-canvas .react-flow') as HTMLElement;
      const sizes: string[] = [];
      (window as unknown as { __sizes: string[] }).__sizes = sizes;
      new ResizeObserver(() => {
        const box = pane.getBoundingClientRect();
        sizes.push(`${box.top},${box.height},${box.width}`);
      }).observe(pane);
    });
    const sizes = () => page.evaluate(() => (window as unknown as { __sizes: string[] }).__sizes);
    await expect.poll(async () => (await sizes()).length).toBe(1);
    const paneBox = await page.locator('.lf-canvas .react-flow').boundingBox();
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await expect(progress(page)).toContainText('Tidying up 133 steps');
    // Shown over the top of the canvas, in front of it (its Cancel takes the click), and
    // not over the side panel (its tabs still take theirs).
    const banner = await progress(page).boundingBox();
    if (!banner || !paneBox) throw new Error('no box');
    expect(banner.y).toBeCloseTo(paneBox.y, 0);
    expect(banner.x).toBeGreaterThanOrEqual(paneBox.x - 1);
    expect(banner.x + banner.width).toBeLessThanOrEqual(paneBox.x + paneBox.width + 1);
    await page.screenshot({ path: 'reports/layout-progress-over-canvas.png' });
    await progress(page).getByRole('button', { name: 'Cancel' }).click({ trial: true });
    await page.getByRole('tab', { name: 'Findings' }).click();
    await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(progress(page)).toBeVisible();
    await expect(progress(page)).toBeHidden({ timeout: 30_000 });
    await page.waitForTimeout(300);
    expect(await sizes()).toHaveLength(1);
    expect(await page.locator('.lf-canvas .react-flow').boundingBox()).toEqual(paneBox);
  });
});

/** Opens the app, then the dense chart within the budget through the File menu, until it is named. */
async function openDenseInBudget(page: Page): Promise<void> {
  await openApp(page);
  await pickFile(page, 'dense.mmd', DENSE_IN_BUDGET);
  await expect(page.locator('.lf-map-name')).toHaveText('dense', { timeout: 30_000 });
}
