import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  connect,
  expectHeaderFits,
  openBlankMap,
  pasteMapText,
  stepByLabel,
  typeLabel,
} from './helpers';

// Issue 15, "a newcomer's first hour": each test drives one item the way a person would.

const sidePanel = (page: Page) => page.getByRole('tablist', { name: 'Side panel' });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

async function commit(field: Locator, value: string) {
  await field.fill(value);
  await field.press('Enter');
}

test('owner badges show letters only: "Maria (VA)" is MA, not M(', async ({ page }) => {
  await openBlankMap(page);
  await page.getByRole('button', { name: 'Action', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Send invoices');

  await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
  const people = page.getByRole('region', { name: 'People' });
  await people.getByRole('button', { name: 'Add person' }).click(); // you, the owner
  await people.getByRole('button', { name: 'Add person' }).click();
  await commit(
    people.getByRole('group', { name: 'Helper 1' }).getByRole('textbox', { name: 'Name' }),
    'Maria (VA)',
  );
  await expect(people.getByRole('group', { name: 'Maria (VA)' })).toBeVisible();

  await stepByLabel(page, 'Send invoices').click();
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  await inspector(page)
    .getByRole('combobox', { name: 'Done by' })
    .selectOption({ label: 'Maria (VA) (outsourcer)' });
  const badge = stepByLabel(page, 'Send invoices').locator('.lf-owner');
  await expect(badge).toHaveText('MA');
  await expect(badge).toHaveAttribute('title', 'Done by Maria (VA)');
});

test('a new blank map opens at zoom 1, centred, whatever the last map was zoomed to', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const viewport = page.locator('.react-flow__viewport');
  const pane = page.locator('.react-flow');
  const box = await pane.boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i += 1) await page.mouse.wheel(0, 200);
  await expect(viewport).toHaveAttribute('style', /scale\(0\.[0-4]/);
  // Long enough for the zoom to be remembered for the example map.
  await page.waitForTimeout(600);

  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const centre = `translate(${Math.round(box.width / 2)}px, ${Math.round(box.height / 2)}px) scale(1)`;
  await expect(viewport).toHaveAttribute('style', new RegExp(escapeRegExp(centre)));

  // A first step lands in the middle of the canvas, at full size.
  await page.getByRole('button', { name: 'Action', exact: true }).click();
  const step = await page.locator('.react-flow__node').boundingBox();
  if (!step) throw new Error('no step');
  expect(step.width).toBeCloseTo(170, 0);
  expect(Math.abs(step.x + step.width / 2 - (box.x + box.width / 2))).toBeLessThan(100);
  expect(Math.abs(step.y + step.height / 2 - (box.y + box.height / 2))).toBeLessThan(100);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an empty map says "Empty map", not "Sound", until a step is drawn', async ({ page }) => {
  await openBlankMap(page);
  const badge = page.getByRole('button', { name: /^Findings:/ });
  await expect(badge).toHaveAccessibleName('Findings: Empty map');
  await expect(badge).not.toContainText('Sound');
  await badge.click();
  const status = page.getByRole('region', { name: 'Findings' }).getByRole('status');
  await expect(status).toHaveText('Empty map: add a Start step from the palette to begin.');

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(badge).not.toHaveAccessibleName('Findings: Empty map');
  await expect(status).not.toContainText('Empty map');
});

test('two arrows between the same steps in opposite directions are drawn apart, each with its own label and hit area', async ({
  page,
}) => {
  await openBlankMap(page);
  await page.getByRole('button', { name: 'Action', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Draft');
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, 'Review');
  // Draft -> Review exists; draw Review -> Draft back up.
  await connect(page, stepByLabel(page, 'Review'), stepByLabel(page, 'Draft'), 'top');
  const edges = page.locator('.react-flow__edge');
  await expect(edges).toHaveCount(2);

  // Where each line runs: the middle of each drawn path, in screen pixels.
  const middles = await page.evaluate(() =>
    [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].map((path) => {
      const point = path.getPointAtLength(path.getTotalLength() / 2);
      const matrix = path.getScreenCTM();
      if (!matrix) throw new Error('no matrix');
      const id = path.closest('.react-flow__edge')?.getAttribute('data-id');
      return { id, x: point.x * matrix.a + matrix.e, y: point.y * matrix.d + matrix.f };
    }),
  );
  expect(middles).toHaveLength(2);
  const [one, two] = middles;
  if (!one || !two) throw new Error('two arrows expected');
  expect(Math.abs(one.x - two.x)).toBeGreaterThan(40);

  // Each line can be clicked on its own, and gets its own label.
  for (const { id, x, y } of middles) {
    await page.mouse.click(x, y);
    await expect(page.locator(`.react-flow__edge[data-id="${id}"]`)).toHaveClass(/selected/);
    await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
    await page.keyboard.press('F2');
    await typeLabel(page, id === one.id ? 'Ready' : 'Changes');
  }
  const ready = await page.locator('.lf-edge-label', { hasText: 'Ready' }).boundingBox();
  const changes = await page.locator('.lf-edge-label', { hasText: 'Changes' }).boundingBox();
  if (!ready || !changes) throw new Error('labels not drawn');
  // The two labels do not overlap.
  expect(ready.x + ready.width < changes.x || changes.x + changes.width < ready.x).toBe(true);
  await page.screenshot({ path: 'test-results/opposite-arrows.png' });
});

test('Ctrl/⌘+arrow quick-add leaves room for a branch label between the steps', async ({
  page,
}) => {
  await openBlankMap(page);
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Paid?');
  for (const [key, name] of [
    ['ControlOrMeta+ArrowDown', 'Ship'],
    ['ControlOrMeta+ArrowRight', 'Remind'],
  ] as const) {
    await stepByLabel(page, 'Paid?').click();
    await page.keyboard.press(key);
    await typeLabel(page, name);
  }
  const decision = await stepByLabel(page, 'Paid?').boundingBox();
  const below = await stepByLabel(page, 'Ship').boundingBox();
  const right = await stepByLabel(page, 'Remind').boundingBox();
  const yes = await page.locator('.lf-edge-label', { hasText: 'Yes' }).boundingBox();
  const no = await page.locator('.lf-edge-label', { hasText: 'No' }).boundingBox();
  if (!decision || !below || !right || !yes || !no) throw new Error('not drawn');
  // At least 12 px of clear line either side of each label.
  expect(yes.y - (decision.y + decision.height)).toBeGreaterThan(12);
  expect(below.y - (yes.y + yes.height)).toBeGreaterThan(12);
  expect(no.x - (decision.x + decision.width)).toBeGreaterThan(12);
  expect(right.x - (no.x + no.width)).toBeGreaterThan(12);
});

test('"Swap Yes/No" on a decision, from its right-click menu and from the Inspector, one undo step each', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const label = (text: string) => page.locator('.lf-edge-label', { hasText: text });
  const labelNear = async (text: string) => {
    const box = await label(text).boundingBox();
    if (!box) throw new Error(`no label ${text}`);
    // The label sits on the middle of its arrow: its centre tells which arrow it is on.
    return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
  };
  const yes = await labelNear('Yes');
  const no = await labelNear('No');

  await stepByLabel(page, 'Paid?').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Step' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Rename',
    'Swap Yes/No',
    'Duplicate',
    'Delete',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  // The labels changed places; the arrows and the steps stayed.
  await expect.poll(() => labelNear('Yes')).toEqual(no);
  await expect.poll(() => labelNear('No')).toEqual(yes);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => labelNear('Yes')).toEqual(yes);

  // The same from the Inspector.
  await stepByLabel(page, 'Paid?').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await inspector(page).getByRole('button', { name: 'Swap Yes/No' }).click();
  await expect.poll(() => labelNear('Yes')).toEqual(no);

  // An action has no swap; Escape closes its menu without doing anything.
  await stepByLabel(page, 'Pack order').click({ button: 'right' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Rename', 'Duplicate', 'Delete']);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
});

test("an arrow out of a decision shows its chance in percent, and a typed percent is the arrow's chance", async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const chanceOf = async (text: string) => {
    await page.locator('.lf-edge-label', { hasText: text }).click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    return inspector(page).getByRole('spinbutton', { name: 'Chance (%)' });
  };
  // The example's Yes arrow has a chance of 0.9: shown as 90 %.
  const yes = await chanceOf('Yes');
  await expect(yes).toHaveValue('90');
  await expect(inspector(page).getByText('Probability')).toHaveCount(0);
  await commit(yes, '70');
  await commit(await chanceOf('No'), '30');
  await page.getByRole('tab', { name: 'Findings' }).click();
  // Three cases in ten are sent round again: the loop runs 1 / (1 - 0.3) = 1.43 times.
  await expect(page.getByRole('region', { name: 'Findings' })).toContainText('1.43 times');
  const no = await chanceOf('No');
  await expect(no).toHaveValue('30');
  await commit(no, '150');
  await expect(inspector(page).getByRole('alert')).toHaveText('Enter a number from 0 to 100.');
});

test('Ctrl/⌘+F finds steps by name and by their instructions, and zooms to each match', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  // Instructions are written in the Inspector (saved as the step's notes).
  await stepByLabel(page, 'Send reminder').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const instructions = inspector(page).getByRole('textbox', { name: 'Instructions' });
  await instructions.fill('Use the overdue invoice template');
  await instructions.blur();
  await page.keyboard.press('Escape');

  // Zoom out first: each match must come into view at a readable zoom.
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+F');
  const find = page.getByRole('searchbox', { name: 'Find steps' });
  await expect(find).toBeFocused();
  await find.fill('pa');
  const status = page.getByRole('search', { name: 'Find in map' }).locator('output');
  await expect(status).toHaveText('1 of 3');
  const selected = page.locator('.react-flow__node.selected');
  await expect(selected).toHaveText(/Check payment/);
  await find.press('Enter');
  await expect(status).toHaveText('2 of 3');
  await expect(selected).toHaveText(/Paid\?/);
  await find.press('Enter');
  await expect(selected).toHaveText(/Pack order/);
  await find.press('Enter');
  await expect(status).toHaveText('1 of 3');
  await find.press('Shift+Enter');
  await expect(status).toHaveText('3 of 3');
  // The match is in view, at zoom 1 or more.
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute(
    'style',
    /scale\((1|1\.\d+)\)/,
  );
  const pane = await page.locator('.react-flow').boundingBox();
  const hit = await selected.boundingBox();
  if (!pane || !hit) throw new Error('not drawn');
  expect(hit.x).toBeGreaterThan(pane.x);
  expect(hit.x + hit.width).toBeLessThan(pane.x + pane.width);

  // Words in the instructions find the step too.
  await find.fill('overdue template');
  await expect(status).toHaveText('1 of 1');
  await expect(selected).toHaveText(/Send reminder/);
  await find.fill('nothing like this');
  await expect(status).toHaveText('No steps match');
  await find.press('Escape');
  await expect(page.getByRole('search', { name: 'Find in map' })).toHaveCount(0);

  // The instructions were saved with the step.
  await stepByLabel(page, 'Send reminder').click();
  await expect(instructions).toHaveValue('Use the overdue invoice template');
});

test("a step's findings pop-up shows beside it, over no other step, at the same size at any zoom", async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const popup = page.locator('.lf-findings-popup');
  const boxes = async () => {
    const all = await page.locator('.react-flow__node').all();
    const out: { x: number; y: number; width: number; height: number }[] = [];
    for (const node of all) {
      if ((await node.locator('.lf-node__label').textContent()) === 'Paid?') continue;
      const box = await node.boundingBox();
      if (box) out.push(box);
    }
    return out;
  };
  const overlaps = (
    a: { x: number; y: number; width: number; height: number },
    b: { x: number; y: number; width: number; height: number },
  ) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  const sizes: number[] = [];
  for (const zoomOut of [0, 3, 2]) {
    const pane = await page.locator('.react-flow').boundingBox();
    if (!pane) throw new Error('no canvas');
    await page.mouse.move(pane.x + pane.width / 2, pane.y + 30);
    for (let i = 0; i < zoomOut; i += 1) await page.mouse.wheel(0, 150);
    await page.waitForTimeout(300);
    await stepByLabel(page, 'Paid?').hover();
    await expect(popup).toBeVisible();
    const box = await popup.boundingBox();
    const step = await stepByLabel(page, 'Paid?').boundingBox();
    if (!box || !step) throw new Error('not drawn');
    sizes.push(box.width);
    // Beside the step, never over it.
    expect(overlaps(box, step)).toBe(false);
    await expect(popup).toContainText("'Paid?'");
    for (const other of await boxes()) expect(overlaps(box, other)).toBe(false);
    await page.screenshot({ path: `test-results/findings-popup-${zoomOut}.png` });
  }
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', /scale\(0\./);
  // Gone when the pointer leaves the step.
  await page.mouse.move(5, 400);
  await expect(popup).toHaveCount(0);
  // 240 px wide on screen whatever the zoom.
  expect(sizes[0]).toBeCloseTo(240, -1);
  expect(sizes[1]).toBeCloseTo(240, -1);
  expect(sizes[2]).toBeCloseTo(240, -1);
});

test('side-panel tabs open at their top; a step clicked while Findings or Leverage is open offers "Edit step"', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const body = page.locator('#lf-side-panel');
  const tab = (name: string) =>
    page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name });
  await tab('Findings').click();
  await body.evaluate((el) => {
    el.scrollTop = 400;
  });
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  await tab('Leverage').click();
  expect(await body.evaluate((el) => el.scrollTop)).toBe(0);
  await body.evaluate((el) => {
    el.scrollTop = 400;
  });
  await tab('Findings').click();
  expect(await body.evaluate((el) => el.scrollTop)).toBe(0);

  await stepByLabel(page, 'Pack order').click();
  const bar = page.locator('.lf-side').getByRole('status').filter({ hasText: 'Selected:' });
  await expect(bar).toHaveText(/Selected: Pack order/);
  await tab('Leverage').click();
  await expect(bar).toHaveText(/Selected: Pack order/);
  await bar.getByRole('button', { name: 'Edit step' }).click();
  await expect(tab('Inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector(page).getByRole('textbox', { name: 'Label' })).toHaveValue('Pack order');
  // Nothing selected, no bar.
  await page.keyboard.press('Escape');
  await tab('Findings').click();
  await expect(bar).toHaveCount(0);
});

test('keyboard only: Enter on a palette button adds a step ready to name; C connects the selected step to one found by name', async ({
  page,
}) => {
  await openBlankMap(page);
  // Tab to the palette's Action button and press Enter: the new step's name is open.
  const action = page.getByRole('button', { name: 'Action', exact: true });
  await action.focus();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Call the client');
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await start.focus();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Enquiry in');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // The new start is selected: C, type part of a name, Enter.
  await page.keyboard.press('c');
  const picker = page.getByRole('combobox', { name: /Connect 'Enquiry in' to/ });
  await expect(picker).toBeFocused();
  await picker.pressSequentially('clie');
  await expect(
    page.getByRole('listbox', { name: 'Steps to connect to' }).getByRole('option'),
  ).toHaveText(['Call the client']);
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(
    page.locator('.lf-notice, [role=status]').filter({ hasText: 'Connected' }),
  ).toContainText("Connected 'Enquiry in' to 'Call the client'");
  // One undo step; Escape closes the picker without connecting.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await stepByLabel(page, 'Enquiry in').click();
  await page.keyboard.press('c');
  await expect(picker).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});

test('a notice covers none of the lane controls, the overview or the zoom controls: centred on the canvas, and while it shows, Show lanes and View as still work', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  // A fix applied from the Findings panel says so in a notice at the bottom of the window.
  await stepByLabel(page, 'Pack order').click();
  await page.keyboard.press('Delete');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('button', { name: "Add a start before 'Shipped'" }).click();
  const notice = page.locator('.lf-notice');
  await expect(notice).toContainText("Applied: Add a start before 'Shipped'");
  const showLanes = page.getByRole('button', { name: 'Show lanes' });
  const box = (await notice.boundingBox())!;
  for (const control of [
    showLanes,
    page.getByRole('combobox', { name: 'View as' }),
    page.getByRole('img', { name: /^Mini map of the whole process/ }),
    page.getByLabel('Zoom controls'),
  ]) {
    const other = (await control.boundingBox())!;
    const apart =
      box.x + box.width <= other.x ||
      other.x + other.width <= box.x ||
      box.y + box.height <= other.y ||
      other.y + other.height <= box.y;
    expect(apart, 'the notice is drawn over a control of the canvas').toBe(true);
  }
  const canvas = (await page.locator('.lf-canvas').boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(2);
  // Clicked at once, while the notice still shows.
  await showLanes.click();
  await expect(showLanes).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('list', { name: 'Lanes' }).getByRole('listitem').first(),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'View as' }).selectOption({ label: 'Me' });
  await expect(page.locator('.lf-node.is-dimmed').first()).toBeVisible();
  await expect(notice).toBeVisible();
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`everything fits a ${size.width}x${size.height} window: no sideways scroll, commands reachable, a small overview`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expectHeaderFits(page, size.width);
    // Every tab of the side panel is on the page and reads in full.
    for (const tab of await page.locator('.lf-tabs [role="tab"]').all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    // The lane controls keep to one line.
    const showLanes = await page.getByRole('button', { name: 'Show lanes' }).boundingBox();
    const viewAs = await page.getByRole('combobox', { name: 'View as' }).boundingBox();
    if (!showLanes || !viewAs) throw new Error('lane controls not drawn');
    expect(showLanes.height).toBeLessThan(32);
    expect(
      Math.abs(showLanes.y + showLanes.height / 2 - (viewAs.y + viewAs.height / 2)),
    ).toBeLessThan(4);
    const overview = await page.locator('.lf-overview__map').boundingBox();
    const canvas = await page.locator('.react-flow').boundingBox();
    if (!overview || !canvas) throw new Error('not drawn');
    // The overview covers at most a sixth of the canvas.
    expect(overview.width * overview.height).toBeLessThan((canvas.width * canvas.height) / 6);
    await page.screenshot({ path: `test-results/window-${size.width}.png` });

    // "New blank map" is one click away: in the row, or in "More".
    const more = page.locator('.lf-toolbar summary', { hasText: 'More' });
    if (size.width < 1240) {
      await expect(page.getByRole('button', { name: 'New blank map' })).toHaveCount(0);
      await more.click();
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await page.keyboard.press('Escape');
      await more.click();
    } else {
      await expect(more).toBeHidden();
    }
    await page.getByRole('button', { name: 'New blank map' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await expect(page.locator('.lf-map-name')).toHaveText('Untitled map');
  });
}

test('an imported map whose name is taken gets "(2)"; a pasted flowchart is named after its start; the paste dialog says what it takes', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const file = {
    name: 'order.leverflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'leverflow-map',
        version: 2,
        name: 'Order fulfilment (example)',
        nodes: [
          { id: 's', kind: 'start', label: 'In', position: { x: 0, y: 0 } },
          { id: 'e', kind: 'end', label: 'Out', position: { x: 0, y: 200 } },
        ],
        edges: [{ id: 'e1', source: 's', target: 'e' }],
      }),
    ),
  };
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.locator('.lf-map-name')).toHaveText('Order fulfilment (example) (2)');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.locator('.lf-map-name')).toHaveText('Order fulfilment (example) (3)');

  await pasteMapText(
    page,
    ['flowchart TD', '  A([Client signs]) --> B[Send welcome pack] --> C([Onboarded])'].join('\n'),
  );
  await expect(page.locator('.lf-map-name')).toHaveText('Client signs');
});

test('findings never show a raw id, and a merge point is said of "every case that finishes" when some cannot', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.locator('.lf-menu > summary').click();
  await page.getByRole('button', { name: 'Paste a map…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a map (JSON, Mermaid or BPMN)' });
  await dialog.getByRole('textbox').fill(
    JSON.stringify({
      format: 'leverflow-map',
      version: 2,
      name: 'Reviews',
      nodes: [
        { id: 's', kind: 'start', label: 'Brief in', position: { x: 0, y: 0 } },
        { id: 'w', kind: 'action', label: 'Write draft', position: { x: 0, y: 120 } },
        { id: 'd', kind: 'decision', label: 'Approved?', position: { x: 0, y: 240 } },
        { id: 'sid-F0D2A9', kind: 'decision', label: '', position: { x: 300, y: 240 } },
        { id: 'x', kind: 'action', label: 'Shelve it', position: { x: 600, y: 240 } },
        { id: 'e', kind: 'end', label: 'Published', position: { x: 0, y: 400 } },
      ],
      edges: [
        { id: 'e1', source: 's', target: 'w' },
        { id: 'e2', source: 'w', target: 'd' },
        { id: 'e3', source: 'd', target: 'e', label: 'Yes' },
        { id: 'e4', source: 'd', target: 'sid-F0D2A9', label: 'No' },
        { id: 'e5', source: 'sid-F0D2A9', target: 'w', label: 'Rework' },
        { id: 'e6', source: 'sid-F0D2A9', target: 'x', label: 'Drop' },
      ],
    }),
  );
  await dialog.getByRole('button', { name: 'Import as new map' }).click();
  await expect(page.locator('.lf-map-name')).toHaveText('Reviews');
  await page.getByRole('tab', { name: 'Findings' }).click();
  const panel = page.getByRole('region', { name: 'Findings' });
  await expect(panel).toContainText(
    "Every case that finishes passes through 'Write draft', where 2 paths merge",
  );
  await expect(panel).toContainText('an unnamed decision');
  await expect(panel).not.toContainText('sid-F0D2A9');
  // Clicking the finding about the unnamed step selects it on the canvas.
  await panel.getByRole('button', { name: /A decision has no name/ }).click();
  await expect(page.locator('.react-flow__node.selected')).toHaveAttribute('data-id', 'sid-F0D2A9');
});

test('a quick reload after a save shows no "Recovered changes" banner: nothing was lost', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await stepByLabel(page, 'Pack order').click();
  await page.keyboard.press('F2');
  await typeLabel(page, 'Pack and label order');
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(stepByLabel(page, 'Pack and label order')).toBeVisible();
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
  await expect(
    page.getByText('Recovered changes made just before the page was closed'),
  ).toHaveCount(0);
});
