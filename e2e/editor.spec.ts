import { expect, test } from '@playwright/test';
import { connect, cornerOf, openBlankMap, stepByLabel, typeLabel } from './helpers';

test.describe('the editor, as a new user draws a map', () => {
  test('lands on an example map, with a clear way to start a blank one', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(page.locator('.react-flow__node-start')).toHaveCount(1);
    await expect(page.locator('.react-flow__node-decision')).toHaveCount(1);
    await expect(page.locator('.react-flow__edge')).toHaveCount(6);
    await expect(page.getByRole('button', { name: 'New blank map' })).toBeVisible();
    for (const name of ['Start', 'Action', 'Decision', 'End']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
  });

  test('every arrow on the canvas ends in an arrowhead, drawn in the arrow colour', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__edge')).toHaveCount(6);
    // Each arrow names a marker the page defines, and that marker draws a filled head.
    const heads = await page.locator('.react-flow__edge-path').evaluateAll((paths) =>
      paths.map((path) => {
        const id = /url\('?#([^')]+)'?\)/.exec(path.getAttribute('marker-end') ?? '')?.[1];
        const head = id ? document.getElementById(id)?.querySelector('polyline, path') : null;
        if (!head) return null;
        const style = getComputedStyle(head);
        return { fill: style.fill, stroke: getComputedStyle(path).stroke };
      }),
    );
    expect(heads).toHaveLength(6);
    for (const head of heads) {
      expect(head).not.toBeNull();
      expect(head?.fill).toMatch(/^rgb/);
    }
    // Plain arrows: the head in the arrow's own colour.
    expect(heads.filter((head) => head?.fill === head?.stroke).length).toBeGreaterThan(0);
  });

  test('draws start, three actions, a decision with Yes/No and an end, with mouse and keyboard', async ({
    page,
  }) => {
    await openBlankMap(page);

    // Start from the palette (click adds at the centre of the view), named in place.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.locator('.react-flow__node-start')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await typeLabel(page, 'Order in');

    // Quick flowcharting: Ctrl+↓ adds the next action, connected, ready to name.
    for (const label of ['Take order', 'Check stock', 'Pack order']) {
      await page.keyboard.press('ControlOrMeta+ArrowDown');
      await typeLabel(page, label);
    }
    await expect(page.locator('.react-flow__node-action')).toHaveCount(3);
    await expect(page.locator('.react-flow__edge')).toHaveCount(3);

    // A decision dragged from the palette onto the map, then connected by dragging.
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    const pack = stepByLabel(page, 'Pack order');
    await page
      .getByRole('button', { name: 'Decision', exact: true })
      .dragTo(page.locator('.react-flow__pane'), {
        targetPosition: {
          x: pane.width * 0.75,
          y: pane.height * 0.3,
        },
      });
    const decision = page.locator('.react-flow__node-decision');
    await expect(decision).toHaveCount(1);
    await decision.dblclick();
    await typeLabel(page, 'In stock?');
    await connect(page, pack, stepByLabel(page, 'In stock?'), 'right');
    await expect(page.locator('.react-flow__edge')).toHaveCount(4);

    // An end, placed by dragging, reached by the decision's first branch: Yes by default.
    await page
      .getByRole('button', { name: 'End', exact: true })
      .dragTo(page.locator('.react-flow__pane'), {
        targetPosition: {
          x: pane.width * 0.75,
          y: pane.height * 0.62,
        },
      });
    const end = page.locator('.react-flow__node-end');
    await end.dblclick();
    await typeLabel(page, 'Shipped');
    await connect(page, stepByLabel(page, 'In stock?'), stepByLabel(page, 'Shipped'));
    await expect(page.locator('.lf-edge-label', { hasText: 'Yes' })).toBeVisible();
    // The second branch goes back to "Check stock" and is labelled No.
    await connect(page, stepByLabel(page, 'In stock?'), stepByLabel(page, 'Check stock'), 'top');
    await expect(page.locator('.lf-edge-label', { hasText: 'No' })).toBeVisible();
    await expect(page.locator('.react-flow__edge')).toHaveCount(6);

    // Relabel an arrow in place.
    await page.locator('.lf-edge-label', { hasText: 'No' }).dblclick();
    await typeLabel(page, 'Not yet');
    await expect(page.locator('.lf-edge-label', { hasText: 'Not yet' })).toBeVisible();

    // Relabel a step through the inspector.
    await stepByLabel(page, 'Take order').click();
    const field = page.getByRole('region', { name: 'Inspector' }).getByLabel('Label');
    await field.fill('Take the order');
    await field.press('Enter');
    await expect(stepByLabel(page, 'Take the order')).toBeVisible();

    await page.screenshot({ path: 'reports/editor-drawn.png' });

    // Undo and redo each kind of change.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+Z'); // step label
    await expect(stepByLabel(page, 'Take order')).toBeVisible();
    await page.keyboard.press('ControlOrMeta+Z'); // arrow label
    await expect(page.locator('.lf-edge-label', { hasText: 'No' })).toBeVisible();
    await page.keyboard.press('ControlOrMeta+Z'); // connection
    await expect(page.locator('.react-flow__edge')).toHaveCount(5);
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect(page.locator('.react-flow__edge')).toHaveCount(6);
    await page.keyboard.press('Control+Y');
    await expect(page.locator('.lf-edge-label', { hasText: 'Not yet' })).toBeVisible();
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect(stepByLabel(page, 'Take the order')).toBeVisible();
  });

  test('a whole drag is one undo step', async ({ page }) => {
    await page.goto('/');
    const step = stepByLabel(page, 'Pack order');
    const before = await cornerOf(step);
    const box = await step.boundingBox();
    if (!box) throw new Error('no step');
    await page.mouse.move(box.x + 30, box.y + 20);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 15, box.y + 20 + i * 5);
    await page.mouse.up();
    const after = await cornerOf(step);
    expect(after.x - before.x).toBeGreaterThan(100);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => cornerOf(step)).toEqual(before);
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect.poll(() => cornerOf(step)).toEqual(after);
  });

  test('select, copy and paste, duplicate, delete, select all, escape', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    const nodes = page.locator('.react-flow__node');
    await expect(nodes).toHaveCount(6);

    await stepByLabel(page, 'Pack order').click();
    await stepByLabel(page, 'Shipped').click({ modifiers: ['Shift'] });
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
    await page.keyboard.press('ControlOrMeta+C');
    await page.keyboard.press('ControlOrMeta+V');
    await expect(nodes).toHaveCount(8);
    await expect(page.locator('.react-flow__edge')).toHaveCount(7); // the copied arrow between them
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(clip)).toMatchObject({
      format: 'leverflow-map',
      nodes: [{ label: 'Pack order' }, { label: 'Shipped' }],
    });

    await page.keyboard.press('Delete');
    await expect(nodes).toHaveCount(6);
    await expect(page.locator('.react-flow__edge')).toHaveCount(6);

    await stepByLabel(page, 'Send reminder').click();
    await page.keyboard.press('ControlOrMeta+D');
    await expect(page.locator('.react-flow__node-action')).toHaveCount(4);

    await page.keyboard.press('ControlOrMeta+A');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(7);
    await page.keyboard.press('Escape');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);

    // Deleting a step removes its arrows; undo brings both back.
    await stepByLabel(page, 'Paid?').click();
    await page.keyboard.press('Backspace');
    await expect(page.locator('.react-flow__node-decision')).toHaveCount(0);
    await expect(page.locator('.react-flow__edge')).toHaveCount(3);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(page.locator('.react-flow__node-decision')).toHaveCount(1);
    await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  });

  test('paste from another tab through the clipboard', async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const one = await context.newPage();
    await one.goto('/');
    await stepByLabel(one, 'Check payment').click();
    await one.keyboard.press('ControlOrMeta+C');

    const two = await context.newPage();
    await openBlankMap(two);
    await two.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await two.keyboard.press('ControlOrMeta+V');
    await expect(stepByLabel(two, 'Check payment')).toBeVisible();
  });

  test('pasting text that is not a map changes nothing and says why', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.evaluate(() => navigator.clipboard.writeText('hello, not a map'));
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('ControlOrMeta+V');
    await expect(page.getByRole('status')).toContainText('Nothing pasted');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
  });

  test('tidy up lays the map out top to bottom as one undo step', async ({ page }) => {
    await page.goto('/');
    const reminder = stepByLabel(page, 'Send reminder');
    const pack = stepByLabel(page, 'Pack order');
    // Scatter: drag the reminder far left, below everything.
    const box = await reminder.boundingBox();
    if (!box) throw new Error('no step');
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x - 300, box.y + 250, { steps: 10 });
    await page.mouse.up();
    const scattered = await cornerOf(reminder);
    // Where the map holds it (flow coordinates, whatever the zoom).
    const placeOf = () => reminder.evaluate((el) => (el as HTMLElement).style.transform);
    const scatteredPlace = await placeOf();

    await page.getByRole('button', { name: 'Tidy up' }).click();
    await expect.poll(async () => (await cornerOf(reminder)).x).not.toBe(scattered.x);
    // Top to bottom: the start is above the decision, the decision above "Pack order".
    const startY = (await cornerOf(stepByLabel(page, 'Order received'))).y;
    const decisionY = (await cornerOf(stepByLabel(page, 'Paid?'))).y;
    expect(startY).toBeLessThan(decisionY);
    expect(decisionY).toBeLessThan((await cornerOf(pack)).y);

    expect(await placeOf()).not.toBe(scatteredPlace);
    await page.keyboard.press('ControlOrMeta+Z');
    // One undo brings back the scattered layout.
    await expect.poll(placeOf).toBe(scatteredPlace);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.screenshot({ path: 'reports/editor-tidy-undo.png' });
  });

  test('keyboard: steps are focusable with names, ? opens the shortcuts, theme toggles', async ({
    page,
  }) => {
    await page.goto('/');
    const start = page
      .getByRole('group', { name: 'Start: Order received' })
      .or(page.getByLabel('Start: Order received'));
    await expect(start.first()).toBeVisible();
    await start.first().focus();
    await page.keyboard.press('Enter');
    await typeLabel(page, 'New order');
    await expect(page.getByLabel('Start: New order').first()).toBeVisible();

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

    const app = page.locator('.lf-app');
    await page.getByRole('button', { name: /^Theme:/ }).click(); // system -> light
    await expect(app).toHaveAttribute('data-theme', 'light');
    await page.getByRole('button', { name: /^Theme:/ }).click(); // light -> dark
    await expect(app).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: 'reports/editor-dark.png' });
  });
});
