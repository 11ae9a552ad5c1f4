import { expect, type Locator, type Page, test } from '@playwright/test';
import { openBlankMap, stepByLabel, typeLabel } from './helpers';

const sidePanel = (page: Page) => page.getByRole('tablist', { name: 'Side panel' });
const leverage = (page: Page) => page.getByRole('region', { name: 'Leverage' }).first();
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
/** The totals at the top of the panel (cost per case, cost per week, your rate). */
const totals = (page: Page) => leverage(page).locator('.lf-lev-totals');
const handOffs = (page: Page) => leverage(page).getByRole('region', { name: 'Hand-off list' });

/** Types into a number or text field and commits it (blur on Enter). */
async function fill(field: Locator, value: string) {
  await field.fill(value);
  await field.press('Enter');
  await expect(field).not.toBeFocused();
}

/** Selects a step on the canvas and gives it a duration and a doer in the Inspector. */
async function assign(page: Page, label: string, minutes: string, doer: string, work: string) {
  await stepByLabel(page, label).click();
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  await fill(inspector(page).getByRole('spinbutton', { name: 'Duration (minutes)' }), minutes);
  await inspector(page).getByRole('combobox', { name: 'Done by' }).selectOption({ label: doer });
  await inspector(page).getByRole('combobox', { name: 'Work type' }).selectOption(work);
}

test.describe('leverage: what to hand off', () => {
  // Tall enough for the whole summary in the screenshot.
  test.use({ viewport: { width: 1280, height: 1500 } });

  test('a new user sets a target rate, assigns steps, hands one off and undoes it', async ({
    page,
  }) => {
    await openBlankMap(page);

    // Enquiry in -> Answer customer emails -> Send quote -> Done.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.keyboard.press('Enter');
    await typeLabel(page, 'Enquiry in');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Answer customer emails');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Send quote');
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, 'Done');
    await inspector(page).getByLabel('Kind').selectOption('end');

    // The Leverage tab: the target rate from the calculator, cases a week, and people.
    await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
    const panel = leverage(page);
    await fill(panel.getByRole('spinbutton', { name: 'Yearly income goal (USD)' }), '260000');
    await fill(panel.getByRole('spinbutton', { name: 'Productive hours a year' }), '520');
    await expect(panel.getByText('= $500 an hour')).toBeVisible();
    await panel.getByRole('button', { name: 'Use this rate' }).click();
    await expect(panel.getByRole('spinbutton', { name: 'Target hourly rate (USD/h)' })).toHaveValue(
      '500',
    );
    await fill(panel.getByRole('spinbutton', { name: 'Cases a week' }), '20');

    const people = panel.getByRole('region', { name: 'People' });
    await people.getByRole('button', { name: 'Add person' }).click(); // you, the owner
    await people.getByRole('button', { name: 'Add person' }).click(); // a helper
    const helper = people.getByRole('group', { name: 'Helper 1' });
    // Renaming renames the group too, so commit with Enter and look the person up again.
    await helper.getByRole('textbox', { name: 'Name' }).fill('Virtual assistant');
    await helper.getByRole('textbox', { name: 'Name' }).press('Enter');
    const va = people.getByRole('group', { name: 'Virtual assistant' });
    await expect(va.getByRole('combobox', { name: 'Role' })).toHaveValue('outsourcer');
    await expect(va.getByRole('spinbutton', { name: 'Hourly cost (USD)' })).toHaveValue('25');

    // Durations and owners, step by step in the Inspector.
    await assign(page, 'Answer customer emails', '30', 'Me (owner)', 'non-productive');
    await assign(page, 'Send quote', '5', 'Me (owner)', 'productive');

    // The ranked hand-off list: 30 min x 20 cases = 10 h a week, worth 10 x (500 - 25) at the
    // assistant's rate. Send quote is productive: the owner's to keep, never ranked.
    await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
    const items = handOffs(page).getByRole('listitem');
    await expect(items).toHaveCount(1);
    await expect(items.nth(0)).toContainText('Answer customer emails');
    await expect(items.nth(0)).toContainText(
      "10 h a week at $25/h (Virtual assistant's rate) · worth $4,750 a week",
    );
    await expect(handOffs(page)).not.toContainText('Send quote');
    await expect(totals(page)).toContainText('Cost per case$292'); // 35 min at $500/h

    // What-if: before and after side by side; the map is unchanged until Apply.
    await items.nth(0).getByRole('checkbox').check();
    const whatIf = handOffs(page).getByRole('table', { name: 'What if' });
    await expect(whatIf.getByRole('row', { name: /Your hours a week/ })).toContainText(
      '11.7 h1.7 h',
    );
    await expect(whatIf.getByRole('row', { name: /Worth a week/ })).toContainText('$0$4,750');
    await expect(whatIf.getByRole('row', { name: /Cost per case/ })).toContainText('$292$54.17');
    await page.locator('.lf-side').screenshot({ path: 'reports/leverage-summary.png' });

    await handOffs(page).getByRole('button', { name: 'Apply hand-offs' }).click();
    await expect(handOffs(page)).toContainText('Nothing yet');
    await expect(totals(page)).toContainText('Cost per case$54.17');
    const load = leverage(page).getByRole('region', { name: 'Hours a week per person' });
    await expect(load.getByRole('listitem').filter({ hasText: 'Virtual assistant' })).toContainText(
      '10 h of 10 h (100%)',
    );

    // One undo step brings it back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(items).toHaveCount(1);
    await expect(items.nth(0)).toContainText('Answer customer emails');
    await expect(totals(page)).toContainText('Cost per case$292');
  });
});
