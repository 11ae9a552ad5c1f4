/**
 * BPMN 2.0 XML import and export, read and written with bpmn-moddle (bpmn.io's model library).
 *
 * Errors: both imports reject with an {@link ImportError} (a `code` and a message a person can
 * read) and never return a half-built map; `exportBpmn` does not fail on a valid map.
 */
import { LIMITS, type ProcessMap } from '../model';
import { buildDefinitions } from './bpmn/buildDefinitions';
import { flowFromDefinitions } from './bpmn/flowFromDefinitions';
import { placeDraft } from './bpmn/placeDraft';
import { readBpmnXml } from './bpmn/readBpmnXml';
import { readDiagramCenters } from './bpmn/readDiagramCenters';
import { xml10Text } from './bpmn/xml10Text';
import { finishImport } from './import/finishImport';
import { ImportError } from './import/ImportError';
import type { ImportResult } from './import/ImportReport';
import { plural } from './import/reportLines';

export { formatImportReport } from './import/formatImportReport';
export { ImportError, type ImportErrorCode } from './import/ImportError';
export type { ImportReport, ImportResult } from './import/ImportReport';

/**
 * Imports BPMN 2.0 XML as a map: every process of the file becomes part of one flowchart,
 * placed as the file's diagram draws it (or by Tidy up when it has none), with a report of
 * what came in, what was simplified and what was skipped.
 * Rejects with an {@link ImportError} for bad XML, a file that is not BPMN 2.0, a file with
 * no process, or one with a DOCTYPE (entities are never expanded).
 * @example
 * const { map, report } = await importBpmn(await file.text(), { fallbackName: file.name });
 */
export async function importBpmn(
  xml: string,
  options: { fallbackName?: string; quickLayout?: boolean } = {},
): Promise<ImportResult> {
  const { definitions, warnings } = await readBpmnXml(xml);
  const centers = readDiagramCenters(definitions);
  const draft = flowFromDefinitions(definitions, new Set(centers.keys()));
  if (draft.nodes.length > LIMITS.maxNodes || draft.edges.length > LIMITS.maxEdges) {
    throw new ImportError(
      'too-many-steps',
      `This BPMN file has ${draft.nodes.length} steps and ${draft.edges.length} arrows; a map holds at most ${LIMITS.maxNodes} steps and ${LIMITS.maxEdges} arrows.`,
    );
  }
  const { positions, layout } = await placeDraft(draft, centers, {
    quick: options.quickLayout ?? false,
  });
  const skipped = [...draft.skipped];
  if (warnings.length > 0) {
    skipped.push(
      `The BPMN reader skipped ${plural(warnings.length, 'part')} it could not read, e.g. ${warnings[0]}`,
    );
  }
  return finishImport(
    {
      ...draft,
      name: draft.name?.trim() || options.fallbackName || 'Imported BPMN',
      positions,
      skipped,
      layout,
    },
    'not-bpmn',
    'This BPMN file',
  );
}

/**
 * Exports a map as BPMN 2.0 XML: one process with start and end events, tasks, exclusive
 * gateways (parallel ones where the notes say so), sequence flows, lanes for owners and
 * diagram interchange, so bpmn.io and Camunda Modeler open it laid out as in Leverflow.
 * @example const xml = await exportBpmn(map); // '<?xml version="1.0" …'
 */
export async function exportBpmn(map: ProcessMap): Promise<string> {
  const { moddle, definitions } = buildDefinitions(map);
  const { xml } = await moddle.toXML(definitions, { format: true });
  // bpmn-moddle writes control characters and carriage returns raw (see xml10Text).
  return xml10Text(xml);
}
