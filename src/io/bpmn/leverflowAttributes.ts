import type { ModdleElement } from './moddleElement';

/** The XML namespace of the attributes Leverflow adds to its BPMN files. */
export const LEVERFLOW_NS = 'urn:leverflow:bpmn:1';
/** The prefix Leverflow writes that namespace with. */
export const LEVERFLOW_PREFIX = 'leverflow';

/** What Leverflow keeps in its own attributes: a step's duration and an arrow's chance. */
export interface LeverflowAttributes {
  durationMinutes?: number;
  probability?: number;
}

/**
 * Reads Leverflow's own attributes (`leverflow:durationMinutes`, `leverflow:probability`)
 * from BPMN elements, whatever prefix the file binds the namespace to on `<definitions>`.
 * Values out of the map's bounds are ignored.
 * @example readLeverflowAttributes(definitions)(task) // { durationMinutes: 15 }
 */
export function readLeverflowAttributes(
  definitions: ModdleElement,
): (element: ModdleElement) => LeverflowAttributes {
  const declared = attributes(definitions);
  const prefix = Object.keys(declared)
    .find((k) => k.startsWith('xmlns:') && declared[k] === LEVERFLOW_NS)
    ?.slice('xmlns:'.length);
  return (element) => {
    if (prefix === undefined) return {};
    const attrs = attributes(element);
    const out: LeverflowAttributes = {};
    const duration = Number(attrs[`${prefix}:durationMinutes`]);
    if (Number.isFinite(duration) && duration >= 0 && duration <= 1_000_000) {
      out.durationMinutes = duration;
    }
    const chance = attrs[`${prefix}:probability`];
    const probability = Number(chance);
    if (
      chance !== undefined &&
      Number.isFinite(probability) &&
      probability >= 0 &&
      probability <= 1
    ) {
      out.probability = probability;
    }
    return out;
  };
}

function attributes(element: ModdleElement): Record<string, string> {
  const raw = element.$attrs;
  const out: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') out[key] = value;
  return out;
}
