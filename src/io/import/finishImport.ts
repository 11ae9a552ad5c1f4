import {
  createMap,
  formatMapErrors,
  LIMITS,
  type MapEdge,
  type MapNode,
  type Person,
  parseMapData,
} from '../../model';
import { ImportError, type ImportErrorCode } from './ImportError';
import type { ImportReport, ImportResult } from './ImportReport';

interface PlacedDraft {
  name: string;
  nodes: MapNode[];
  edges: MapEdge[];
  people?: Person[];
  positions: Readonly<Record<string, { x: number; y: number }>>;
  simplified: string[];
  simplifiedNodeIds: string[];
  skipped: string[];
  layout: ImportReport['layout'];
}

/**
 * The last step of every import (BPMN and Mermaid): puts the placed draft into a map,
 * checks it like any file, and writes the report.
 * @example return finishImport({ name, nodes, edges, positions, ... }, 'not-bpmn', 'This BPMN file');
 */
export function finishImport(
  draft: PlacedDraft,
  code: ImportErrorCode,
  what: string,
): ImportResult {
  const parsed = parseMapData({
    ...createMap(draft.name.slice(0, LIMITS.maxNameLength)),
    nodes: draft.nodes.map((n) => ({ ...n, position: draft.positions[n.id] ?? n.position })),
    edges: draft.edges,
    people: draft.people ?? [],
  });
  if (!parsed.ok) {
    // A bug guard: drafts are built within the map's bounds, so this should not happen.
    throw new ImportError(
      code,
      `${what} could not be turned into a valid map:\n${formatMapErrors(parsed.errors)}`,
    );
  }
  return {
    map: parsed.map,
    report: {
      steps: parsed.map.nodes.length,
      arrows: parsed.map.edges.length,
      simplified: draft.simplified,
      skipped: draft.skipped,
      simplifiedNodeIds: [...new Set(draft.simplifiedNodeIds)],
      layout: draft.layout,
    },
  };
}
