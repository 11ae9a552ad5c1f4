import type { MapEdge, MapNode, ProcessMap } from '../model';
import type { LayoutJobResult } from './layoutJob';

/** The layout worker's answer to a job, as the page reads it. */
export type LayoutAnswer = { ok: true; result: LayoutJobResult } | { ok: false; message: string };

/**
 * One message of an answer: the answer itself, or, for a big imported map, a slice of its
 * steps or arrows as JSON text, and last the answer without them, with how many slices
 * came before it.
 */
export type LayoutAnswerMessage =
  | LayoutAnswer
  | { mapPart: 'nodes' | 'edges'; text: string }
  | { ok: true; result: LayoutJobResult; parts: number };

/** Steps or arrows per slice of a big imported map. */
export const ITEMS_PER_PART = 10_000;

/**
 * The messages that carry a job's result to the page, each with what to hand over. The
 * page copies each message in as one task on its main thread: a big imported map's objects
 * were one 300 ms task at 50,000 steps and 150,000 arrows, so its steps and arrows go as
 * slices of JSON text, each parsed in a task of its own. Tidy up's positions are a typed
 * array, handed over without a copy.
 * @example for (const { message, transfer } of encodeLayoutAnswer(result)) self.postMessage(message, transfer);
 */
export function encodeLayoutAnswer(
  result: LayoutJobResult,
  perPart = ITEMS_PER_PART,
): { message: LayoutAnswerMessage; transfer: Transferable[] }[] {
  if ('coords' in result) {
    return [{ message: { ok: true, result }, transfer: [result.coords.buffer] }];
  }
  if (!result.ok || result.map.nodes.length + result.map.edges.length <= perPart) {
    return [{ message: { ok: true, result }, transfer: [] }];
  }
  const { map } = result;
  const messages: { message: LayoutAnswerMessage; transfer: Transferable[] }[] = [];
  const slice = (mapPart: 'nodes' | 'edges', items: readonly unknown[]) => {
    for (let i = 0; i < items.length; i += perPart) {
      const text = JSON.stringify(items.slice(i, i + perPart));
      messages.push({ message: { mapPart, text }, transfer: [] });
    }
  };
  slice('nodes', map.nodes);
  slice('edges', map.edges);
  const rest = { ...result, map: { ...map, nodes: [], edges: [] } };
  messages.push({ message: { ok: true, result: rest, parts: messages.length }, transfer: [] });
  return messages;
}

/**
 * Puts {@link encodeLayoutAnswer}'s messages together again, in the order they came,
 * parsing each slice as it arrives: returns the answer on its last message, null before.
 * An answer whose slices did not all come is refused.
 * @example const join = createLayoutAnswerJoiner(); worker.onmessage = (e) => { const a = join(e.data); if (a) use(a) };
 */
export function createLayoutAnswerJoiner(): (message: LayoutAnswerMessage) => LayoutAnswer | null {
  let nodes: MapNode[][] = [];
  let edges: MapEdge[][] = [];
  return (message) => {
    if ('mapPart' in message) {
      if (message.mapPart === 'nodes') nodes.push(JSON.parse(message.text) as MapNode[]);
      else edges.push(JSON.parse(message.text) as MapEdge[]);
      return null;
    }
    const received = { nodes, edges };
    nodes = [];
    edges = [];
    if (!('parts' in message)) return message;
    const { result } = message;
    if (
      received.nodes.length + received.edges.length !== message.parts ||
      'coords' in result ||
      !result.ok
    ) {
      return { ok: false, message: 'the layout worker’s answer came incomplete' };
    }
    const map: ProcessMap = {
      ...result.map,
      nodes: received.nodes.flat(),
      edges: received.edges.flat(),
    };
    return { ok: true, result: { ...result, map } };
  };
}
