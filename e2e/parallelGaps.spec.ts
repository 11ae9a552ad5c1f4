import { expect, type Page, test } from '@playwright/test';
import { extractMapFromPng } from '../src/io/pngMapChunk';
import {
  BPMN_NS,
  downloadExport,
  drawnMap,
  dropFile,
  findings,
  fitViewAndWait,
  importFile,
  inspector,
  openApp,
  pasteMapFile,
  pasteMapText,
  sidePanel,
  stepByLabel,
} from './helpers';

// Issue 14's bullets an audit found without an end-to-end test (notes/audit14.md, "Gaps"):
// BPMN conditions, defaults, implicit starts, unlinked link catches, unnamed tasks, CR/LF
// names and a defect inside a sub-process; Mermaid fork shapes; JSON and PNG round trips of a
// map with parallel steps; no chance on a split's arrows; a parallel block in both themes.

const parallelBars = (page: Page) => page.getByRole('group', { name: /^Parallel/ });

const flow = (id: string, source: string, target: string, inner = '') =>
  inner
    ? `<sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}">${inner}</sequenceFlow>`
    : `<sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"/>`;

test('a BPMN file: an implicit start, a condition and a default as labels, an unlinked link catch, an unnamed task, a CR/LF name and a deadlock inside a sub-process, and the export writes them back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions ${BPMN_NS} id="D" targetNamespace="t"><process id="P" name="Orders">
  <startEvent id="s" name="Order in"/>
  <task id="cb" name="Call back"/>
  <intermediateCatchEvent id="lc" name="Resume"><linkEventDefinition name="resume"/></intermediateCatchEvent>
  <task id="chk" name="Check order"/>
  <task id="u"/>
  <exclusiveGateway id="g" name="In stock?" default="fdef"/>
  <task id="pk" name="Pack&#13;&#10;and seal"/>
  <task id="bo" name="Back-order"/>
  <subProcess id="sp" name="Ship order">
    <startEvent id="ss" name="Begin"/>
    <exclusiveGateway id="fr" name="Fragile?"/>
    <task id="wr" name="Wrap"/><task id="bx" name="Box"/>
    <parallelGateway id="pd" name="Packed"/>
    <task id="ho" name="Hand over"/><endEvent id="se" name="Gone"/>
    ${flow('i1', 'ss', 'fr')}
    <sequenceFlow id="i2" name="Yes" sourceRef="fr" targetRef="wr"/>
    <sequenceFlow id="i3" name="No" sourceRef="fr" targetRef="bx"/>
    ${flow('i4', 'wr', 'pd')}${flow('i5', 'bx', 'pd')}${flow('i6', 'pd', 'ho')}${flow('i7', 'ho', 'se')}
  </subProcess>
  <endEvent id="e" name="Shipped"/><endEvent id="w" name="Waiting"/>
  ${flow('f1', 's', 'chk')}${flow('f2', 'cb', 'chk')}${flow('f3', 'lc', 'chk')}${flow('f4', 'chk', 'u')}${flow('f5', 'u', 'g')}
  ${flow('fcond', 'g', 'pk', '<conditionExpression xsi:type="tFormalExpression">stock &gt; 0</conditionExpression>')}
  ${flow('fdef', 'g', 'bo')}${flow('f6', 'pk', 'sp')}${flow('f7', 'sp', 'e')}${flow('f8', 'bo', 'w')}
</process></definitions>`;
  await importFile(page, 'orders.bpmn', 'application/xml', Buffer.from(xml));

  // The import report: the path that begins at 'Call back' gets an added start, 'Resume' none.
  const notice = page.locator('.lf-notice');
  await expect(notice).toContainText(
    "Added 1 start before 'Call back': the BPMN path begins there without a start event",
    { timeout: 60_000 },
  );
  await expect(notice).not.toContainText("before 'Resume'");
  await expect(notice).toContainText("Sub-process 'Ship order' was expanded in place");

  // The condition is the arrow's label; the default flow reads "Otherwise".
  await expect(page.locator('.lf-edge-label').filter({ hasText: /^stock > 0$/ })).toHaveCount(1);
  await expect(page.locator('.lf-edge-label').filter({ hasText: /^Otherwise$/ })).toHaveCount(1);
  // The name with a line break inside shows on its step, both lines.
  const packed = page.getByRole('group', { name: /^Action: Pack\s+and seal$/ });
  await expect(packed).toHaveCount(1);
  await expect(packed).toContainText('Pack');
  await expect(packed).toContainText('and seal');
  // The sub-process's steps are named after it.
  await expect(page.getByRole('group', { name: 'Parallel: Ship order / Packed' })).toHaveCount(1);

  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  // The unlinked link catch is a step no case runs, not an added start.
  await expect(findings(page)).toContainText("No case can ever run 'Resume'");
  // The unnamed task is unnamed: missing label.
  await expect(findings(page)).toContainText('A step has no name');
  // The deadlock inside the sub-process is found and named "<sub-process> / <step>".
  const deadlock = findings(page).locator('.lf-finding').filter({ hasText: 'Waits forever' });
  await expect(deadlock).toContainText(
    "'Ship order / Packed' waits for every branch, but 'Ship order / Fragile?' can send the case another way",
  );

  // Export BPMN writes the condition, the default and the CR/LF name back.
  const { bytes } = await downloadExport(page, 'Export BPMN');
  const out = bytes.toString('utf8');
  expect(out).toMatch(
    /<(bpmn:)?conditionExpression[^>]*>stock &gt; 0<\/(bpmn:)?conditionExpression>/,
  );
  const gateway = out.match(/<(bpmn:)?exclusiveGateway [^>]*name="In stock\?"[^>]*>/)?.[0] ?? '';
  const defaultId = gateway.match(/ default="([^"]+)"/)?.[1];
  expect(defaultId).toBeTruthy();
  expect(out).toMatch(new RegExp(`<(bpmn:)?sequenceFlow id="${defaultId}"[^>]*targetRef="[^"]+"`));
  expect(out).toContain('name="Pack&#13;&#10;and seal"');
});

test('Mermaid: a flowchart with fork shapes pasted through "Paste a map…" shows parallel bars', async ({
  page,
}) => {
  await openApp(page);
  await pasteMapText(
    page,
    [
      'flowchart TD',
      '  s([Signed]) --> p@{ shape: fork, label: "Both at once" }',
      '  p --> g[Order gift]',
      '  p --> u[Set up project]',
      '  g --> j@{ shape: fork, label: "Both done" }',
      '  u --> j',
      '  j --> e([Done])',
    ].join('\n'),
  );
  await expect(parallelBars(page)).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'Parallel: Both at once' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Parallel: Both done' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Action: Order gift' })).toBeVisible();
  // Read as a split and a join, the map is sound.
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  await expect(findings(page).getByRole('status').first()).toHaveText(
    'Map is sound: every step leads to an end.',
  );
});

/** A split, a bar that is both a join and a split, a join, then a decision. */
const SPLIT_JOIN_MAP = {
  version: 3,
  name: 'Onboarding',
  settings: { currency: 'USD', targetHourlyRate: 500, casesPerWeek: 10 },
  people: [],
  acceptedFindings: [],
  nodes: [
    ['s', 'start', 'Signed'],
    ['p', 'parallel', 'Both'],
    ['a', 'action', 'Order gift'],
    ['b', 'action', 'Set up project'],
    ['m', 'parallel', 'Both done, next two'],
    ['c', 'action', 'Write card'],
    ['d', 'action', 'Book call'],
    ['j', 'parallel', 'All done'],
    ['q', 'decision', 'Approved?'],
    ['w', 'action', 'Welcome'],
    ['e', 'end', 'Done'],
    ['x', 'end', 'Dropped'],
  ].map(([id, kind, label], i) => ({
    id,
    kind,
    label,
    position: { x: (i % 2) * 240, y: i * 110 },
    ...(kind === 'action' ? { durationMinutes: 20 } : {}),
  })),
  edges: [
    ['s', 'p'],
    ['p', 'a', 'Gift'],
    ['p', 'b', 'Project'],
    ['a', 'm'],
    ['b', 'm'],
    ['m', 'c'],
    ['m', 'd'],
    ['c', 'j'],
    ['d', 'j'],
    ['j', 'q'],
    ['q', 'w', 'Yes'],
    ['q', 'x', 'No'],
    ['w', 'e'],
  ].map(([source, target, label], i) => ({
    id: `a${i}`,
    source,
    target,
    ...(label ? { label } : {}),
  })),
};

test('a map with a bar that is both join and split: JSON and PNG export open again with the same steps, kinds and arrows; no chance on a split arrow', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await pasteMapFile(page, SPLIT_JOIN_MAP);
  await expect(parallelBars(page)).toHaveCount(3);
  await expect(page.getByRole('group', { name: 'Parallel: Both done, next two' })).toBeVisible();
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  await expect(findings(page).getByRole('status').first()).toHaveText(
    'Map is sound: every step leads to an end.',
  );
  const before = await drawnMap(page);
  expect(before.steps).toHaveLength(12);
  expect(before.arrows).toBe(13);

  // An arrow out of the split offers no chance; an arrow out of the decision does. The map
  // opens on its start; Fit view first brings the decision's arrows into the canvas too
  // (clicking a label outside it failed once in CI: nothing was selected).
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.locator('.lf-edge-label', { hasText: 'Gift' }).click();
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  await expect(inspector(page).getByRole('textbox', { name: 'Label' }).first()).toBeVisible();
  await expect(inspector(page).getByRole('spinbutton', { name: 'Chance (%)' })).toHaveCount(0);
  await page.locator('.lf-edge-label', { hasText: 'Yes' }).click();
  await expect(inspector(page).getByRole('spinbutton', { name: 'Chance (%)' })).toBeVisible();

  // JSON out, and in again through File › Import file….
  const json = await downloadExport(page, 'Export JSON');
  expect(JSON.parse(json.bytes.toString('utf8')).version).toBe(3);
  await importFile(page, json.name, 'application/json', json.bytes);
  await expect(page.locator('.lf-map-name')).toHaveText('Onboarding (2)');
  await expect(parallelBars(page)).toHaveCount(3);
  expect(await drawnMap(page)).toEqual(before);

  // PNG out, and in again by dropping it on the canvas.
  const png = await downloadExport(page, 'Export PNG');
  expect(png.name).toMatch(/\.png$/);
  // The map inside the picture (its iTXt chunk) is a version 3 file with the three bars.
  const embedded = extractMapFromPng(new Uint8Array(png.bytes));
  if (!embedded.ok) throw new Error(embedded.message);
  const inPng = JSON.parse(embedded.text);
  expect(inPng.format).toBe('leverflow-map');
  expect(inPng.version).toBe(3);
  expect(
    inPng.nodes
      .filter((n: { kind: string }) => n.kind === 'parallel')
      .map((n: { label: string }) => n.label)
      .sort(),
  ).toEqual(['All done', 'Both', 'Both done, next two']);
  await dropFile(page, png.bytes, png.name, 'image/png');
  await expect(page.locator('.lf-map-name')).toHaveText('Onboarding (3)');
  await expect(parallelBars(page)).toHaveCount(3);
  expect(await drawnMap(page)).toEqual(before);
});

/** The relative lightness (0 to 1) of a computed `rgb(…)` colour. */
function lightness(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test('a parallel block in the light and the dark theme (screenshots)', async ({ page }) => {
  await pasteMapFile(page, SPLIT_JOIN_MAP);
  await expect(parallelBars(page)).toHaveCount(3);
  const themeButton = page
    .getByRole('toolbar', { name: 'Map commands' })
    .getByRole('button', { name: /^Theme: / });
  for (const theme of ['light', 'dark'] as const) {
    for (let i = 0; i < 3; i++) {
      if ((await themeButton.getAttribute('aria-label')) === `Theme: ${theme}`) break;
      await themeButton.click();
    }
    await expect(themeButton).toHaveAttribute('aria-label', `Theme: ${theme}`);
    // Measured once the view has stopped moving (its 200 ms animation).
    await fitViewAndWait(page);
    // Each bar is drawn as a short thick bar (far wider than tall, a few pixels thick), with
    // its "+" on it, readable: the "+" is drawn in a colour far from its disc's.
    for (const step of await parallelBars(page).all()) {
      const bar = await step.locator('.lf-bar').boundingBox();
      if (!bar) throw new Error('bar not drawn');
      expect(bar.width).toBeGreaterThan(4 * bar.height);
      expect(bar.height).toBeGreaterThanOrEqual(4);
      const plus = step.locator('.lf-bar__plus');
      await expect(plus).toBeVisible();
      await expect(plus).toHaveText('+');
      const disc = await plus.boundingBox();
      if (!disc) throw new Error('plus not drawn');
      const middle = { x: disc.x + disc.width / 2, y: disc.y + disc.height / 2 };
      expect(middle.x).toBeGreaterThan(bar.x);
      expect(middle.x).toBeLessThan(bar.x + bar.width);
      expect(middle.y).toBeGreaterThan(bar.y);
      expect(middle.y).toBeLessThan(bar.y + bar.height);
      // Nothing is drawn over the "+": the page's topmost element at its middle is the "+".
      expect(
        await plus.evaluate((el, { x, y }) => el.contains(document.elementFromPoint(x, y)), middle),
      ).toBe(true);
      const [glyph, ground] = await plus.evaluate((el) => [
        getComputedStyle(el).color,
        getComputedStyle(el).backgroundColor,
      ]);
      expect(Math.abs(lightness(glyph!) - lightness(ground!))).toBeGreaterThan(0.3);
    }
    // The toolbar's Tidy up direction reads in both themes (its arrow was light on light in dark).
    const [text, back] = await page
      .getByRole('combobox', { name: 'Tidy up direction' })
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect(Math.abs(lightness(text!) - lightness(back!))).toBeGreaterThan(0.5);
    await page.screenshot({ path: `reports/parallel-block-${theme}.png` });
  }
});

test('a merge every case passes inside one parallel branch is named "every case waits here", and clicking the finding selects it', async ({
  page,
}) => {
  await openApp(page);
  await pasteMapText(
    page,
    [
      'flowchart TD',
      '  s([Order in]) --> p@{ shape: fork, label: "Both at once" }',
      '  p --> d{Gift wrap?}',
      '  d -->|Yes| x[Wrap]',
      '  d -->|No| y[Bag]',
      '  x --> m[Label parcel]',
      '  y --> m',
      '  p --> o[Send invoice]',
      '  m --> j@{ shape: fork, label: "Both done" }',
      '  o --> j',
      '  j --> w[Ship]',
      '  w --> e([Done])',
    ].join('\n'),
  );
  await expect(parallelBars(page)).toHaveCount(2, { timeout: 30_000 });
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  const panel = findings(page);
  // "Send invoice" runs beside the wrapping, not instead of it: every case still labels.
  await expect(panel).toContainText(
    "Every case passes through 'Label parcel', where 2 paths merge: when it stalls, every case waits.",
  );
  await panel.getByRole('button', { name: /Every case passes through 'Label parcel'/ }).click();
  await expect(page.locator('.react-flow__node.selected')).toHaveAttribute(
    'aria-label',
    /Label parcel/,
  );
});

test('a rework loop inside a parallel branch: the Findings tab shows both the work time and the lead time (its longest branch), in one unit', async ({
  page,
}) => {
  const step = (id: string, kind: string, label: string, y: number, minutes?: number) => ({
    id,
    kind,
    label,
    position: { x: 0, y },
    ...(minutes ? { durationMinutes: minutes } : {}),
  });
  await pasteMapFile(page, {
    version: 3,
    name: 'Pick and invoice',
    settings: { currency: 'USD', targetHourlyRate: 500, casesPerWeek: 10 },
    people: [],
    acceptedFindings: [],
    nodes: [
      step('s', 'start', 'Order in', 0),
      step('p', 'parallel', 'Both at once', 100),
      step('a', 'action', 'Pick', 200, 30),
      step('d', 'decision', 'Picked right?', 300),
      step('b', 'action', 'Send invoice', 200, 45),
      step('j', 'parallel', 'Both done', 400),
      step('w', 'action', 'Ship', 500, 10),
      step('e', 'end', 'Done', 600),
    ].map((n, i) => ({ ...n, position: { x: n.id === 'b' ? 300 : 0, y: n.position.y + i } })),
    edges: [
      { id: 'r1', source: 's', target: 'p' },
      { id: 'r2', source: 'p', target: 'a' },
      { id: 'r3', source: 'a', target: 'd' },
      { id: 'r4', source: 'd', target: 'j', label: 'Yes', probability: 0.5 },
      { id: 'r5', source: 'd', target: 'a', label: 'No', probability: 0.5 },
      { id: 'r6', source: 'p', target: 'b' },
      { id: 'r7', source: 'b', target: 'j' },
      { id: 'r8', source: 'j', target: 'w' },
      { id: 'r9', source: 'w', target: 'e' },
    ],
  });
  await expect(page.locator('.lf-map-name')).toHaveText('Pick and invoice');
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  const metrics = findings(page).locator('.lf-metrics');
  // Picking takes two passes on average (60 min), beside 45 min of invoicing, then shipping.
  await expect(metrics).toContainText('Work time per case115 min');
  await expect(metrics).toContainText('Lead time per case70 min (estimate)');

  // Shipping takes 15 minutes instead of 10: the work time reaches two hours, and both times
  // read in hours (not "2.0 h" beside "75 min").
  await stepByLabel(page, 'Ship').click();
  await sidePanel(page).getByRole('tab', { name: 'Inspector' }).click();
  const duration = inspector(page).getByRole('spinbutton', { name: 'Duration (minutes)' });
  await duration.fill('15');
  await duration.press('Enter');
  await sidePanel(page).getByRole('tab', { name: 'Findings' }).click();
  await expect(metrics).toContainText('Work time per case2.0 h');
  await expect(metrics).toContainText('Lead time per case1.3 h (estimate)');
});
