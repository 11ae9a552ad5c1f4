import { expect, type Page, test } from '@playwright/test';
import { denseFlowchart } from '../bench/denseFlowchart.mjs';
import { generateMap } from '../bench/generateMap';
import type { ProcessMap } from '../src/model';
import { reviewMap } from '../src/review';
import { FINDINGS_PER_PART } from '../src/store/analysisAnswerParts';
import { type Box, exportedMap, pointToCanvasMiddle, stepBoxes, viewOf } from './helpers';

// A big map's steps and arrows in view are handed to React Flow a frame's worth at a time
// (src/canvas/useProgressiveMount.ts): after an import or zooming in past the simple drawing,
// the map fills in over a few frames instead of freezing the tab; then it is all there.

/** Starts counting, every animation frame, the steps and arrows React Flow has drawn. */
async function recordFrames(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __counts: number[][]; __recording: boolean };
    w.__counts = [];
    w.__recording = true;
    const count = () => {
      if (!w.__recording) return;
      w.__counts.push([
        document.querySelectorAll('.react-flow__node').length,
        document.querySelectorAll('.react-flow__edge').length,
      ]);
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
}

/** The counts recorded so far, once they have stayed the same for 30 frames. */
async function settledCounts(page: Page): Promise<number[][]> {
  await page.waitForFunction(
    () => {
      const counts = (window as unknown as { __counts: number[][] }).__counts;
      if (counts.length < 30) return false;
      const last = counts.slice(-30).map((c) => c.join());
      return last.every((c) => c === last[0]) && counts.at(-1)?.[0] !== 0;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  return page.evaluate(() => {
    const w = window as unknown as { __counts: number[][]; __recording: boolean };
    w.__recording = false;
    return w.__counts;
  });
}

const inside = (b: Box, v: { x: number; y: number; width: number; height: number }, m: number) =>
  b.x >= v.x + m && b.y >= v.y + m && b.x2 <= v.x + v.width - m && b.y2 <= v.y + v.height - m;
const overlaps = (b: Box, v: { x: number; y: number; width: number; height: number }, m: number) =>
  b.x < v.x + v.width + m && b.x2 > v.x - m && b.y < v.y + v.height + m && b.y2 > v.y - m;

/** The step of `map` nearest the middle of the view, at least `margin` inside it. */
function stepNearMiddle(
  map: ProcessMap,
  view: { x: number; y: number; width: number; height: number },
  margin: number,
) {
  const distance = (p: { x: number; y: number }) =>
    Math.hypot(p.x - view.x - view.width / 2, p.y - view.y - view.height / 2);
  return map.nodes
    .filter((n) =>
      inside({ ...n.position, x2: n.position.x + 1, y2: n.position.y + 1 }, view, margin),
    )
    .sort((a, b) => distance(a.position) - distance(b.position))[0];
}

/**
 * Checks that every step and arrow of `map` well inside the view is drawn, and nothing drawn
 * is out of view: the map is all there once it has filled in. At least `minArrows` + 1
 * arrows must have both ends in view, so the check is not empty.
 */
async function expectAllInViewDrawn(page: Page, map: ProcessMap, minArrows = 10) {
  const view = await viewOf(page);
  const boxOf = stepBoxes(map);
  const { drawnSteps, drawnArrows } = await drawnIds(page);
  let wanted = 0;
  for (const [id, box] of boxOf) {
    if (inside(box, view, 2)) {
      wanted++;
      expect(drawnSteps.has(id), `step ${id} in view is drawn`).toBe(true);
    }
    if (drawnSteps.has(id)) expect(overlaps(box, view, 2), `step ${id} is in view`).toBe(true);
  }
  expect(wanted).toBeGreaterThan(10);
  let wantedArrows = 0;
  for (const edge of map.edges) {
    const a = boxOf.get(edge.source) as Box;
    const b = boxOf.get(edge.target) as Box;
    if (inside(a, view, 2) && inside(b, view, 2)) {
      wantedArrows++;
      expect(drawnArrows.has(edge.id), `arrow ${edge.id} in view is drawn`).toBe(true);
    }
  }
  expect(wantedArrows).toBeGreaterThan(minArrows);
  return { steps: drawnSteps.size, arrows: drawnArrows.size };
}

/** How many times the drawn steps and arrows grew, and the most steps added in one frame. */
function growth(counts: number[][]) {
  let steps = 0;
  let mostStepsAtOnce = 0;
  for (let i = 1; i < counts.length; i++) {
    const [n0 = 0, e0 = 0] = counts[i - 1] ?? [];
    const [n1 = 0, e1 = 0] = counts[i] ?? [];
    if (n1 > n0 || e1 > e0) steps++;
    mostStepsAtOnce = Math.max(mostStepsAtOnce, n1 - n0);
  }
  return { steps, mostStepsAtOnce };
}

/** Imports a dense Mermaid chart of `steps` from File › Import file… and waits until it is laid out. */
async function importDense(page: Page, steps = 1000) {
  await page.locator('.lf-menu > summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({
    name: `dense-${steps}.mmd`,
    mimeType: 'text/plain',
    buffer: Buffer.from(denseFlowchart(steps)),
  });
  await expect(page.locator('.lf-map-name')).toHaveText(`dense-${steps}`, { timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Layout in progress' })).toBeHidden({
    timeout: 90_000,
  });
}

/**
 * Checks the recorded frames: what was drawn was taken down in one go (a frame with no step
 * and no arrow drawn), then the map filled in over several frames, never all at once.
 */
function expectTakenDownThenFilledIn(counts: number[][]) {
  const blank = counts.findIndex(([steps, arrows]) => steps === 0 && arrows === 0);
  expect(blank, `frames: ${JSON.stringify(counts.slice(0, 40))}`).toBeGreaterThanOrEqual(0);
  expect(growth(counts.slice(blank)).steps).toBeGreaterThanOrEqual(3);
}

test('a dense 1,000-step Mermaid chart imported from the File menu: the open map is taken down first, the new one fills in over frames, then is all there and editable', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
  await recordFrames(page);
  await importDense(page);
  const counts = await settledCounts(page);
  // The example map is taken down before the new map opens, then the new map fills in.
  expectTakenDownThenFilledIn(counts);

  const map = await exportedMap(page);
  expect(map.nodes).toHaveLength(1000);
  const drawn = await expectAllInViewDrawn(page, map);
  expect(counts.at(-1)).toEqual([drawn.steps, drawn.arrows]);

  // Its analysis, thousands of findings sent back from the worker in slices, is all there.
  const review = reviewMap(map);
  expect(review.findings.length).toBeGreaterThan(2 * FINDINGS_PER_PART);
  const count = (severity: string) => review.findings.filter((f) => f.severity === severity).length;
  await expect(page.getByRole('button', { name: /^Findings: / })).toHaveAccessibleName(
    new RegExp(`${count('warning')} warnings, ${count('info')} notes$`),
  );

  // Editable: select a step near the middle, rename it, undo.
  const view = await viewOf(page);
  const middle = stepNearMiddle(map, view, 50);
  if (!middle) throw new Error('no step in the middle of the view');
  const step = page.locator(`.react-flow__node[data-id="${middle.id}"]`);
  await step.click();
  await expect(step).toHaveClass(/selected/);
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue(middle.label);
  await step.dblclick();
  const editor = page.locator('.lf-label-editor');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Renamed after the import');
  await page.keyboard.press('Enter');
  await expect(step).toContainText('Renamed after the import');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(step).toContainText(middle.label);
  await expect(step).not.toContainText('Renamed after the import');
});

test('a dense chart of fewer than 200 steps but more than 150 arrows is drawn as a big map: it fills in over frames, then is all there', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
  await recordFrames(page);
  // 133 steps and 396 arrows: mounted in one go, this took a task of 140 ms and more.
  await importDense(page, 133);
  const counts = await settledCounts(page);
  expectTakenDownThenFilledIn(counts);
  const map = await exportedMap(page);
  expect(map.nodes).toHaveLength(133);
  expect(map.edges.length).toBeGreaterThan(150);
  const drawn = await expectAllInViewDrawn(page, map);
  expect(counts.at(-1)).toEqual([drawn.steps, drawn.arrows]);
});

test('Tidy up on a dense 1,000-step chart: what was drawn is taken down before the steps move, the new layout fills in over frames, all there, and one undo puts it back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await importDense(page);
  await recordFrames(page);
  await settledCounts(page);
  const imported = await exportedMap(page);
  const drawnBefore = await drawnIds(page);
  expect(drawnBefore.drawnSteps.size).toBeGreaterThan(10);

  const layouts = () =>
    page.evaluate(() => performance.getEntriesByName('leverflow:layout-done').length);
  const layoutsBefore = await layouts();
  await recordFrames(page);
  await page.getByRole('combobox', { name: 'Tidy up direction' }).selectOption('right');
  await expect.poll(layouts, { timeout: 90_000 }).toBeGreaterThan(layoutsBefore);
  await expect(page.getByRole('region', { name: 'Layout in progress' })).toBeHidden();
  const counts = await settledCounts(page);
  expectTakenDownThenFilledIn(counts);

  // The steps moved (left to right now), and every one in the new view is drawn there.
  const tidied = await exportedMap(page);
  const moved = tidied.nodes.filter((n, i) => {
    const before = imported.nodes[i]?.position;
    return before && (before.x !== n.position.x || before.y !== n.position.y);
  });
  expect(moved.length).toBeGreaterThan(900);
  const start = tidied.nodes.find((n) => n.kind === 'start');
  const end = tidied.nodes.find((n) => n.kind === 'end');
  expect(start && end && end.position.x > start.position.x).toBe(true);
  await expectAllInViewDrawn(page, tidied);

  // One undo step: the imported layout is back, and drawn.
  await recordFrames(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await settledCounts(page);
  const undone = await exportedMap(page);
  expect(undone.nodes.map((n) => n.position)).toEqual(imported.nodes.map((n) => n.position));
  // The view stays where Tidy up put it: the top left of the imported layers, where few
  // arrows have both ends.
  await expectAllInViewDrawn(page, undone, 0);
});

/**
 * Opens a generated 5,000-step map from File › Import file…, clicks Fit view and waits until
 * the simple layer draws every step; returns the map.
 */
async function openFitted5000(page: Page): Promise<ProcessMap> {
  const map = generateMap(5000);
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.locator('.lf-menu > summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({
    name: 'big.leverflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(map)),
  });
  await expect(page.locator('.react-flow__node[data-id="n0"]')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect(page.locator('.lf-simple-layer')).toHaveAttribute('data-steps-drawn', '5000', {
    timeout: 30_000,
  });
  return map;
}

test('zooming from fitted into a 5,000-step map fills the full steps in over frames; a full step can then be selected and dragged', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const map = await openFitted5000(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // Wheel in on the middle of the canvas until the steps are full React Flow nodes.
  await pointToCanvasMiddle(page);
  await recordFrames(page);
  for (let i = 0; i < 40 && (await viewOf(page)).zoom < 0.5; i++) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(50);
  }
  const counts = await settledCounts(page);
  await expect(page.locator('.lf-simple-layer')).toHaveCount(0);
  const { steps, mostStepsAtOnce } = growth(counts);
  // Some 200 steps come into view at the crossing; a frame adds at most about 55 of them
  // (two frames' budgets when a recorded frame spans two of React's).
  expect(steps).toBeGreaterThanOrEqual(3);
  expect(mostStepsAtOnce).toBeLessThanOrEqual(120);
  await expectAllInViewDrawn(page, map);

  // A full step in the middle: select it, drag it, and the move is one undo step.
  const view = await viewOf(page);
  const near = stepNearMiddle(map, view, 300);
  if (!near) throw new Error('no step in the middle of the view');
  const step = page.locator(`.react-flow__node[data-id="${near.id}"]`);
  await step.click();
  await expect(step).toHaveClass(/selected/);
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue(near.label);
  const before = (await step.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 60, before.y + before.height / 2 + 40, {
    steps: 8,
  });
  await page.mouse.up();
  await expect
    .poll(async () => {
      const after = await step.boundingBox();
      return after ? Math.round(after.x - before.x) : 0;
    })
    .toBeGreaterThan(40);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => {
      const after = await step.boundingBox();
      return after ? Math.abs(Math.round(after.x - before.x)) : 999;
    })
    .toBeLessThan(2);
});

/** Drags the empty canvas by (dx, dy) screen pixels, right away (no wait for the map). */
async function dragCanvas(page: Page, dx: number, dy: number) {
  const from = await page.evaluate(() => {
    const flow = document.querySelector('.lf-canvas .react-flow')?.getBoundingClientRect();
    if (!flow) return null;
    for (let r = 0; r < 300; r += 6) {
      for (let a = 0; a < 16; a++) {
        const x = flow.x + flow.width / 2 + r * Math.cos((a * Math.PI) / 8);
        const y = flow.y + flow.height / 2 + r * Math.sin((a * Math.PI) / 8);
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
          return { x, y };
      }
    }
    return null;
  });
  if (!from) throw new Error('no empty spot on the canvas');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 6 });
  await page.mouse.up();
}

/**
 * Every step well inside the view is drawn, and every arrow with a step well inside the view
 * (wherever its other step is: out of view too).
 */
async function expectStepsAndTheirArrowsDrawn(page: Page, map: ProcessMap) {
  await expect(page.locator('.lf-canvas .react-flow')).not.toHaveAttribute('data-filling', 'true', {
    timeout: 30_000,
  });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
  const view = await viewOf(page);
  const boxOf = stepBoxes(map);
  const { drawnSteps, drawnArrows } = await drawnIds(page);
  const missingSteps = [...boxOf]
    .filter(([id, box]) => inside(box, view, 4 / view.zoom) && !drawnSteps.has(id))
    .map(([id]) => id);
  expect(missingSteps, 'steps in view that are not drawn').toEqual([]);
  let leaving = 0;
  const missingArrows: string[] = [];
  for (const edge of map.edges) {
    const a = boxOf.get(edge.source) as Box;
    const b = boxOf.get(edge.target) as Box;
    const aIn = inside(a, view, 4 / view.zoom);
    const bIn = inside(b, view, 4 / view.zoom);
    if (!aIn && !bIn) continue;
    if (!overlaps(aIn ? b : a, view, 0)) leaving++;
    if (!drawnArrows.has(edge.id)) missingArrows.push(edge.id);
  }
  expect(missingArrows, 'arrows from a step in view that are not drawn').toEqual([]);
  return { steps: drawnSteps.size, leaving };
}

test('zooming in from a fitted 5,000-step map and panning on at once: every step in view and every arrow from one is drawn, also arrows to steps out of view', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const map = await openFitted5000(page);

  const box = await pointToCanvasMiddle(page);
  // One wheel turn to zoom 0.6 (React Flow zooms by 2^(-deltaY × 0.002)).
  const fitted = (await viewOf(page)).zoom;
  await page.mouse.wheel(0, -Math.log2(0.6 / fitted) / 0.002);
  await expect.poll(async () => (await viewOf(page)).zoom).toBeGreaterThan(0.5);
  // Straight on, while steps far out of view may still be on their way to React Flow: a
  // view's width to the left, then down, then back right.
  let leaving = 0;
  for (const [dx, dy] of [
    [box.width * 0.9, 0],
    [0, -box.height * 0.9],
    [-box.width * 0.9, 0],
  ] as const) {
    await dragCanvas(page, Math.round(dx), Math.round(dy));
    const drawn = await expectStepsAndTheirArrowsDrawn(page, map);
    expect(drawn.steps).toBeGreaterThan(10);
    leaving += drawn.leaving;
  }
  // Some of the arrows checked lead to a step out of view.
  expect(leaving).toBeGreaterThan(0);
  await expect(page.locator('.lf-simple-layer')).toHaveCount(0);
});

/** The ids of the steps and arrows React Flow has drawn (in the DOM). */
async function drawnIds(page: Page) {
  const ids = (selector: string) =>
    page.locator(selector).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
  return {
    drawnSteps: new Set(await ids('.react-flow__node')),
    drawnArrows: new Set(await ids('.react-flow__edge')),
  };
}
