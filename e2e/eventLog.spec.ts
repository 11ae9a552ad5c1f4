import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { stepByLabel } from './helpers';

const SAMPLE = new URL('../public/samples/order-fulfilment.csv', import.meta.url);

/**
 * The virtual assistant's on-time share in the sample, worked out here from the file itself:
 * each "Pack order" is on time when it completes within 24 hours of the case's previous
 * event (the hand-over), the turnaround of the default agreement.
 */
function expectedOnTime(): { onTime: number; steps: number } {
  const rows = readFileSync(SAMPLE, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
  let onTime = 0;
  let steps = 0;
  rows.forEach(([caseId, activity, , complete, who], i) => {
    const prev = rows[i - 1];
    if (who !== 'Virtual assistant' || !prev || prev[0] !== caseId) return;
    steps++;
    const hours = (Date.parse(complete!) - Date.parse(prev[3]!)) / 3_600_000;
    if (hours <= 24 && activity === 'Pack order') onTime++;
  });
  return { onTime, steps };
}

async function openSampleLog(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.getByRole('tab', { name: 'Log' }).click();
  await page.getByRole('button', { name: 'Try the sample log' }).click();
  const dialog = page.getByRole('dialog', { name: /Which column is which/ });
  await expect(dialog).toBeVisible();
  // The guess from the header: nothing to change.
  await expect(dialog.getByLabel('Case id', { exact: true })).toHaveValue('0');
  await expect(dialog.getByLabel('Start timestamp', { exact: true })).toHaveValue('2');
  await dialog.getByRole('button', { name: 'Import log' }).click();
  await expect(page.getByRole('status').filter({ hasText: '400 cases, 898 events' })).toBeVisible({
    timeout: 20_000,
  });
}

test.describe('event log', () => {
  test('a new user replays the sample log on the example map, fixes the deviation, checks the VA, discovers a map', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // The event-log worker runs under the page's Content-Security-Policy without a violation.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Reflect.set(window, '__violations', seen);
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await openSampleLog(page);

    // Frequency: cases through each step, counts on the arrows.
    await expect(stepByLabel(page, 'Check payment').locator('.lf-log-badge')).toHaveText(
      '400 cases',
    );
    await expect(stepByLabel(page, 'Pack order').locator('.lf-log-badge')).toHaveText('400 cases');
    await expect(stepByLabel(page, 'Send reminder').locator('.lf-log-badge')).toHaveText(
      /^\d+ cases$/,
    );
    await expect(page.locator('.lf-edge-log[data-edge-id="e6"]')).toHaveText('400');
    await expect(page.locator('.lf-edge-flow')).not.toHaveCount(0);
    await page.screenshot({ path: 'test-results/event-log-frequency.png' });

    // An edit to the map is replayed again (in the log's worker): remove the arrow from
    // "Send reminder" back to "Check payment" and its count goes, the moves along it become a
    // deviation with the same count, fewer cases follow the map; Undo brings it all back.
    const deviations = page.getByRole('region', { name: /Deviations/ });
    await expect(page.getByRole('heading', { name: 'Deviations (1)' })).toBeVisible();
    const back = page.locator('.lf-edge-log[data-edge-id="e5"]');
    await expect(back).toHaveText(/^\d+$/);
    const moves = Number(await back.textContent());
    const follow = page.getByRole('status').filter({ hasText: /\d+ follow/ });
    const following = Number((await follow.textContent())?.match(/([\d,]+) follow/)?.[1]);
    expect(moves).toBeGreaterThan(0);
    await page.locator('.react-flow__edge[data-id="e5"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__edge[data-id="e5"]')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Deviations (2)' })).toBeVisible();
    await expect(
      deviations.getByRole('listitem').filter({ hasText: '“Send reminder” → “Check payment”' }),
    ).toContainText(`no arrow on the map (${moves} times)`);
    await expect(follow).not.toContainText(`${following} follow`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('heading', { name: 'Deviations (1)' })).toBeVisible();
    await expect(back).toHaveText(String(moves));
    await expect(follow).toContainText(`${following} follow`);

    // Time: median and 90th percentile per step, waits on arrows, the slowest step tinted.
    await page.getByRole('radio', { name: 'Time' }).check();
    await expect(stepByLabel(page, 'Pack order').locator('.lf-log-badge')).toHaveText(
      /^median \d+(\.\d)? min · p90 \d+(\.\d)? min$/,
    );
    await expect(
      page
        .locator('.lf-edge-log')
        .filter({ hasText: /^waits / })
        .first(),
    ).toBeVisible();
    await expect(page.locator('.lf-log-slow')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/event-log-time.png' });

    // The planted deviation: after a reminder, some orders were packed without a new check.
    await expect(page.getByRole('heading', { name: 'Deviations (1)' })).toBeVisible();
    const planted = deviations
      .getByRole('listitem')
      .filter({ hasText: '“Send reminder” → “Pack order”' });
    await expect(planted).toContainText(/no arrow on the map \(\d+ times\)/);
    await planted.getByRole('button', { name: 'Add to map' }).click();
    await expect(page.getByRole('heading', { name: 'Deviations (0)' })).toBeVisible();
    await expect(stepByLabel(page, 'After Send reminder?')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '400 follow' })).toBeVisible();
    // One undo step takes the whole change back, and redo brings it again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('heading', { name: 'Deviations (1)' })).toBeVisible();
    await expect(stepByLabel(page, 'After Send reminder?')).toHaveCount(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.getByRole('heading', { name: 'Deviations (0)' })).toBeVisible();

    // The VA packs every order; with the default agreement (24 h), how many were on time?
    await page.getByRole('button', { name: 'Add an agreement for Virtual assistant' }).click();
    const { onTime, steps } = expectedOnTime();
    expect(steps).toBe(400);
    const share = `${Math.round((100 * onTime) / steps)}% of ${steps}`;
    const vaRow = page.getByRole('row').filter({ hasText: 'Virtual assistant' });
    await expect(vaRow.getByRole('cell', { name: 'Virtual assistant on time' })).toHaveText(share);
    await expect(vaRow).toContainText('24 h');
    expect(onTime).toBeLessThan(steps); // the sample has late packing, so the check means something

    // Lead time: the histogram with median and 90th percentile, against the map's estimate.
    const histogram = page.getByRole('img', { name: /Lead time histogram: 400 cases, median/ });
    await histogram.scrollIntoViewIfNeeded();
    await expect(histogram).toBeVisible();
    await expect(page.getByText('Estimated from the map')).toBeVisible();
    await page
      .locator('.lf-log-histogram')
      .screenshot({ path: 'test-results/event-log-histogram.png' });

    // Discover a map through the sliders, and open it as a normal map.
    const activities = page.getByRole('slider', { name: /Activities/ });
    await activities.focus();
    await page.keyboard.press('Home');
    await expect(page.getByText(/^1 step, \d+ decisions?,/)).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByText(/^3 steps, 2 decisions, \d+ of \d+ paths/)).toBeVisible();
    const paths = page.getByRole('slider', { name: /Paths/ });
    await paths.focus();
    await page.keyboard.press('Home');
    await expect(page.getByRole('slider', { name: 'Paths: 0%' })).toBeVisible();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Open as a map' }).click();
    await expect(page.locator('.lf-map-name')).toHaveText('Discovered from order-fulfilment.csv', {
      timeout: 30_000,
    });
    for (const label of ['Check payment', 'Send reminder', 'Pack order', 'After Check payment?']) {
      await expect(stepByLabel(page, label)).toBeVisible();
    }
    expect(await page.evaluate(() => Reflect.get(window, '__violations'))).toEqual([]);
  });

  test('remove the log, cancel the column dialog, and read an XES file picked from the File menu', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openSampleLog(page);
    // The log is kept with the map in browser storage: it is there again after a reload.
    await expect(page.getByText('Kept with the map in this browser.')).toBeVisible();
    await page.reload();
    await page.getByRole('tab', { name: 'Log' }).click();
    await expect(page.getByRole('status').filter({ hasText: '400 cases, 898 events' })).toBeVisible(
      {
        timeout: 20_000,
      },
    );
    await expect(stepByLabel(page, 'Pack order').locator('.lf-log-badge')).toHaveText('400 cases');
    await page.getByRole('button', { name: 'Remove log' }).click();
    await expect(page.locator('.lf-log-badge')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try the sample log' })).toBeVisible();
    await page.reload();
    await page.getByRole('tab', { name: 'Log' }).click();
    await expect(page.getByRole('button', { name: 'Try the sample log' })).toBeVisible();
    await expect(page.locator('.lf-log-badge')).toHaveCount(0);

    await page.getByRole('button', { name: 'Try the sample log' }).click();
    await page
      .getByRole('dialog', { name: /Which column is which/ })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expect(page.getByRole('dialog', { name: /Which column is which/ })).toBeHidden();
    await expect(page.locator('.lf-log-badge')).toHaveCount(0);

    await page.getByText('File', { exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page
      .getByRole('toolbar', { name: 'Map commands' })
      .getByRole('button', { name: 'Open event log…' })
      .click();
    await (await chooser).setFiles(
      new URL('../public/samples/order-fulfilment.xes', import.meta.url).pathname,
    );
    await expect(
      page.getByRole('status').filter({ hasText: '300 cases, 658 events, 300 follow' }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole('heading', { name: 'Deviations (0)' })).toBeVisible();
  });

  test('a dropped semicolon CSV: ambiguous dates asked, a broken row listed, an activity matched by hand, marks, observed figures and CSV tables', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    const csv = [
      'Order;Status;Date;Agent',
      'o1;check payment;01/02/2026 09:00;Me',
      'o1;Pack   order;01/02/2026 11:00;Virtual assistant',
      'o2;check payment;02/02/2026 09:00;Me',
      'o2;Call customer;02/02/2026 10:00;Me',
      'o2;Send reminder;03/02/2026 09:00;Me',
      'o2;check payment;04/02/2026 09:00;Me',
      'o2;pack order;04/02/2026 10:00;Virtual assistant',
      'o3;pack order;not a date;Me',
    ].join('\n');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'orders.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    await page.dispatchEvent('.react-flow', 'drop', { dataTransfer });

    const dialog = page.getByRole('dialog', { name: /Which column is which\? \(orders\.csv\)/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Case id', { exact: true })).toHaveValue('0');
    await expect(dialog.getByLabel('Activity', { exact: true })).toHaveValue('1');
    await expect(dialog.getByLabel('Resource (who)', { exact: true })).toHaveValue('3');
    // Every date could be day/month or month/day: asked, not guessed.
    await expect(dialog.getByRole('alert')).toContainText('please choose');
    await expect(dialog.getByRole('button', { name: 'Import log' })).toBeDisabled();
    await dialog.getByRole('radio', { name: /Day first/ }).check();
    await dialog.getByRole('button', { name: 'Import log' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: 'orders.csv: 2 cases, 7 events' }),
    ).toBeVisible();
    await page.getByText('1 row could not be read and was skipped').click();
    await expect(page.getByText('Line 9: timestamp "not a date" is not a dmy date')).toBeVisible();
    await expect(stepByLabel(page, 'Pack order').locator('.lf-log-badge')).toHaveText('2 cases');
    await expect(page.getByRole('heading', { name: 'Deviations (0)' })).toBeVisible();

    // Matched by hand: the call is a kind of reminder, which makes a reminder follow a reminder.
    await page.getByLabel(/Call customer \(1 event\) is/).selectOption({ label: 'Send reminder' });
    await expect(page.getByRole('heading', { name: 'Deviations (1)' })).toBeVisible();
    const twice = page
      .getByRole('listitem')
      .filter({ hasText: '“Send reminder” → “Send reminder”' });
    await twice.getByRole('button', { name: 'Mark as intended' }).click();
    await expect(page.getByRole('heading', { name: 'Deviations (0)' })).toBeVisible();
    await page.getByText('Marked as intended (1)').click();
    await page.getByRole('button', { name: 'Show again' }).click();
    await expect(page.getByRole('heading', { name: 'Deviations (1)' })).toBeVisible();

    // Observed figures into the map, as one undo step; the step table says so.
    const stepTable = async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Steps as CSV' }).click();
      const file = await (await download).path();
      return readFileSync(file, 'utf8');
    };
    expect(await stepTable()).toContain('Pack order,2,2,90.0,114.0,15');
    await page.getByRole('button', { name: 'Use observed figures' }).click();
    expect(await stepTable()).toContain('Pack order,2,2,90.0,114.0,90');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await stepTable()).toContain('Pack order,2,2,90.0,114.0,15');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'People as CSV' }).click();
    const people = readFileSync(await (await download).path(), 'utf8');
    expect(people.split(/\r?\n/)[0]).toBe(
      'Person,Agreed turnaround (hours),Steps,On time,On-time %,Late cases,Bonus weeks',
    );
    expect(people).toContain('Virtual assistant,,2,,,,');
  });

  test('Cancel stops a long read and keeps nothing', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    const rows = ['Case,Activity,Timestamp'];
    for (let i = 0; i < 400_000; i++)
      rows.push(`c${i >> 2},Pack order,2026-01-0${1 + (i % 4)}T10:00:00Z`);
    await page.getByRole('tab', { name: 'Log' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page
      .getByRole('tabpanel', { name: 'Log' })
      .getByRole('button', { name: 'Open event log…' })
      .click();
    await (await chooser).setFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n')),
    });
    await page
      .getByRole('dialog', { name: /Which column is which/ })
      .getByRole('button', { name: 'Import log' })
      .click();
    await expect(page.getByRole('progressbar', { name: 'Reading the event log' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try the sample log' })).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.locator('.lf-log-badge')).toHaveCount(0);
  });
});
