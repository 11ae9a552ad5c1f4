/**
 * Mermaid flowchart import and export, with a small parser of the flowchart subset (no
 * Mermaid runtime: its own parser ships inside the renderer).
 *
 * Errors: `importMermaid` rejects with an {@link ImportError} (a `code` and a message a
 * person can read) and never returns a half-built map; `exportMermaid` does not fail.
 */
import { LIMITS, type ProcessMap } from '../model';
import { finishImport } from './import/finishImport';
import { ImportError } from './import/ImportError';
import type { ImportResult } from './import/ImportReport';
import { plural } from './import/reportLines';
import { tidyUpOrGrid } from './import/tidyUpOrGrid';
import { assignMermaidIds } from './mermaid/assignMermaidIds';
import { END_CLASS, flowchartToDraft, START_CLASS } from './mermaid/flowchartToDraft';
import { escapeMermaidLabel } from './mermaid/mermaidLabel';
import { parseMermaidFlowchart } from './mermaid/parseMermaidFlowchart';

export { ImportError, type ImportErrorCode } from './import/ImportError';
export type { ImportReport, ImportResult } from './import/ImportReport';

/** At most this many skipped lines are listed one by one in a report. */
const MAX_SKIPPED_LINES = 20;

/**
 * Imports a Mermaid flowchart (`flowchart`/`graph` with TD, TB, BT, LR or RL) as a map laid
 * out with Tidy up. Lines outside the supported subset are skipped and listed in the report
 * with their line numbers. Rejects with an {@link ImportError} when the text is not a
 * flowchart or has no steps.
 * @example
 * const { map, report } = await importMermaid('flowchart TD\n  A([Order]) --> B[Pack] --> C([Sent])');
 */
export async function importMermaid(
  text: string,
  options: { fallbackName?: string; quickLayout?: boolean } = {},
): Promise<ImportResult> {
  if (text.length > LIMITS.maxFileBytes) {
    throw new ImportError(
      'too-large',
      `This text is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB; Leverflow imports smaller flowcharts.`,
    );
  }
  const chart = parseMermaidFlowchart(text);
  if (chart === undefined) {
    const first = text.trim().split(/\r?\n/)[0]?.slice(0, 40) ?? '';
    throw new ImportError(
      'not-mermaid',
      `This text is not a Mermaid flowchart: it must begin with "flowchart" or "graph" and a direction (TD, TB, BT, LR or RL)${first ? `; it begins with "${first}"` : ''}.`,
    );
  }
  if (chart.nodes.size === 0) {
    throw new ImportError('no-steps', 'This Mermaid flowchart has no steps to import.');
  }
  if (chart.nodes.size > LIMITS.maxNodes || chart.edges.length > LIMITS.maxEdges) {
    throw new ImportError(
      'too-many-steps',
      `This flowchart has ${chart.nodes.size} steps and ${chart.edges.length} arrows; a map holds at most ${LIMITS.maxNodes} steps and ${LIMITS.maxEdges} arrows.`,
    );
  }
  const draft = flowchartToDraft(chart);
  const { positions, layout } = await tidyUpOrGrid(draft, { quick: options.quickLayout ?? false });
  const skipped = chart.skipped
    .slice(0, MAX_SKIPPED_LINES)
    .map((s) => `Line ${s.line} skipped (${s.reason}): ${s.text.slice(0, 60)}`);
  if (chart.skipped.length > MAX_SKIPPED_LINES) {
    skipped.push(`… and ${plural(chart.skipped.length - MAX_SKIPPED_LINES, 'more line')} skipped`);
  }
  return finishImport(
    {
      ...draft,
      name: chart.title?.trim() || options.fallbackName || 'Imported flowchart',
      positions,
      skipped,
      layout,
    },
    'not-mermaid',
    'This flowchart',
  );
}

/**
 * A name as a double-quoted YAML string on one line: JSON's quoting, plus the two line
 * separators JSON leaves as they are (U+2028, U+2029), which would end the title's line for
 * a YAML reader, and for ours.
 */
function yamlString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Writes a map as Mermaid flowchart text that reads back to the same steps, arrows and
 * labels: actions `["…"]`, decisions `{"…"}`, parallel steps as fork/join bars
 * `@{ shape: fork, label: "…" }`, starts and ends `(["…"])` tagged with the
 * `lfStart`/`lfEnd` class, labels quoted with Mermaid's `#…;` codes. Positions, owners,
 * durations, notes and chances are not part of Mermaid and are left out.
 * @example exportMermaid(map) // 'flowchart TD\n  s(["Order received"]):::lfStart\n  …'
 */
export function exportMermaid(map: ProcessMap): string {
  const ids = assignMermaidIds(map.nodes.map((n) => n.id));
  const lines = ['---', `title: ${yamlString(map.name)}`, '---', 'flowchart TD'];
  for (const node of map.nodes) {
    const id = ids.get(node.id) ?? node.id;
    const label = `"${escapeMermaidLabel(node.label)}"`;
    if (node.kind === 'action') lines.push(`  ${id}[${label}]`);
    else if (node.kind === 'decision') lines.push(`  ${id}{${label}}`);
    else if (node.kind === 'parallel') lines.push(`  ${id}@{ shape: fork, label: ${label} }`);
    else lines.push(`  ${id}([${label}]):::${node.kind === 'start' ? START_CLASS : END_CLASS}`);
  }
  for (const edge of map.edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const label = edge.label === undefined ? '' : `|"${escapeMermaidLabel(edge.label)}"|`;
    lines.push(`  ${source} -->${label} ${target}`);
  }
  return `${lines.join('\n')}\n`;
}
