import { describe, expect, it } from 'vitest';
import { importAnyText } from '../importAnyFile';
import { MAX_BPMN_DEPTH } from './readBpmnXml';
import { xmlDepth } from './xmlDepth';

/** A BPMN file whose process holds sub-processes nested `levels` deep, each with a task. */
function nestedBpmn(levels: number): string {
  const open = Array.from(
    { length: levels },
    (_, i) => `<bpmn:subProcess id="s${i}"><bpmn:task id="t${i}" name="Step ${i}"/>`,
  ).join('');
  return `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="P">${open}${'</bpmn:subProcess>'.repeat(levels)}</bpmn:process></bpmn:definitions>`;
}

describe('xmlDepth', () => {
  it('counts nesting, not self-closing tags, comments, CDATA or > inside attribute values', () => {
    expect(xmlDepth('<a><b/><c><d/></c></a>')).toBe(3);
    expect(
      xmlDepth('<?xml version="1.0"?><!-- <x><y><z> --><a t="<b>"><![CDATA[<c><d>]]></a>'),
    ).toBe(1);
  });

  it('stops counting past the limit', () => {
    expect(xmlDepth('<a>'.repeat(1000), 10)).toBe(11);
  });
});

describe('a very deeply nested BPMN file', () => {
  it('is refused as "too deeply nested", not with a stack overflow (10,000 levels)', async () => {
    const result = await importAnyText(nestedBpmn(10_000), 'deep.bpmn');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('too deeply nested');
    expect(result.message).not.toMatch(/call stack/i);
  });

  it('opens when it nests no deeper than the limit allows', async () => {
    const result = await importAnyText(nestedBpmn(MAX_BPMN_DEPTH - 10), 'deep.bpmn');
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });
});
