import { expect, type Page, test } from '@playwright/test';
import { findings, inspector, mapWithAFarStep, openImportedMap, sidePanel } from './helpers';

// A big map is analyzed in a worker, and after the first answer the worker sends a finding
// that did not change as its place in the answer before (src/store/analysisAnswerParts.ts).
// What a person sees must not tell: after each edit, undo and redo on a big map, the
// Findings tab lists what the map has then, with every count as it should be.

/** The number beside each group of findings (errors, warnings, notes), in order. */
async function groupCounts(page: Page): Promise<string[]> {
  return findings(page).locator('.lf-findings__group .lf-pill').allTextContents();
}

/** The findings that name a step, by its label. */
const naming = (page: Page, label: string) =>
  findings(page).locator('.lf-finding__message', { hasText: label });

test('on a big map analyzed in a worker, the findings follow a relabel, its undo and its redo, with the same counts', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openImportedMap(page, mapWithAFarStep(1000, 'Dead end'), 'n0');
  await sidePanel(page)
    .getByRole('tab', { name: /Findings/ })
    .click();
  await expect(naming(page, 'Lost step').first()).toBeVisible({ timeout: 30_000 });
  const named = await naming(page, 'Lost step').count();
  const counts = await groupCounts(page);
  expect(counts.length).toBeGreaterThan(0);

  // Find steps selects the step; the inspector relabels it.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+F');
  const find = page.getByRole('searchbox', { name: 'Find steps' });
  await find.fill('Lost step');
  await expect(page.getByRole('search', { name: 'Find in map' }).locator('output')).toHaveText(
    '1 of 1',
  );
  await find.press('Escape');
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  const label = inspector(page).getByRole('textbox', { name: 'Label' });
  await expect(label).toHaveValue('Lost step');
  await label.fill('Forgotten step');
  await label.press('Enter');
  await sidePanel(page)
    .getByRole('tab', { name: /Findings/ })
    .click();
  await expect(naming(page, 'Forgotten step')).toHaveCount(named, { timeout: 30_000 });
  await expect(naming(page, 'Lost step')).toHaveCount(0);
  expect(await groupCounts(page)).toEqual(counts);

  // Undo and redo, from the toolbar: the findings name the label of each, no more, no fewer.
  const toolbar = page.getByRole('toolbar').first();
  for (const [button, shown, gone] of [
    ['Undo', 'Lost step', 'Forgotten step'],
    ['Redo', 'Forgotten step', 'Lost step'],
  ] as const) {
    await toolbar.getByRole('button', { name: button, exact: true }).click();
    await expect(naming(page, shown)).toHaveCount(named, { timeout: 30_000 });
    await expect(naming(page, gone)).toHaveCount(0);
    expect(await groupCounts(page)).toEqual(counts);
  }
});
