import { type Browser, expect, type Page, test } from '@playwright/test';
import * as Y from 'yjs';
import { SYNC_PORT } from '../playwright.config';
import { expectHeaderFits, stepByLabel, typeLabel } from './helpers';
import { type SyncServerProcess, startSyncServer } from './syncServer';

// Two browser contexts are two people on one map, through a real sync server on loopback.
test.setTimeout(90_000);

let server: SyncServerProcess | null = null;

test.afterAll(async () => {
  await server?.stop();
});

async function ensureServer() {
  server ??= await startSyncServer(SYNC_PORT);
}

/** Opens the app, shares its map (the example) and reads the two links. */
async function shareExample(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  await dialog.getByRole('button', { name: 'Share this map' }).click();
  const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const view = await dialog.getByRole('textbox', { name: 'View-only link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('share-status')).toHaveText('Live');
  return { edit, view };
}

/** A second person: a new browser context that opens a link. */
async function join(browser: Browser, link: string, name: string) {
  const context = await browser.newContext();
  await context.addInitScript((n) => {
    localStorage.setItem('leverflow.presence', JSON.stringify({ name: n, color: '#2f80ed' }));
  }, name);
  const page = await context.newPage();
  await page.goto(link);
  return { context, page };
}

async function rename(page: Page, from: string, to: string) {
  await stepByLabel(page, from).dblclick();
  await typeLabel(page, to);
}

test('without a server, Share says exactly how to start it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  await dialog.getByRole('button', { name: 'Share this map' }).click();
  await expect(dialog.getByRole('alert')).toContainText('npm run server');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Still local only, and still editable.
  await rename(page, 'Pack order', 'Pack it');
  await expect(stepByLabel(page, 'Pack it')).toBeVisible();
});

test('an edit link opens the map in another browser; both add steps at the same moment and both survive', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  const other = await join(browser, edit, 'Vera');
  const started = Date.now();
  await expect(other.page.locator('.react-flow__node')).toHaveCount(6);
  test.info().annotations.push({ type: 'join', description: `${Date.now() - started} ms` });
  await expect(other.page.getByTestId('share-status')).toHaveText('Live');

  // Both click Action at once and name their step.
  const add = async (p: Page, label: string) => {
    await p.getByRole('button', { name: 'Action', exact: true }).click();
    await p.keyboard.press('Enter');
    await typeLabel(p, label);
  };
  await Promise.all([add(page, 'Owner step'), add(other.page, 'VA step')]);
  for (const p of [page, other.page]) {
    await expect(p.locator('.react-flow__node')).toHaveCount(8);
    await expect(stepByLabel(p, 'Owner step')).toHaveCount(1);
    await expect(stepByLabel(p, 'VA step')).toHaveCount(1);
  }
  await other.context.close();
});

test('while a link is opening, the map on screen cannot be edited: the room’s map replaces it, so the edit would vanish', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  await rename(page, 'Pack order', 'Room step');
  const context = await browser.newContext();
  // Hold the link's connection to the sync server until the test lets it through.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.routeWebSocket(new RegExp(`:${SYNC_PORT}`), async (ws) => {
    await released;
    ws.connectToServer();
  });
  const other = await context.newPage();
  await other.goto(edit);
  await expect(
    other.getByRole('status').filter({ hasText: 'Opening the shared map…' }),
  ).toBeVisible();
  await expect(other.getByRole('button', { name: 'Action', exact: true })).toHaveCount(0);
  await expect(other.locator('.react-flow__node')).toHaveCount(0);
  release();
  await expect(stepByLabel(other, 'Room step')).toHaveCount(1);
  await expect(other.getByText('Opening the shared map…')).toHaveCount(0);
  await other.getByRole('button', { name: 'Action', exact: true }).click();
  await other.keyboard.press('Enter');
  await typeLabel(other, 'Added after joining');
  await expect(stepByLabel(page, 'Added after joining')).toHaveCount(1);
  await context.close();
});

test('both rename the same step at once and both end with the same name', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  const other = await join(browser, edit, 'Bob');
  await expect(other.page.locator('.react-flow__node')).toHaveCount(6);
  // Both open the step's name and type, then both press Enter at the same moment.
  for (const [p, text] of [
    [page, 'Pack (owner)'],
    [other.page, 'Pack (VA)'],
  ] as const) {
    await stepByLabel(p, 'Pack order').dblclick();
    await expect(p.locator('.lf-label-editor')).toBeFocused();
    await p.keyboard.press('ControlOrMeta+A');
    await p.keyboard.type(text);
  }
  await Promise.all([page.keyboard.press('Enter'), other.page.keyboard.press('Enter')]);
  const nameIn = (p: Page) =>
    p.locator('.react-flow__node[data-id="p"]').getAttribute('aria-label');
  await expect
    .poll(async () => {
      const [a, b] = await Promise.all([nameIn(page), nameIn(other.page)]);
      return a === b && /Pack \((owner|VA)\)/.test(a ?? '');
    })
    .toBe(true);
  await other.context.close();
});

test('one goes offline, edits, comes back and the edits merge; the status counts the changes waiting', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  const other = await join(browser, edit, 'Olive');
  await expect(other.page.locator('.react-flow__node')).toHaveCount(6);
  await expect(other.page.getByTestId('share-status')).toHaveText('Live');

  await other.context.setOffline(true);
  await expect(other.page.getByTestId('share-status')).toContainText('offline', {
    timeout: 20_000,
  });
  await rename(other.page, 'Send reminder', 'Chase payment');
  await rename(other.page, 'Order received', 'Order in');
  await expect(other.page.getByTestId('share-status')).toHaveText('offline — 2 changes waiting');
  // Meanwhile the owner changes another step.
  await rename(page, 'Check payment', 'Check the bank');

  await other.context.setOffline(false);
  for (const p of [page, other.page]) {
    await expect(stepByLabel(p, 'Chase payment')).toHaveCount(1, { timeout: 45_000 });
    await expect(stepByLabel(p, 'Order in')).toHaveCount(1);
    await expect(stepByLabel(p, 'Check the bank')).toHaveCount(1);
  }
  await expect(other.page.getByTestId('share-status')).toHaveText('Live');
  await other.context.close();
});

test('undo in one browser undoes only that person’s change', async ({ page, browser }) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  const other = await join(browser, edit, 'Uma');
  await expect(other.page.locator('.react-flow__node')).toHaveCount(6);
  await rename(page, 'Pack order', 'Pack by owner');
  await expect(stepByLabel(other.page, 'Pack by owner')).toHaveCount(1);
  await rename(other.page, 'Send reminder', 'Remind by VA');
  await expect(stepByLabel(page, 'Remind by VA')).toHaveCount(1);

  await page.getByRole('button', { name: 'Undo' }).click();
  for (const p of [page, other.page]) {
    await expect(stepByLabel(p, 'Pack order')).toHaveCount(1);
    await expect(stepByLabel(p, 'Remind by VA')).toHaveCount(1);
  }
  // A whole drag is one undo step.
  const step = stepByLabel(other.page, 'Remind by VA');
  const box = await step.boundingBox();
  if (!box) throw new Error('step not on screen');
  const before = await other.page.locator('.react-flow__node[data-id="r"]').getAttribute('style');
  await other.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await other.page.mouse.down();
  await other.page.mouse.move(box.x + 80, box.y + 60, { steps: 6 });
  await other.page.mouse.move(box.x + 160, box.y + 90, { steps: 6 });
  await other.page.mouse.up();
  await expect(other.page.locator('.react-flow__node[data-id="r"]')).not.toHaveAttribute(
    'style',
    before ?? '',
  );
  await other.page.getByRole('button', { name: 'Undo' }).click();
  await expect(other.page.locator('.react-flow__node[data-id="r"]')).toHaveAttribute(
    'style',
    before ?? '',
  );
  await expect(stepByLabel(other.page, 'Remind by VA')).toHaveCount(1);
  await other.context.close();
});

/** A Hocuspocus message: the room's name, then the message (varints as lib0 writes them). */
function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
function varBytes(bytes: Uint8Array | number[]): number[] {
  return [...varUint(bytes.length), ...bytes];
}
function varString(s: string): number[] {
  return varBytes([...new TextEncoder().encode(s)]);
}

test('the view-only link sees live changes but cannot change the map, not even with a raw Yjs update', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { view } = await shareExample(page);
  const viewer = await join(browser, view, 'Val');
  await expect(viewer.page.locator('.react-flow__node')).toHaveCount(6);
  await expect(viewer.page.getByTestId('share-status')).toHaveText('View only · Live');

  // The UI changes nothing: a rename is refused, Delete deletes nothing.
  await stepByLabel(viewer.page, 'Pack order').dblclick();
  await viewer.page.keyboard.type('x');
  await viewer.page.keyboard.press('Escape');
  await stepByLabel(viewer.page, 'Pack order').click();
  await viewer.page.keyboard.press('Delete');
  await expect(viewer.page.locator('.react-flow__node')).toHaveCount(6);

  // Live changes still arrive, with the findings and the hand-off pack.
  await rename(page, 'Pack order', 'Pack and label');
  await expect(stepByLabel(viewer.page, 'Pack and label')).toHaveCount(1);
  await viewer.page.getByRole('tab', { name: 'Findings' }).click();
  await expect(viewer.page.getByRole('region', { name: 'Findings' })).toBeVisible();
  await viewer.page.getByRole('tab', { name: 'Leverage' }).click();
  await viewer.page.getByRole('button', { name: 'Hand-off packs for everyone' }).click();
  const pack = viewer.page.getByRole('dialog', { name: 'Hand-off pack' });
  await expect(pack).toBeVisible();
  await expect(pack).toContainText('Pack and label');
  await viewer.page.keyboard.press('Escape');

  // A raw Yjs update sent with the view token over a socket: the server drops it.
  const forged = new Y.Doc();
  const node = new Y.Map<unknown>();
  node.set('kind', 'action');
  node.set('label', 'Forged step');
  node.set('position', { x: 0, y: 600 });
  forged.getMap('nodes').set('forged', node);
  const update = Y.encodeStateAsUpdate(forged);
  const room = new URLSearchParams(new URL(view).hash.slice(1)).get('room') ?? '';
  const token = new URLSearchParams(new URL(view).hash.slice(1)).get('token') ?? '';
  const auth = [...varString(room), 2, 0, ...varString(token)];
  const message = [...varString(room), 0, 2, ...varBytes(update)];
  const answers = await viewer.page.evaluate(
    async ({ url, auth, message }) => {
      const socket = new WebSocket(url);
      socket.binaryType = 'arraybuffer';
      const seen: number[][] = [];
      socket.onmessage = (e) => seen.push([...new Uint8Array(e.data as ArrayBuffer)]);
      await new Promise((r) => {
        socket.onopen = r;
      });
      socket.send(new Uint8Array(auth));
      await new Promise((r) => setTimeout(r, 500));
      socket.send(new Uint8Array(message));
      await new Promise((r) => setTimeout(r, 1000));
      socket.close();
      return seen.length;
    },
    { url: `ws://127.0.0.1:${SYNC_PORT}`, auth, message },
  );
  expect(answers).toBeGreaterThan(0); // the server answered (authenticated read-only)
  await page.waitForTimeout(1000);
  await expect(stepByLabel(page, 'Forged step')).toHaveCount(0);
  // A newcomer with the edit token would see it if the server had kept it: it did not.
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await viewer.context.close();
});

test('others’ names, pointers and selected steps show on the canvas', async ({ page, browser }) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  const other = await join(browser, edit, 'Pia');
  await expect(other.page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.getByRole('list', { name: 'People here' })).toContainText('Pia');
  await stepByLabel(other.page, 'Paid?').click();
  const pane = await other.page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  await other.page.mouse.move(pane.x + pane.width / 2, pane.y + 40);
  await other.page.mouse.move(pane.x + pane.width / 2 + 30, pane.y + 60, { steps: 4 });
  await expect(page.locator('.lf-peer-pointer[data-peer="Pia"]')).toBeVisible();
  await expect(page.locator('.lf-peer-selection[data-peer="Pia"][data-node-id="d"]')).toBeVisible();
  await other.context.close();
});

test('the server restarts between two edits and the map is still there', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  await rename(page, 'Pack order', 'Before restart');
  // Give the server time to write the room (it stores within 3 s of a change).
  await page.waitForTimeout(3500);
  const dataDir = server!.dataDir;
  await server!.stop();
  server = await startSyncServer(SYNC_PORT, dataDir);
  await expect(page.getByTestId('share-status')).toHaveText('Live', { timeout: 45_000 });
  await rename(page, 'Order received', 'After restart');
  // Someone who opens the link now, in a fresh browser, gets both edits from the server.
  const other = await join(browser, edit, 'Rae');
  await expect(stepByLabel(other.page, 'Before restart')).toHaveCount(1, { timeout: 20_000 });
  await expect(stepByLabel(other.page, 'After restart')).toHaveCount(1);
  await other.context.close();
});

test('Stop sharing makes the map local only again and can delete the room', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  await page.getByRole('button', { name: 'Shared' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  await dialog.getByRole('checkbox', { name: /delete the room/ }).check();
  await dialog.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(page.getByTestId('share-status')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
  // Still editable, locally.
  await rename(page, 'Pack order', 'Local again');
  await expect(stepByLabel(page, 'Local again')).toHaveCount(1);
  // The deleted room's link no longer opens.
  const other = await join(browser, edit, 'Zoe');
  await expect(other.page.getByRole('status')).toContainText('the room was deleted', {
    timeout: 30_000,
  });
  await other.context.close();
});

test('a name and colour chosen once in the Share dialog are remembered, and others see them', async ({
  page,
  browser,
}) => {
  await ensureServer();
  const { edit } = await shareExample(page);
  await page.getByRole('button', { name: 'Shared' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Olive Owner');
  await dialog.getByLabel('Your colour').fill('#e11d48');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Remembered: after a reload the dialog still has them, without asking again.
  await page.reload();
  await expect(page.getByTestId('share-status')).toHaveText('Live', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Shared' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toHaveValue('Olive Owner');
  await expect(dialog.getByLabel('Your colour')).toHaveValue('#e11d48');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Someone else on the map sees the name.
  const other = await join(browser, edit, 'Pia');
  await expect(other.page.getByRole('list', { name: 'People here' })).toContainText('Olive Owner', {
    timeout: 20_000,
  });
  await other.context.close();
});

test('a shared map reopens after a reload while the server is down, with the edit made offline', async ({
  page,
}) => {
  await ensureServer();
  await shareExample(page);
  await rename(page, 'Pack order', 'Packed while live');
  await page.waitForTimeout(1000);
  const dataDir = server!.dataDir;
  await server!.stop();
  server = null;
  try {
    await expect(page.getByTestId('share-status')).toContainText('offline', { timeout: 30_000 });
    await rename(page, 'Order received', 'Renamed offline');
    await page.waitForTimeout(1000);
    await page.reload();
    // No server: the map comes back from this browser's own copy, both edits in it.
    await expect(stepByLabel(page, 'Renamed offline')).toHaveCount(1, { timeout: 30_000 });
    await expect(stepByLabel(page, 'Packed while live')).toHaveCount(1);
    await expect(page.getByTestId('share-status')).toContainText('offline');
  } finally {
    server = await startSyncServer(SYNC_PORT, dataDir);
  }
  // When the server is back, the waiting change goes out.
  await expect(page.getByTestId('share-status')).toHaveText('Live', { timeout: 45_000 });
});

test('a shared map with six people fits a 1280 and a 1024 window: people as badges, everyone named in the dialog', async ({
  page,
  browser,
}) => {
  await ensureServer();
  await page.setViewportSize({ width: 1280, height: 800 });
  const { edit } = await shareExample(page);
  const names = ['Pia', 'Quinn Ray', 'Rosa', 'Sam', 'Tom Udo'];
  const others = [];
  for (const name of names) others.push(await join(browser, edit, name));
  const people = page.getByRole('list', { name: 'People here' });
  for (const name of names) await expect(people).toContainText(name);

  // At 1280 px: four badges at most (three people and "+3"), each with its initials and
  // the person's name on hover; the secondary commands are in "More".
  const badges = people.locator('li:visible');
  await expect(badges).toHaveCount(4);
  await expect(badges.nth(0)).toHaveText(/^[A-Z]{1,2}/);
  await expect(badges.nth(3)).toContainText('+3');
  await expect(page.getByRole('button', { name: 'Shared' })).toBeVisible();
  await expectHeaderFits(page, 1280);
  await page.locator('.lf-toolbar summary', { hasText: 'More' }).click();
  await expect(page.getByRole('button', { name: 'New blank map' })).toBeVisible();
  await page.locator('.lf-toolbar summary', { hasText: 'More' }).click();
  await expect(page.getByRole('button', { name: 'New blank map' })).toBeHidden();

  // At 1024 px: one badge with the count, the status shortened.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(badges).toHaveCount(1);
  await expect(badges.first()).toContainText('6');
  await expect(page.getByTestId('share-status')).toHaveAttribute('title', 'Live');
  await expectHeaderFits(page, 1024);

  // The Shared dialog names everyone, and Stop sharing is in reach.
  await page.getByRole('button', { name: 'Shared' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  const everyone = dialog.getByRole('list', { name: 'Everyone on this map' });
  await expect(everyone.getByRole('listitem')).toHaveCount(6);
  for (const name of names) await expect(everyone).toContainText(name);
  await expect(dialog.getByRole('button', { name: 'Stop sharing' })).toBeInViewport();
  await dialog.getByRole('button', { name: 'Close' }).click();
  for (const other of others) await other.context.close();
});

test('the Share dialog’s copy buttons put each link on the clipboard and say "Copied"; the copied view-only link opens the map for viewing', async ({
  page,
  browser,
}) => {
  await ensureServer();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Decision: Paid?' })).toBeVisible();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  await dialog.getByRole('button', { name: 'Share this map' }).click();
  const editLink = dialog.getByRole('textbox', { name: 'Edit link' });
  const viewLink = dialog.getByRole('textbox', { name: 'View-only link' });
  await expect(editLink).not.toHaveValue('');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await dialog.getByRole('button', { name: 'Copy edit link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toHaveCount(1);
  expect(await clipboard()).toBe(await editLink.inputValue());
  await dialog.getByRole('button', { name: 'Copy view-only link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toHaveCount(2);
  const copied = await clipboard();
  expect(copied).toBe(await viewLink.inputValue());
  expect(copied).not.toBe(await editLink.inputValue());
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Someone else opens the copied view-only link: they see the map and cannot change it.
  const other = await join(browser, copied, 'Vera');
  await expect(other.page.getByRole('group', { name: 'Decision: Paid?' })).toBeVisible();
  await expect(
    other.page.getByRole('group', { name: /^(Start|Action|Decision|End): / }),
  ).toHaveCount(6);
  await expect(other.page.getByText('View only · Live')).toBeVisible();
  await other.page.getByRole('button', { name: 'Action', exact: true }).click();
  await expect(
    other.page.getByRole('group', { name: /^(Start|Action|Decision|End): / }),
  ).toHaveCount(6);
  await other.context.close();
});
