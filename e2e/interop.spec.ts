import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { pasteMapText, stepByLabel } from './helpers';

const HERE = dirname(fileURLToPath(import.meta.url));
// The BPMN MIWG reference models (CC BY 3.0, © the BPMN MIWG contributors), beside the checkout.
const MIWG = join(HERE, '../../shared/fixtures/bpmn-miwg');

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
}

async function pickFile(page: Page, name: string, bytes: Buffer, mimeType: string) {
  await page.locator('.lf-menu > summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({ name, mimeType, buffer: bytes });
}

test.describe('interop: BPMN and Mermaid through the File menu', () => {
  test('imports a BPMN reference model as a new map, analyzed and laid out as drawn', async ({
    page,
  }) => {
    await openApp(page);
    const xml = readFileSync(join(MIWG, 'C.1.0.bpmn'));
    await pickFile(page, 'C.1.0.bpmn', xml, 'application/xml');
    await expect(page.locator('.react-flow__node')).toHaveCount(21);
    await expect(page.locator('.react-flow__node-start').first()).toBeVisible();
    await expect(page.locator('.react-flow__node-decision').first()).toBeVisible();
    // The import report tells what came in.
    await expect(page.locator('.lf-notice')).toContainText('21 steps');
    // The imported process has no dead ends or unreachable steps.
    await page.getByRole('tab', { name: 'Findings' }).click();
    await expect(
      page.getByRole('region', { name: 'Findings' }).getByRole('region', { name: 'Errors' }),
    ).toHaveCount(0);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.screenshot({ path: 'reports/interop-bpmn.png' });
  });

  test('pastes a Mermaid flowchart as a new map, and exports it back as Mermaid and BPMN', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    const text = [
      'flowchart TD',
      '  %% a small order flow',
      '  A([Order in]) --> B[Check stock]',
      '  B --> C{In stock?}',
      '  C -->|Yes| D[Pack order] --> E([Shipped])',
      '  C -- No --> F[Reorder]',
      '  F -.-> B',
    ].join('\n');
    await pasteMapText(page, text);
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(stepByLabel(page, 'In stock?')).toHaveClass(/react-flow__node-decision/);
    await expect(stepByLabel(page, 'Order in')).toHaveClass(/react-flow__node-start/);
    await expect(page.locator('.lf-edge-label', { hasText: 'No' })).toBeVisible();
    await page.screenshot({ path: 'reports/interop-mermaid.png' });

    // Copy as Mermaid gives text that reads back to the same steps.
    await page.locator('.lf-menu > summary').click();
    await page.getByRole('button', { name: 'Copy as Mermaid' }).click();
    // The copy is written once the text is built: read the clipboard until it is there.
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 })
      .toMatch(/^flowchart TD$/m);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    for (const label of [
      'Order in',
      'Check stock',
      'In stock?',
      'Pack order',
      'Shipped',
      'Reorder',
    ]) {
      expect(copied).toContain(label);
    }

    // Export BPMN downloads XML with the steps as BPMN elements.
    await page.locator('.lf-menu > summary').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export BPMN' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.bpmn$/);
    const xml = readFileSync(await file.path(), 'utf8');
    expect(xml).toContain('<bpmn:startEvent');
    expect(xml).toContain('<bpmn:exclusiveGateway');
    expect(xml).toContain('name="In stock?"');
    expect(xml).toContain('<bpmndi:BPMNShape');
  });

  test('a BPMN file with entity tricks is refused with a clear error and changes nothing', async ({
    page,
  }) => {
    await openApp(page);
    const evil = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&xxe;</bpmn:definitions>',
    );
    await pickFile(page, 'evil.bpmn', evil, 'application/xml');
    await expect(page.getByRole('alert')).toContainText('evil.bpmn');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
  });
});
