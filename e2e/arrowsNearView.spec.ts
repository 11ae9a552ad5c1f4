import { expect, type Page, test } from '@playwright/test';
import { generateMap } from '../bench/generateMap';
import type { ProcessMap } from '../src/model';
import {
  type Box,
  exportedMap,
  openImportedMap,
  pointToCanvasMiddle,
  stepBoxes,
  viewOf,
} from './helpers';

// On a big map React Flow is handed only the steps and arrows near the view (src/canvas/
// useMapWindow.ts), not all of them. Panning must still draw every arrow that crosses the
// view (also one whose two steps are both out of view), and an arrow selected and then panned
// far away must still be unselected by a click on the empty canvas.

/** A point on the empty canvas (no step, arrow or label under it), nearest the middle. */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const flow = document.querySelector('.lf-canvas .react-flow')?.getBoundingClientRect();
    if (!flow) return null;
    const cx = flow.x + flow.width / 2;
    const cy = flow.y + flow.height / 2;
    for (let r = 0; r < 300; r += 6) {
      for (let a = 0; a < 16; a++) {
        const x = cx + r * Math.cos((a * Math.PI) / 8);
        const y = cy + r * Math.sin((a * Math.PI) / 8);
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
          return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('no empty spot on the canvas');
  return point;
}

/** Drags the empty canvas by (dx, dy) screen pixels, then waits until the map has filled in. */
async function pan(page: Page, dx: number, dy: number) {
  const from = await emptyPoint(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
  await page.mouse.up();
  await settle(page);
}

async function settle(page: Page) {
  await expect(page.locator('.lf-canvas .react-flow')).not.toHaveAttribute('data-filling', 'true', {
    timeout: 30_000,
  });
  // Two more frames: what was handed over last is drawn.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
}

/**
 * Every arrow whose box (around its two steps) reaches well into the view is drawn, checked
 * against the map. Returns how many were checked, and how many of them have both steps out
 * of view (arrows that only pass through).
 */
async function expectArrowsInViewDrawn(page: Page, map: ProcessMap) {
  const view = await viewOf(page);
  const boxes = stepBoxes(map);
  const drawn = new Set(
    await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.dataset.id)),
  );
  const m = 4 / view.zoom;
  const overlaps = (b: Box) =>
    b.x < view.x + view.width - m &&
    b.x2 > view.x + m &&
    b.y < view.y + view.height - m &&
    b.y2 > view.y + m;
  const outOfView = (b: Box) =>
    b.x2 < view.x || b.x > view.x + view.width || b.y2 < view.y || b.y > view.y + view.height;
  let checked = 0;
  let passingThrough = 0;
  const missing: string[] = [];
  for (const edge of map.edges) {
    const a = boxes.get(edge.source) as Box;
    const b = boxes.get(edge.target) as Box;
    const box = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      x2: Math.max(a.x2, b.x2),
      y2: Math.max(a.y2, b.y2),
    };
    if (!overlaps(box)) continue;
    checked++;
    if (outOfView(a) && outOfView(b)) passingThrough++;
    if (!drawn.has(edge.id)) missing.push(edge.id);
  }
  expect(missing, 'arrows crossing the view that are not drawn').toEqual([]);
  return { checked, passingThrough };
}

/** A 3,000-step map plus one long arrow down each lane, from row 2 to row 45. */
function mapWithLongArrows(): ProcessMap {
  const map = generateMap(3000);
  const cols = Math.ceil(Math.sqrt(3000 * 1.15));
  for (let c = 0; c < cols; c++) {
    map.edges.push({ id: `long${c}`, source: `n${2 * cols + c}`, target: `n${45 * cols + c}` });
  }
  return { ...map, name: 'Long arrows' };
}

test('panning a big map draws every arrow that crosses the view, also ones whose steps are both out of view; an arrow panned far away is still unselected by a click on the canvas', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openImportedMap(page, mapWithLongArrows(), 'n0');
  const map = await exportedMap(page);
  expect(map.edges.filter((e) => e.id.startsWith('long'))).toHaveLength(59);
  await settle(page);
  await expectArrowsInViewDrawn(page, map);

  // Zoom out a little (still full steps), then down into the middle rows, where the long
  // arrows pass through the view with both their steps out of it.
  const canvas = await pointToCanvasMiddle(page);
  for (let i = 0; i < 20 && (await viewOf(page)).zoom > 0.6; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(60);
  }
  expect((await viewOf(page)).zoom).toBeGreaterThan(0.4);
  await settle(page);
  const dy = -Math.round(canvas.height * 0.8);
  for (let i = 0; i < 6; i++) await pan(page, 0, dy);
  const middle = await expectArrowsInViewDrawn(page, map);
  expect(middle.checked).toBeGreaterThan(20);
  expect(middle.passingThrough).toBeGreaterThan(2);

  // A short pan (inside the arrows handed over for the last view), then long ones past it.
  await pan(page, Math.round(canvas.width * 0.3), 0);
  expect((await expectArrowsInViewDrawn(page, map)).passingThrough).toBeGreaterThan(2);
  const dx = -Math.round(canvas.width * 0.8);
  for (let i = 0; i < 3; i++) {
    await pan(page, dx, 0);
    expect((await expectArrowsInViewDrawn(page, map)).checked).toBeGreaterThan(20);
  }

  // Select a labelled arrow in view, pan far away, click the empty canvas, pan back: the
  // arrow is no longer selected.
  const target = await page.evaluate(() => {
    const flow = document.querySelector('.lf-canvas .react-flow')?.getBoundingClientRect();
    if (!flow) return null;
    for (const el of document.querySelectorAll<HTMLElement>('.lf-edge-label__text')) {
      const r = el.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const within =
        x > flow.x + 60 && x < flow.right - 260 && y > flow.y + 60 && y < flow.bottom - 60;
      if (within && document.elementFromPoint(x, y) === el) {
        const id = el.closest<HTMLElement>('[data-edge-id]')?.dataset.edgeId;
        if (id) return { id, x, y };
      }
    }
    return null;
  });
  if (!target) throw new Error('no labelled arrow in view');
  const edgeId = target.id;
  await page.mouse.click(target.x, target.y);
  const arrow = page.locator(`.react-flow__edge[data-id="${edgeId}"]`);
  await expect(arrow).toHaveClass(/selected/);
  for (let i = 0; i < 4; i++) await pan(page, 0, dy);
  await expect(arrow).toHaveCount(0);
  const empty = await emptyPoint(page);
  await page.mouse.click(empty.x, empty.y);
  for (let i = 0; i < 4; i++) await pan(page, 0, -dy);
  await expect(arrow).toHaveCount(1);
  await expect(arrow).not.toHaveClass(/selected/);
  await expectArrowsInViewDrawn(page, map);
});
