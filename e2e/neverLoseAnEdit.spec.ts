import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { stepByLabel } from './helpers';

/**
 * Issue 13, "never lose an edit": each case a careful person still hit, driven the way they
 * hit it. Faults come from init scripts (storage that refuses writes, a clock set back), CDP
 * (site data cleared) and two tabs of one browser.
 */

const saveStatus = (page: Page) => page.locator('.lf-save-status');
const banner = (page: Page) => page.locator('.lf-banner[role=alert]');
const nodes = (page: Page) => page.locator('.react-flow__node');

async function openAndSettle(page: Page, steps = 6) {
  await page.goto('/');
  await expect(nodes(page)).toHaveCount(steps);
  await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
}

/**
 * From then on, IndexedDB refuses to store versions in this page while `window.__lfRefuse`
 * is true (as when a page is being torn down, or the disk is full).
 */
async function refusableWrites(page: Page | BrowserContext) {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      if (Reflect.get(window, '__lfRefuse') === true && this.name === 'versions') {
        throw new DOMException('Refused by the test.', 'UnknownError');
      }
      return put.apply(this, args);
    } as typeof put;
  });
}
const refuseWrites = (page: Page) => page.evaluate(() => Reflect.set(window, '__lfRefuse', true));

/** The id of the open map, as the app stored it. */
function openMapId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('leverflow');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const meta = await new Promise<{ openMapId: string }>((resolve, reject) => {
        const r = db.transaction('meta').objectStore('meta').get('app');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      return meta.openMapId;
    } finally {
      db.close();
    }
  });
}

/** Opens the map of that name from the Library (which fails if the Library does not list it). */
async function openFromLibrary(page: Page, name: string) {
  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Library' });
  await dialog.getByRole('listitem', { name }).getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.lf-map-name')).toHaveText(name);
}

/** Opens a map file through the File menu's file input. */
async function importFile(page: Page, name: string, text: string) {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** A map file of the example plus `count` steps with labels `labelLength` characters long. */
function bigMapFile(count: number, labelLength: number): string {
  const nodes: unknown[] = [
    { id: 's', kind: 'start', label: 'Start', position: { x: 0, y: -200 } },
  ];
  for (let i = 0; i < count; i++) {
    nodes.push({
      id: `n${i}`,
      kind: 'action',
      label: `Step ${i} `.padEnd(labelLength, 'x'),
      position: { x: (i % 100) * 260, y: Math.floor(i / 100) * 160 },
    });
  }
  return JSON.stringify({
    format: 'leverflow-map',
    version: 2,
    name: 'Big map',
    settings: { currency: 'USD', targetHourlyRate: 100, casesPerWeek: 10, defaultHandOffRate: 25 },
    people: [],
    nodes,
    edges: [],
    acceptedFindings: [],
  });
}

test.describe('issue 13: edits are never lost', () => {
  test('item 1: on a 10,000-step map with 480-character labels, the second of two quick edits survives a reload', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await refusableWrites(page);
    await openAndSettle(page);
    const file = bigMapFile(10_000, 480);
    expect(file.length).toBeGreaterThan(5_200_000); // more than localStorage holds
    await importFile(page, 'big.leverflow.json', file);
    await expect(page.locator('.lf-map-name')).toHaveText('Big map', { timeout: 90_000 });
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved', { timeout: 90_000 });
    const counts = page.locator('.lf-inspector .lf-muted');
    await expect(counts).toContainText('10001 steps');
    // From here IndexedDB stores nothing (as when the write does not land before the page
    // goes): only the rescue copy can hold the edits, and the map's file does not fit there.
    await refuseWrites(page);
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await page.getByRole('button', { name: 'End', exact: true }).click();
    await expect(page.locator('.lf-inspector').getByRole('textbox', { name: 'Label' })).toHaveValue(
      'End',
    );
    await page.reload();
    await expect(page.locator('.lf-map-name')).toHaveText('Big map', { timeout: 90_000 });
    await expect(page.locator('.lf-inspector .lf-muted')).toContainText('10003 steps', {
      timeout: 90_000,
    });
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved', { timeout: 90_000 });
  });

  test('item 2: a leftover copy that fills localStorage does not keep the next edit from being rescued, and is cleared', async ({
    page,
  }) => {
    test.setTimeout(180_000); // filling localStorage takes a while on a busy machine
    await refusableWrites(page);
    await openAndSettle(page);
    // Another map's big leftover copy fills localStorage to the last few hundred characters.
    const free = await page.evaluate(() => {
      const key = 'leverflow:rescue-data:map-left-over';
      localStorage.setItem(
        'leverflow:rescue:map-left-over',
        JSON.stringify({ mapId: 'map-left-over', baseRevision: 1, tabId: 't', editedAt: 1 }),
      );
      // The largest leftover that fits (a binary search, as the quota is not exposed).
      let low = 0;
      let high = 6_000_000;
      while (high - low > 50) {
        const size = Math.floor((low + high) / 2);
        try {
          localStorage.setItem(key, 'x'.repeat(size));
          low = size;
        } catch {
          high = size;
        }
      }
      localStorage.setItem(key, 'x'.repeat(low));
      try {
        localStorage.setItem('probe', 'y'.repeat(300));
        localStorage.removeItem('probe');
        return 300;
      } catch {
        return 0;
      }
    });
    expect(free).toBe(0);
    await refuseWrites(page);
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'error');
    await page.reload(); // IndexedDB never got the edit: only the rescue copy holds it
    await expect(nodes(page)).toHaveCount(7);
    await expect(banner(page)).toContainText('Recovered changes');
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
    const left = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('leverflow:rescue')),
    );
    expect(left).toEqual([]);
  });

  test('item 3: the losing tab of a conflict keeps its older edit as "(recovered)" when closed', async ({
    context,
  }) => {
    await refusableWrites(context);
    const one = await context.newPage();
    await openAndSettle(one);
    const two = await context.newPage();
    await openAndSettle(two);
    await refuseWrites(one);
    await one.getByRole('button', { name: 'Decision', exact: true }).click();
    await expect(saveStatus(one)).toHaveAttribute('data-state', 'error');
    // The other tab's edit comes later and is saved.
    await two.getByRole('button', { name: 'End', exact: true }).click();
    await expect(saveStatus(two)).toHaveAttribute('data-state', 'saved');
    await expect(banner(one)).toContainText('neither change is lost');
    await one.close({ runBeforeUnload: true });
    const three = await context.newPage();
    await three.goto('/');
    await expect(banner(three)).toContainText('kept as a separate map');
    await expect(nodes(three)).toHaveCount(7);
    await openFromLibrary(three, 'Order fulfilment (example) (recovered)');
    await expect(nodes(three)).toHaveCount(8); // the example, its Decision and the other tab's End
  });

  test('item 4: another tab saving while this tab types a label keeps the editor and the text, and pauses saving', async ({
    context,
  }) => {
    const one = await context.newPage();
    await openAndSettle(one);
    const two = await context.newPage();
    await openAndSettle(two);
    await stepByLabel(one, 'Pack order').dblclick();
    const editor = one.locator('.lf-label-editor');
    await expect(editor).toBeFocused();
    await one.keyboard.press('ControlOrMeta+A');
    await one.keyboard.type('Pack and label');
    await two.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(saveStatus(two)).toHaveAttribute('data-state', 'saved');
    await expect(banner(one)).toContainText('changed in another tab');
    await expect(editor).toHaveValue('Pack and label');
    await one.keyboard.press('Enter');
    await expect(stepByLabel(one, 'Pack and label')).toBeVisible();
    await one.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect(saveStatus(one)).toHaveAttribute('data-state', 'saved');
    await expect(banner(one)).toHaveCount(0);
    await one.reload();
    await expect(one.locator('.lf-map-name')).toHaveText('Order fulfilment (example) (my copy)');
    await expect(stepByLabel(one, 'Pack and label')).toBeVisible();
  });

  test('item 5: a map deleted forever in another tab while edited here offers a copy and export, and a close keeps the edit', async ({
    context,
  }) => {
    const one = await context.newPage();
    await openAndSettle(one);
    const two = await context.newPage();
    await openAndSettle(two);
    // The second tab moves the map to the trash and deletes it forever.
    await two.getByRole('button', { name: 'Library' }).click();
    const dialog = two.getByRole('dialog', { name: 'Library' });
    await dialog
      .getByRole('listitem', { name: 'Order fulfilment (example)' })
      .getByRole('button', { name: 'Move to trash' })
      .click();
    await dialog.getByRole('tab', { name: 'Trash' }).click();
    two.once('dialog', (d) => void d.accept());
    await dialog
      .getByRole('list', { name: 'Maps in the trash' })
      .getByRole('listitem')
      .getByRole('button', { name: 'Delete forever' })
      .click();
    await expect(dialog.getByText('The trash is empty.')).toBeVisible();
    // This tab did not know; it edits the map.
    await one.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(banner(one)).toContainText('deleted in another tab');
    await expect(banner(one).getByRole('button', { name: 'Keep mine as a copy' })).toBeVisible();
    const download = one.waitForEvent('download');
    await banner(one).getByRole('button', { name: 'Export map' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.leverflow\.json$/);
    // Closed without choosing: the next start offers the edit as a recovered map.
    await one.close({ runBeforeUnload: true });
    const three = await context.newPage();
    await three.goto('/');
    await expect(banner(three)).toContainText('Order fulfilment (example) (recovered)');
    await openFromLibrary(three, 'Order fulfilment (example) (recovered)');
    await expect(nodes(three)).toHaveCount(7);
  });

  test('item 6: with the system clock set back an hour, the next edit is still saved', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const now = Date.now.bind(Date);
      Date.now = () => now() - (Reflect.get(window, '__lfBack') === true ? 3_600_000 : 0);
    });
    await openAndSettle(page);
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    await page.evaluate(() => Reflect.set(window, '__lfBack', true));
    await page.getByRole('button', { name: 'Decision', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    // Stored, not only shown: a second tab opens it with both edits.
    const again = await page.context().newPage();
    await again.goto('/');
    await expect(nodes(again)).toHaveCount(8);
  });

  test('item 7: a step duplicated past 10,000,000 px stays at the edge, and the map’s own export opens again', async ({
    page,
  }) => {
    await openAndSettle(page);
    const far = JSON.parse(bigMapFile(0, 0));
    far.name = 'Far';
    far.nodes.push({
      id: 'far',
      kind: 'action',
      label: 'Far away',
      position: { x: 9_999_990, y: 0 },
    });
    await importFile(page, 'far.leverflow.json', JSON.stringify(far));
    await expect(page.locator('.lf-map-name')).toHaveText('Far', { timeout: 30_000 });
    await page.locator('.lf-canvas').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+D');
    await page.keyboard.press('Escape');
    await expect(page.locator('.lf-inspector .lf-muted')).toContainText('4 steps');
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    await page.locator('.lf-menu > summary').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const exported = readFileSync(await (await download).path(), 'utf8');
    const xs = JSON.parse(exported).nodes.map((n: { position: { x: number } }) => n.position.x);
    expect(Math.max(...xs)).toBe(10_000_000);
    await importFile(page, 'far again.leverflow.json', exported);
    await expect(page.locator('.lf-map-name')).toHaveText('Far (2)', { timeout: 30_000 });
    await expect(banner(page)).toHaveCount(0);
  });

  test('item 8: a label typed and not committed is kept when the page closes', async ({ page }) => {
    await openAndSettle(page);
    await stepByLabel(page, 'Pack order').dblclick();
    await expect(page.locator('.lf-label-editor')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Pack, weigh and label');
    await page.reload(); // no Enter
    await expect(stepByLabel(page, 'Pack, weigh and label')).toBeVisible();
    // And when the tab is closed.
    await stepByLabel(page, 'Pack, weigh and label').dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Ship it');
    const again = await page.context().newPage();
    await page.close({ runBeforeUnload: true });
    await again.goto('/');
    await expect(stepByLabel(again, 'Ship it')).toBeVisible();
  });

  test('item 9: in memory-only mode, importing over a named map without steps asks first', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await page.goto('/');
    await expect(nodes(page)).toHaveCount(6);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'New blank map' }).click();
    await expect(nodes(page)).toHaveCount(0);
    const name = page.locator('.lf-inspector').getByRole('textbox', { name: 'Name' });
    await name.fill('Quarter plan');
    await name.press('Tab');
    await expect(page.locator('.lf-map-name')).toHaveText('Quarter plan');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await importFile(
      page,
      'other.leverflow.json',
      JSON.stringify({ ...JSON.parse(bigMapFile(3, 10)), name: 'Other' }),
    );
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/replaces the open map/);
    await expect(page.locator('.lf-map-name')).toHaveText('Quarter plan');
  });

  test('item 10: a rescue copy written by a newer Leverflow is kept, and the person is told', async ({
    page,
  }) => {
    await openAndSettle(page);
    const id = await openMapId(page);
    await page.evaluate((mapId) => {
      localStorage.setItem(
        `leverflow:rescue-data:${mapId}`,
        JSON.stringify({ format: 'leverflow-map', version: 99, name: 'From the future' }),
      );
      localStorage.setItem(
        `leverflow:rescue:${mapId}`,
        JSON.stringify({
          mapId,
          baseRevision: 1,
          tabId: 't',
          editedAt: Date.now() + 1e6,
          version: 99,
        }),
      );
    }, id);
    await page.reload();
    await expect(banner(page)).toContainText('newer version of Leverflow');
    await expect(nodes(page)).toHaveCount(6);
    const kept = await page.evaluate(
      (mapId) => localStorage.getItem(`leverflow:rescue-data:${mapId}`),
      id,
    );
    expect(kept).toContain('From the future');
  });
});

test.describe('issue 13: storage that breaks under the app', () => {
  test('item 17: a version-1 database with no stores is repaired, and maps are saved', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('lf-planted')) return;
      sessionStorage.setItem('lf-planted', '1');
      const request = indexedDB.open('leverflow', 1);
      request.onsuccess = () => request.result.close();
    });
    await openAndSettle(page);
    await expect(banner(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    await page.reload();
    await expect(nodes(page)).toHaveCount(7);
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
  });

  test('item 18: site data cleared while the app is open: it reopens storage and saves again, edits kept', async ({
    page,
  }) => {
    await openAndSettle(page);
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(page.url()).origin,
      storageTypes: 'indexeddb,local_storage',
    });
    await page.getByRole('button', { name: 'Decision', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
    await page.reload();
    await expect(nodes(page)).toHaveCount(8);
    await expect(page.locator('.lf-map-name')).toHaveText('Order fulfilment (example)');
  });
});
