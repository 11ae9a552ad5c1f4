import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { extractMapFromPng } from '../src/io/pngMapChunk';

const panel = (page: Page) => page.getByRole('region', { name: 'Findings' });
const notes = (page: Page) => panel(page).getByRole('region', { name: 'Notes' });
const marked = (page: Page) => panel(page).getByRole('region', { name: 'Marked as intended' });

async function exportFile(page: Page, item: string): Promise<Buffer> {
  await page.locator('.lf-menu > summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: item }).click();
  return readFileSync(await (await download).path());
}

async function dropPng(page: Page, bytes: Buffer, name: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'image/png' }));
      return transfer;
    },
    { base64: bytes.toString('base64'), name },
  );
  await page.dispatchEvent('.lf-canvas', 'dragover', { dataTransfer });
  await page.dispatchEvent('.lf-canvas', 'drop', { dataTransfer });
}

test('mark a note as intended with a reason: one undo step, saved, survives reload and a JSON/PNG round trip, and "Show again" brings it back', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.getByRole('tab', { name: 'Findings' }).click();
  // Errors get no mark: only warnings and notes can be intended.
  const firstNote = notes(page).getByRole('listitem').first();
  const message = (await firstNote.locator('.lf-finding__message').textContent()) ?? '';
  expect(message.length).toBeGreaterThan(10);
  const noteCount = await notes(page).getByRole('listitem').count();

  await firstNote.getByRole('button', { name: 'Mark as intended' }).click();
  const form = firstNote.getByRole('form', { name: 'Mark as intended' });
  await expect(form.getByLabel('Reason (optional)')).toBeFocused();
  // Escape cancels without marking.
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(marked(page)).toHaveCount(0);

  await firstNote.getByRole('button', { name: 'Mark as intended' }).click();
  await form.getByLabel('Reason (optional)').fill('Reminders are sent on purpose');
  await form.getByRole('button', { name: 'Mark as intended' }).click();
  await expect(notes(page).getByText(message, { exact: true })).toHaveCount(0);
  await expect(notes(page).getByRole('listitem')).toHaveCount(noteCount - 1);
  await expect(marked(page).getByLabel('Show 1 marked as intended')).toBeVisible();

  // One undo step each way.
  await page.locator('.lf-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(notes(page).getByText(message, { exact: true })).toBeVisible();
  await expect(marked(page)).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(marked(page).getByLabel('Show 1 marked as intended')).toBeVisible();

  // Saved with the map: it survives a reload, reason included.
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await page.getByRole('tab', { name: 'Findings' }).click();
  await marked(page).getByLabel('Show 1 marked as intended').check();
  await expect(marked(page).getByText(message, { exact: true })).toBeVisible();
  await expect(marked(page).getByText('Reason: Reminders are sent on purpose')).toBeVisible();

  // It travels in the JSON and inside the PNG.
  const json = JSON.parse((await exportFile(page, 'Export JSON')).toString('utf8'));
  expect(json.acceptedFindings).toEqual([
    expect.objectContaining({ note: 'Reminders are sent on purpose' }),
  ]);
  const png = await exportFile(page, 'Export PNG');
  const inside = extractMapFromPng(new Uint8Array(png));
  expect(inside.ok && JSON.parse(inside.text).acceptedFindings).toEqual(json.acceptedFindings);
  await dropPng(page, png, 'Order fulfilment (example).png');
  await expect(page.locator('.lf-map-name')).toHaveText('Order fulfilment (example) (2)');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(marked(page).getByLabel('Show 1 marked as intended')).toBeVisible();

  // JSON import keeps it as well.
  await page.locator('input[type=file]').setInputFiles({
    name: 'marked.leverflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...json, name: 'Marked copy' })),
  });
  await expect(page.locator('.lf-map-name')).toHaveText('Marked copy');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await marked(page).getByLabel('Show 1 marked as intended').check();
  await expect(marked(page).getByText('Reason: Reminders are sent on purpose')).toBeVisible();

  // "Show again" brings it back among the notes.
  await marked(page).getByRole('button', { name: 'Show again' }).click();
  await expect(notes(page).getByText(message, { exact: true })).toBeVisible();
  await expect(marked(page)).toHaveCount(0);
});
