import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleMap, serializeMap } from '../model';
import { importAnyFile, importAnyText } from './importAnyFile';

const MIWG = resolve(__dirname, '../../../shared/fixtures/bpmn-miwg');

describe('importAnyFile', () => {
  it('opens a BPMN file (MIWG C.1.0) with a report', async () => {
    const xml = readFileSync(resolve(MIWG, 'C.1.0.bpmn'));
    const result = await importAnyFile(new File([xml], 'C.1.0.bpmn'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.nodes.length).toBe(21);
    expect(result.report?.length).toBeGreaterThan(0);
  });

  it('opens a Mermaid flowchart, named after the file', async () => {
    const text =
      'flowchart TD\n  A([Order in]) --> B[Pack]\n  B --> C{Paid?}\n  C -->|Yes| D([Shipped])\n  C -->|No| B\n';
    const result = await importAnyFile(new File([text], 'orders.mmd'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['start', 'Order in'],
      ['action', 'Pack'],
      ['decision', 'Paid?'],
      ['end', 'Shipped'],
    ]);
    expect(result.map.edges.map((e) => e.label ?? '')).toEqual(['', '', 'Yes', 'No']);
  });

  it('still opens map files', async () => {
    const result = await importAnyFile(new File([serializeMap(exampleMap())], 'map.json'));
    expect(result.ok && result.map.name).toBe('Order fulfilment (example)');
  });

  it('gives a clear error for XML that is not BPMN, and for entity tricks', async () => {
    const notBpmn = await importAnyText(
      '<?xml version="1.0"?><definitions><foo/></definitions>',
      'x.xml',
    );
    expect(notBpmn.ok).toBe(false);
    const laughs = await importAnyText(
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><definitions>&lol;</definitions>',
      'x.bpmn',
    );
    expect(laughs.ok).toBe(false);
    if (!laughs.ok) expect(laughs.message).toMatch(/DOCTYPE|entit/i);
  });
});

describe('importAnyText: our own exports open again', () => {
  it('reads a Mermaid export with its --- front matter as Mermaid, not as JSON', async () => {
    const { exportMermaid } = await import('./mermaid');
    const text = exportMermaid(exampleMap());
    expect(text.startsWith('---\n')).toBe(true);
    const result = await importAnyText(text, 'Order fulfilment.mmd');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.name).toBe('Order fulfilment (example)');
    expect(result.map.nodes.map((n) => n.label).sort()).toEqual(
      exampleMap()
        .nodes.map((n) => n.label)
        .sort(),
    );
  });

  it('reads a BPMN export back', async () => {
    const { exportBpmn } = await import('./bpmn');
    const result = await importAnyText(await exportBpmn(exampleMap()), 'map.bpmn');
    expect(result.ok && result.map.nodes.length).toBe(exampleMap().nodes.length);
  });
});
