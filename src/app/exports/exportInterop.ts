import { downloadBlob } from '../../io/downloadBlob';
import { mapFileName } from '../../io/exportJson';
import type { ProcessMap } from '../../model';

/** Downloads the map as BPMN 2.0 XML (the BPMN writer loads on demand). */
export async function exportBpmnFile(map: ProcessMap): Promise<void> {
  const { exportBpmn } = await import('../../io/bpmn');
  const xml = await exportBpmn(map);
  downloadBlob(new Blob([xml], { type: 'application/xml' }), mapFileName(map, 'bpmn'));
}

/** Downloads the map as a Mermaid flowchart. */
export async function exportMermaidFile(map: ProcessMap): Promise<void> {
  const { exportMermaid } = await import('../../io/mermaid');
  downloadBlob(new Blob([exportMermaid(map)], { type: 'text/plain' }), mapFileName(map, 'mmd'));
}

/** Copies the map as Mermaid flowchart text, for a wiki or a README. */
export async function copyMermaid(map: ProcessMap): Promise<string> {
  const { exportMermaid } = await import('../../io/mermaid');
  try {
    await navigator.clipboard.writeText(exportMermaid(map));
    return 'Copied the map as a Mermaid flowchart.';
  } catch {
    return 'Could not copy: the browser refused the clipboard. Use Export Mermaid instead.';
  }
}
