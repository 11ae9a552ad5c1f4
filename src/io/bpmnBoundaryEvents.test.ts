import { describe, expect, it } from 'vitest';
import { analyze, nodeFigure } from '../analyzer';
import type { ProcessMap } from '../model';
import { exportBpmn, importBpmn } from './bpmn';

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

/** Every arrow as "source label -> target label: arrow label", sorted. */
function arrows(map: ProcessMap): string[] {
  const label = (id: string) => map.nodes.find((n) => n.id === id)?.label;
  return map.edges
    .map((e) => `${label(e.source)} -> ${label(e.target)}${e.label ? `: ${e.label}` : ''}`)
    .sort();
}

const kinds = (map: ProcessMap) => Object.fromEntries(map.nodes.map((n) => [n.label, n.kind]));

const rules = (map: ProcessMap) =>
  analyze(map)
    .findings.filter((f) => f.severity === 'error' || f.rule === 'dead-end')
    .map((f) => f.rule);

describe('importBpmn: boundary events', () => {
  it('turns an interrupting boundary event into a decision "<event> happened?" after its task', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s" name="Order in"/><task id="t" name="Take payment"/><task id="ship" name="Ship"/>
        <task id="refund" name="Cancel order"/><endEvent id="e" name="Done"/><endEvent id="x" name="Cancelled"/>
        <boundaryEvent id="b" name="Card declined" attachedToRef="t"><errorEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'ship')}${flow('f3', 'ship', 'e')}${flow('f4', 'b', 'refund')}${flow('f5', 'refund', 'x')}`),
    );
    expect(map.nodes.find((n) => n.id === 'b')).toMatchObject({
      kind: 'decision',
      label: 'Card declined happened?',
    });
    expect(arrows(map)).toEqual([
      'Cancel order -> Cancelled',
      'Card declined happened? -> Cancel order: Yes',
      'Card declined happened? -> Ship: No',
      'Order in -> Take payment',
      'Ship -> Done',
      'Take payment -> Card declined happened?',
    ]);
    expect(report.simplified).toContain(
      "1 interrupting boundary event became a decision after its task (at the start of a sub-process): Yes takes the event's path, No the normal way on: 'Card declined happened?'",
    );
    expect(report.simplifiedNodeIds).toContain('b');
    expect(rules(map)).toEqual([]);
  });

  it('names an unnamed interrupting event by its trigger, and keeps a named flow after Yes', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t" name="Wait for reply"/><endEvent id="e"/><task id="chase" name="Chase"/>
        <boundaryEvent id="b" attachedToRef="t" cancelActivity="true"><timerEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'chase', 'after 2 days')}${flow('f4', 'chase', 'e')}`),
    );
    expect(kinds(map)['Timer happened?']).toBe('decision');
    expect(arrows(map)).toContain('Timer happened? -> Chase: Yes: after 2 days');
    expect(arrows(map)).toContain('Timer happened? -> End: No');
  });

  it('turns a non-interrupting boundary event into a parallel split after its task: both paths run', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t" name="Build site"/><task id="next" name="Launch"/>
        <task id="tell" name="Update client"/><endEvent id="e"/><endEvent id="e2"/>
        <boundaryEvent id="b" name="Week passed" attachedToRef="t" cancelActivity="false"><timerEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'next')}${flow('f3', 'next', 'e')}${flow('f4', 'b', 'tell')}${flow('f5', 'tell', 'e2')}`),
    );
    expect(map.nodes.find((n) => n.id === 'b')).toMatchObject({
      kind: 'parallel',
      label: 'Week passed',
    });
    expect(arrows(map)).toEqual([
      'Build site -> Week passed',
      'Launch -> End',
      'Start -> Build site',
      'Update client -> End',
      'Week passed -> Launch',
      'Week passed -> Update client',
    ]);
    expect(report.simplified).toContain(
      "1 non-interrupting boundary event became a parallel split after its task (at the start of a sub-process): the event's path and the normal way on both run: 'Week passed'",
    );
    // Both paths run in every case.
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error('metrics should be available');
    expect(nodeFigure(metrics, metrics.expectedVisits, 'next')).toBeCloseTo(1);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'tell')).toBeCloseTo(1);
  });

  it('puts the splits of non-interrupting events before the decisions of interrupting ones', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t" name="Work"/><endEvent id="e"/>
        <task id="a" name="Remind"/><task id="c" name="Abort"/>
        <boundaryEvent id="cancel" name="Cancelled" attachedToRef="t"><messageEventDefinition/></boundaryEvent>
        <boundaryEvent id="remind" name="Daily" attachedToRef="t" cancelActivity="false"><timerEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'remind', 'a')}${flow('f4', 'a', 'e')}${flow('f5', 'cancel', 'c')}${flow('f6', 'c', 'e')}`),
    );
    expect(arrows(map)).toEqual([
      'Abort -> End',
      'Cancelled happened? -> Abort: Yes',
      'Cancelled happened? -> End: No',
      'Daily -> Cancelled happened?',
      'Daily -> Remind',
      'Remind -> End',
      'Start -> Work',
      'Work -> Daily',
    ]);
    expect(report.simplified.join('\n')).toMatch(/1 interrupting boundary event became a decision/);
    expect(report.simplified.join('\n')).toMatch(
      /1 non-interrupting boundary event became a parallel split/,
    );
  });

  it('ends the No of a task that has no way on of its own', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t" name="Wait"/><endEvent id="e"/>
        <boundaryEvent id="b" name="Timeout" attachedToRef="t"><timerEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 'b', 'e')}`),
    );
    expect(arrows(map)).toEqual([
      'Start -> Wait',
      'Timeout happened? -> End: No',
      'Timeout happened? -> End: Yes',
      'Wait -> Timeout happened?',
    ]);
    expect(map.nodes.filter((n) => n.kind === 'end')).toHaveLength(2);
    expect(rules(map)).toEqual([]);
  });

  it('exports the decisions and splits as gateways and imports them back the same', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t" name="Work"/><endEvent id="e"/>
        <task id="a" name="Remind"/><task id="c" name="Abort"/>
        <boundaryEvent id="cancel" name="Cancelled" attachedToRef="t"><messageEventDefinition/></boundaryEvent>
        <boundaryEvent id="remind" name="Daily" attachedToRef="t" cancelActivity="false"><timerEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'remind', 'a')}${flow('f4', 'a', 'e')}${flow('f5', 'cancel', 'c')}${flow('f6', 'c', 'e')}`),
    );
    const xml = await exportBpmn(map);
    expect(xml).not.toContain('boundaryEvent');
    expect(xml).toMatch(/<bpmn:exclusiveGateway id="cancel" name="Cancelled happened\?"/);
    expect(xml).toMatch(/<bpmn:parallelGateway id="remind" name="Daily"/);
    const { map: back } = await importBpmn(xml);
    expect(back.nodes.map((n) => [n.id, n.kind, n.label])).toEqual(
      map.nodes.map((n) => [n.id, n.kind, n.label]),
    );
    expect(arrows(back)).toEqual(arrows(map));
  });

  it("places the decision beyond the event's shape, off its task", async () => {
    const shape = (id: string, x: number, y: number, w: number, h: number) =>
      `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;
    const { map, report } = await importBpmn(
      bpmn(
        `<startEvent id="s"/><task id="t" name="Work"/><endEvent id="e"/><endEvent id="x"/>
        <boundaryEvent id="b" name="Late" attachedToRef="t"><timerEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'x')}`,
        `<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="pl" bpmnElement="P">${
          shape('s', 0, 122, 36, 36) +
          shape('t', 100, 100, 100, 80) +
          shape('b', 132, 162, 36, 36) +
          shape('e', 300, 122, 36, 36) +
          shape('x', 132, 300, 36, 36)
        }</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`,
      ),
    );
    expect(report.layout).toBe('file');
    const node = (id: string) => map.nodes.find((n) => n.id === id)!;
    // The task's box ends at y 180 (BPMN), 306 on the map; the decision starts below it.
    const taskBottom = node('t').position.y + 60;
    expect(node('b').position.y).toBeGreaterThan(taskBottom);
    expect(node('b').position.y).toBeLessThan(node('x').position.y);
  });
});
