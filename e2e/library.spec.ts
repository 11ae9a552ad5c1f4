import { expect, type Page, test } from '@playwright/test';
import { stepByLabel } from './helpers';

/** The save indicator in the toolbar. */
const saveStatus = (page: Page) => page.locator('.lf-save-status');

async function openAndSettle(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => storedOpenMapId(page)).toBeTruthy();
}

type RawOp = 'openMapId' | 'plantOlder' | 'corruptHead' | 'headNodeCount' | 'makeNewer' | 'record';

/**
 * Works on the raw Leverflow database in the page, to plant faults and read what is stored.
 * `plantOlder` adds an older, sealed version of the open map whose "Pack order" step is
 * named "Pack order (older)"; `corruptHead` breaks the head version's text; `makeNewer`
 * marks the open map as written by a newer Leverflow.
 */
function rawDb<T>(page: Page, op: RawOp, arg = ''): Promise<T> {
  return page.evaluate(
    async ([op, arg]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('leverflow');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      // biome-ignore lint/suspicious/noExplicitAny: raw records in a test
      const call = (r: IDBRequest): Promise<any> =>
        new Promise((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const get = (store: string, key: string) =>
        call(db.transaction(store).objectStore(store).get(key));
      const put = (store: string, value: unknown) =>
        call(db.transaction(store, 'readwrite').objectStore(store).put(value));
      try {
        const meta = await get('meta', 'app');
        if (op === 'openMapId') return meta?.openMapId;
        const record = await get('maps', meta.openMapId);
        const head = await get('versions', record.headVersionId);
        switch (op) {
          case 'plantOlder': {
            const map = JSON.parse(head.text);
            map.nodes = map.nodes.map((n: { label: string }) =>
              n.label === 'Pack order' ? { ...n, label: 'Pack order (older)' } : n,
            );
            const text = JSON.stringify(map);
            const time = head.savedAt - 3_600_000;
            await put('versions', {
              ...head,
              id: 'v-0000000001-0000-older',
              savedAt: time,
              startedAt: time,
              sealed: true,
              text,
              size: text.length,
            });
            return null;
          }
          case 'corruptHead':
            await put('versions', {
              ...head,
              text: '{"format":"leverflow-map","version":1,"nodes":[{"id":',
            });
            return null;
          case 'headNodeCount':
            return JSON.parse(head.text).nodes.length;
          case 'makeNewer': {
            const newer = { ...record, schemaVersion: 99, future: { field: true } };
            await put('maps', newer);
            return JSON.stringify(newer);
          }
          case 'record':
            return JSON.stringify(await get('maps', arg));
        }
        return null;
      } finally {
        db.close();
      }
    },
    [op, arg] as const,
  ) as Promise<T>;
}

/** Opens the toolbar's File menu (a <summary>, which has no button role). */
const openFileMenu = (page: Page) => page.locator('.lf-menu > summary').click();

const storedOpenMapId = (page: Page) => rawDb<string | undefined>(page, 'openMapId');

test.describe('the library keeps maps in the browser', () => {
  test('first run lands on the example, saved in the library', async ({ page }) => {
    await openAndSettle(page);
    await expect(saveStatus(page)).toHaveText(/Saved/);
    await page.getByRole('button', { name: 'Library' }).click();
    const dialog = page.getByRole('dialog', { name: 'Library' });
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    await expect(dialog.getByRole('listitem').first()).toContainText('6 steps');
  });

  test('guarantee 1: an edit made just before a reload is there after it, with the view', async ({
    page,
  }) => {
    await openAndSettle(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const viewport = page.locator('.react-flow__viewport');
    await page.waitForTimeout(600); // the view is remembered when a move ends (throttled)
    const transform = await viewport.getAttribute('style');
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    await page.reload(); // no wait: the page-close flush and rescue copy must keep it
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    await expect.poll(() => viewport.getAttribute('style')).toBe(transform);
    // And after the tab is closed and the app opened again.
    const again = await page.context().newPage();
    await page.close();
    await again.goto('/');
    await expect(again.locator('.react-flow__node')).toHaveCount(7);
  });

  test('create, open, rename, duplicate, search, trash and restore', async ({ page }) => {
    await openAndSettle(page);
    await page.getByRole('button', { name: 'New blank map' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await page.getByRole('button', { name: 'Library' }).click();
    const dialog = page.getByRole('dialog', { name: 'Library' });
    const items = dialog.getByRole('list', { name: 'Maps' }).getByRole('listitem');
    await expect(items).toHaveCount(2);

    const blank = dialog.getByRole('listitem', { name: 'Untitled map' });
    await blank.getByRole('button', { name: 'Rename' }).click();
    await blank.getByRole('textbox', { name: 'New name' }).fill('Hiring <b>flow</b>');
    await blank.getByRole('button', { name: 'Save name' }).click();
    const hiring = dialog.getByRole('listitem', { name: 'Hiring <b>flow</b>' });
    await expect(hiring).toBeVisible();
    await expect(page.locator('.lf-map-name')).toHaveText('Hiring <b>flow</b>');

    await hiring.getByRole('button', { name: 'Duplicate' }).click();
    await expect(items).toHaveCount(3);
    const copy = dialog.getByRole('listitem', { name: 'Hiring <b>flow</b> (copy)' });
    await expect(copy).toBeVisible();

    await dialog.getByRole('searchbox', { name: 'Search maps by name' }).fill('HIRING');
    await expect(items).toHaveCount(2);
    await dialog.getByRole('searchbox', { name: 'Search maps by name' }).fill('');
    await expect(items).toHaveCount(3);

    await copy.getByRole('button', { name: 'Move to trash' }).click();
    await expect(items).toHaveCount(2);
    await dialog.getByRole('tab', { name: 'Trash' }).click();
    const trashed = dialog.getByRole('list', { name: 'Maps in the trash' }).getByRole('listitem');
    await expect(trashed).toHaveCount(1);
    await page.screenshot({ path: 'reports/library-trash.png' });
    await trashed.getByRole('button', { name: 'Restore' }).click();
    await expect(dialog.getByText('The trash is empty.')).toBeVisible();
    await dialog.getByRole('tab', { name: 'Maps' }).click();
    await expect(items).toHaveCount(3);
    await page.screenshot({ path: 'reports/library.png' });

    await dialog
      .getByRole('listitem', { name: 'Order fulfilment (example)' })
      .getByRole('button', { name: 'Open' })
      .click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(page.locator('.lf-map-name')).toHaveText('Order fulfilment (example)');
  });

  test('version history: each version drawn with what changed; restoring one is undoable and keeps the current one', async ({
    page,
  }) => {
    await openAndSettle(page);
    await rawDb(page, 'plantOlder');
    await openFileMenu(page);
    await page.getByRole('button', { name: 'Version history…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Version history' });
    const items = dialog.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText('current');
    // Each version is drawn small, with what changed since the one saved before it.
    await expect(items.nth(0)).toContainText("Renamed 'Pack order (older)' to 'Pack order'.");
    await expect(items.nth(1)).toContainText('The oldest version kept.');
    for (const item of await items.all()) {
      await expect(item.locator('.lf-history__preview svg')).toBeVisible();
    }
    await dialog.screenshot({ path: 'test-results/version-history.png' });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(stepByLabel(page, 'Pack order (older)')).toBeVisible();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(stepByLabel(page, 'Pack order')).toBeVisible();
    await openFileMenu(page);
    await page.getByRole('button', { name: 'Version history…' }).click();
    await expect(dialog.getByRole('listitem')).toHaveCount(3);
  });
});

test.describe('storage faults', () => {
  test('guarantee 2: a full quota warns, keeps the map, retries, and saves once space is freed', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if (Reflect.get(window, '__lfFull') === true && this.name === 'versions') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      } as typeof put;
    });
    await openAndSettle(page);
    await page.evaluate(() => Reflect.set(window, '__lfFull', true));
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'error');
    await expect(saveStatus(page)).toContainText('Not saved');
    await expect(saveStatus(page)).toContainText('Storage is full');
    await expect(saveStatus(page).getByRole('button', { name: 'Export map' })).toBeVisible();
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    // What was stored before is intact while the disk is full.
    const stored = await rawDb<number>(page, 'headNodeCount');
    expect(stored).toBe(6);
    await page.evaluate(() => Reflect.set(window, '__lfFull', false));
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved', { timeout: 8000 });
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
  });

  test('guarantee 3: without IndexedDB the app works in memory, says so, and offers export', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await page.goto('/');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(page.getByRole('alert')).toContainText('cannot save maps in this browser');
    await expect(saveStatus(page)).toContainText('Not saved');
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    const download = page.waitForEvent('download');
    await saveStatus(page).getByRole('button', { name: 'Export map' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.leverflow\.json$/);
  });

  test('guarantee 3: IndexedDB that fails to open is reported the same way', async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    await page.goto('/');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(page.getByRole('alert')).toContainText('cannot save maps');
    await expect(saveStatus(page)).toHaveAttribute('data-reason', 'unavailable');
  });

  test('guarantee 5: a corrupt stored map is not loaded; the last good version opens and the user is told', async ({
    page,
  }) => {
    await openAndSettle(page);
    await rawDb(page, 'plantOlder');
    await rawDb(page, 'corruptHead');
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('could not be read');
    await expect(stepByLabel(page, 'Pack order (older)')).toBeVisible();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
  });

  test('guarantee 6: a second tab follows an edit made in the first', async ({ context }) => {
    const one = await context.newPage();
    await openAndSettle(one);
    const two = await context.newPage();
    await two.goto('/');
    await expect(two.locator('.react-flow__node')).toHaveCount(6);
    await one.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(one.locator('.react-flow__node')).toHaveCount(7);
    await expect(two.locator('.react-flow__node')).toHaveCount(7);
    await expect(saveStatus(two)).toHaveAttribute('data-state', 'saved');
    // And back: the second tab's edit reaches the first; nothing is overwritten.
    await two.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(one.locator('.react-flow__node')).toHaveCount(8);
  });

  test('guarantee 7: a map written by a newer Leverflow is never overwritten', async ({ page }) => {
    await openAndSettle(page);
    const before = await rawDb<string>(page, 'makeNewer');
    const id = JSON.parse(before).id as string;
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('newer');
    // The app opened something else; editing it must not touch the newer map.
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
    const after = await rawDb<string>(page, 'record', id);
    expect(after).toBe(before);
  });
});

test('the Library opened again after a new map was made lists it from its first frame, never the list of the last time', async ({
  page,
}) => {
  await openAndSettle(page);
  const dialog = page.getByRole('dialog', { name: 'Library' });
  const items = dialog.getByRole('list', { name: 'Maps' }).getByRole('listitem');
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(items).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(saveStatus(page)).toHaveAttribute('data-state', 'saved');
  // Every count of listed maps the dialog shows, from the moment it opens.
  await page.evaluate(() => {
    const box = document.querySelector('dialog.lf-library');
    if (!box) throw new Error('no Library dialog');
    const seen: number[] = [];
    const note = () => {
      if ((box as HTMLDialogElement).open) {
        seen.push(box.querySelectorAll('ul[aria-label="Maps"] > li').length);
      }
    };
    new MutationObserver(note).observe(box, { attributes: true, childList: true, subtree: true });
    (window as unknown as { seenCounts: number[] }).seenCounts = seen;
  });
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(items).toHaveCount(2);
  const seen = await page.evaluate(
    () => (window as unknown as { seenCounts: number[] }).seenCounts,
  );
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((count) => count !== 0 && count !== 2)).toEqual([]);
});
