import type { Migration } from './Migration';

const OWNER_NAMES = /^(me|myself|owner|the owner|i)$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 named who does a step in free text (`owner: "me"`); version 2 keeps a list of
 * people and points steps at them (`ownerId`). Each distinct name becomes a person: "me" or
 * "owner" becomes the owner (valued at the target rate, 10 h a week), anyone else staff
 * (at the default hand-off rate, 40 h a week). Adds the empty `acceptedFindings` list.
 */
export const v1OwnerNamesToPeople: Migration = {
  name: 'v1-owner-names-to-people',
  from: 1,
  up: (file) => {
    const settings = isRecord(file.settings) ? file.settings : {};
    const targetRate =
      typeof settings.targetHourlyRate === 'number' ? settings.targetHourlyRate : 100;
    const people: Record<string, unknown>[] = [];
    const idByName = new Map<string, string>();
    const nodes = Array.isArray(file.nodes)
      ? file.nodes.map((node: unknown) => {
          if (!isRecord(node) || !('owner' in node)) return node;
          const { owner, ...rest } = node;
          const name = typeof owner === 'string' ? owner.trim() : '';
          if (!name) return rest;
          let personId = idByName.get(name.toLowerCase());
          if (!personId) {
            personId = `person-${people.length + 1}`;
            idByName.set(name.toLowerCase(), personId);
            const isOwner = OWNER_NAMES.test(name);
            people.push({
              id: personId,
              name,
              role: isOwner ? 'owner' : 'staff',
              hourlyCost: isOwner ? targetRate : 25,
              hoursPerWeek: isOwner ? 10 : 40,
            });
          }
          return { ...rest, ownerId: personId };
        })
      : file.nodes;
    return { ...file, nodes, people, acceptedFindings: [] };
  },
};
