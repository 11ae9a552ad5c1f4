import { expect, type Locator, type Page, test } from '@playwright/test';

type Box = { x: number; y: number; width: number; height: number };

import { connect, fitViewAndWait, pasteMapFile, stepByLabel, typeLabel } from './helpers';

// Issue 15's items an earlier audit found without an end-to-end test that drives them as a
// person would (notes/audit1516.md): each test below uses roles, names, text and data-id.

const sidePanel = (page: Page) => page.getByRole('tablist', { name: 'Side panel' });
const findings = (page: Page) => page.getByRole('region', { name: 'Findings' });
const group = (page: Page, name: string) => findings(page).getByRole('region', { name });
const saved = (page: Page) => page.getByText('Saved', { exact: true });

/** Start -> Draft (Maria's, no agreement) -> Done, and 'Lost' that nothing leads to. */
const PROPOSALS = {
  version: 3,
  name: 'Proposals',
  settings: { currency: 'USD', targetHourlyRate: 500, casesPerWeek: 20, defaultHandOffRate: 25 },
  people: [
    { id: 'me', name: 'Me', role: 'owner', hourlyCost: 500, hoursPerWeek: 40 },
    { id: 'maria', name: 'Maria', role: 'outsourcer', hourlyCost: 15, hoursPerWeek: 20 },
  ],
  nodes: [
    { id: 's', kind: 'start', label: 'Request in', position: { x: 0, y: 0 } },
    {
      id: 'd',
      kind: 'action',
      label: 'Draft',
      position: { x: 0, y: 120 },
      durationMinutes: 30,
      ownerId: 'maria',
    },
    { id: 'e', kind: 'end', label: 'Done', position: { x: 0, y: 240 } },
    { id: 'l', kind: 'action', label: 'Lost', position: { x: 320, y: 120 } },
  ],
  edges: [
    { id: 'e1', source: 's', target: 'd' },
    { id: 'e2', source: 'd', target: 'e' },
  ],
  acceptedFindings: [],
};

test('item 1: a warning is marked as intended with a reason, one undo step, kept after a reload, and "Show again" brings it back; errors offer no mark', async ({
  page,
}) => {
  await pasteMapFile(page, PROPOSALS);
  await expect(page.getByRole('group', { name: 'Action: Lost' })).toBeVisible();
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  const errors = group(page, 'Errors');
  const warnings = group(page, 'Warnings');
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(warnings.getByRole('listitem')).toHaveCount(2);
  // An error stops cases from finishing: it can be fixed, never marked as intended.
  await expect(errors.getByRole('button', { name: /Add a start before 'Lost'/ })).toBeVisible();
  await expect(errors.getByRole('button', { name: 'Mark as intended' })).toHaveCount(0);
  // Every warning has the control.
  await expect(warnings.getByRole('button', { name: 'Mark as intended' })).toHaveCount(2);

  const message = "Maria has no service agreement for 'Draft'";
  const warning = warnings.getByRole('listitem').filter({ hasText: message });
  await warning.getByRole('button', { name: 'Mark as intended' }).click();
  const form = warning.getByRole('form', { name: 'Mark as intended' });
  await form.getByLabel('Reason (optional)').fill('Maria drafts from our checklist');
  await form.getByRole('button', { name: 'Mark as intended' }).click();
  await expect(warnings.getByRole('listitem')).toHaveCount(1);
  await expect(warnings).not.toContainText(message);
  const marked = group(page, 'Marked as intended');
  await expect(marked.getByLabel('Show 1 marked as intended')).toBeVisible();

  // One undo step, and redo.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(warnings.getByRole('listitem')).toHaveCount(2);
  await expect(marked).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(warnings.getByRole('listitem')).toHaveCount(1);

  // Saved with the map: after a reload it is still marked, with its reason.
  await expect(saved(page)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Action: Lost' })).toBeVisible();
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  await expect(group(page, 'Warnings').getByRole('listitem')).toHaveCount(1);
  await group(page, 'Marked as intended').getByLabel('Show 1 marked as intended').check();
  const item = group(page, 'Marked as intended').getByRole('listitem');
  await expect(item).toContainText(message);
  await expect(item).toContainText('Reason: Maria drafts from our checklist');

  // "Show again" puts it back among the warnings.
  await item.getByRole('button', { name: 'Show again' }).click();
  await expect(group(page, 'Warnings').getByRole('listitem')).toHaveCount(2);
  await expect(group(page, 'Warnings')).toContainText(message);
  await expect(group(page, 'Marked as intended')).toHaveCount(0);
});

test("item 10: the fix for a step nothing leads to reads as one sentence (\"Add a start before 'Lost', and connect 'Lost' to 'Done'\") and does what it says", async ({
  page,
}) => {
  await pasteMapFile(page, PROPOSALS);
  await expect(page.getByRole('group', { name: 'Action: Lost' })).toBeVisible();
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  const errors = group(page, 'Errors');
  await expect(errors.getByRole('listitem')).toContainText(
    "No path from a start leads to 'Lost', so this step never runs.",
  );
  const fix = errors.getByRole('button', {
    name: "Add a start before 'Lost', and connect 'Lost' to 'Done'",
    exact: true,
  });
  await expect(fix).toBeVisible();
  await fix.click();
  // One sentence, one repair: a start of its own, and 'Lost' now reaches the end.
  await expect(findings(page).getByRole('status').first()).toHaveText(
    'Map is sound: every step leads to an end.',
  );
  await expect(page.getByRole('group', { name: /^Start: / })).toHaveCount(2);
  await expect(page.getByRole('group', { name: /^Arrow/ })).toHaveCount(4);
  // One undo step takes both back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('group', { name: /^Start: / })).toHaveCount(1);
  await expect(page.getByRole('group', { name: /^Arrow/ })).toHaveCount(2);
  await expect(errors.getByRole('listitem')).toHaveCount(1);
});

/** Where the middle of an arrow's line is on screen. */
async function middleOf(arrow: Locator): Promise<{ x: number; y: number }> {
  return arrow
    .locator('path')
    .first()
    .evaluate((path: SVGPathElement) => {
      const point = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM();
      if (!m) throw new Error('arrow not drawn');
      return { x: point.x * m.a + m.e, y: point.y * m.d + m.f };
    });
}

test.describe('at 1024x700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('item 2: two arrows between the same steps in opposite directions are drawn apart, each clicked and labelled on its own', async ({
    page,
  }) => {
    // At 1024 px "New blank map" is in the More menu.
    await page.goto('/');
    await expect(page.getByRole('group', { name: 'Decision: Paid?' })).toBeVisible();
    await page.getByText('More', { exact: true }).click();
    await page.getByRole('button', { name: 'New blank map' }).click();
    await expect(page.getByRole('group', { name: /^(Start|Action|Decision|End): / })).toHaveCount(
      0,
    );
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await page.keyboard.press('Enter');
    await typeLabel(page, 'Draft');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Review');
    await connect(page, stepByLabel(page, 'Review'), stepByLabel(page, 'Draft'), 'top');
    const arrows = page.getByRole('group', { name: /^Arrow/ });
    await expect(arrows).toHaveCount(2);
    const [one, two] = [await middleOf(arrows.nth(0)), await middleOf(arrows.nth(1))];
    expect(Math.abs(one.x - two.x)).toBeGreaterThan(40);

    // A click on each line picks that arrow alone: F2 names it, and only it.
    await page.mouse.click(one.x, one.y);
    await page.keyboard.press('F2');
    await typeLabel(page, 'Ready');
    await expect(page.getByRole('group', { name: 'Arrow "Ready"' })).toHaveCount(1);
    await page.mouse.click(two.x, two.y);
    await page.keyboard.press('F2');
    await typeLabel(page, 'Changes');
    await expect(page.getByRole('group', { name: 'Arrow "Changes"' })).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'Arrow "Ready"' })).toHaveCount(1);

    // Both labels show, apart from each other.
    const ready = await page.getByText('Ready', { exact: true }).boundingBox();
    const changes = await page.getByText('Changes', { exact: true }).boundingBox();
    if (!ready || !changes) throw new Error('labels not drawn');
    expect(ready.x + ready.width < changes.x || changes.x + changes.width < ready.x).toBe(true);
    // The page does not scroll sideways at this size.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1024,
    );
    await page.screenshot({ path: 'test-results/opposite-arrows-1024.png' });
  });

  test("item 5: a step's findings pop-up shows beside it, over no other step, at the same size at any zoom", async ({
    page,
  }) => {
    await page.goto('/');
    const paid = page.getByRole('group', { name: 'Decision: Paid?' });
    await expect(paid).toBeVisible();
    const steps = page.getByRole('group', { name: /^(Start|Action|Decision|End): / });
    await expect(steps).toHaveCount(6);
    const overlaps = (a: Box, b: Box) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    // The pop-up is the box holding the step's finding text that a person sees (each step
    // also carries its findings for screen readers, in a one-pixel tooltip).
    const text = page.getByText(/'Paid\?'/);
    const popupBox = async (): Promise<Box | null> => {
      for (const match of await text.all()) {
        const box = await match.locator('..').boundingBox();
        if (box && box.width > 20) return box;
      }
      return null;
    };

    const widths: number[] = [];
    for (const zoomOut of [0, 2, 3]) {
      const canvas = await page
        .getByRole('application', { name: 'Process map canvas' })
        .boundingBox();
      if (!canvas) throw new Error('no canvas');
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 30);
      for (let i = 0; i < zoomOut; i += 1) await page.mouse.wheel(0, 150);
      await page.waitForTimeout(300);
      await paid.hover();
      await expect.poll(popupBox).not.toBeNull();
      await page.waitForTimeout(200);
      const box = await popupBox();
      const step = await paid.boundingBox();
      if (!box || !step) throw new Error('not drawn');
      widths.push(box.width);
      // Beside the step, over none of the others, inside the window.
      expect(overlaps(box, step)).toBe(false);
      for (const other of await steps.all()) {
        const name = await other.getAttribute('aria-label');
        if (name === 'Decision: Paid?') continue;
        const b = await other.boundingBox();
        if (b) expect(overlaps(box, b), `pop-up over ${name}`).toBe(false);
      }
      expect(box.x + box.width).toBeLessThanOrEqual(1024);
      expect(box.y + box.height).toBeLessThanOrEqual(700);
      await page.screenshot({ path: `test-results/findings-popup-1024-${zoomOut}.png` });
    }
    // The same size on screen at every zoom: about 240 px.
    for (const w of widths) expect(w).toBeCloseTo(240, -1);
    await page.mouse.move(5, 400);
    await expect.poll(popupBox).toBeNull();
  });
});

test('item 8: Ctrl/⌘+F brings each match into view at a readable zoom as a person steps through them', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Decision: Paid?' })).toBeVisible();
  const canvas = page.getByRole('application', { name: 'Process map canvas' });
  const zoomFarOut = async () => {
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width * 0.7, box.y + 120);
    for (let i = 0; i < 4; i += 1) await page.mouse.wheel(0, 200);
    await page.waitForTimeout(300);
  };
  /** The match is centred in the canvas and drawn at least at its own size (zoom >= 1). */
  const expectInView = async (step: Locator, ownWidth: number) => {
    await expect
      .poll(async () => {
        const c = await canvas.boundingBox();
        const s = await step.boundingBox();
        if (!c || !s) return 'not drawn';
        const dx = Math.abs(s.x + s.width / 2 - (c.x + c.width / 2));
        const dy = Math.abs(s.y + s.height / 2 - (c.y + c.height / 2));
        return dx < 20 && dy < 20 && s.width >= ownWidth - 1 ? 'in view' : `${dx},${dy},${s.width}`;
      })
      .toBe('in view');
  };

  await page.keyboard.press('ControlOrMeta+F');
  const find = page.getByRole('searchbox', { name: 'Find steps' });
  const status = page.getByRole('search', { name: 'Find in map' }).getByRole('status');
  const matches: [string, string, number][] = [
    ['1 of 3', 'Action: Check payment', 170],
    ['2 of 3', 'Decision: Paid?', 130],
    ['3 of 3', 'Action: Pack order', 170],
  ];
  await zoomFarOut();
  await find.fill('pa');
  for (const [i, [where, name, width]] of matches.entries()) {
    if (i > 0) {
      // The person zooms far out between matches; Enter still brings the next one close.
      await zoomFarOut();
      // Far out the steps are small (or drawn as plain shapes, with no step element at all).
      const step = page.getByRole('group', { name });
      const far = (await step.count()) > 0 ? await step.boundingBox() : null;
      expect(far?.width ?? 0).toBeLessThan(width * 0.6);
      await find.press('Enter');
    }
    await expect(status).toHaveText(where);
    await expectInView(page.getByRole('group', { name }), width);
  }
  // The "next" button does the same, round to the first.
  await zoomFarOut();
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(status).toHaveText('1 of 3');
  await expectInView(page.getByRole('group', { name: 'Action: Check payment' }), 170);
});

test('item 18: version history lists the steps added, removed and renamed by edits made in the editor', async ({
  page,
}) => {
  // Time passes between the edits (the library keeps edits less than a minute apart as one
  // version): the page's clock is moved on by a few minutes before each edit.
  await page.addInitScript(() => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + (Number(Reflect.get(window, '__lfAheadMinutes')) || 0) * 60_000;
  });
  const later = async (minutes: number) => {
    await page.waitForTimeout(700);
    await expect(saved(page)).toBeVisible();
    await page.evaluate((m) => Reflect.set(window, '__lfAheadMinutes', m), minutes);
  };
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Action: Pack order' })).toBeVisible();

  // A version of its own for each edit: add a step, delete one, rename one.
  await later(2);
  await stepByLabel(page, 'Pack order').click();
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, 'Print label');
  await later(4);
  await fitViewAndWait(page);
  await stepByLabel(page, 'Send reminder').click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('group', { name: 'Action: Send reminder' })).toHaveCount(0);
  await later(6);
  await fitViewAndWait(page);
  await stepByLabel(page, 'Check payment').dblclick();
  await typeLabel(page, 'Check the payment');
  await later(6);

  await page.getByText('File', { exact: true }).click();
  await page.getByRole('button', { name: 'Version history…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Version history' });
  const versions = dialog.getByRole('list', { name: 'Saved versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(4);
  await expect(versions.nth(0)).toContainText("Renamed 'Check payment' to 'Check the payment'.");
  await expect(versions.nth(0)).toContainText('current');
  await expect(versions.nth(1)).toContainText("Removed 'Send reminder'");
  await expect(versions.nth(2)).toContainText("Added 'Print label'");
  await expect(versions.nth(3)).toContainText('The oldest version kept.');
  // Each with its step count.
  await expect(versions.nth(0)).toContainText('6 steps');
  await expect(versions.nth(3)).toContainText('6 steps');
  await expect(versions.nth(2)).toContainText('7 steps');
  await dialog.screenshot({ path: 'test-results/version-history-edits.png' });
});
