import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { LIMITS } from '../src/model/limits';
import { DOC_KEYS } from '../src/sync/mapDoc';

/** The largest message a client may send: a whole map at the app's file size limit. */
export const MAX_MESSAGE_BYTES = LIMITS.maxFileBytes;

/** Why a client's message is refused, or null. */
export type Refusal = { code: number; reason: string };

const SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * Checks a client's message before the server applies it: not larger than a map may be, a
 * Yjs update that decodes, and one that would not grow the room past the app's map limits
 * (steps, arrows, people). Awareness and other messages only get the size check.
 * @example checkMessage(data, document) // null or { code: 4413, reason: 'too-large' }
 */
export function checkMessage(data: Uint8Array, doc: Y.Doc): Refusal | null {
  if (data.byteLength > MAX_MESSAGE_BYTES) return { code: 4413, reason: 'message-too-large' };
  let update: Uint8Array;
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC) return null;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== SYNC_STEP2 && syncType !== SYNC_UPDATE) return null;
    update = decoding.readVarUint8Array(decoder);
  } catch {
    return { code: 4400, reason: 'malformed-message' };
  }
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return { code: 4400, reason: 'malformed-update' };
  }
  const limits: Record<string, number> = {
    [DOC_KEYS.nodes]: LIMITS.maxNodes,
    [DOC_KEYS.edges]: LIMITS.maxEdges,
    [DOC_KEYS.people]: LIMITS.maxPeople,
  };
  const added: Record<string, Set<string>> = {};
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent;
    const key = struct.parentSub;
    if (typeof parent !== 'string' || key === null || !(parent in limits)) continue;
    if (doc.getMap(parent).has(key)) continue;
    const set = added[parent] ?? new Set<string>();
    set.add(key);
    added[parent] = set;
  }
  for (const [name, keys] of Object.entries(added)) {
    if (doc.getMap(name).size + keys.size > (limits[name] ?? 0)) {
      return { code: 4413, reason: `room-full:${name}` };
    }
  }
  return null;
}
