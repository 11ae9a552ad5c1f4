import { expect, type Page, test } from '@playwright/test';
import { stepByLabel } from './helpers';

// Issue 14: BPMN boundary events and embedded sub-processes come in as the analysis reads
// them; a deadlock inside a parallel block is fixed by moving its decision.

const NS =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"';

const flow = (id: string, source: string, target: string, name?: string) =>
  `<sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"${name ? ` name="${name}"` : ''}/>`;

const shape = (id: string, x: number, y: number, w = 100, h = 80) =>
  `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;

/** A BPMN file as a modeller would save it: the process and its diagram. */
function bpmnFile(body: string, shapes: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<definitions ${NS} id="D" targetNamespace="t"><process id="P" name="Orders">${body}</process>
<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="pl" bpmnElement="P">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>`);
}

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.lf-save-status')).toHaveAttribute('data-state', 'saved');
}

async function importFile(page: Page, name: string, bytes: Buffer) {
  await page.locator('.lf-menu > summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/xml', buffer: bytes });
}

const findings = (page: Page) => page.getByRole('region', { name: 'Findings' });

test('a BPMN file with boundary events and a sub-process opens with decisions, a parallel split and the inner steps', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const xml = bpmnFile(
    `<startEvent id="s" name="Order in"/><task id="pay" name="Take payment"/>
     <boundaryEvent id="declined" name="Card declined" attachedToRef="pay"><errorEventDefinition/></boundaryEvent>
     <task id="cancel" name="Cancel order"/><endEvent id="x" name="Cancelled"/>
     <task id="pack" name="Pack"/>
     <boundaryEvent id="called" name="Customer called" attachedToRef="pack" cancelActivity="false"><messageEventDefinition/></boundaryEvent>
     <task id="note" name="Note the call"/><endEvent id="n" name="Noted"/>
     <subProcess id="ship" name="Ship order"><startEvent id="ss" name="Begin"/><task id="label" name="Print label"/>
       <task id="courier" name="Hand to courier"/><endEvent id="se" name="Gone"/>
       ${flow('i1', 'ss', 'label')}${flow('i2', 'label', 'courier')}${flow('i3', 'courier', 'se')}</subProcess>
     <endEvent id="e" name="Shipped"/>
     ${flow('f1', 's', 'pay')}${flow('f2', 'pay', 'pack')}${flow('f3', 'declined', 'cancel')}${flow('f4', 'cancel', 'x')}
     ${flow('f5', 'pack', 'ship')}${flow('f6', 'called', 'note')}${flow('f7', 'note', 'n')}${flow('f8', 'ship', 'e')}`,
    shape('s', 0, 122, 36, 36) +
      shape('pay', 100, 100) +
      shape('declined', 132, 162, 36, 36) +
      shape('cancel', 100, 260) +
      shape('x', 132, 400, 36, 36) +
      shape('pack', 260, 100) +
      shape('called', 292, 162, 36, 36) +
      shape('note', 260, 260) +
      shape('n', 292, 400, 36, 36) +
      shape('ship', 420, 40, 560, 200) +
      shape('ss', 440, 122, 36, 36) +
      shape('label', 530, 100) +
      shape('courier', 690, 100) +
      shape('se', 880, 122, 36, 36) +
      shape('e', 1040, 122, 36, 36),
  );
  await importFile(page, 'orders.bpmn', xml);
  // The import report says what became what (read before the notice fades).
  const notice = page.locator('.lf-notice');
  // The import runs in a worker; a loaded machine can take a while.
  await expect(notice).toContainText('Imported 14 steps and 13 arrows.', { timeout: 60_000 });
  await expect(notice).toContainText(
    "1 interrupting boundary event became a decision after its task (at the start of a sub-process): Yes takes the event's path, No the normal way on: 'Card declined happened?'",
  );
  await expect(notice).toContainText(
    "1 non-interrupting boundary event became a parallel split after its task (at the start of a sub-process): the event's path and the normal way on both run: 'Customer called'",
  );
  await expect(notice).toContainText(
    "Sub-process 'Ship order' was expanded in place: its 4 steps are named 'Ship order / …'",
  );

  // The interrupting event is a decision after its task, Yes to the exception path.
  const decision = stepByLabel(page, 'Card declined happened?');
  await expect(decision).toHaveClass(/react-flow__node-decision/);
  // The non-interrupting one is a parallel split: both ways run.
  const split = page.locator('.react-flow__node-parallel');
  await expect(split).toHaveCount(1);
  await expect(split).toHaveAttribute('aria-label', /^Parallel.*Customer called/);
  // The sub-process is expanded in place, its steps named after it.
  for (const label of [
    'Ship order / Begin',
    'Ship order / Print label',
    'Ship order / Hand to courier',
    'Ship order / Gone',
  ]) {
    await expect(stepByLabel(page, label)).toBeVisible();
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(14);
  // The arrows out of the decision are labelled Yes and No.
  await expect(page.locator('.lf-edge-label').filter({ hasText: /^Yes$/ })).toHaveCount(1);
  await expect(page.locator('.lf-edge-label').filter({ hasText: /^No$/ })).toHaveCount(1);
  // Read this way the process is sound: no errors.
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(findings(page).getByRole('region', { name: 'Errors' })).toHaveCount(0);
  await page
    .getByRole('toolbar', { name: 'Map commands' })
    .getByRole('button', { name: 'Fit view' })
    .click();
  await page.screenshot({ path: 'reports/bpmn-boundary-subprocess.png' });
});

test('a deadlock in a parallel block is fixed by moving its decision before the split, in one undo step', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const xml = bpmnFile(
    `<startEvent id="s" name="Signed"/><task id="k" name="Kickoff call"/><parallelGateway id="p" name="Both"/>
     <task id="g" name="Order gift"/><exclusiveGateway id="d" name="Approved?"/><task id="u" name="Set up project"/>
     <endEvent id="x" name="Dropped"/><parallelGateway id="j" name="Both done"/><task id="w" name="Welcome email"/><endEvent id="e" name="Done"/>
     ${flow('f1', 's', 'k')}${flow('f2', 'k', 'p')}${flow('f3', 'p', 'g')}${flow('f4', 'p', 'd')}${flow('f5', 'd', 'u', 'Yes')}
     ${flow('f6', 'd', 'x', 'No')}${flow('f7', 'g', 'j')}${flow('f8', 'u', 'j')}${flow('f9', 'j', 'w')}${flow('f10', 'w', 'e')}`,
    shape('s', 0, 122, 36, 36) +
      shape('k', 80, 100) +
      shape('p', 230, 115, 50, 50) +
      shape('g', 330, 20) +
      shape('d', 330, 195, 50, 50) +
      shape('u', 450, 180) +
      shape('x', 342, 320, 36, 36) +
      shape('j', 600, 115, 50, 50) +
      shape('w', 700, 100) +
      shape('e', 860, 122, 36, 36),
  );
  await importFile(page, 'kickoff.bpmn', xml);
  // The import runs in a worker; a loaded machine can take a while.
  await expect(stepByLabel(page, 'Approved?')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Findings' }).click();
  const deadlock = findings(page).locator('.lf-finding').filter({ hasText: 'Waits forever' });
  await expect(deadlock).toContainText(
    "'Both done' waits for every branch, but 'Approved?' can send the case another way",
  );
  await deadlock
    .getByRole('button', {
      name: "Move 'Approved?' before the split 'Both': the branches run only when it stays",
    })
    .click();
  await expect(
    findings(page).locator('.lf-finding').filter({ hasText: 'Waits forever' }),
  ).toHaveCount(0);
  await expect(findings(page).locator('.lf-finding--error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Findings: Map is sound/ })).toBeVisible();
  // The decision now comes first: its Yes goes into the split.
  const edgeYes = page.locator('.lf-edge-label').filter({ hasText: /^Yes$/ });
  await expect(edgeYes).toHaveCount(1);
  await page
    .getByRole('toolbar', { name: 'Map commands' })
    .getByRole('button', { name: 'Fit view' })
    .click();
  await page.screenshot({ path: 'reports/parallel-move-decision.png' });

  // One undo step brings the deadlock back as it was.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(
    findings(page).locator('.lf-finding').filter({ hasText: 'Waits forever' }),
  ).toHaveCount(1);
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  // And redo applies the whole move again.
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(
    findings(page).locator('.lf-finding').filter({ hasText: 'Waits forever' }),
  ).toHaveCount(0);
  await expect(edgeYes).toHaveCount(1);
});
