import { expect, type Page, test } from '@playwright/test';
import {
  exportedMap,
  findings,
  mapWithAFarStep,
  openImportedMap,
  sidePanel,
  stepBoxes,
  viewAtRest,
  viewOf,
} from './helpers';

// On a big map React Flow holds only the steps near the view, the selection and the ends of
// the arrows it is handed (src/canvas/useMapWindow.ts). What a person does with steps out of
// view must still work: a click on a finding brings its far-away step into view, selected,
// a step selected there still moves with the selection when another is dragged, and Fit
// View (worked out from the map) shows every step.

/** Whether the step is drawn inside the canvas. */
async function onCanvas(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const canvas = document.querySelector('.lf-canvas .react-flow')?.getBoundingClientRect();
    const step = document
      .querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      ?.getBoundingClientRect();
    if (!canvas || !step) return false;
    return (
      step.left >= canvas.left &&
      step.right <= canvas.right &&
      step.top >= canvas.top &&
      step.bottom <= canvas.bottom
    );
  }, id);
}

/** Waits until the view stays put for 300 ms (an animated move has ended) and has filled in. */
async function viewAtRestAndFilled(page: Page) {
  await viewAtRest(page);
  await expect(page.locator('.lf-canvas .react-flow')).not.toHaveAttribute('data-filling', 'true', {
    timeout: 30_000,
  });
}

test('on a big map, a finding far out of view is brought into view selected, that step moves with the selection when a step far from it is dragged, and the zoom controls’ Fit View shows every step', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openImportedMap(page, mapWithAFarStep(3000, 'Far step'), 'n0');
  await viewAtRestAndFilled(page);
  await expect(page.locator('.react-flow__node[data-id="far"]')).toHaveCount(0);
  const before = await exportedMap(page);
  const start = (id: string) => before.nodes.find((n) => n.id === id)?.position;

  // The Findings tab: the dead end at "Lost step", clicked, moves the view to it, selected.
  await sidePanel(page)
    .getByRole('tab', { name: /Findings/ })
    .click();
  await findings(page)
    .getByRole('button', { name: /Lost step/ })
    .first()
    .click();
  await viewAtRestAndFilled(page);
  await expect.poll(() => onCanvas(page, 'far'), { timeout: 10_000 }).toBe(true);
  const farStep = page.locator('.react-flow__node[data-id="far"]');
  await expect(farStep).toHaveClass(/selected/);
  // The finding selected its arrow too: Escape clears the selection, a click selects the step alone.
  await page.keyboard.press('Escape');
  await expect(farStep).not.toHaveClass(/selected/);
  await farStep.click();
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(0);
  await expect(farStep).toHaveClass(/selected/);

  // Over to the map's beginning through the overview, Shift+click a step there to add it to
  // the selection, and drag it: "Lost step", far out of view, moves with it.
  const overview = page.getByRole('img', { name: /^Mini map of the whole process/ });
  const box = await overview.boundingBox();
  if (!box) throw new Error('overview not drawn');
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.25);
  await viewAtRestAndFilled(page);
  await expect(page.locator('.react-flow__node[data-id="far"]')).toHaveCount(0);
  // The drawn step nearest the middle of the canvas.
  const picked = await page.evaluate(() => {
    const canvas = document.querySelector('.lf-canvas .react-flow')?.getBoundingClientRect();
    if (!canvas) return null;
    const cx = canvas.x + canvas.width / 2;
    const cy = canvas.y + canvas.height / 2;
    let best: { id: string; d: number } | null = null;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy);
      if (el.dataset.id && (!best || d < best.d)) best = { id: el.dataset.id, d };
    }
    return best?.id ?? null;
  });
  if (!picked) throw new Error('no step drawn');
  const step = page.locator(`.react-flow__node[data-id="${picked}"]`);
  await step.click({ modifiers: ['Shift'] });
  await expect(step).toHaveClass(/selected/);
  const at = await step.boundingBox();
  if (!at) throw new Error('step not drawn');
  const { zoom } = await viewOf(page);
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 + 120, at.y + at.height / 2 + 80, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved', {
    timeout: 30_000,
  });

  const after = await exportedMap(page);
  const moved = (id: string) => {
    const was = start(id);
    const now = after.nodes.find((n) => n.id === id)?.position;
    if (!was || !now) throw new Error(`no step ${id}`);
    return { dx: now.x - was.x, dy: now.y - was.y };
  };
  const dragged = moved(picked);
  expect(dragged.dx).toBeGreaterThan(60 / zoom);
  expect(dragged.dy).toBeGreaterThan(30 / zoom);
  const far = moved('far');
  expect(far.dx).toBeCloseTo(dragged.dx, 6);
  expect(far.dy).toBeCloseTo(dragged.dy, 6);
  // The two were far apart, and nothing else moved.
  const [p, q] = [start(picked), start('far')];
  expect(Math.hypot((p?.x ?? 0) - (q?.x ?? 0), (p?.y ?? 0) - (q?.y ?? 0))).toBeGreaterThan(5000);
  const others = after.nodes.filter((n) => n.id !== picked && n.id !== 'far');
  expect(others.filter((n) => moved(n.id).dx !== 0 || moved(n.id).dy !== 0)).toEqual([]);

  // The zoom controls' Fit View: every step of the map is in the view, "Lost step" too.
  await page.getByRole('button', { name: 'Fit View', exact: true }).click();
  await viewAtRestAndFilled(page);
  const view = await viewOf(page);
  const outside = [...stepBoxes(after)].filter(
    ([, b]) =>
      b.x < view.x || b.y < view.y || b.x2 > view.x + view.width || b.y2 > view.y + view.height,
  );
  expect(outside.map(([id]) => id)).toEqual([]);
});
