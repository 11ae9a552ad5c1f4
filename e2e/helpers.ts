import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { generateMap } from '../bench/generateMap';
import { stepSize } from '../src/layout/nodeSize';
import type { ProcessMap } from '../src/model';

/** The canvas item of a step, found by its visible label. */
export function stepByLabel(page: Page, label: string): Locator {
  return page.locator('.react-flow__node').filter({ has: page.getByText(label, { exact: true }) });
}

/** Opens the app on a new blank map (a new map in the library; the example stays there). */
export async function openBlankMap(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
}

/** Types a label into the in-place editor that is open and commits it with Enter. */
export async function typeLabel(page: Page, text: string): Promise<void> {
  const editor = page.locator('.lf-label-editor');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
}

/** Drags from a step's handle on one side to the middle of another step. */
export async function connect(
  page: Page,
  from: Locator,
  to: Locator,
  side = 'bottom',
): Promise<void> {
  await from.hover();
  const handle = from.locator(`.react-flow__handle-${side}`);
  const a = await handle.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('connect: step not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 - 5, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 2 });
  await page.mouse.up();
}

/** The top-left corner of a step on screen. */
export async function cornerOf(step: Locator): Promise<{ x: number; y: number }> {
  const box = await step.boundingBox();
  if (!box) throw new Error('step not on screen');
  return { x: Math.round(box.x), y: Math.round(box.y) };
}

/** How many maps the Library lists (opens the Library dialog and closes it again). */
export async function libraryCount(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Library' });
  const items = dialog.getByRole('list', { name: 'Maps' }).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return count;
}

/**
 * Opens the app and imports a map through File › Paste a map… (as a person pastes one);
 * `map` is the map file without its format and version, which are added.
 */
export async function pasteMapFile(page: Page, map: object): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await pasteMapText(page, JSON.stringify({ format: 'leverflow-map', version: 2, ...map }));
}

/** Pastes a map's text (JSON, Mermaid or BPMN) through File › Paste a map…, as a new map. */
export async function pasteMapText(page: Page, text: string): Promise<void> {
  await page.locator('.lf-menu > summary').first().click();
  await page.getByRole('button', { name: 'Paste a map…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a map (JSON, Mermaid or BPMN)' });
  await dialog.getByRole('textbox').fill(text);
  await dialog.getByRole('button', { name: 'Import as new map' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * The window does not scroll sideways, every toolbar control is inside it, "Saved" reads in
 * full, nothing in the header is drawn over its neighbour, and the map's name keeps room.
 */
export async function expectHeaderFits(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
  // Every toolbar control is on the page.
  for (const control of await page
    .locator('.lf-toolbar button:visible, .lf-toolbar summary:visible')
    .all()) {
    const box = await control.boundingBox();
    if (!box) throw new Error('control not drawn');
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
  // The save status reads in full ("Saved", not "Save"), and nothing in the header is
  // drawn over its neighbour.
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
  const status = page.locator('.lf-save-status > span').first();
  expect(
    await status.evaluate((el) => el.scrollWidth <= el.getBoundingClientRect().width + 0.5),
  ).toBe(true);
  const header = await page.locator('.lf-toolbar > *').evaluateAll((items) =>
    items
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r): [number, number] => [r.left, r.right]),
  );
  for (let i = 1; i < header.length; i++) {
    expect(header[i]![0]).toBeGreaterThanOrEqual(header[i - 1]![1] - 0.5);
  }
  // The map's name keeps room to be read (at least "Order fulfilm…").
  expect((await page.locator('.lf-map-name').boundingBox())!.width).toBeGreaterThan(80);
}

/** A step's box on the map: its corners, in map units. */
export type Box = { x: number; y: number; x2: number; y2: number };

/** Every step's box, by id, from its position and size. */
export function stepBoxes(map: ProcessMap): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const step of map.nodes) {
    const size = stepSize(step);
    boxes.set(step.id, {
      x: step.position.x,
      y: step.position.y,
      x2: step.position.x + size.width,
      y2: step.position.y + size.height,
    });
  }
  return boxes;
}

/**
 * Clicks Fit view and waits until its 200 ms animation has ended (see viewAtRest), so the next
 * click lands on the step it aims at and not where it was.
 */
export async function fitViewAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await viewAtRest(page);
}

/** Waits until the view's transform stays the same for 300 ms (an animated move has ended). */
export async function viewAtRest(page: Page): Promise<void> {
  const transform = () =>
    page.evaluate(
      () =>
        document.querySelector<HTMLElement>('.lf-canvas .react-flow__viewport')?.style.transform,
    );
  await expect
    .poll(async () => {
      const before = await transform();
      await page.waitForTimeout(300);
      return before === (await transform());
    })
    .toBe(true);
}

/** Moves the pointer to the middle of the canvas (for wheel zooms there); returns the canvas's box. */
export async function pointToCanvasMiddle(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = (await page.locator('.lf-canvas .react-flow').boundingBox()) ?? {
    x: 0,
    y: 0,
    width: 0,
    height: 0,
  };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return box;
}

/** The view in map units (React Flow's transform and the canvas's size). */
export async function viewOf(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number; zoom: number }> {
  return page.evaluate(() => {
    const flow = document.querySelector('.lf-canvas .react-flow');
    const viewport = document.querySelector<HTMLElement>('.lf-canvas .react-flow__viewport');
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(
      viewport?.style.transform ?? '',
    );
    const box = flow?.getBoundingClientRect();
    const [tx, ty, zoom] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    return {
      x: -tx / zoom,
      y: -ty / zoom,
      width: (box?.width ?? 0) / zoom,
      height: (box?.height ?? 0) / zoom,
      zoom,
    };
  });
}

/** The open map as File › Export JSON writes it. */
export async function exportedMap(page: Page): Promise<ProcessMap> {
  await page.locator('.lf-menu > summary').first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const path = await (await download).path();
  const file = JSON.parse(readFileSync(path, 'utf8'));
  return (file.map ?? file) as ProcessMap;
}

/** Drops a file on the canvas, as a person drags one in from the desktop. */
export async function dropFile(page: Page, bytes: Buffer, name: string, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      return transfer;
    },
    { base64: bytes.toString('base64'), name, type },
  );
  await page.dispatchEvent('.lf-canvas', 'dragover', { dataTransfer });
  await page.dispatchEvent('.lf-canvas', 'drop', { dataTransfer });
}

/** Picks a file through File › Import file…, as a person does (it opens as a new map). */
export async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.locator('.lf-menu > summary').first().click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

/**
 * Opens the app, imports `map` as a JSON file through File › Import file…, and waits until
 * its step `firstId` is drawn and the map is saved (a big map takes a while).
 */
export async function openImportedMap(page: Page, map: object, firstId: string) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await importFile(
    page,
    'map.leverflow.json',
    'application/json',
    Buffer.from(JSON.stringify(map)),
  );
  await expect(page.locator(`.react-flow__node[data-id="${firstId}"]`)).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved', {
    timeout: 60_000,
  });
}

/** Clicks a File menu export ("Export BPMN", …) and reads the file it downloads. */
export async function downloadExport(
  page: Page,
  item: string,
): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('.lf-menu > summary').first().click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: item }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Every step's accessible name (kind and label), sorted, how many arrows are drawn, and their labels. */
export async function drawnMap(page: Page) {
  const steps = await page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? '').sort());
  const labels = await page
    .locator('.lf-edge-label')
    .evaluateAll((labels) => labels.map((l) => l.textContent ?? '').sort());
  return { steps, arrows: await page.locator('.react-flow__edge').count(), labels };
}

/** The side panel's tabs, the Findings panel and the Inspector, by role and name. */
export const sidePanel = (page: Page) => page.getByRole('tablist', { name: 'Side panel' });
export const findings = (page: Page) => page.getByRole('region', { name: 'Findings' });
export const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

/** Opens the app on its example map, once it is drawn and saved. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
}

/** The namespaces a hand-written BPMN file's <definitions> needs. */
export const BPMN_NS =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/**
 * A generated map of `steps` steps and, past its last step (far from its start), a step
 * labelled "Lost step" (id "far") that nothing leads on from: a dead end.
 */
export function mapWithAFarStep(steps: number, name: string): ProcessMap {
  const map = generateMap(steps);
  const last = map.nodes.at(-1);
  if (!last) throw new Error('empty map');
  map.nodes.push({
    id: 'far',
    kind: 'action',
    label: 'Lost step',
    position: { x: last.position.x + 700, y: last.position.y + 500 },
  });
  map.edges.push({ id: 'to-far', source: last.id, target: 'far' });
  return { ...map, name };
}
