import { describe, expect, it } from 'vitest';
import { denseFlowchart } from '../../bench/denseFlowchart.mjs';
import { exampleMap } from '../model';
import { importTextInWorker, layoutActivity, tidyUpInWorker } from './runLayoutJob';
import { coordsToMoves } from './stepColumns';

describe('runLayoutJob without Web Workers (Node)', () => {
  it('imports in place, with the same result as the worker would give', async () => {
    const result = await importTextInWorker(
      'flowchart TD\n  a([In]) --> b[Pack] --> c([Out])',
      'x',
    );
    expect(result.ok && result.map.nodes.length).toBe(3);
    expect(layoutActivity.get()).toBeNull();
  });

  it('tidies up in place', async () => {
    const done = await tidyUpInWorker(exampleMap());
    expect(done?.layout).toBe('tidy-up');
    expect(done?.ids).toHaveLength(6);
    expect(done ? coordsToMoves(done.ids, done.coords) : []).toHaveLength(6);
  });

  it('the dense benchmark chart has 3 arrows a step', () => {
    const text: string = denseFlowchart(300);
    expect(text.match(/-->/g)).toHaveLength(3 * 299);
  });
});
