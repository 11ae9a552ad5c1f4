import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { libraryCount, pasteMapText } from './helpers';

/** Every export opens again through the doors a person uses: File menu, drop and paste. */

const NAME = 'Order fulfilment (example)';

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
}

async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('.lf-menu > summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: item }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

interface FileSpec {
  name: string;
  bytes: Buffer;
  type: string;
}

async function pickFile(page: Page, file: FileSpec) {
  await page.locator('input[type=file]').setInputFiles({
    name: file.name,
    mimeType: file.type,
    buffer: file.bytes,
  });
}

/** Drops files on the canvas, as a person drags them in from the desktop. */
async function dropFiles(page: Page, files: FileSpec[]) {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const { base64, name, type } of list) {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([data], name, { type }));
      }
      return transfer;
    },
    files.map((f) => ({ base64: f.bytes.toString('base64'), name: f.name, type: f.type })),
  );
  await page.dispatchEvent('.lf-canvas', 'dragover', { dataTransfer });
  await page.dispatchEvent('.lf-canvas', 'drop', { dataTransfer });
}

/** Pastes on the canvas (Ctrl/⌘+V): text, or a file such as a copied PNG. */
async function pasteOnCanvas(page: Page, content: { text: string } | FileSpec) {
  await page.evaluate(
    (c) => {
      const transfer = new DataTransfer();
      if ('text' in c) transfer.setData('text/plain', c.text);
      else {
        const data = Uint8Array.from(atob(c.base64), (ch) => ch.charCodeAt(0));
        transfer.items.add(new File([data], c.name, { type: c.type }));
      }
      const target = document.querySelector('.lf-canvas') ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    'text' in content
      ? content
      : { base64: content.bytes.toString('base64'), name: content.name, type: content.type },
  );
}

/**
 * The map that just opened is the exported one: its name (numbered, as the library already
 * holds a map of that name: the n-th map is "… (n)") and steps, no error shown.
 */
async function expectReopened(page: Page, maps: number) {
  await expect.poll(() => libraryCount(page), { timeout: 30_000 }).toBe(maps);
  await expect(page.locator('.lf-banner[role=alert]')).toHaveCount(0);
  await expect(page.locator('.lf-map-name')).toHaveText(`${NAME} (${maps})`);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  for (const label of ['Order received', 'Check payment', 'Shipped']) {
    await expect(page.locator('.react-flow__node', { hasText: label }).first()).toBeVisible();
  }
}

/** Exports the example as `item`, then opens it from the File menu and by dropping it. */
async function exportAndReopen(page: Page, item: string, type: string): Promise<FileSpec> {
  await openApp(page);
  const { name, bytes } = await exportFile(page, item);
  const file = { name, bytes, type };
  await pickFile(page, file);
  await expectReopened(page, 2);
  await dropFiles(page, [file]);
  await expectReopened(page, 3);
  return file;
}

test.describe('every export opens again through the File menu, drop and paste', () => {
  test('JSON', async ({ page }) => {
    const file = await exportAndReopen(page, 'Export JSON', 'application/json');
    await pasteMapText(page, file.bytes.toString('utf8'));
    await expectReopened(page, 4);
  });

  test('PNG', async ({ page }) => {
    const file = await exportAndReopen(page, 'Export PNG', 'image/png');
    await pasteOnCanvas(page, file);
    await expectReopened(page, 4);
  });

  test('BPMN', async ({ page }) => {
    const file = await exportAndReopen(page, 'Export BPMN', 'application/xml');
    await pasteMapText(page, file.bytes.toString('utf8'));
    await expectReopened(page, 4);
    await pasteOnCanvas(page, { text: file.bytes.toString('utf8') });
    await expectReopened(page, 5);
  });

  test('Mermaid and Copy as Mermaid', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const file = await exportAndReopen(page, 'Export Mermaid', 'text/plain');
    expect(file.bytes.toString('utf8')).toMatch(/^---\ntitle: /);
    await page.locator('.lf-menu > summary').click();
    await page.getByRole('button', { name: 'Copy as Mermaid' }).click();
    // The copy is written once the text is built: read the clipboard until it is there.
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 })
      .toMatch(/^---\ntitle: /);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await pasteMapText(page, copied);
    await expectReopened(page, 4);
    // Ctrl/⌘+V on the canvas with the copied Mermaid opens it as a new map too.
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('ControlOrMeta+V');
    await expectReopened(page, 5);
  });
});

test.describe('dropping several files at once', () => {
  test('opens each as a new map and names the ones that could not be opened', async ({ page }) => {
    await openApp(page);
    const json = await exportFile(page, 'Export JSON');
    const mermaid = await exportFile(page, 'Export Mermaid');
    await dropFiles(page, [
      { name: json.name, bytes: json.bytes, type: 'application/json' },
      { name: 'notes.txt', bytes: Buffer.from('just some notes'), type: 'text/plain' },
      { name: mermaid.name, bytes: mermaid.bytes, type: 'text/plain' },
    ]);
    const alert = page.locator('.lf-banner[role=alert]');
    await expect(alert).toContainText('Opened 2 of 3 files as new maps in the Library', {
      timeout: 30_000,
    });
    await expect(alert).toContainText('"notes.txt"');
    await expect(page.locator('.lf-notice')).toContainText(`"${mermaid.name}"`);
    await alert.getByRole('button', { name: 'Dismiss message' }).click();
    expect(await libraryCount(page)).toBe(3);
  });

  test('more than 20 files: the first 20 open and the rest are counted as skipped', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const json = await exportFile(page, 'Export JSON');
    const files = Array.from({ length: 22 }, (_, i) => ({
      name: `map-${i + 1}.leverflow.json`,
      bytes: json.bytes,
      type: 'application/json',
    }));
    await dropFiles(page, files);
    const alert = page.locator('.lf-banner[role=alert]');
    await expect(alert).toContainText('Opened 20 of 22 files', { timeout: 60_000 });
    await expect(alert).toContainText('2 more files skipped');
    expect(await libraryCount(page)).toBe(21);
  });
});
