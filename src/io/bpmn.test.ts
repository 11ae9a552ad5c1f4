import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer';
import { exampleMap, type MapNode, type ProcessMap, parseMapData } from '../model';
import { arbitraryMap, printableOnly } from './__fixtures__/arbitraryMap';
import { exportBpmn, formatImportReport, ImportError, importBpmn } from './bpmn';
import { PARALLEL_MARKER } from './bpmn/parallelMarker';

const NS =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"';

/** A BPMN file with one process holding `body`. */
function bpmn(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions ${NS} id="D" targetNamespace="t"><process id="P">${body}</process>${extra}</definitions>`;
}

function flow(id: string, source: string, target: string, name?: string): string {
  const n = name === undefined ? '' : ` name="${name}"`;
  return `<sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"${n}/>`;
}

const byId = (nodes: MapNode[], id: string) => nodes.find((n) => n.id === id);

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('importBpmn: element types', () => {
  it('reads start and end events, tasks and named sequence flows', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s" name="Go"/><task id="t" name="Work"/><endEvent id="e" name="Done"/>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'e', 'finished')}`),
    );
    expect(map.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['s', 'start', 'Go'],
      ['t', 'action', 'Work'],
      ['e', 'end', 'Done'],
    ]);
    expect(map.edges).toEqual([
      { id: 'f1', source: 's', target: 't' },
      { id: 'f2', source: 't', target: 'e', label: 'finished' },
    ]);
    expect(report).toMatchObject({ steps: 3, arrows: 2, simplified: [], skipped: [] });
    expect(parseMapData(map).ok).toBe(true);
  });

  it.each([
    'task',
    'userTask',
    'manualTask',
    'serviceTask',
    'scriptTask',
    'businessRuleTask',
    'sendTask',
    'receiveTask',
    'callActivity',
  ])('turns a %s into an action, label kept', async (tag) => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/><${tag} id="x" name="Do it"/><endEvent id="e"/>
        ${flow('f1', 's', 'x')}${flow('f2', 'x', 'e')}`),
    );
    expect(byId(map.nodes, 'x')).toMatchObject({ kind: 'action', label: 'Do it' });
    expect(byId(map.nodes, 's')?.label).toBe('Start');
  });

  it('keeps a collapsed sub-process with nothing inside as one step', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><subProcess id="sp" name="Handle claim"/><endEvent id="e"/>
        ${flow('f1', 's', 'sp')}${flow('f2', 'sp', 'e')}`),
    );
    expect(map.nodes.map((n) => n.id)).toEqual(['s', 'sp', 'e']);
    expect(byId(map.nodes, 'sp')).toMatchObject({ kind: 'action', label: 'Handle claim' });
    expect(report.simplified).toContain("Sub-process 'Handle claim' became one step");
  });

  it.each([
    ['exclusiveGateway', undefined],
    ['inclusiveGateway', '1 inclusive gateway became a decision'],
    ['eventBasedGateway', '1 event based gateway became a decision'],
    ['complexGateway', '1 complex gateway became a decision'],
  ])('turns a %s into a decision', async (tag, line) => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><${tag} id="g" name="Which?"/><endEvent id="a"/><endEvent id="b"/>
        ${flow('f1', 's', 'g')}${flow('f2', 'g', 'a', 'yes')}${flow('f3', 'g', 'b', 'no')}`),
    );
    expect(byId(map.nodes, 'g')).toMatchObject({ kind: 'decision', label: 'Which?' });
    expect(byId(map.nodes, 'g')?.notes).toBeUndefined();
    if (line) expect(report.simplified).toContain(line);
    else expect(report.simplified).toEqual([]);
  });

  it('turns a parallel gateway into a parallel step, split or join', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><parallelGateway id="g" name="Split"><documentation>Both at once</documentation></parallelGateway>
        <task id="a"/><task id="b"/><parallelGateway id="j"/><endEvent id="e"/>
        ${flow('f1', 's', 'g')}${flow('f2', 'g', 'a')}${flow('f3', 'g', 'b')}${flow('f4', 'a', 'j')}${flow('f5', 'b', 'j')}${flow('f6', 'j', 'e')}`),
    );
    expect(byId(map.nodes, 'g')).toMatchObject({
      kind: 'parallel',
      label: 'Split',
      notes: 'Both at once',
    });
    expect(byId(map.nodes, 'j')).toMatchObject({ kind: 'parallel', label: '' });
    expect(byId(map.nodes, 'j')?.notes).toBeUndefined();
    expect(report.simplified.join('\n')).not.toMatch(/parallel/);
    expect(report.simplifiedNodeIds).toEqual([]);
    const rules = analyze(map).findings.map((f) => f.rule);
    expect(rules).not.toContain('decision-branches');
    expect(rules).not.toContain('unlabeled-branch');
  });

  it('labels an unnamed flow with its condition, and a default flow "Otherwise"; both come back', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s"/><exclusiveGateway id="g" default="f3"/><task id="a" name="A"/><task id="b" name="B"/><endEvent id="e"/>
        ${flow('f1', 's', 'g')}
        <sequenceFlow id="f2" sourceRef="g" targetRef="a"><conditionExpression xsi:type="tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">amount &gt; 1000</conditionExpression></sequenceFlow>
        ${flow('f3', 'g', 'b')}${flow('f4', 'a', 'e')}${flow('f5', 'b', 'e')}`),
    );
    expect(map.edges.find((e) => e.id === 'f2')?.label).toBe('amount > 1000');
    expect(map.edges.find((e) => e.id === 'f3')?.label).toBe('Otherwise');
    const xml = await exportBpmn(map);
    const { map: back } = await importBpmn(xml);
    expect(back.edges.map((e) => e.label)).toEqual(map.edges.map((e) => e.label));
    // The file written has the condition and the default flow back, not only the names.
    expect(xml).toContain(
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 1000</bpmn:conditionExpression>',
    );
    expect(xml).toMatch(/<bpmn:exclusiveGateway id="g"[^>]* default="f3"/);
    expect(xml).not.toMatch(/<bpmn:sequenceFlow id="f3"[^>]*>\s*<bpmn:conditionExpression/);
  });

  it('leaves a catching link event that no throw leads to unreached, not given a start', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="a" name="A"/><endEvent id="e"/>
        <intermediateCatchEvent id="c" name="From billing"><linkEventDefinition name="Billing"/></intermediateCatchEvent>
        <task id="b" name="B"/>
        ${flow('f1', 's', 'a')}${flow('f2', 'a', 'e')}${flow('f3', 'c', 'b')}${flow('f4', 'b', 'e')}`),
    );
    expect(map.nodes.filter((n) => n.kind === 'start').map((n) => n.id)).toEqual(['s']);
    expect(report.simplified.join('\n')).toMatch(/no throwing link event leading to it/);
    const unreachable = analyze(map).findings.find((f) => f.rule === 'unreachable');
    expect(unreachable?.nodeIds.sort()).toEqual(['b', 'c']);
  });

  it('keeps CR/LF inside names exactly through export and import', async () => {
    const map = exampleMap();
    map.nodes[1]!.label = 'Line one\r\nLine two\rthree\nfour';
    map.edges[0]!.label = 'a\r\nb';
    const { map: back } = await importBpmn(await exportBpmn(map));
    expect(back.nodes[1]!.label).toBe('Line one\r\nLine two\rthree\nfour');
    expect(back.edges[0]!.label).toBe('a\r\nb');
  });

  it('turns intermediate catch and throw events into actions; an unnamed one stays unnamed', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><intermediateCatchEvent id="c"><timerEventDefinition/></intermediateCatchEvent>
        <intermediateThrowEvent id="t" name="Notify"><messageEventDefinition/></intermediateThrowEvent><endEvent id="e"/>
        ${flow('f1', 's', 'c')}${flow('f2', 'c', 't')}${flow('f3', 't', 'e')}`),
    );
    expect(byId(map.nodes, 'c')).toMatchObject({ kind: 'action', label: '' });
    expect(byId(map.nodes, 't')).toMatchObject({ kind: 'action', label: 'Notify' });
    expect(report.simplified).toContain(
      "2 intermediate events became actions: (unnamed), 'Notify'",
    );
    const unnamed = analyze(map).findings.find((f) => f.rule === 'missing-label');
    expect(unnamed?.nodeIds).toEqual(['c']);
  });

  it('skips a boundary event that no flow leaves, and says so', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t"/><endEvent id="e"/>
        <boundaryEvent id="b" name="Cancelled" attachedToRef="t"><cancelEventDefinition/></boundaryEvent>
        ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`),
    );
    expect(map.edges).toHaveLength(2);
    expect(report.skipped).toContain("Skipped boundary event 'Cancelled': no flow leaves it");
  });

  it('joins a throwing link event to its catching link event with an arrow', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><intermediateThrowEvent id="lt" name="To B"><linkEventDefinition name="B"/></intermediateThrowEvent>
        <intermediateCatchEvent id="lc" name="From A"><linkEventDefinition name="B"/></intermediateCatchEvent><endEvent id="e"/>
        ${flow('f1', 's', 'lt')}${flow('f2', 'lc', 'e')}`),
    );
    expect(map.edges).toContainEqual({ id: 'lt-link', source: 'lt', target: 'lc' });
    expect(map.nodes.filter((n) => n.kind === 'start')).toHaveLength(1);
    expect(report.simplified).toContain(
      "Link event 'B' became an arrow to its catching link event",
    );
  });

  it('makes each step owned by its lane (the innermost one when lanes nest)', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<laneSet id="ls"><lane id="l1" name="Clerk"><flowNodeRef>s</flowNodeRef><flowNodeRef>a</flowNodeRef></lane>
          <lane id="l2" name="Office"><flowNodeRef>b</flowNodeRef><flowNodeRef>e</flowNodeRef>
            <childLaneSet id="cls"><lane id="l3" name="Manager"><flowNodeRef>b</flowNodeRef></lane></childLaneSet></lane></laneSet>
        <startEvent id="s"/><task id="a"/><userTask id="b"/><endEvent id="e"/>
        ${flow('f1', 's', 'a')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'e')}`),
    );
    expect(ownerName(map, 'a')).toBe('Clerk');
    expect(ownerName(map, 'b')).toBe('Manager');
    expect(byId(map.nodes, 's')).not.toHaveProperty('ownerId');
    expect(map.people.map((p) => p.name)).toEqual(['Clerk', 'Manager']);
    expect(report.simplified).toContain("Each step is owned by its lane: 'Clerk', 'Manager'");
  });

  it('skips text annotations, data objects, data stores and groups, and counts them', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t"/><endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}
        <dataObject id="do"/><dataObjectReference id="dor" dataObjectRef="do"/><dataStoreReference id="dsr"/>
        <textAnnotation id="ta1"><text>Note</text></textAnnotation><textAnnotation id="ta2"/>
        <association id="as" sourceRef="ta1" targetRef="t"/><group id="g"/>`),
    );
    expect(map.nodes).toHaveLength(3);
    expect(report.skipped).toEqual([
      'Skipped 1 data object',
      'Skipped 1 data store',
      'Skipped 2 text annotations',
      'Skipped 1 association',
      'Skipped 1 group',
    ]);
  });

  it('skips event sub-processes and compensation activities', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="t"/><endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}
        <subProcess id="esp" triggeredByEvent="true"><startEvent id="es"/></subProcess>
        <task id="undo" isForCompensation="true"/>`),
    );
    expect(map.nodes.map((n) => n.id)).toEqual(['s', 't', 'e']);
    expect(report.skipped).toEqual([
      'Skipped 1 event sub-process',
      'Skipped 1 compensation activity',
    ]);
  });

  it('adds a start and an end where a BPMN path begins or stops without events', async () => {
    const { map, report } = await importBpmn(
      bpmn(`<task id="a" name="A"/><task id="b" name="B"/>${flow('f', 'a', 'b')}`),
    );
    expect(map.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['a', 'action'],
      ['b', 'action'],
      ['a-start', 'start'],
      ['b-end', 'end'],
    ]);
    expect(map.edges).toContainEqual({ id: 'a-from-start', source: 'a-start', target: 'a' });
    expect(map.edges).toContainEqual({ id: 'b-to-end', source: 'b', target: 'b-end' });
    expect(report.simplified).toEqual([
      "Added 1 start before 'A': the BPMN path begins there without a start event",
      "Added 1 end after 'B': the BPMN path stops there without an end event",
    ]);
    expect(report.simplifiedNodeIds).toEqual(['a-start', 'a', 'b-end', 'b']);
  });

  it('reads every pool of a collaboration into one map and skips message flows', async () => {
    const xml = `<definitions ${NS} id="D" targetNamespace="t">
      <collaboration id="c"><participant id="p1" name="Customer" processRef="P1"/><participant id="p2" name="Shop" processRef="P2"/>
        <messageFlow id="m" sourceRef="a" targetRef="b"/></collaboration>
      <process id="P1"><startEvent id="s1"/><task id="a" name="Order"/><endEvent id="e1"/>${flow('f1', 's1', 'a')}${flow('f2', 'a', 'e1')}</process>
      <process id="P2"><startEvent id="s2"/><task id="b" name="Ship"/><endEvent id="e2"/>${flow('f3', 's2', 'b')}${flow('f4', 'b', 'e2')}</process>
    </definitions>`;
    const { map, report } = await importBpmn(xml);
    expect(map.nodes).toHaveLength(6);
    expect(map.name).toBe('Imported BPMN');
    expect(ownerName(map, 'a')).toBe('Customer');
    expect(ownerName(map, 'b')).toBe('Shop');
    expect(report.simplified[0]).toBe(
      "Imported 2 processes (pools) into one map: 'Customer', 'Shop'",
    );
    expect(report.skipped).toContain('Skipped 1 message flow between pools');
  });
});

describe('importBpmn: positions', () => {
  const drawn = (shapes: string) =>
    `<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="pl" bpmnElement="P">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
  const shape = (id: string, x: number, y: number, w: number, h: number) =>
    `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;
  const body = `<startEvent id="s"/><task id="t"/><endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`;

  it('takes positions from the diagram, stretched to Leverflow sizes and centred', async () => {
    const { map, report } = await importBpmn(
      bpmn(
        body,
        drawn(
          shape('s', 100, 100, 36, 36) +
            shape('t', 200, 78, 100, 80) +
            shape('e', 400, 100, 36, 36),
        ),
      ),
    );
    expect(report.layout).toBe('file');
    // Task centre (250, 118) becomes (425, 153.4); an action is 170 x 60.
    expect(byId(map.nodes, 't')?.position).toEqual({ x: 340, y: 123.4 });
    // Start centre (118, 118) becomes (200.6, 153.4); a start is 150 x 48.
    expect(byId(map.nodes, 's')?.position).toEqual({ x: 125.6, y: 129.4 });
  });

  it('lays the map out with Tidy up when the file has no diagram', async () => {
    const { map, report } = await importBpmn(bpmn(body));
    expect(report.layout).toBe('tidy-up');
    const ys = map.nodes.map((n) => n.position.y);
    expect(ys[0]).toBeLessThan(ys[1] ?? 0);
    expect(ys[1]).toBeLessThan(ys[2] ?? 0);
  });
});

describe('importBpmn: Leverflow attributes', () => {
  it('reads durations and chances under any prefix, and ignores ones out of bounds', async () => {
    const xml = `<definitions ${NS} xmlns:lf="urn:leverflow:bpmn:1" id="D"><process id="P">
      <startEvent id="s"/><task id="t" lf:durationMinutes="12.5"/><task id="u" lf:durationMinutes="-3"/>
      <endEvent id="e"/><sequenceFlow id="f1" sourceRef="s" targetRef="t" lf:probability="0.25"/>
      <sequenceFlow id="f2" sourceRef="t" targetRef="u" lf:probability="7"/><sequenceFlow id="f3" sourceRef="u" targetRef="e"/>
    </process></definitions>`;
    const { map } = await importBpmn(xml);
    expect(byId(map.nodes, 't')).toMatchObject({ durationMinutes: 12.5 });
    expect(byId(map.nodes, 'u')).not.toHaveProperty('durationMinutes');
    expect(map.edges[0]).toMatchObject({ probability: 0.25 });
    expect(map.edges[1]).not.toHaveProperty('probability');
  });
});

describe('importBpmn: bounds', () => {
  it('cuts labels longer than 500 characters and renames ids longer than 100', async () => {
    const longId = `t${'x'.repeat(150)}`;
    const { map, report } = await importBpmn(
      bpmn(`<startEvent id="s"/><task id="${longId}" name="${'L'.repeat(600)}"/><endEvent id="e"/>
        ${flow('f1', 's', longId)}${flow('f2', longId, 'e')}`),
    );
    const task = map.nodes[1];
    expect(task?.label).toHaveLength(500);
    expect(task?.id).toHaveLength(100);
    expect(map.edges[0]?.target).toBe(task?.id);
    expect(report.simplified).toEqual([
      '1 label longer than 500 characters was cut',
      '1 id too long or repeated was renamed',
    ]);
    expect(parseMapData(map).ok).toBe(true);
  });
});

describe('importBpmn: refusals', () => {
  it.each([
    ['', 'not-xml'],
    ['hello, world', 'not-xml'],
    ['{"format":"leverflow-map"}', 'not-xml'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', 'not-bpmn'],
    ['<definitions xmlns="http://www.omg.org/bpmn20" id="D"/>', 'not-bpmn'],
    [`<definitions ${NS} id="D"><process id="P"><task id="t"></definitions`, 'not-xml'],
  ])('refuses %j with a clear error', async (text, code) => {
    const error = await rejection(importBpmn(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^This file is not BPMN 2\.0 XML: /);
  });

  it('refuses a file with no process', async () => {
    const error = await rejection(
      importBpmn(
        `<definitions ${NS} id="D"><collaboration id="c"><participant id="p" name="Black box"/></collaboration><process id="P"/></definitions>`,
      ),
    );
    expect(error.code).toBe('no-process');
    expect(error.message).toMatch(/^The BPMN file has no process/);
  });

  it('refuses a billion-laughs document without expanding it', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<definitions ${NS} id="D"><process id="P"><task id="t" name="&lol9;"/></process></definitions>`;
    const error = await rejection(importBpmn(laughs));
    expect(error.code).toBe('doctype');
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('refuses an external entity (XXE) without reading it', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<definitions ${NS} id="D"><process id="P"><startEvent id="s" name="&xxe;"/></process></definitions>`;
    const error = await rejection(importBpmn(xxe));
    expect(error.code).toBe('doctype');
    expect(error.message).not.toMatch(/root:/);
  });

  it('leaves an undeclared entity reference as literal text', async () => {
    const { map } = await importBpmn(
      bpmn(`<startEvent id="s" name="&xxe; &amp; co"/><endEvent id="e"/>${flow('f', 's', 'e')}`),
    );
    expect(map.nodes[0]?.label).toBe('&xxe; & co');
  });
});

describe('exportBpmn', () => {
  it('writes one lane per person, the owner first, holding the steps no one else does', async () => {
    const map = exampleMap();
    map.nodes = map.nodes.map((n) => (n.id === 'p' ? { ...n, ownerId: 'va' } : n));
    const xml = await exportBpmn(map);
    expect(xml).toMatch(
      /<bpmn:lane id="Lane_1" name="Me">\s*<bpmn:flowNodeRef>a<\/bpmn:flowNodeRef>\s*<bpmn:flowNodeRef>d<\/bpmn:flowNodeRef>\s*<bpmn:flowNodeRef>r<\/bpmn:flowNodeRef>\s*<\/bpmn:lane>/,
    );
    expect(xml).toMatch(
      /<bpmn:lane id="Lane_2" name="Virtual assistant">\s*<bpmn:flowNodeRef>p<\/bpmn:flowNodeRef>\s*<\/bpmn:lane>/,
    );
    // Lanes come back as people, each step in its lane's.
    const { map: back } = await importBpmn(xml);
    expect(back.people.map((p) => p.name)).toEqual(['Me', 'Virtual assistant']);
    expect(ownerName(back, 'p')).toBe('Virtual assistant');
    expect(ownerName(back, 'd')).toBe('Me');
  });

  it('writes start and end events, tasks, gateways, flows and diagram interchange', async () => {
    const xml = await exportBpmn(exampleMap());
    for (const part of [
      '<bpmn:startEvent id="s" name="Order received">',
      '<bpmn:task id="a" name="Check payment" leverflow:durationMinutes="5">',
      '<bpmn:exclusiveGateway id="d" name="Paid?">',
      '<bpmn:endEvent id="e" name="Shipped">',
      '<bpmn:lane id="Lane_1" name="Me">',
      '<bpmndi:BPMNShape id="d_di" bpmnElement="d" isMarkerVisible="true">',
      '<bpmndi:BPMNEdge id="e1_di" bpmnElement="e1">',
      'xmlns:leverflow="urn:leverflow:bpmn:1"',
      '<bpmn:task id="p" name="Pack order" leverflow:durationMinutes="15">',
      'name="Yes" sourceRef="d" targetRef="p" leverflow:probability="0.9">',
      // Every branch out of a gateway is conditional (or its default): the label is the condition.
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">Yes</bpmn:conditionExpression>',
    ]) {
      expect(xml).toContain(part);
    }
  });

  it('round-trips a map: same steps, arrows, labels, owners, durations, chances and positions', async () => {
    const map = exampleMap();
    const { map: back, report } = await importBpmn(await exportBpmn(map));
    expect(report.layout).toBe('file');
    expect(report.skipped).toEqual([]);
    expect(back.name).toBe(map.name);
    expect(back.nodes.map(({ id, kind, label }) => ({ id, kind, label }))).toEqual(
      map.nodes.map(({ id, kind, label }) => ({ id, kind, label })),
    );
    // A step with no doer is the owner's, and goes back in the owner's lane.
    expect(back.nodes.map((n) => ownerName(back, n.id))).toEqual(
      map.nodes.map((n) =>
        n.kind === 'start' || n.kind === 'end' ? undefined : (ownerName(map, n.id) ?? 'Me'),
      ),
    );
    expect(back.edges).toEqual(map.edges);
    expect(back.nodes.map((n) => ('durationMinutes' in n ? n.durationMinutes : undefined))).toEqual(
      map.nodes.map((n) => ('durationMinutes' in n ? n.durationMinutes : undefined)),
    );
    back.nodes.forEach((node, i) => {
      expect(node.position.x).toBeCloseTo(map.nodes[i]?.position.x ?? Number.NaN, 0);
      expect(node.position.y).toBeCloseTo(map.nodes[i]?.position.y ?? Number.NaN, 0);
    });
  });

  it('round-trips awkward ids, labels, notes, self-loops and parallel decisions', async () => {
    const map = exampleMap();
    map.nodes.push(
      {
        id: '1 odd id',
        kind: 'action',
        label: 'Line 1\nLine 2 "quoted" <b> & é',
        position: { x: 500, y: 0 },
        notes: 'Some notes',
      },
      {
        id: 'par',
        kind: 'decision',
        label: '',
        position: { x: 500, y: 200 },
        notes: PARALLEL_MARKER,
      },
    );
    map.edges.push(
      { id: 'e7', source: 'a', target: '1 odd id', label: '' },
      { id: 'e8', source: '1 odd id', target: '1 odd id', label: 'again' },
      { id: 'e9', source: '1 odd id', target: 'par' },
      { id: 'e10', source: 'par', target: 'e' },
    );
    const xml = await exportBpmn(map);
    expect(xml).toContain('<bpmn:parallelGateway id="par" name="">');
    const { map: back } = await importBpmn(xml);
    const odd = back.nodes.find((n) => n.label.startsWith('Line 1'));
    expect(odd).toMatchObject({
      id: '_1_odd_id',
      label: 'Line 1\nLine 2 "quoted" <b> & é',
      notes: 'Some notes',
    });
    // A decision marked parallel by an older Leverflow comes back as a parallel step.
    expect(back.nodes.find((n) => n.id === 'par')).toMatchObject({ kind: 'parallel', label: '' });
    expect(back.edges.find((e) => e.id === 'e8')).toEqual({
      id: 'e8',
      source: '_1_odd_id',
      target: '_1_odd_id',
      label: 'again',
    });
    expect(back.edges.find((e) => e.id === 'e7')).toHaveProperty('label', '');
  });
});

describe('exportBpmn then importBpmn (property)', () => {
  it('gives back the same steps, arrows and labels for any map', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMap(), async (map) => {
        const { map: back, report } = await importBpmn(await exportBpmn(map));
        expect(parseMapData(back).ok).toBe(true);
        expect(report.layout).toBe('file');
        // What XML 1.0 cannot hold is dropped; carriage returns are written as &#13; and kept.
        const lf = (text: string | undefined) => (text === undefined ? text : printableOnly(text));
        expect(back.nodes.map((n) => [n.kind, n.label])).toEqual(
          map.nodes.map((n) => [n.kind, lf(n.label)]),
        );
        const at = (m: ProcessMap, id: string) => m.nodes.findIndex((n) => n.id === id);
        expect(back.edges.map((e) => [at(back, e.source), at(back, e.target), e.label])).toEqual(
          map.edges.map((e) => [at(map, e.source), at(map, e.target), lf(e.label)]),
        );
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('formatImportReport', () => {
  it('lists the counts first, then what was simplified and skipped', () => {
    expect(
      formatImportReport({
        steps: 1,
        arrows: 2,
        simplified: ['a'],
        skipped: ['b'],
        simplifiedNodeIds: [],
        layout: 'tidy-up',
      }),
    ).toEqual(['Imported 1 step and 2 arrows.', 'Laid out with Tidy up.', 'a', 'b']);
  });
});

/** The name of the person who owns a step, or undefined. */
function ownerName(map: ProcessMap, nodeId: string): string | undefined {
  const node = map.nodes.find((n) => n.id === nodeId);
  const ownerId = node && 'ownerId' in node ? node.ownerId : undefined;
  return map.people.find((p) => p.id === ownerId)?.name;
}
