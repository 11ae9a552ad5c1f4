import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer';
import type { ProcessMap } from '../model';
import { importBpmn } from './bpmn';
import { MAX_SUB_PROCESS_DEPTH } from './bpmn/readProcessSteps';

const NS =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"';

function bpmn(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions ${NS} id="D" targetNamespace="t"><process id="P">${body}</process>${extra}</definitions>`;
}

function flow(id: string, source: string, target: string, name?: string): string {
  const n = name === undefined ? '' : ` name="${name}"`;
  return `<sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"${n}/>`;
}

function arrows(map: ProcessMap): string[] {
  const label = (id: string) => map.nodes.find((n) => n.id === id)?.label;
  return map.edges
    .map((e) => `${label(e.source)} -> ${label(e.target)}${e.label ? `: ${e.label}` : ''}`)
    .sort();
}

const errors = (map: ProcessMap) =>
  analyze(map)
    .findings.filter((f) => f.severity === 'error' || f.rule === 'dead-end')
    .map((f) => f.rule);

/** A sub-process "Handle claim": start, check, a choice of two inner ends. */
const claim = (attrs = '') => `<subProcess id="sp" name="Handle claim"${attrs}>
  <startEvent id="is"/><task id="check" name="Check"/><exclusiveGateway id="ok" name="Valid?"/>
  <endEvent id="paid" name="Paid"/><endEvent id="refused" name="Refused"/>
  ${flow('i1', 'is', 'check')}${flow('i2', 'check', 'ok')}${flow('i3', 'ok', 'paid', 'yes')}${flow('i4', 'ok', 'refused', 'no')}
</subProcess>`;

describe('importBpmn: embedded sub-processes', () => {
  it('expands a sub-process in place: its steps are named "<sub-process> / <step>", arrows go in at its start and out from its ends', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s" name="Claim in"/>${claim()}<task id="file" name="File it"/><endEvent id="e" name="Done"/>
        ${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'file')}${flow('f3', 'file', 'e')}`),
    );
    expect(map.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['s', 'start', 'Claim in'],
      ['is', 'action', 'Handle claim / Start'],
      ['check', 'action', 'Handle claim / Check'],
      ['ok', 'decision', 'Handle claim / Valid?'],
      ['paid', 'action', 'Handle claim / Paid'],
      ['refused', 'action', 'Handle claim / Refused'],
      ['file', 'action', 'File it'],
      ['e', 'end', 'Done'],
    ]);
    expect(arrows(map)).toEqual([
      'Claim in -> Handle claim / Start',
      'File it -> Done',
      'Handle claim / Check -> Handle claim / Valid?',
      'Handle claim / Paid -> File it',
      'Handle claim / Refused -> File it',
      'Handle claim / Start -> Handle claim / Check',
      'Handle claim / Valid? -> Handle claim / Paid: yes',
      'Handle claim / Valid? -> Handle claim / Refused: no',
    ]);
    expect(report.simplified).toContain(
      "Sub-process 'Handle claim' was expanded in place: its 5 steps are named 'Handle claim / …'",
    );
    expect(errors(map)).toEqual([]);
  });

  it('starts every inner step with nothing coming in at once when the sub-process has no start event, and is done when they all are', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/><subProcess id="sp" name="Prepare"><task id="a" name="Book room"/><task id="b" name="Order food"/></subProcess>
        <endEvent id="e"/>${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'e')}`),
    );
    expect(map.nodes.filter((n) => n.kind === 'parallel').map((n) => n.label)).toEqual([
      'Prepare',
      'Prepare: all done',
    ]);
    expect(arrows(map)).toEqual([
      'Prepare -> Prepare / Book room',
      'Prepare -> Prepare / Order food',
      'Prepare / Book room -> Prepare: all done',
      'Prepare / Order food -> Prepare: all done',
      'Prepare: all done -> End',
      'Start -> Prepare',
    ]);
    // BPMN's sub-process waits for all its work: no lack of sync after it, no deadlock.
    expect(errors(map)).toEqual([]);
  });

  it('merges the ends of a sub-process that chooses, and joins those of one with parallel branches only', async () => {
    // "Handle claim" picks one of two ends: a merge (each case reaches one end).
    const { map: choosing } = await importBpmn(
      bpmn(
        `<startEvent id="s"/>${claim()}<endEvent id="e"/>${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'e')}`,
      ),
    );
    expect(choosing.nodes.some((n) => n.kind === 'parallel')).toBe(false);
    expect(errors(choosing)).toEqual([]);
    // "Build" forks into two branches that end separately: a join.
    const { map: forking } = await importBpmn(
      bpmn(`<startEvent id="s"/><subProcess id="sp" name="Build"><startEvent id="is"/><parallelGateway id="fork"/>
          <task id="a" name="Walls"/><task id="r" name="Roof"/><endEvent id="e1"/><endEvent id="e2"/>
          ${flow('i1', 'is', 'fork')}${flow('i2', 'fork', 'a')}${flow('i3', 'fork', 'r')}${flow('i4', 'a', 'e1')}${flow('i5', 'r', 'e2')}</subProcess>
        <task id="h" name="Hand over"/><endEvent id="e"/>${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'h')}${flow('f3', 'h', 'e')}`),
    );
    expect(arrows(forking)).toContain('Build: all done -> Hand over');
    expect(errors(forking)).toEqual([]);
  });

  it('expands nested sub-processes recursively, named by the whole path', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><subProcess id="o" name="Onboard"><startEvent id="os"/>
          <subProcess id="in" name="Set up"><startEvent id="ins"/><task id="t" name="Create account"/><endEvent id="ine"/>
            ${flow('n1', 'ins', 't')}${flow('n2', 't', 'ine')}</subProcess>
          <endEvent id="oe"/>${flow('o1', 'os', 'in')}${flow('o2', 'in', 'oe')}</subProcess>
        <endEvent id="e"/>${flow('f1', 's', 'o')}${flow('f2', 'o', 'e')}`),
    );
    expect(map.nodes.find((n) => n.id === 't')?.label).toBe('Onboard / Set up / Create account');
    expect(arrows(map)).toContain('Onboard / Start -> Onboard / Set up / Start');
    expect(arrows(map)).toContain('Onboard / Set up / End -> Onboard / End');
    expect(report.simplified).toContain(
      "Sub-process 'Onboard' was expanded in place: its 5 steps are named 'Onboard / …'",
    );
    expect(report.simplified).toContain(
      "Sub-process 'Onboard / Set up' was expanded in place: its 3 steps are named 'Onboard / Set up / …'",
    );
    expect(errors(map)).toEqual([]);
  });

  it(`stops expanding below ${MAX_SUB_PROCESS_DEPTH} levels: a sub-process nested deeper becomes one step`, async () => {
    let inner = '<task id="deep" name="Deep work"/>';
    for (let level = 10; level >= 1; level--) {
      inner = `<subProcess id="sp${level}" name="L${level}">${inner}</subProcess>`;
    }
    const { map, report } = await importBpmn(
      bpmn(
        `<startEvent id="s"/>${inner}<endEvent id="e"/>${flow('f1', 's', 'sp1')}${flow('f2', 'sp1', 'e')}`,
      ),
    );
    const expanded = report.simplified.filter((l) => / was expanded in place/.test(l));
    expect(expanded).toHaveLength(MAX_SUB_PROCESS_DEPTH);
    const kept = map.nodes.find((n) => n.id === `sp${MAX_SUB_PROCESS_DEPTH + 1}`);
    expect(kept?.kind).toBe('action');
    expect(kept?.label).toBe('L1 / L2 / L3 / L4 / L5 / L6 / L7 / L8 / L9');
    // Report names are cut at 40 characters.
    expect(report.simplified).toContain(
      `Sub-process 'L1 / L2 / L3 / L4 / L5 / L6 / L7 / L8 /…' became one step (2 inner parts left out: it is nested more than ${MAX_SUB_PROCESS_DEPTH} deep)`,
    );
    expect(map.nodes.some((n) => n.id === 'deep')).toBe(false);
    expect(arrows(map)).toEqual([
      'L1 / L2 / L3 / L4 / L5 / L6 / L7 / L8 / L9 -> End',
      'Start -> L1 / L2 / L3 / L4 / L5 / L6 / L7 / L8 / L9',
    ]);
  });

  it('decides an interrupting boundary event of a sub-process on entry, so a case can leave it early and leaves nothing behind', async () => {
    // Inside, two branches run in parallel: a case stopped by the event must not leave one
    // of them running, and the step after the sub-process must not wait for them.
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><subProcess id="sp" name="Build"><startEvent id="is"/>
          <parallelGateway id="fork"/><task id="a" name="Walls"/><task id="b" name="Roof"/><parallelGateway id="join"/><endEvent id="ie"/>
          ${flow('i1', 'is', 'fork')}${flow('i2', 'fork', 'a')}${flow('i3', 'fork', 'b')}${flow('i4', 'a', 'join')}${flow('i5', 'b', 'join')}${flow('i6', 'join', 'ie')}
        </subProcess>
        <boundaryEvent id="storm" name="Storm" attachedToRef="sp"><signalEventDefinition/></boundaryEvent>
        <task id="claim" name="Claim insurance"/><task id="hand" name="Hand over"/><endEvent id="e"/>
        ${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'hand')}${flow('f3', 'hand', 'e')}${flow('f4', 'storm', 'claim')}${flow('f5', 'claim', 'e')}`),
    );
    expect(map.nodes.find((n) => n.id === 'storm')).toMatchObject({
      kind: 'decision',
      label: 'Storm happened?',
    });
    expect(arrows(map)).toEqual(
      [
        'Build / End -> Hand over',
        'Build / Roof -> ',
        'Build / Start -> ',
        'Build / Walls -> ',
        ' -> Build / End',
        ' -> Build / Roof',
        ' -> Build / Walls',
        'Claim insurance -> End',
        'Hand over -> End',
        'Start -> Storm happened?',
        'Storm happened? -> Build / Start: No',
        'Storm happened? -> Claim insurance: Yes',
      ].sort(),
    );
    expect(report.simplified.join('\n')).toMatch(/1 interrupting boundary event became a decision/);
    expect(errors(map)).toEqual([]);
  });

  it('splits on entry for a non-interrupting boundary event of a sub-process: its path runs alongside', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/>${claim()}<boundaryEvent id="late" name="Week passed" attachedToRef="sp" cancelActivity="false"><timerEventDefinition/></boundaryEvent>
        <task id="sorry" name="Apologise"/><endEvent id="e"/><endEvent id="e2"/>
        ${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'e')}${flow('f3', 'late', 'sorry')}${flow('f4', 'sorry', 'e2')}`),
    );
    expect(map.nodes.find((n) => n.id === 'late')).toMatchObject({
      kind: 'parallel',
      label: 'Week passed',
    });
    expect(arrows(map)).toContain('Start -> Week passed');
    expect(arrows(map)).toContain('Week passed -> Handle claim / Start');
    expect(arrows(map)).toContain('Week passed -> Apologise');
    expect(errors(map)).toEqual([]);
  });

  it('turns a boundary event of a step inside a sub-process into a decision there', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/><subProcess id="sp" name="Pay"><startEvent id="is"/><task id="t" name="Charge card"/><endEvent id="ie"/>
          <boundaryEvent id="b" name="Declined" attachedToRef="t"><errorEventDefinition/></boundaryEvent><task id="r" name="Ask again"/>
          ${flow('i1', 'is', 't')}${flow('i2', 't', 'ie')}${flow('i3', 'b', 'r')}${flow('i4', 'r', 't')}</subProcess>
        <endEvent id="e"/>${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'e')}`),
    );
    expect(arrows(map)).toEqual([
      'Declined happened? -> Pay / Ask again: Yes',
      'Declined happened? -> Pay / End: No',
      'Pay / Ask again -> Pay / Charge card',
      'Pay / Charge card -> Declined happened?',
      'Pay / End -> End',
      'Pay / Start -> Pay / Charge card',
      'Start -> Pay / Start',
    ]);
    expect(errors(map)).toEqual([]);
  });

  it("places the inner steps where the file's diagram draws them", async () => {
    const shape = (id: string, x: number, y: number, w: number, h: number) =>
      `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;
    const { map, report } = await importBpmn(
      bpmn(
        `<startEvent id="s"/>${claim()}<endEvent id="e"/>${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'e')}`,
        `<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="pl" bpmnElement="P">${
          shape('s', 0, 100, 36, 36) +
          shape('sp', 80, 20, 600, 240) +
          shape('is', 100, 100, 36, 36) +
          shape('check', 200, 78, 100, 80) +
          shape('ok', 350, 93, 50, 50) +
          shape('paid', 500, 40, 36, 36) +
          shape('refused', 500, 180, 36, 36) +
          shape('e', 750, 100, 36, 36)
        }</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`,
      ),
    );
    expect(report.layout).toBe('file');
    const at = (id: string) => map.nodes.find((n) => n.id === id)!.position;
    // Same centre-to-centre scaling as any step: the task at (250, 118) sits at x 340.
    expect(at('check')).toEqual({ x: 340, y: 123.4 });
    expect(at('paid').y).toBeLessThan(at('refused').y);
    expect(at('is').x).toBeLessThan(at('check').x);
  });
});
