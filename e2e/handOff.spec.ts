import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openBlankMap, stepByLabel, typeLabel } from './helpers';

const sidePanel = (page: Page) => page.getByRole('tablist', { name: 'Side panel' });
const leverage = (page: Page) => page.getByRole('region', { name: 'Leverage' }).first();
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const handOffs = (page: Page) => leverage(page).getByRole('region', { name: 'Hand-off list' });
const people = (page: Page) => leverage(page).getByRole('region', { name: 'People' });

/** Types into a number or text field and commits it (blur on Enter). */
async function fill(field: Locator, value: string) {
  await field.fill(value);
  await field.press('Enter');
  await expect(field).not.toBeFocused();
}

/** Adds a person in People and names them, with a role and (for helpers) an hourly cost. */
async function addPerson(page: Page, name: string, role: string, cost?: string) {
  const list = people(page);
  const before = await list.getByRole('listitem').count();
  await list.getByRole('button', { name: 'Add person' }).click();
  const row = list.getByRole('listitem').nth(before);
  await fill(row.getByRole('textbox', { name: 'Name' }), name);
  const group = list.getByRole('group', { name, exact: true });
  await group.getByRole('combobox', { name: 'Role' }).selectOption(role);
  if (cost !== undefined) await fill(group.getByRole('spinbutton', { name: /Hourly cost/ }), cost);
}

/** Selects a step and sets its duration, doer and work type in the Inspector. */
async function assign(page: Page, label: string, minutes: string, doer: string, work?: string) {
  await stepByLabel(page, label).click();
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  await fill(inspector(page).getByRole('spinbutton', { name: 'Duration (minutes)' }), minutes);
  await inspector(page).getByRole('combobox', { name: 'Done by' }).selectOption({ label: doer });
  if (work) await inspector(page).getByRole('combobox', { name: 'Work type' }).selectOption(work);
}

/** The text of every page of a PDF. */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' '));
  }
  return pages;
}

test.describe('hand it off', () => {
  test.use({ viewport: { width: 1400, height: 1000 } });

  test('a new user ranks at Maria’s rate, hands off, agrees once, uses lanes and gives Maria her pack', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openBlankMap(page);

    // Enquiry in -> brief (client) -> kickoff (productive) -> emails -> book -> invoice -> Done.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.keyboard.press('Enter');
    await typeLabel(page, 'Enquiry in');
    for (const label of [
      'Fill in the brief',
      'Hold kickoff call',
      'Answer emails',
      'Book the call',
      'Send invoice',
      'Done',
    ]) {
      await page.keyboard.press('ControlOrMeta+ArrowDown');
      await typeLabel(page, label);
    }
    await inspector(page).getByLabel('Kind').selectOption('end');
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();

    // The target rate from the article's figures: $260,000 / 520 h = $500/h.
    await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
    const panel = leverage(page);
    await fill(panel.getByRole('spinbutton', { name: 'Yearly income goal (USD)' }), '260000');
    await fill(panel.getByRole('spinbutton', { name: 'Productive hours a year' }), '520');
    await expect(panel.getByText('= $500 an hour')).toBeVisible();
    await panel.getByRole('button', { name: 'Use this rate' }).click();
    await fill(panel.getByRole('spinbutton', { name: 'Cases a week' }), '20');

    // People: you, Maria (VA, outsourcer, $15/h), a client and a bookkeeper.
    await people(page).getByRole('button', { name: 'Add person' }).click(); // Me, the owner
    await addPerson(page, 'Maria', 'outsourcer', '15');
    await addPerson(page, 'Acme', 'client');
    await addPerson(page, 'Bookkeeper', 'staff', '40');

    await assign(page, 'Fill in the brief', '60', 'Acme (client)');
    await assign(page, 'Hold kickoff call', '60', 'Me (owner)', 'productive');
    await assign(page, 'Answer emails', '30', 'Me (owner)', 'non-productive');
    await assign(page, 'Book the call', '12', 'Me (owner)', 'non-productive');
    await assign(page, 'Send invoice', '6', 'Me (owner)', 'non-productive');
    // "Done by" lists each person once: no second entry for the owner.
    const doneBy = inspector(page).getByRole('combobox', { name: 'Done by' });
    await expect(doneBy.locator('option')).toHaveText([
      'Me (owner)',
      'Maria (outsourcer)',
      'Acme (client)',
      'Bookkeeper (staff)',
    ]);
    const instructions = inspector(page).getByRole('textbox', { name: 'Instructions' });
    await stepByLabel(page, 'Answer emails').click();
    await instructions.fill('Reply within the hour using the saved answers.');
    await instructions.blur();

    // The ranking: the productive kickoff call is never there; worth is at Maria's $15/h.
    await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
    const items = handOffs(page).getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('Answer emails');
    await expect(items.nth(0)).toContainText(
      "10 h a week at $15/h (Maria's rate) · worth $4,850 a week",
    );
    await expect(handOffs(page)).not.toContainText('Hold kickoff call');
    // The client's hour is in the lead time of a case (2.8 h), in no one's hours.
    await expect(panel.locator('.lf-lev-totals')).toContainText('Lead time per case2.8 h');
    await expect(panel.getByText(/clients and suppliers take 1 h/)).toBeVisible();
    const load = panel.getByRole('region', { name: 'Hours a week per person' });
    await expect(load).not.toContainText('Acme');

    // Picking the bookkeeper re-ranks at $40/h, in the list and in the what-if.
    await items.nth(0).getByRole('checkbox').check();
    await items.nth(1).getByRole('checkbox').check();
    const whatIf = handOffs(page).getByRole('table', { name: 'What if' });
    await expect(whatIf.getByRole('row', { name: /Worth a week/ })).toContainText('$0$6,790');
    await handOffs(page)
      .getByRole('combobox', { name: 'Hand to' })
      .selectOption({ label: 'Bookkeeper (staff)' });
    await expect(items.nth(0)).toContainText("(Bookkeeper's rate) · worth $4,600 a week");
    await expect(whatIf.getByRole('row', { name: /Worth a week/ })).toContainText('$0$6,440');
    await handOffs(page)
      .getByRole('combobox', { name: 'Hand to' })
      .selectOption({ label: 'Maria (outsourcer)' });
    await handOffs(page).getByRole('button', { name: 'Apply hand-offs' }).click();
    await expect(items).toHaveCount(1);

    // One finding for Maria, naming both steps; its fix opens her agreement with defaults.
    await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
    const findings = page.getByRole('region', { name: 'Findings' });
    const missing = findings.locator('.lf-finding', { hasText: 'No service agreement' });
    await expect(missing).toHaveCount(1);
    await expect(missing).toContainText(
      "Maria has no service agreement for 'Answer emails' and 'Book the call'",
    );
    await missing.getByRole('button', { name: /Open Maria's agreement with the defaults/ }).click();
    const agreement = people(page)
      .getByRole('group', { name: 'Maria', exact: true })
      .getByRole('group', { name: 'Service agreement' });
    await expect(agreement).toContainText('Agreement with Maria');
    await expect(agreement.getByRole('spinbutton', { name: 'Turnaround (hours)' })).toBeFocused();
    await expect(agreement.getByRole('spinbutton', { name: 'Turnaround (hours)' })).toHaveValue(
      '24',
    );
    await expect(agreement.getByRole('spinbutton', { name: 'On-time bonus (%)' })).toHaveValue(
      '25',
    );
    await expect(agreement.getByRole('combobox', { name: 'Escalate to' })).toHaveValue('Me');
    await expect(agreement.getByRole('textbox', { name: 'Review results' })).toHaveValue('Weekly');
    await fill(agreement.getByRole('textbox', { name: 'Quality metric' }), 'Replies without typos');
    await fill(agreement.getByRole('textbox', { name: 'Minimum acceptable level' }), '95%');
    await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
    await expect(missing).toHaveCount(0);

    // Lanes: a band per person; dragging a step into Maria's band makes it hers (one undo).
    await page.getByRole('button', { name: 'Show lanes' }).click();
    const lanes = page.getByRole('list', { name: 'Lanes' });
    await expect(lanes.getByRole('listitem')).toHaveText([
      'MeOwner',
      'MariaOutsourcer',
      'AcmeClient',
      'BookkeeperStaff',
    ]);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(400);
    const mariaLane = lanes.getByRole('listitem', { name: 'Maria (Outsourcer)' });
    const invoice = stepByLabel(page, 'Send invoice');
    const from = (await invoice.boundingBox())!;
    const to = (await mariaLane.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      const y =
        from.y + from.height / 2 + ((to.y + to.height / 2 - from.y - from.height / 2) * i) / 10;
      await page.mouse.move(from.x + from.width / 2 + i * 4, y);
    }
    await page.mouse.up();
    await page.screenshot({ path: 'reports/hand-off-lanes.png' });
    await invoice.click();
    await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
    await expect(doneBy.locator('option:checked')).toHaveText('Maria (outsourcer)');
    await expect(inspector(page).getByText('Done by Maria at $15/h.')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(doneBy.locator('option:checked')).toHaveText('Me (owner)');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(doneBy.locator('option:checked')).toHaveText('Maria (outsourcer)');

    // View as Maria: every step that is not hers is dimmed.
    await page.getByRole('combobox', { name: 'View as' }).selectOption({ label: 'Maria' });
    await expect(page.locator('.lf-node.is-dimmed')).toHaveCount(4);
    await expect(stepByLabel(page, 'Answer emails').locator('.lf-node')).not.toHaveClass(
      /is-dimmed/,
    );
    await expect(stepByLabel(page, 'Hold kickoff call').locator('.lf-node')).toHaveClass(
      /is-dimmed/,
    );
    await page.getByRole('combobox', { name: 'View as' }).selectOption({ label: 'Everyone' });

    // Maria's hand-off pack: a print-ready page, printed to PDF, with her steps and agreement.
    await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
    await people(page).getByRole('button', { name: 'Hand-off pack for Maria' }).click();
    const pack = page.getByRole('dialog', { name: 'Hand-off pack' });
    const doc = pack.getByRole('article', { name: 'Hand-off pack for Maria' });
    await expect(doc.getByRole('heading', { level: 3 })).toHaveText([
      'Answer emails',
      'Book the call',
      'Send invoice',
    ]);
    await expect(doc.getByRole('img', { name: "Maria's part of the map" })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync('reports/hand-off-pack.pdf', pdf);
    const text = (await pdfPages(pdf)).join('\n');
    for (const part of [
      'Hand-off pack: Maria',
      'From Me',
      'Answer emails',
      'Reply within the hour using the saved answers.',
      'Comes in from',
      'Hold kickoff call',
      '20 times a week',
      'Turnaround',
      '24 h',
      'Replies without typos',
      '95%',
      '25% for work on time without help',
      'Weekly',
    ]) {
      expect(text).toContain(part);
    }
    // The print stylesheet leaves the editor out.
    expect(text).not.toContain('Tidy up');
    expect(text).not.toContain('Print / Save as PDF');

    // Her read-only map: downloaded, then opened in Leverflow with her instructions beside it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      pack.getByRole('button', { name: 'Download read-only map for Maria' }).click(),
    ]);
    const file = readFileSync((await download.path())!);
    const part = JSON.parse(file.toString('utf8')) as { handOff?: { personName: string } };
    expect(part.handOff?.personName).toBe('Maria');
    await pack.getByRole('button', { name: 'Close' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: file,
    });
    const banner = page.getByRole('status').filter({ hasText: 'Read-only' });
    await expect(banner).toContainText("Read-only: Maria's part of");
    const steps = page.getByRole('region', { name: 'Instructions' });
    await expect(steps.getByRole('heading', { level: 3 })).toHaveText([
      'Answer emails',
      'Book the call',
      'Send invoice',
    ]);
    await expect(steps).toContainText('Reply within the hour using the saved answers.');
    await expect(page.getByRole('img', { name: "Maria's part of the map" })).toBeVisible();
    // Nothing to edit: no palette, no canvas.
    await expect(page.locator('.react-flow')).toHaveCount(0);
  });

  test('packs for everyone print one person per page, and a selection of steps has its own pack', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(stepByLabel(page, 'Pack order')).toBeVisible();
    await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
    await people(page).getByRole('button', { name: 'Hand-off packs for everyone' }).click();
    const pack = page.getByRole('dialog', { name: 'Hand-off pack' });
    await expect(pack.getByRole('article')).toHaveCount(2);
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    const starts = pages.map((text) => text.match(/Hand-off pack: (Me|Virtual assistant)/)?.[1]);
    expect(starts.filter(Boolean)).toEqual(['Me', 'Virtual assistant']);
    // Each person starts a page of their own.
    expect(pages.findIndex((t) => t.includes('Hand-off pack: Virtual assistant'))).toBeGreaterThan(
      pages.findIndex((t) => t.includes('Hand-off pack: Me')),
    );
    // Markdown, to paste anywhere.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await pack.getByRole('button', { name: 'Copy Markdown' }).click();
    // The copy is written once the text is built: read the clipboard until it is there.
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 })
      .toContain('# Hand-off pack: Me');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('### 1. Check payment');
    expect(markdown).toContain('# Hand-off pack: Virtual assistant');
    await page.keyboard.press('Escape');
    await expect(pack).toHaveCount(0);

    // A selection of steps.
    await stepByLabel(page, 'Check payment').click();
    await stepByLabel(page, 'Pack order').click({ modifiers: ['Shift'] });
    await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
    await inspector(page)
      .getByRole('button', { name: 'Hand-off pack for the selected steps' })
      .click();
    const selected = pack.getByRole('article', { name: 'Hand-off pack for Selected steps' });
    await expect(selected.getByRole('heading', { level: 3 })).toHaveText([
      'Check payment',
      'Pack order',
    ]);
  });
});
