import { describe, expect, it } from 'vitest';
import { generateMap } from '../../bench/generateMap';
import { exampleMap } from '../model';
import { decodeLayoutAnswer, encodeLayoutAnswer, MAP_TEXT_ABOVE } from './layoutAnswer';

describe('layoutAnswer', () => {
  it('sends a big imported map as JSON text, and the page reads back the same result', () => {
    const map = generateMap(MAP_TEXT_ABOVE + 500);
    const result = { ok: true as const, map, migrations: [], report: ['Laid out in layers.'] };
    const { message, transfer } = encodeLayoutAnswer(result);
    expect('mapText' in message).toBe(true);
    expect(transfer).toEqual([]);
    expect(decodeLayoutAnswer(structuredClone(message))).toEqual({ ok: true, result });
  });

  it('sends a small map as it is, and hands Tidy up’s positions over without a copy', () => {
    const result = { ok: true as const, map: exampleMap(), migrations: [] };
    const small = encodeLayoutAnswer(result);
    expect(small.message).toEqual({ ok: true, result });
    const coords = new Float64Array([1, 2, 3, 4]);
    const tidy = encodeLayoutAnswer({ coords, layout: 'tidy-up' });
    expect(tidy.transfer).toEqual([coords.buffer]);
    expect(decodeLayoutAnswer(tidy.message)).toEqual({
      ok: true,
      result: { coords, layout: 'tidy-up' },
    });
  });
});
