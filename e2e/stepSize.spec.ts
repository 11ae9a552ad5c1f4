import { expect, type Locator, test } from '@playwright/test';
import { openBlankMap, stepByLabel, typeLabel } from './helpers';

// Issue 15, item 3: labels wrap inside the shape, a step grows to fit, a person resizes it.

const LONG = 'Check the signed contract against the proposal, the brief and the first invoice';

/** True when the label shows every line (not cut with "…" by the line clamp). */
async function labelFits(step: Locator): Promise<boolean> {
  return step
    .locator('.lf-node__label')
    .evaluate(
      (el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1,
    );
}

test('a long label wraps and the step grows to show all of it; a person resizes a step, one undo step', async ({
  page,
}) => {
  await openBlankMap(page);
  await page.getByRole('button', { name: 'Action', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Send invoice');
  const short = stepByLabel(page, 'Send invoice');
  const small = (await short.boundingBox())!;

  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, LONG);
  const long = stepByLabel(page, LONG);
  await expect(long).toBeVisible();
  const grown = (await long.boundingBox())!;
  expect(grown.height).toBeGreaterThan(small.height + 10);
  expect(await labelFits(long)).toBe(true);
  await page.screenshot({ path: 'reports/step-grown.png' });

  // Resize the short step by its bottom-right handle: wider and taller.
  await short.click();
  const corner = short.locator('.react-flow__resize-control.handle.bottom.right');
  await expect(corner).toBeVisible();
  const c = (await corner.boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  await page.mouse.move(c.x + 60, c.y + 40, { steps: 6 });
  await page.mouse.move(c.x + 80, c.y + 50, { steps: 4 });
  await page.mouse.up();
  const resized = (await short.boundingBox())!;
  expect(resized.width).toBeGreaterThan(small.width + 60);
  expect(resized.height).toBeGreaterThan(small.height + 30);
  // Its arrow follows the new size: the arrow into the long step starts at its new bottom.
  await page.screenshot({ path: 'reports/step-resized.png' });

  // The whole resize is one undo step.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect
    .poll(async () => Math.round((await short.boundingBox())!.width))
    .toBe(Math.round(small.width));

  // Redo, then "Fit size to label" from the right-click menu gives it its own size back.
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect
    .poll(async () => (await short.boundingBox())!.width)
    .toBeGreaterThan(small.width + 60);
  await short.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Fit size to label' }).click();
  await expect
    .poll(async () => Math.round((await short.boundingBox())!.width))
    .toBe(Math.round(small.width));

  // The grown step keeps its size after a reload (it is the map's, not the screen's).
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(stepByLabel(page, LONG)).toBeVisible();
  expect(Math.round((await stepByLabel(page, LONG).boundingBox())!.height)).toBe(
    Math.round(grown.height),
  );
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`long labels read in full at ${size.width}x${size.height}`, async ({ page }) => {
    await openBlankMap(page);
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.keyboard.press('Enter');
    await typeLabel(page, 'A new client signs the proposal and pays the deposit');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, LONG);
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Is everything in the contract what we agreed on the call?');
    await page
      .getByRole('region', { name: 'Inspector' })
      .getByLabel('Kind')
      .selectOption('decision');
    for (const label of [
      'A new client signs the proposal and pays the deposit',
      LONG,
      'Is everything in the contract what we agreed on the call?',
    ]) {
      expect(await labelFits(stepByLabel(page, label)), label).toBe(true);
    }
    await page.screenshot({ path: `reports/long-labels-${size.width}.png` });
  });
}
