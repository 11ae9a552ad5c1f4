import { expect, type Page, test } from '@playwright/test';
import { openBlankMap, pasteMapFile, stepByLabel, typeLabel } from './helpers';

// Issue 15, items 10-12: fixes that read right, repair their own finding and add no new one.

const panel = (page: Page) => page.getByRole('region', { name: 'Findings' });

async function pasteMap(page: Page, map: object): Promise<void> {
  await pasteMapFile(page, map);
  await page.getByRole('tab', { name: 'Findings' }).click();
}

test('a step deleted from a chain: "Insert a step between" repairs the gap, one undo step', async ({
  page,
}) => {
  await openBlankMap(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Brief in');
  for (const label of ['Draft', 'Review', 'Send']) {
    await page.keyboard.press('ControlOrMeta+ArrowDown');
    await typeLabel(page, label);
  }
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await typeLabel(page, 'Sent');
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Kind').selectOption('end');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(panel(page).getByRole('status')).toHaveText(
    'Map is sound: every step leads to an end.',
  );

  // Take 'Review' out of the chain.
  await stepByLabel(page, 'Review').click();
  await page.keyboard.press('Delete');
  await expect(stepByLabel(page, 'Review')).toHaveCount(0);

  const unreachable = panel(page)
    .locator('.lf-finding')
    .filter({ hasText: 'Steps nothing leads to' });
  await expect(
    unreachable.getByRole('button', { name: "Connect 'Draft' to 'Send'" }),
  ).toBeVisible();
  await expect(
    unreachable.getByRole('button', { name: /^Add a start before 'Send'$/ }),
  ).toBeVisible();
  // The dead end 'Draft' is the other side of the same gap.
  const deadEnd = panel(page).locator('.lf-finding').filter({ hasText: 'Dead ends' });
  await expect(deadEnd.getByRole('button', { name: "Connect 'Draft' to 'Send'" })).toBeVisible();

  await unreachable
    .getByRole('button', { name: "Insert a step between 'Draft' and 'Send'" })
    .click();
  await expect(stepByLabel(page, 'New step')).toBeVisible();
  await expect(panel(page).locator('.lf-finding--error')).toHaveCount(0);
  await expect(panel(page).getByRole('status')).toHaveText(
    'Map is sound: every step leads to an end.',
  );
  // The new step sits between the two, with an arrow in from 'Draft' and out to 'Send'.
  const boxes = await Promise.all(
    ['Draft', 'New step', 'Send'].map((label) => stepByLabel(page, label).boundingBox()),
  );
  expect(boxes[0]!.y).toBeLessThan(boxes[1]!.y);
  expect(boxes[1]!.y).toBeLessThan(boxes[2]!.y);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);

  // One undo step takes the fix back.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(stepByLabel(page, 'New step')).toHaveCount(0);
  await expect(unreachable).toBeVisible();
});

test('fixing steps nothing leads to adds a start of their own: no hidden decision, and other dead ends are left alone', async ({
  page,
}) => {
  await pasteMap(page, {
    name: 'Onboarding',
    nodes: [
      { id: 's', kind: 'start', label: 'Client signs', position: { x: 0, y: 0 } },
      { id: 'k', kind: 'decision', label: 'Kickoff booked?', position: { x: 0, y: 140 } },
      { id: 'c', kind: 'action', label: 'Chase client', position: { x: 260, y: 140 } },
      { id: 'w', kind: 'action', label: 'Send welcome pack', position: { x: 0, y: 300 } },
      { id: 'a', kind: 'action', label: 'Archive contract', position: { x: 520, y: 0 } },
      { id: 'f', kind: 'decision', label: 'Invoice filed?', position: { x: 520, y: 140 } },
      { id: 'e', kind: 'end', label: 'Onboarded', position: { x: 0, y: 440 } },
    ],
    edges: [
      { id: 'e1', source: 's', target: 'k' },
      { id: 'e2', source: 'k', target: 'w', label: 'Yes' },
      { id: 'e3', source: 'k', target: 'c', label: 'No' },
      { id: 'e4', source: 'w', target: 'e' },
      { id: 'e5', source: 'a', target: 'f' },
      { id: 'e6', source: 'f', target: 'a', label: 'No' },
      { id: 'e7', source: 'f', target: 'e', label: 'Yes' },
    ],
  });
  const unreachable = panel(page)
    .locator('.lf-finding')
    .filter({ hasText: 'Steps nothing leads to' });
  const fix = unreachable.getByRole('button', { name: "Add a start before 'Archive contract'" });
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(unreachable).toHaveCount(0);
  // No new warning: the first start still leads one way only.
  await expect(panel(page).getByText('Hidden decision')).toHaveCount(0);
  // The unrelated dead end 'Chase client' is still its own finding, untouched.
  await expect(
    panel(page).locator('.lf-finding--error').filter({ hasText: "'Chase client'" }),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="c"]')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
});

test('a bottleneck offers its real choices side by side: hand it off with the hours it frees, shorten it, split it', async ({
  page,
}) => {
  await pasteMap(page, {
    name: 'Client onboarding',
    settings: { currency: 'USD', targetHourlyRate: 500, casesPerWeek: 3, defaultHandOffRate: 25 },
    people: [
      { id: 'me', name: 'Me', role: 'owner', hourlyCost: 0, hoursPerWeek: 10 },
      { id: 'va', name: 'Maria (VA)', role: 'outsourcer', hourlyCost: 15, hoursPerWeek: 10 },
    ],
    nodes: [
      { id: 's', kind: 'start', label: 'Client signs', position: { x: 0, y: 0 } },
      {
        id: 'k',
        kind: 'action',
        label: 'Hold kickoff call',
        durationMinutes: 60,
        position: { x: 0, y: 140 },
      },
      {
        id: 'w',
        kind: 'action',
        label: 'Send welcome pack',
        durationMinutes: 10,
        position: { x: 0, y: 280 },
      },
      { id: 'e', kind: 'end', label: 'Onboarded', position: { x: 0, y: 420 } },
    ],
    edges: [
      { id: 'e1', source: 's', target: 'k' },
      { id: 'e2', source: 'k', target: 'w' },
      { id: 'e3', source: 'w', target: 'e' },
    ],
  });
  const bottleneck = panel(page).locator('.lf-finding').filter({ hasText: 'Bottleneck' });
  const choices = bottleneck.locator('.lf-finding__fixes .lf-fix:not(.lf-fix--quiet)');
  await expect(choices).toHaveText([
    "Hand 'Hold kickoff call' to Maria (VA) (frees 3 h a week of your time), then agree its turnaround and quality with them",
    "Shorten 'Hold kickoff call' from 60 to 30 minutes (a checklist, a template): then 75% of each case",
    "Split 'Hold kickoff call' into 4 parts of 15 minutes that others can do",
  ]);
  // Hand it off: the step is Maria's, as its badge shows; one undo step.
  await choices.first().click();
  const badge = stepByLabel(page, 'Hold kickoff call').locator('.lf-owner');
  await expect(badge).toHaveText('MA');
  await expect(badge).toHaveAttribute('title', 'Done by Maria (VA)');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(badge).toHaveAttribute('title', "No one assigned: counted as Me's");
  // Undo brings back the same three choices (the analysis runs after the edit settles);
  // click Shorten by its name, not its place, so a list still being redrawn cannot
  // send the click to another choice.
  await expect(choices).toHaveCount(3);
  await expect(choices.nth(0)).toHaveText(/^Hand 'Hold kickoff call' to Maria/);
  // Shorten it: the Inspector shows the new duration.
  await choices.filter({ hasText: /^Shorten 'Hold kickoff call'/ }).click();
  await stepByLabel(page, 'Hold kickoff call').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByRole('spinbutton', { name: /Duration/ }),
  ).toHaveValue('30');
});
