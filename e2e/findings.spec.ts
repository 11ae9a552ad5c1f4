import { expect, type Page, test } from '@playwright/test';
import { parseMapFile } from '../src/model';
import { findingKey, reviewMap } from '../src/review';
import {
  connect,
  openBlankMap,
  pasteMapFile,
  pasteMapText,
  stepByLabel,
  typeLabel,
} from './helpers';

const panel = (page: Page) => page.getByRole('region', { name: 'Findings' });
const errorsGroup = (page: Page) => panel(page).getByRole('region', { name: 'Errors' });

test.describe('findings beside the canvas', () => {
  test('a new user draws a broken map and fixes every finding through the panel alone', async ({
    page,
  }) => {
    await openBlankMap(page);

    // Start -> Take order -> In stock? (a decision) -> Shipped (an end).
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.keyboard.press('Enter');
    await typeLabel(page, 'Order in');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Take order');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'In stock?');
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByLabel('Kind').selectOption('decision');
    await stepByLabel(page, 'In stock?').click();
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Shipped');
    await inspector.getByLabel('Kind').selectOption('end');
    await stepByLabel(page, 'Shipped').click();
    await expect(page.locator('.lf-edge-label', { hasText: 'Yes' })).toBeVisible();

    // The No branch runs into a loop with no way out: Wait for stock <-> Reorder.
    await stepByLabel(page, 'In stock?').click();
    await page.keyboard.press('ControlOrMeta+ArrowRight');
    await typeLabel(page, 'Wait for stock');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Reorder');
    await connect(page, stepByLabel(page, 'Reorder'), stepByLabel(page, 'Wait for stock'), 'right');
    // Its label is cleared: a decision with an unlabelled branch.
    await page.locator('.lf-edge-label', { hasText: 'No' }).dblclick();
    await typeLabel(page, '');
    // A dead end off "Take order", and a step nothing leads to.
    await stepByLabel(page, 'Take order').click();
    await page.keyboard.press('ControlOrMeta+ArrowLeft');
    await typeLabel(page, 'Email customer');
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    await page
      .getByRole('button', { name: 'Action', exact: true })
      .dragTo(page.locator('.react-flow__pane'), {
        targetPosition: { x: 120, y: pane.height * 0.45 },
      });
    await typeLabelOfSelected(page, 'Call supplier');

    // The badge and the panel show what is wrong.
    await page.getByRole('button', { name: /^Findings:/ }).click();
    await expect(panel(page).getByRole('status')).toContainText(/from finishing/);
    for (const title of ['Steps nothing leads to', 'Dead ends', 'Loop with no way out']) {
      await expect(errorsGroup(page).getByText(title)).toBeVisible();
    }
    await expect(
      panel(page).getByText('Unlabelled branch', { exact: false }).first(),
    ).toBeVisible();
    // The steps with findings carry a marker coloured by severity.
    await expect(
      stepByLabel(page, 'Call supplier').locator('.lf-marker.lf-sev-error'),
    ).toBeVisible();
    await page.screenshot({ path: 'reports/findings-broken.png' });

    // Selecting a finding selects its steps.
    await errorsGroup(page)
      .getByRole('button', { name: /Steps nothing leads to/ })
      .click();
    await expect(stepByLabel(page, 'Call supplier')).toHaveClass(/selected/);

    // Fix every error and warning with the panel's buttons alone.
    let fixed = 0;
    for (let i = 0; i < 12; i++) {
      const fix = panel(page)
        .locator('.lf-finding--error .lf-fix, .lf-finding--warning .lf-fix')
        .first();
      if ((await fix.count()) === 0) break;
      const before = await panel(page).locator('.lf-finding--error, .lf-finding--warning').count();
      await fix.click();
      fixed += 1;
      await expect(panel(page).locator('.lf-finding--error, .lf-finding--warning')).not.toHaveCount(
        before,
      );
    }
    expect(fixed).toBeGreaterThanOrEqual(4);
    await expect(panel(page).getByRole('status')).toHaveText(
      'Map is sound: every step leads to an end.',
    );
    await expect(panel(page).locator('.lf-finding--error')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Findings: Map is sound/ })).toBeVisible();
    await page.screenshot({ path: 'reports/findings-sound.png' });

    // Undo one fix: its finding comes back.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(
      panel(page).locator('.lf-finding--error, .lf-finding--warning').first(),
    ).toBeVisible();
  });

  test('keyboard: move between findings and apply a suggestion without the mouse', async ({
    page,
  }) => {
    await page.goto('/');
    // Break the example: delete "Pack order", the only way to "Shipped".
    await stepByLabel(page, 'Pack order').click();
    await page.keyboard.press('Delete');
    await page.getByRole('tab', { name: 'Findings' }).click();
    const first = panel(page).locator('.lf-finding__main').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(panel(page).locator('.lf-finding__main').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(first).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel(page).locator('.lf-fix').first()).toBeFocused();
    const count = await panel(page).locator('.lf-finding--error').count();
    await page.keyboard.press('Enter');
    await expect(panel(page).locator('.lf-finding--error')).not.toHaveCount(count);
  });

  test('a map with hundreds of findings lists the first 100 of a group and shows the rest a hundred at a time', async ({
    page,
  }) => {
    // 230 steps: 228 hidden decisions (warnings), none of which is an error.
    await pasteMapFile(page, chainWithSkips(230, 'Many findings'));
    await page.getByRole('tab', { name: 'Findings' }).click();
    const warnings = panel(page).getByRole('region', { name: 'Warnings' });
    // The group says how many there are, and lists the first 100.
    await expect(warnings.getByRole('heading')).toHaveText('Warnings 228', { timeout: 30_000 });
    await expect(warnings.locator('.lf-finding')).toHaveCount(100);
    await expect(
      warnings.getByText("'Step 0' leads to 2 next steps", { exact: false }),
    ).toBeVisible();
    await expect(warnings.getByText("'Step 150' leads to", { exact: false })).toHaveCount(0);

    await warnings.getByRole('button', { name: 'Show 100 more warnings (128 not shown)' }).click();
    await expect(warnings.locator('.lf-finding')).toHaveCount(200);
    // A finding from the second hundred works like any other: it selects its step.
    await warnings.getByText("'Step 150' leads to", { exact: false }).click();
    await expect(stepByLabel(page, 'Step 150')).toHaveClass(/selected/);

    await warnings.getByRole('button', { name: 'Show 28 more warnings (28 not shown)' }).click();
    await expect(warnings.locator('.lf-finding')).toHaveCount(228);
    await expect(warnings.getByRole('button', { name: /more warnings/ })).toHaveCount(0);
    await expect(warnings.getByText("'Step 227' leads to", { exact: false })).toBeVisible();
  });

  test('another map opened starts its findings list at the first 100 again', async ({ page }) => {
    await pasteMapFile(page, chainWithSkips(230, 'Many findings'));
    await page.getByRole('tab', { name: 'Findings' }).click();
    const warnings = panel(page).getByRole('region', { name: 'Warnings' });
    await warnings.getByRole('button', { name: 'Show 100 more warnings (128 not shown)' }).click();
    await expect(warnings.locator('.lf-finding')).toHaveCount(200);

    // A second map with 148 warnings: the first 100 of them, not 148.
    await pasteMapText(
      page,
      JSON.stringify({ format: 'leverflow-map', version: 3, ...chainWithSkips(150, 'Second map') }),
    );
    await expect(page.locator('.lf-map-name')).toHaveText('Second map');
    await expect(warnings.getByRole('heading')).toHaveText('Warnings 148', { timeout: 30_000 });
    await expect(warnings.locator('.lf-finding')).toHaveCount(100);
    await expect(
      warnings.getByRole('button', { name: 'Show 48 more warnings (48 not shown)' }),
    ).toBeVisible();
  });

  test('hundreds of findings marked as intended are listed a hundred at a time, each with its reason', async ({
    page,
  }) => {
    // Every one of the 228 hidden decisions marked as intended, each with a reason.
    const map = chainWithSkips(230, 'All intended');
    const parsed = parseMapFile(JSON.stringify({ format: 'leverflow-map', version: 3, ...map }));
    if (!parsed.ok) throw new Error('the test map does not parse');
    const keys = reviewMap(parsed.map)
      .findings.filter((f) => f.rule === 'implicit-split')
      .map(findingKey);
    expect(keys).toHaveLength(228);
    await pasteMapFile(page, {
      ...map,
      acceptedFindings: keys.map((key, i) => ({ key, note: `Reason ${i}` })),
    });
    await page.getByRole('tab', { name: 'Findings' }).click();
    const intended = panel(page).getByRole('region', { name: 'Marked as intended' });
    await expect(panel(page).getByRole('region', { name: 'Warnings' })).toHaveCount(0);
    await intended.getByRole('checkbox', { name: 'Show 228 marked as intended' }).check();
    await expect(intended.locator('.lf-finding')).toHaveCount(100);
    await expect(intended.getByText('Reason: Reason 99', { exact: true })).toBeVisible();
    await intended
      .getByRole('button', { name: 'Show 100 more marked as intended (128 not shown)' })
      .click();
    await expect(intended.locator('.lf-finding')).toHaveCount(200);
    await intended
      .getByRole('button', { name: 'Show 28 more marked as intended (28 not shown)' })
      .click();
    await expect(intended.locator('.lf-finding')).toHaveCount(228);
    await expect(intended.getByText('Reason: Reason 227', { exact: true })).toBeVisible();
    await expect(intended.getByRole('button', { name: /more marked as intended/ })).toHaveCount(0);

    // "Show again" on one of the third hundred brings it back among the warnings.
    await intended
      .locator('.lf-finding', { hasText: "'Step 210' leads to" })
      .getByRole('button', { name: 'Show again' })
      .click();
    const warnings = panel(page).getByRole('region', { name: 'Warnings' });
    await expect(warnings.getByRole('heading')).toHaveText('Warnings 1');
    await expect(warnings.getByText("'Step 210' leads to", { exact: false })).toBeVisible();
  });
});

/**
 * A chain of `count` actions between a start and an end, each but the last two also skipping
 * one ahead: `count - 2` hidden decisions (warnings), none of which is an error.
 */
function chainWithSkips(count: number, name: string) {
  const at = (i: number) => ({ x: (i % 10) * 200, y: Math.floor(i / 10) * 120 });
  const nodes = [
    { id: 's', kind: 'start', label: 'Order in', position: at(0) },
    ...Array.from({ length: count }, (_, i) => ({
      id: `a${i}`,
      kind: 'action',
      label: `Step ${i}`,
      position: at(i + 1),
    })),
    { id: 'e', kind: 'end', label: 'Done', position: at(count + 1) },
  ];
  const edges = [{ id: 'e-s', source: 's', target: 'a0' }];
  for (let i = 0; i < count; i++) {
    edges.push({ id: `n${i}`, source: `a${i}`, target: i + 1 < count ? `a${i + 1}` : 'e' });
    if (i + 2 < count) edges.push({ id: `k${i}`, source: `a${i}`, target: `a${i + 2}` });
  }
  return { name, nodes, edges };
}

async function typeLabelOfSelected(page: Page, text: string) {
  await page.keyboard.press('F2');
  await typeLabel(page, text);
}
