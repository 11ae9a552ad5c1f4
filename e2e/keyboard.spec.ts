import { expect, test } from '@playwright/test';
import { pasteMapFile } from './helpers';

// Issue 15, item 15: keyboard only, Tab reaches the steps in flow order, then the arrows.

test('Tab reaches the steps in flow order before the arrows, then leaves the canvas; Shift+Tab goes back', async ({
  page,
}) => {
  // The file lists the steps out of order: the end first, the start last.
  await pasteMapFile(page, {
    name: 'Out of order',
    nodes: [
      { id: 'done', kind: 'end', label: 'Done', position: { x: 0, y: 420 } },
      { id: 'review', kind: 'action', label: 'Review', position: { x: 0, y: 280 } },
      { id: 'draft', kind: 'action', label: 'Draft', position: { x: 0, y: 140 } },
      { id: 'brief', kind: 'start', label: 'Brief in', position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'a3', source: 'review', target: 'done' },
      { id: 'a2', source: 'draft', target: 'review' },
      { id: 'a1', source: 'brief', target: 'draft' },
    ],
  });
  await expect(page.locator('.lf-map-name')).toHaveText('Out of order');

  // From the last palette button, Tab walks the map as it reads.
  await page.getByRole('button', { name: 'End', exact: true }).focus();
  const seen: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        const kind = el?.classList.contains('react-flow__node') ? 'step' : 'arrow';
        return `${kind}:${el?.getAttribute('data-id')}`;
      }),
    );
  }
  expect(seen).toEqual([
    'step:brief',
    'step:draft',
    'step:review',
    'step:done',
    'arrow:a1',
    'arrow:a2',
    'arrow:a3',
  ]);
  // One more Tab leaves the map for the canvas's controls.
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === 'BUTTON' && !el.closest('.react-flow__viewport');
    }),
  ).toBe(true);
  // Shift+Tab comes back to the last arrow, and on to the last step.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.react-flow__edge[data-id="a3"]')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.react-flow__node[data-id="done"]')).toBeFocused();
  // Enter on a focused step renames it, as a click and Enter would.
  await page.keyboard.press('Enter');
  await expect(page.locator('.lf-label-editor')).toBeFocused();
});
