import type { ProcessMap } from '../model';
import type { LayoutJobResult } from './layoutJob';

/** The layout worker's answer to a job, as the page reads it. */
export type LayoutAnswer = { ok: true; result: LayoutJobResult } | { ok: false; message: string };

/** The answer as it travels: a big imported map as JSON text, Tidy up's positions handed over. */
export type LayoutAnswerMessage =
  | LayoutAnswer
  | { ok: true; result: Omit<LayoutJobResult, 'map'>; mapText: string };

/** An imported map of more steps than this travels as JSON text. */
export const MAP_TEXT_ABOVE = 2000;

/**
 * The message that carries a job's result to the page, and what to hand over with it.
 * Copying a map's objects into the page is one task on its main thread (300 ms for 50,000
 * steps and 150,000 arrows); a string is copied at once and parsed in a third of that.
 * Tidy up's positions are a typed array, handed over without a copy.
 * @example const { message, transfer } = encodeLayoutAnswer(result); self.postMessage(message, transfer);
 */
export function encodeLayoutAnswer(result: LayoutJobResult): {
  message: LayoutAnswerMessage;
  transfer: Transferable[];
} {
  if ('coords' in result)
    return { message: { ok: true, result }, transfer: [result.coords.buffer] };
  if (result.ok && result.map.nodes.length > MAP_TEXT_ABOVE) {
    const { map, ...rest } = result;
    return { message: { ok: true, result: rest, mapText: JSON.stringify(map) }, transfer: [] };
  }
  return { message: { ok: true, result }, transfer: [] };
}

/**
 * The answer again from {@link encodeLayoutAnswer}'s message.
 * @example settle(decodeLayoutAnswer(event.data))
 */
export function decodeLayoutAnswer(message: LayoutAnswerMessage): LayoutAnswer {
  if (!('mapText' in message)) return message;
  const map = JSON.parse(message.mapText) as ProcessMap;
  return { ok: true, result: { ...message.result, map } as LayoutJobResult };
}
