import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { generateMap } from '../bench/generateMap';
import { nearTrapMap, spaghettiMap } from '../src/analyzer/testing/hardMaps';
import { pasteMapFile, stepByLabel } from './helpers';

/**
 * README claims ("What is in it") that no other spec drove through the UI. Each test is
 * named after the claim it checks; /work/wt/notes/readme-walk.md maps every claim to a test.
 */

/** The canvas's view as React Flow holds it: the viewport's translate and scale. */
async function viewOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /translate\(\s*(-?[\d.e-]+)px,\s*(-?[\d.e-]+)px\)\s*scale\(\s*([\d.e-]+)\s*\)/.exec(
    style,
  );
  if (!m) throw new Error(`no viewport transform in "${style}"`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** A step's position on the map (its React Flow transform, in map coordinates). */
async function mapPositionOf(page: Page, label: string): Promise<{ x: number; y: number }> {
  const style = (await stepByLabel(page, label).getAttribute('style')) ?? '';
  const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(style);
  if (!m) throw new Error(`no node transform in "${style}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

async function openExample(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
}

const sideTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name });

/** Opens the Findings tab: its panel, and a time figure's value by the figure's name. */
async function openFigures(page: Page) {
  await sideTab(page, 'Findings').click();
  const panel = page.getByRole('region', { name: 'Findings' });
  const figure = (name: string) =>
    panel.locator('.lf-metrics > div').filter({ hasText: name }).locator('dd');
  return { panel, figure };
}

test('overview map: a click or a drag moves the view there, and scrolling over it zooms', async ({
  page,
}) => {
  await openExample(page);
  const overview = page.getByRole('img', { name: /^Mini map of the whole process/ });
  await expect(overview).toBeVisible();
  const box = await overview.boundingBox();
  if (!box) throw new Error('overview not drawn');

  // A click near a corner brings that spot to the centre: the view moves, the zoom stays.
  const before = await viewOf(page);
  await page.mouse.click(box.x + 4, box.y + 4);
  await expect.poll(async () => (await viewOf(page)).x).not.toBeCloseTo(before.x, 0);
  const clicked = await viewOf(page);
  expect(clicked.zoom).toBeCloseTo(before.zoom, 5);

  // A drag across the overview keeps moving the view with the pointer.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4, { steps: 6 });
  const dragging = await viewOf(page);
  await page.mouse.up();
  expect(Math.abs(dragging.x - clicked.x) + Math.abs(dragging.y - clicked.y)).toBeGreaterThan(20);

  // Scrolling over the overview zooms the canvas (and does not scroll the page).
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const unzoomed = (await viewOf(page)).zoom;
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await viewOf(page)).zoom).toBeGreaterThan(unzoomed * 1.1);
  const zoomedIn = (await viewOf(page)).zoom;
  await page.mouse.wheel(0, 600);
  await expect.poll(async () => (await viewOf(page)).zoom).toBeLessThan(zoomedIn / 1.1);
});

test('snap to grid: with it on, a dragged step lands on the 20 px grid', async ({ page }) => {
  await openExample(page);
  const snap = page.getByRole('button', { name: 'Snap to grid' });
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'true');

  const step = stepByLabel(page, 'Send reminder');
  const start = await mapPositionOf(page, 'Send reminder');
  const box = await step.boundingBox();
  if (!box) throw new Error('no step');
  await page.mouse.move(box.x + 30, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 30 + 53, box.y + 20 + 37, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => mapPositionOf(page, 'Send reminder')).not.toEqual(start);
  const moved = await mapPositionOf(page, 'Send reminder');
  expect(Math.abs(moved.x % 20)).toBe(0);
  expect(Math.abs(moved.y % 20)).toBe(0);

  // Off again: the same drag ends where the pointer left the step, off the grid.
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  const box2 = await step.boundingBox();
  if (!box2) throw new Error('no step');
  await page.mouse.move(box2.x + 30, box2.y + 20);
  await page.mouse.down();
  await page.mouse.move(box2.x + 30 + 7, box2.y + 20 + 3, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => mapPositionOf(page, 'Send reminder')).not.toEqual(moved);
  const free = await mapPositionOf(page, 'Send reminder');
  expect(free.x % 20 !== 0 || free.y % 20 !== 0).toBe(true);
});

test('cut: Ctrl/⌘+X takes the selected steps out onto the clipboard as map JSON; paste brings them back', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExample(page);
  await stepByLabel(page, 'Send reminder').click();
  await page.keyboard.press('ControlOrMeta+X');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(stepByLabel(page, 'Send reminder')).toHaveCount(0);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(clip)).toMatchObject({
    format: 'leverflow-map',
    nodes: [{ label: 'Send reminder' }],
  });
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(stepByLabel(page, 'Send reminder')).toBeVisible();
});

test('box-select: Shift+drag on the canvas selects the steps inside the box', async ({ page }) => {
  await openExample(page);
  const a = await stepByLabel(page, 'Order received').boundingBox();
  const b = await stepByLabel(page, 'Check payment').boundingBox();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!a || !b || !pane) throw new Error('not drawn');
  const left = Math.max(pane.x + 2, Math.min(a.x, b.x) - 30);
  const top = Math.max(pane.y + 2, Math.min(a.y, b.y) - 15);
  const right = Math.max(a.x + a.width, b.x + b.width) + 30;
  const bottom = Math.max(a.y + a.height, b.y + b.height) + 5;
  await page.keyboard.down('Shift');
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move(right, bottom, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(stepByLabel(page, 'Order received')).toHaveClass(/selected/);
  await expect(stepByLabel(page, 'Check payment')).toHaveClass(/selected/);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
});

test('fit view: after zooming in, Fit view brings every step back into the canvas', async ({
  page,
}) => {
  await openExample(page);
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no canvas');
  const inside = async () => {
    let n = 0;
    for (const node of await page.locator('.react-flow__node').all()) {
      const box = await node.boundingBox();
      if (
        box &&
        box.x >= pane.x &&
        box.y >= pane.y &&
        box.x + box.width <= pane.x + pane.width &&
        box.y + box.height <= pane.y + pane.height
      )
        n += 1;
    }
    return n;
  };
  await expect.poll(inside).toBeLessThan(6);
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect.poll(inside).toBe(6);
});

test('heat tint: "Tint steps by time per case" tints the steps that take time, and unticking clears it', async ({
  page,
}) => {
  await openExample(page);
  await sideTab(page, 'Findings').click();
  const tint = page
    .getByRole('region', { name: 'Findings' })
    .getByRole('checkbox', { name: 'Tint steps by time per case' });
  await expect(page.locator('.react-flow__node .lf-heat')).toHaveCount(0);
  await tint.check();
  // The three actions have durations; the start, decision and end take no time.
  await expect(page.locator('.react-flow__node .lf-heat')).toHaveCount(3);
  await expect(stepByLabel(page, 'Pack order').locator('.lf-heat')).toBeVisible();
  await expect(stepByLabel(page, 'Order received').locator('.lf-heat')).toHaveCount(0);
  await tint.uncheck();
  await expect(page.locator('.react-flow__node .lf-heat')).toHaveCount(0);
});

test('analyzer figures in the Findings panel: time per case, rework share and longest path, live as a duration changes; each finding says why it matters', async ({
  page,
}) => {
  await openExample(page);
  const { panel, figure } = await openFigures(page);
  await expect(figure('Expected time per case')).toHaveText(/^\d+(\.\d+)? (min|h)/);
  await expect(figure('Rework share')).toHaveText(/\d+%/);
  await expect(figure('Longest path')).toHaveText(/over \d+ steps/);
  const before = await figure('Expected time per case').textContent();

  // Each finding shows why it matters under its title.
  const finding = panel.locator('.lf-finding').first();
  await expect(finding.locator('.lf-finding__title')).not.toBeEmpty();
  await expect(finding.locator('.lf-finding__why')).not.toBeEmpty();

  // A longer "Pack order" changes the time per case without any other action.
  await stepByLabel(page, 'Pack order').click();
  await sideTab(page, 'Inspector').click();
  const duration = page
    .getByRole('region', { name: 'Inspector' })
    .getByRole('spinbutton', { name: 'Duration (minutes)' });
  await duration.fill('120');
  await duration.press('Enter');
  await sideTab(page, 'Findings').click();
  await expect(figure('Expected time per case')).not.toHaveText(before ?? '');
});

test('leverage: a step has cadence, hand-off rate and, for an outsourcer, a service-level agreement; the Leverage tab downloads a CSV of the steps', async ({
  page,
}) => {
  await openExample(page);
  // The example has two people: the owner ("Me") and an outsourcer ("Virtual assistant").
  await sideTab(page, 'Leverage').click();
  const leverage = page.getByRole('region', { name: 'Leverage' }).first();
  const people = leverage.getByRole('region', { name: 'People' });
  await expect(people.getByRole('group', { name: 'Virtual assistant' })).toBeVisible();

  await stepByLabel(page, 'Pack order').click();
  await sideTab(page, 'Inspector').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('combobox', { name: 'Cadence' })).toBeVisible();
  await expect(
    inspector.getByRole('spinbutton', { name: /^Out-of-pocket cost per pass/ }),
  ).toBeVisible();
  await expect(inspector.getByRole('spinbutton', { name: /^Hand-off rate/ })).toBeVisible();
  const doneBy = inspector.getByRole('combobox', { name: 'Done by' });
  await doneBy.selectOption({ label: 'Me (owner)' });
  await expect(inspector.getByRole('group', { name: 'Service agreement' })).toHaveCount(0);
  await doneBy.selectOption({ label: 'Virtual assistant (outsourcer)' });
  const sla = inspector.getByRole('group', { name: 'Service agreement' });
  await expect(sla).toBeVisible();
  // This step's agreement: its fields differ from the person's agreement where filled in.
  const turnaround = sla.getByRole('spinbutton', { name: 'Turnaround (hours)' });
  await turnaround.fill('48');
  await turnaround.press('Enter');
  await stepByLabel(page, 'Check payment').click();
  await stepByLabel(page, 'Pack order').click();
  await expect(turnaround).toHaveValue('48');

  await sideTab(page, 'Leverage').click();
  const download = page.waitForEvent('download');
  await leverage.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const path = await file.path();
  const csv = readFileSync(path, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(csv).toContain('Pack order');
  expect(csv).toContain('Virtual assistant');
});

test("connect by dropping on a step's body: an arrow dragged from a handle onto the middle of a step, away from its handles, connects them", async ({
  page,
}) => {
  await openExample(page);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  const from = stepByLabel(page, 'Send reminder');
  const to = stepByLabel(page, 'Order received');
  await from.hover();
  const handle = await from.locator('.react-flow__handle-top').boundingBox();
  const body = await to.boundingBox();
  if (!handle || !body) throw new Error('not drawn');
  // A point on the body a quarter in from the left: not on any of its four side handles.
  const x = body.x + body.width * 0.3;
  const y = body.y + body.height * 0.5;
  // Farther from each of its handles than React Flow's connection radius (30 px): only the
  // drop-on-body rule can make this connect.
  await to.hover();
  for (const h of await to.locator('.react-flow__handle').all()) {
    const hb = await h.boundingBox();
    if (!hb) continue;
    expect(Math.hypot(hb.x + hb.width / 2 - x, hb.y + hb.height / 2 - y)).toBeGreaterThan(30);
  }
  await from.hover();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, y - 6, { steps: 8 });
  await page.mouse.move(x, y, { steps: 2 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
});

test('a rescue copy that differs from what was saved is brought back after a reload, with a banner', async ({
  page,
}) => {
  // Saves to IndexedDB fail while the flag is set (it is gone after the reload).
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      if (Reflect.get(window, '__lfFull') === true && this.name === 'versions') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    } as typeof put;
  });
  await openExample(page);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
  await page.evaluate(() => Reflect.set(window, '__lfFull', true));
  await stepByLabel(page, 'Pack order').click();
  await page.keyboard.press('F2');
  const editor = page.locator('.lf-label-editor');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Pack and weigh order');
  await page.keyboard.press('Enter');
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'error');
  await page.reload();
  await expect(stepByLabel(page, 'Pack and weigh order')).toBeVisible();
  await expect(
    page.getByText('Recovered changes made just before the page was closed'),
  ).toBeVisible();
});

test("leverage: the Leverage tab splits the owner's week into productive and non-productive hours", async ({
  page,
}) => {
  await openExample(page);
  await sideTab(page, 'Leverage').click();
  const split = page.getByRole('region', { name: 'Your productive and non-productive hours' });
  await expect(split).toBeVisible();
  await expect(split.getByRole('listitem').filter({ hasText: /^Non-productive:/ })).toHaveCount(1);
  await expect(split.getByRole('listitem').filter({ hasText: /^Productive:/ })).toHaveCount(0);

  // "Pack order", done by the owner, marked as productive work, shows on the other side.
  await stepByLabel(page, 'Pack order').click();
  await sideTab(page, 'Inspector').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('combobox', { name: 'Done by' }).selectOption({ label: 'Me (owner)' });
  await inspector.getByRole('combobox', { name: 'Work type' }).selectOption('productive');
  await sideTab(page, 'Leverage').click();
  await expect(split.getByRole('listitem').filter({ hasText: /^Productive:/ })).toHaveCount(1);
});

test('findings stay live on a map of more than 250 steps, analyzed in a Web Worker', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const Native = window.Worker;
    const seen: string[] = [];
    Reflect.set(window, '__lfWorkers', seen);
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        seen.push(String(url));
      }
    };
  });
  const workers = () => page.evaluate(() => Reflect.get(window, '__lfWorkers') as string[]);
  const analysisWorkers = async () => (await workers()).filter((u) => /analysis/.test(u)).length;
  await openExample(page);
  await sideTab(page, 'Findings').click();
  expect(await analysisWorkers()).toBe(0); // six steps: analyzed on the page

  await page.locator('.lf-menu > summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({
    name: 'big.leverflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...generateMap(300), name: 'Three hundred steps' })),
  });
  await expect(page.locator('.lf-map-name')).toHaveText('Three hundred steps', { timeout: 60_000 });
  await expect.poll(analysisWorkers, { timeout: 30_000 }).toBeGreaterThan(0);

  // Live: deleting a step changes what the panel says, through the worker.
  const badge = page.getByRole('button', { name: /^Findings:/ });
  const panel = page.getByRole('region', { name: 'Findings' });
  await expect(panel.getByRole('status')).not.toBeEmpty();
  const before = (await badge.getAttribute('aria-label')) ?? (await badge.textContent());
  const step = page.locator('.react-flow__node[data-id="n1"]');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await step.click();
  await page.keyboard.press('Delete');
  await expect(step).toHaveCount(0);
  await expect
    .poll(async () => (await badge.getAttribute('aria-label')) ?? (await badge.textContent()), {
      timeout: 30_000,
    })
    .not.toBe(before);
});

test('a map too big to read when fitted opens on its start at a readable zoom, draws only the steps in view, and Fit view still shows every step', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const size = 600;
  await openExample(page);
  await page.locator('.lf-menu > summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({
    name: 'big.leverflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...generateMap(size), name: 'Six hundred steps' })),
  });
  await expect(page.locator('.lf-map-name')).toHaveText('Six hundred steps', { timeout: 60_000 });
  await expect(page.locator('.react-flow__node[data-id="n0"]')).toBeVisible({ timeout: 30_000 });
  expect((await viewOf(page)).zoom).toBeGreaterThanOrEqual(0.6);
  const drawn = await page.locator('.react-flow__node').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(size);

  // Fit view: every step shows, as full steps or, zoomed out far, as the canvas's plain shapes.
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect
    .poll(
      async () => {
        const layer = page.locator('.lf-simple-layer');
        if ((await layer.count()) > 0) return Number(await layer.getAttribute('data-steps-drawn'));
        return page.locator('.react-flow__node').count();
      },
      { timeout: 30_000 },
    )
    .toBe(size);
  expect((await viewOf(page)).zoom).toBeLessThan(0.6);
});

test('JSON export carries the leverage figures (cost per case, people, steps) beside the map', async ({
  page,
}) => {
  await openExample(page);
  await page.locator('.lf-menu > summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  const json = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(json.format).toBe('leverflow-map');
  expect(json.nodes).toHaveLength(6);
  expect(json.leverage.costPerCase).toBeGreaterThan(0);
  expect(json.leverage.people.map((p: { name: string }) => p.name)).toContain('Virtual assistant');
  expect(json.leverage.steps.length).toBeGreaterThan(0);
});

test('a click on a palette button adds that step at the centre of the view', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Action', exact: true }).click();
  const step = page.locator('.react-flow__node-action');
  await expect(step).toHaveCount(1);
  const box = await step.boundingBox();
  const pane = await page.locator('.react-flow').boundingBox();
  if (!box || !pane) throw new Error('not drawn');
  expect(Math.abs(box.x + box.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(30);
  expect(Math.abs(box.y + box.height / 2 - (pane.y + pane.height / 2))).toBeLessThan(30);
});

test("a step's right-click menu: Duplicate adds a copy, Delete removes it, Rename opens the label in place", async ({
  page,
}) => {
  await openExample(page);
  const menu = page.getByRole('menu');
  await stepByLabel(page, 'Pack order').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.locator('.react-flow__node').filter({ hasText: 'Pack order' })).toHaveCount(2);

  await stepByLabel(page, 'Send reminder').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(stepByLabel(page, 'Send reminder')).toHaveCount(0);

  await stepByLabel(page, 'Shipped').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Rename' }).click();
  await expect(page.locator('.lf-label-editor')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Sent out');
  await page.keyboard.press('Enter');
  await expect(stepByLabel(page, 'Sent out')).toBeVisible();
});

test('a map whose loops tangle (1,000 steps, 4 arrows each) opened from the File menu: the time per case is exact, the rework share reads "at least" with a note saying why', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await pasteMapFile(page, spaghettiMap(1000));
  const { panel, figure } = await openFigures(page);
  await expect(figure('Rework share')).toHaveText(/^at least \d+%$/, { timeout: 60_000 });
  await expect(figure('Expected time per case')).toHaveText(/^\d+(\.\d+)? (min|h)$/);
  await expect(panel).toContainText('The rework share is a lower bound');
  await expect(panel).not.toContainText('approximate');

  // The example map's figures are exact: no bound, no "approximate".
  await page.getByRole('button', { name: 'Example map' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await sideTab(page, 'Findings').click();
  await expect(figure('Rework share')).toHaveText(/^\d+%$/);
  await expect(panel).not.toContainText('lower bound');
  await expect(panel).not.toContainText('approximate');
});

test('a loop that cases leave once in 100 million passes, opened from the File menu: the figures read "approximate" and a note names the loop and the residual reached', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await pasteMapFile(page, nearTrapMap(400));
  const { panel, figure } = await openFigures(page);
  await expect(figure('Expected time per case')).toHaveText(/ \(approximate\)$/, {
    timeout: 60_000,
  });
  await expect(figure('Rework share')).toHaveText(/^\d+% \(approximate\)$/);
  await expect(panel).toContainText(
    /The figures are approximate: the expected visits in the loop through 'Step 0', 'Step 1', 'Step 2' and 397 more did not converge \(relative residual \d\.\de-\d+\)\./,
  );
  await expect(panel).not.toContainText('lower bound');
});
