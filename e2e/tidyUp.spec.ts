import { expect, type Page, test } from '@playwright/test';
import { lineOfSteps } from '../src/layout/testing/lineOfSteps';
import { openBlankMap, pasteMapFile, stepByLabel, typeLabel } from './helpers';

// Issue 15, item 4: Tidy up top to bottom or left to right, remembered per map.

async function centres(page: Page, labels: string[]) {
  return Promise.all(
    labels.map(async (label) => {
      const box = (await stepByLabel(page, label).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  );
}

test('Tidy up lays a map out left to right when asked, the map remembers it, one undo step', async ({
  page,
}) => {
  await openBlankMap(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Order in');
  for (const label of ['Pack', 'Ship']) {
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, label);
  }
  const labels = ['Order in', 'Pack', 'Ship'];
  const direction = page.getByRole('combobox', { name: 'Tidy up direction' });
  await expect(direction).toHaveValue('down');

  await direction.selectOption('right');
  await expect
    .poll(async () => {
      const [a, b, c] = await centres(page, labels);
      return a!.x < b!.x && b!.x < c!.x && Math.abs(a!.y - c!.y) < 2;
    })
    .toBe(true);

  // One undo step takes back the layout and the direction together.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(direction).toHaveValue('down');
  await expect
    .poll(async () => {
      const [a, , c] = await centres(page, labels);
      return Math.abs(a!.x - c!.x) < 2 && a!.y < c!.y;
    })
    .toBe(true);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(direction).toHaveValue('right');

  // The map remembers it: after a reload, plain "Tidy up" lays it out left to right again.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(stepByLabel(page, 'Ship')).toBeVisible();
  await expect(direction).toHaveValue('right');
  // Drag 'Pack' out of line, then Tidy up puts it back in the row.
  const pack = (await stepByLabel(page, 'Pack').boundingBox())!;
  await page.mouse.move(pack.x + 20, pack.y + 10);
  await page.mouse.down();
  await page.mouse.move(pack.x + 20, pack.y + 200, { steps: 8 });
  await page.mouse.up();
  await expect
    .poll(async () => (await stepByLabel(page, 'Pack').boundingBox())!.y)
    .toBeGreaterThan(pack.y + 100);
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect
    .poll(async () => {
      const [a, b, c] = await centres(page, labels);
      return a!.x < b!.x && b!.x < c!.x && Math.abs(a!.y - b!.y) < 2;
    })
    .toBe(true);
  await page.screenshot({ path: 'reports/tidy-up-left-to-right.png' });

  // Another map keeps its own direction.
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(direction).toHaveValue('down');
});

test('after Tidy up the whole new layout is in view, not the old one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Example map' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  // Left to right, the example is wider than the canvas at zoom 1: the view must follow.
  await page.getByRole('combobox', { name: 'Tidy up direction' }).selectOption('right');
  const pane = (await page.locator('.react-flow').boundingBox())!;
  await expect
    .poll(
      async () => {
        const boxes = await page
          .locator('.react-flow__node')
          .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()));
        const ys = boxes.map((b) => b.y);
        const laidOutRight =
          Math.max(...boxes.map((b) => b.x)) - Math.min(...boxes.map((b) => b.x)) >
          Math.max(...ys) - Math.min(...ys);
        const inView = boxes.every(
          (b) =>
            b.left >= pane.x - 1 &&
            b.right <= pane.x + pane.width + 1 &&
            b.top >= pane.y - 1 &&
            b.bottom <= pane.y + pane.height + 1,
        );
        return laidOutRight && inView;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
});

test('after Tidy up a map too long to read whole is shown from its start, and the view jumps there once instead of drifting through the map', async ({
  page,
}) => {
  // Over the 200 steps above which only what is in view is drawn.
  const map = lineOfSteps(300, { startLabel: 'Order in', endLabel: 'Done' });
  await pasteMapFile(page, { ...map, name: 'Long row' });
  await expect(stepByLabel(page, 'Order in')).toBeVisible();
  // Every view the canvas shows from here on, frame by frame.
  await page.evaluate(() => {
    const views: string[] = [];
    (window as unknown as { __views: string[] }).__views = views;
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const frame = () => {
      const now = viewport.style.transform;
      if (views.at(-1) !== now) views.push(now);
      requestAnimationFrame(frame);
    };
    frame();
  });
  await page.getByRole('combobox', { name: 'Tidy up direction' }).selectOption('right');
  // Laid out left to right, from its start, at a zoom where labels read.
  await expect
    .poll(async () => {
      const start = await stepByLabel(page, 'Order in').boundingBox();
      const next = await stepByLabel(page, 'Step 0').boundingBox();
      return !!start && !!next && next.x > start.x + start.width && Math.abs(next.y - start.y) < 5;
    })
    .toBe(true);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const start = (await stepByLabel(page, 'Order in').boundingBox())!;
  expect(start.x).toBeGreaterThanOrEqual(pane.x);
  expect(start.x + start.width).toBeLessThanOrEqual(pane.x + pane.width);
  await expect(stepByLabel(page, 'Done')).toHaveCount(0); // 300 steps away: not drawn
  await page.waitForTimeout(600);
  const views = await page.evaluate(() => (window as unknown as { __views: string[] }).__views);
  // The view before and the view after: no frames of an animation between them.
  expect(views).toHaveLength(2);
  const zoom = Number(/scale\(([\d.]+)\)/.exec(views[1]!)?.[1]);
  expect(zoom).toBeGreaterThanOrEqual(0.6);
  expect(zoom).toBeLessThanOrEqual(1.2);
});

test('Tidy up on a small map moves its steps without a frame where they are gone', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Example map' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  // The fewest steps on the canvas in any frame from here on.
  await page.evaluate(() => {
    const seen = { fewest: Number.POSITIVE_INFINITY, frames: 0 };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    const frame = () => {
      seen.fewest = Math.min(seen.fewest, document.querySelectorAll('.react-flow__node').length);
      seen.frames += 1;
      requestAnimationFrame(frame);
    };
    frame();
  });
  const pack = stepByLabel(page, 'Pack order');
  const before = await pack.evaluate((el) => (el as HTMLElement).style.transform);
  await page.getByRole('combobox', { name: 'Tidy up direction' }).selectOption('right');
  await expect
    .poll(() => pack.evaluate((el) => (el as HTMLElement).style.transform))
    .not.toBe(before);
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => (window as unknown as { __seen: object }).__seen);
  expect(seen).toMatchObject({ fewest: 6 });
  expect((seen as { frames: number }).frames).toBeGreaterThan(5);
});
