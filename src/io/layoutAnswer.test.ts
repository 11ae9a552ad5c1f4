import { describe, expect, it } from 'vitest';
import { generateMap } from '../../bench/generateMap';
import { exampleMap } from '../model';
import {
  createLayoutAnswerJoiner,
  encodeLayoutAnswer,
  type LayoutAnswerMessage,
} from './layoutAnswer';

/** What the page makes of the messages, each copied as postMessage does. */
function received(messages: { message: LayoutAnswerMessage }[]) {
  const join = createLayoutAnswerJoiner();
  const answers = messages.map(({ message }) => join(structuredClone(message)));
  return { last: answers.at(-1), before: answers.slice(0, -1) };
}

describe('layoutAnswer', () => {
  it('sends a big imported map in slices of JSON text, and the page puts the same result together', () => {
    const map = generateMap(3000);
    const result = { ok: true as const, map, migrations: [], report: ['Laid out in layers.'] };
    const messages = encodeLayoutAnswer(result, 1000);
    // 3,000 steps and about 3,900 arrows: 3 + 4 slices, then the answer.
    expect(messages.length).toBe(
      Math.ceil(map.nodes.length / 1000) + Math.ceil(map.edges.length / 1000) + 1,
    );
    expect(messages.slice(0, -1).every(({ message }) => 'mapPart' in message)).toBe(true);
    const { last, before } = received(messages);
    expect(before.every((answer) => answer === null)).toBe(true);
    expect(last).toEqual({ ok: true, result });
  });

  it('refuses an answer whose slices did not all come', () => {
    const result = { ok: true as const, map: generateMap(3000), migrations: [] };
    const messages = encodeLayoutAnswer(result, 1000);
    const { last } = received([...messages.slice(0, 2), ...messages.slice(3)]);
    expect(last).toMatchObject({ ok: false });
  });

  it('sends a small map as it is, and hands Tidy up’s positions over without a copy', () => {
    const result = { ok: true as const, map: exampleMap(), migrations: [] };
    expect(encodeLayoutAnswer(result)).toEqual([{ message: { ok: true, result }, transfer: [] }]);
    const coords = new Float64Array([1, 2, 3, 4]);
    const [tidy] = encodeLayoutAnswer({ coords, layout: 'tidy-up' });
    expect(tidy?.transfer).toEqual([coords.buffer]);
    expect(received(tidy ? [tidy] : []).last).toEqual({
      ok: true,
      result: { coords, layout: 'tidy-up' },
    });
  });
});
