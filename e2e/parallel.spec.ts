import { expect, type Locator, type Page, test } from '@playwright/test';
import { connect, openBlankMap, stepByLabel, typeLabel } from './helpers';

// Issue 14, "Both happen": parallel work drawn, fixed and checked the way a new user would.

const sidePanel = (page: Page) => page.getByRole('tablist', { name: 'Side panel' });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const leverage = (page: Page) => page.getByRole('region', { name: 'Leverage' }).first();
const findings = (page: Page) => page.getByRole('region', { name: 'Findings' });

async function fill(field: Locator, value: string) {
  await field.fill(value);
  await field.press('Enter');
  await expect(field).not.toBeFocused();
}

/** The owner's line in "Hours a week per person". */
const ownerLoad = (page: Page) =>
  leverage(page)
    .getByRole('region', { name: 'Hours a week per person' })
    .getByRole('listitem')
    .filter({ hasText: 'Me' });

test('kickoff call leads to both gift and project: "They all happen" adds a split and a join, hours count in full, then a deadlock is named', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openBlankMap(page);

  // Signed -> Kickoff call -> Order gift -> Welcome email -> Done, and Kickoff call -> Set up project -> Welcome email.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Signed');
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, 'Kickoff call');
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, 'Order gift');
  await stepByLabel(page, 'Kickoff call').click();
  await page.keyboard.press('ControlOrMeta+ArrowRight');
  await typeLabel(page, 'Set up project');
  await stepByLabel(page, 'Order gift').click();
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, 'Welcome email');
  await connect(page, stepByLabel(page, 'Set up project'), stepByLabel(page, 'Welcome email'));
  await stepByLabel(page, 'Welcome email').click();
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, 'Done');
  await inspector(page).getByLabel('Kind').selectOption('end');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);

  // The owner does both branches: 30 minutes each, 3 cases a week.
  await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
  await fill(leverage(page).getByRole('spinbutton', { name: 'Cases a week' }), '3');
  await leverage(page)
    .getByRole('region', { name: 'People' })
    .getByRole('button', { name: 'Add person' })
    .click();
  for (const label of ['Order gift', 'Set up project']) {
    await stepByLabel(page, label).click();
    await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
    await fill(inspector(page).getByRole('spinbutton', { name: 'Duration (minutes)' }), '30');
    await expect(
      inspector(page).getByRole('spinbutton', { name: /^Out-of-pocket cost per pass/ }),
    ).toBeVisible();
    await inspector(page)
      .getByRole('combobox', { name: 'Done by' })
      .selectOption({ label: 'Me (owner)' });
  }
  // Read as an either/or, each branch counts half: 2 x 30 min x 3 x 0.5 = 1.5 h.
  await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
  await expect(ownerLoad(page)).toContainText('1.5 h of');

  // The hidden decision, and its fix "They all happen".
  await page.getByRole('button', { name: /^Findings:/ }).click();
  const hidden = findings(page).locator('.lf-finding').filter({ hasText: 'Hidden decision' });
  await expect(hidden).toContainText('whether they all happen or only one');
  await hidden
    .getByRole('button', {
      name: /They all happen: split in parallel after 'Kickoff call' and join before 'Welcome email'/,
    })
    .click();
  await expect(page.locator('.react-flow__node-parallel')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /^Findings: Map is sound/ })).toBeVisible();
  await expect(findings(page).locator('.lf-finding--error')).toHaveCount(0);
  await expect(findings(page).getByText('Hidden decision')).toHaveCount(0);
  // The split's two arrows have no label, and a parallel step is asked for none.
  await expect(page.locator('.lf-edge-label:not(.is-marker-only)')).toHaveCount(0);
  await expect(findings(page).getByText('Unlabelled branch')).toHaveCount(0);
  // A parallel step is a bar with an accessible name.
  await expect(page.locator('.react-flow__node-parallel').first()).toHaveAttribute(
    'aria-label',
    /^Parallel/,
  );

  // A parallel step has no owner, duration or cost, but has instructions.
  await page.locator('.react-flow__node-parallel').first().click();
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  await expect(inspector(page).getByLabel('Kind')).toHaveValue('parallel');
  await expect(inspector(page).getByRole('spinbutton', { name: 'Duration (minutes)' })).toHaveCount(
    0,
  );
  await expect(inspector(page).getByRole('combobox', { name: 'Done by' })).toHaveCount(0);
  await expect(
    inspector(page).getByRole('spinbutton', { name: /^Out-of-pocket cost per pass/ }),
  ).toHaveCount(0);
  const instructions = inspector(page).getByRole('textbox', { name: 'Instructions' });
  await instructions.fill('Start both as soon as the call ends.');
  await instructions.blur();
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.locator('.react-flow__node-parallel').first().click();
  await expect(inspector(page).getByRole('textbox', { name: 'Instructions' })).toHaveValue(
    'Start both as soon as the call ends.',
  );

  // Both branches now run in every case: 2 x 30 min x 3 = 3 h of the owner's week.
  await sidePanel(page).getByRole('tab', { name: 'Leverage' }).click();
  await expect(ownerLoad(page)).toContainText('3 h of');

  // A deadlock: "Set up project" may now also end the case ("Cancelled"), so the join can wait forever.
  await stepByLabel(page, 'Set up project').click();
  await page.keyboard.press('ControlOrMeta+ArrowRight');
  await typeLabel(page, 'Cancelled');
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  await inspector(page).getByLabel('Kind').selectOption('end');
  await page.getByRole('button', { name: /^Findings:/ }).click();
  const deadlock = findings(page).locator('.lf-finding').filter({ hasText: 'Waits forever' });
  await expect(deadlock).toContainText(
    "waits for every branch, but 'Set up project' can send the case another way",
  );
  await page.screenshot({ path: 'reports/parallel-deadlock.png' });
});
