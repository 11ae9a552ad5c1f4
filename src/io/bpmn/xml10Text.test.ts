import { describe, expect, it } from 'vitest';
import { exampleMap } from '../../model';
import { exportBpmn, importBpmn } from '../bpmn';
import { xml10Text, xmlText } from './xml10Text';

/** What XML 1.0 allows (its `Char` production), checked one code point at a time. */
function isXml10(text: string): boolean {
  return [...text].every((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return (
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000
    );
  });
}

describe('xml10Text', () => {
  it('drops NUL, BEL, ESC and lone surrogates, keeps pairs, writes CR as &#13;', () => {
    const text = 'a\u0000b\u0007c\u001bd\re\tf\n\uD800g😀\uFFFE';
    expect(xml10Text(xmlText(text))).toBe('abcd&#13;e\tf\ng😀');
    expect(xml10Text(text)).toBe('abcd&#13;e\tf\ng😀&#13;');
  });
});

describe('exportBpmn writes XML 1.0 whatever the labels hold', () => {
  it('strips control characters from attributes and text, and keeps carriage returns', async () => {
    const map = exampleMap();
    const hostile = 'Pack\u0000 \u0007order\u001b\r\nnow\n\r\uDC00';
    map.name = `Orders\u0001\r`;
    map.nodes = map.nodes.map((n, i) => (i === 1 ? { ...n, label: hostile, notes: hostile } : n));
    map.people = map.people.map((p) => ({ ...p, name: `Me\u0008` }));
    const xml = await exportBpmn(map);
    expect(isXml10(xml)).toBe(true);
    expect(xml).not.toMatch(/\r/);
    expect(xml).toContain('name="Pack order&#13;&#10;now&#10;&#13;"');
    expect(xml).toContain('Pack order&#13;\nnow\n&#13;</bpmn:documentation>');
    const { map: back } = await importBpmn(xml);
    expect(back.nodes[1]?.label).toBe('Pack order\r\nnow\n\r');
    expect(back.name).toBe('Orders'); // names are trimmed on import
  });
});
