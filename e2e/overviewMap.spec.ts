import { expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import type { MapNode, ProcessMap } from '../src/model';
import {
  openImportedMap,
  pointToCanvasMiddle,
  sidePanel,
  stepBoxes,
  stepByLabel,
  viewAtRest,
  viewOf,
} from './helpers';

/**
 * The overview map draws the steps once, in a frame of their own, and only moves and scales
 * that drawing while the view moves or zooms (OverviewMap, drawnFrame): here, at view sizes
 * from about the map's to seven times it, the start and the end are shown where the view
 * outline says they are.
 */

/** Turns the wheel over the canvas's centre until the zoom is `target` (within 2%). */
async function zoomTo(page: Page, target: number) {
  await pointToCanvasMiddle(page);
  const { zoom } = await viewOf(page);
  // React Flow zooms by 2^(-deltaY × 0.002) per wheel event.
  await page.mouse.wheel(0, -Math.log2(target / zoom) / 0.002);
  await expect.poll(async () => (await viewOf(page)).zoom / target).toBeCloseTo(1, 1);
}

/** The overview's colours of a start and an end step (OverviewMap's COLORS). */
const GREEN = [22, 163, 74];
const RED = [220, 38, 38];

/** The centre of the pixels of `color` in a PNG (within a small distance), or null if none. */
function centreOf(png: PNG, color: number[]): { x: number; y: number } | null {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = 4 * (y * png.width + x);
      const d =
        Math.abs((png.data[i] ?? 0) - (color[0] ?? 0)) +
        Math.abs((png.data[i + 1] ?? 0) - (color[1] ?? 0)) +
        Math.abs((png.data[i + 2] ?? 0) - (color[2] ?? 0));
      if (d > 40) continue;
      sx += x + 0.5;
      sy += y + 0.5;
      n++;
    }
  }
  return n ? { x: sx / n, y: sy / n } : null;
}

test('the overview shows the start and the end where they are, as the view zooms out to seven times the map and back', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no canvas');

  // The two steps' centres on the map, from where the canvas draws them now.
  const start = await viewOf(page);
  const centreOnMap = async (label: string) => {
    const box = await stepByLabel(page, label).boundingBox();
    if (!box) throw new Error(`${label} not drawn`);
    return {
      x: start.x + (box.x + box.width / 2 - pane.x) / start.zoom,
      y: start.y + (box.y + box.height / 2 - pane.y) / start.zoom,
    };
  };
  const first = await centreOnMap('Order received');
  const last = await centreOnMap('Shipped');
  const mapHeight = last.y - first.y;

  const overview = page.getByRole('img', { name: /^Mini map of the whole process/ });
  for (const times of [1.5, 3, 7, 1.5]) {
    // A view `times` as tall as from the start to the end.
    await zoomTo(page, pane.height / (times * mapHeight));
    const view = await viewOf(page);
    const outline = await page.locator('.lf-overview__view').boundingBox();
    const box = await overview.boundingBox();
    if (!outline || !box) throw new Error('overview not drawn');
    // Where the overview should show a map point: as far into the outline as into the view.
    const scale = outline.width / view.width;
    const expected = (p: { x: number; y: number }) => ({
      x: outline.x - box.x + (p.x - view.x) * scale,
      y: outline.y - box.y + (p.y - view.y) * scale,
    });
    const png = PNG.sync.read(await overview.screenshot());
    for (const [label, p, color] of [
      ['start', first, GREEN],
      ['end', last, RED],
    ] as const) {
      const seen = centreOf(png, [...color]);
      const want = expected(p);
      expect(seen, `${label} drawn on the overview at ${times}x`).not.toBeNull();
      expect(Math.abs((seen?.x ?? 0) - want.x), `${label} x at ${times}x`).toBeLessThan(2);
      expect(Math.abs((seen?.y ?? 0) - want.y), `${label} y at ${times}x`).toBeLessThan(2);
    }
  }
});

test('a finding clicked on the Findings tab is shown with every step it names clear of the overview map', async ({
  page,
}) => {
  // The canvas's shape, so the finding's two steps span it corner to corner: fitted as
  // they were, the far one landed in the bottom-right corner, under the overview map.
  await page.goto('/');
  const canvas = await page.locator('.lf-canvas .react-flow').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const across = 1000;
  const down = Math.round(((across + 180) * canvas.height) / canvas.width) - 60;
  const nodes: MapNode[] = [
    { id: 's', kind: 'start', label: 'Order in', position: { x: 0, y: 0 } },
    { id: 'near', kind: 'action', label: 'Check order', position: { x: 260, y: 0 } },
    { id: 'e', kind: 'end', label: 'Shipped', position: { x: 560, y: 0 } },
    { id: 'far', kind: 'action', label: 'Lost step', position: { x: across, y: down } },
  ];
  const map = {
    format: 'leverflow-map',
    version: 3,
    name: 'A lost step',
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10, defaultHandOffRate: 25 },
    people: [],
    acceptedFindings: [],
    nodes,
    edges: [
      { id: 'a', source: 's', target: 'near' },
      { id: 'b', source: 'near', target: 'e' },
      { id: 'c', source: 'near', target: 'far' },
    ],
  };
  await openImportedMap(page, map, 's');
  await sidePanel(page)
    .getByRole('tab', { name: /Findings/ })
    .click();
  await page.locator('.lf-finding__main', { hasText: 'Lost step' }).first().click();

  // Once the view has settled: where the canvas draws each step, and where the overview is.
  await viewAtRest(page);
  const view = await viewOf(page);
  const overview = await page.locator('.lf-overview').boundingBox();
  if (!overview) throw new Error('no overview map');
  const boxes = stepBoxes(map as ProcessMap);
  for (const node of nodes.filter((n) => n.id === 'near' || n.id === 'far')) {
    const step = boxes.get(node.id)!;
    const box = {
      x: canvas.x + (step.x - view.x) * view.zoom,
      y: canvas.y + (step.y - view.y) * view.zoom,
      width: (step.x2 - step.x) * view.zoom,
      height: (step.y2 - step.y) * view.zoom,
    };
    // On the canvas, whole…
    expect(box.x, node.label).toBeGreaterThanOrEqual(canvas.x);
    expect(box.y, node.label).toBeGreaterThanOrEqual(canvas.y);
    expect(box.x + box.width, node.label).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(box.y + box.height, node.label).toBeLessThanOrEqual(canvas.y + canvas.height);
    // …and not under the overview map.
    const under =
      box.x + box.width > overview.x &&
      box.x < overview.x + overview.width &&
      box.y + box.height > overview.y &&
      box.y < overview.y + overview.height;
    expect(under, `${node.label} under the overview map`).toBe(false);
  }
  // Drawn as a full step at this zoom, where the user can read it.
  await expect(stepByLabel(page, 'Lost step')).toBeVisible();
  expect(view.zoom).toBeGreaterThan(0.35);
});
