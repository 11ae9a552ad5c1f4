import type { ImportReport } from './ImportReport';
import { plural } from './reportLines';

/**
 * The report as short lines a person can read: the counts, the layout when Tidy up placed
 * the steps, then what was simplified and what was skipped.
 * @example formatImportReport(report) // ['Imported 12 steps and 14 arrows.', 'Skipped 2 text annotations']
 */
export function formatImportReport(report: ImportReport): string[] {
  return [
    `Imported ${plural(report.steps, 'step')} and ${plural(report.arrows, 'arrow')}.`,
    ...(report.layout === 'tidy-up' ? ['Laid out with Tidy up.'] : []),
    ...(report.layout === 'layered'
      ? ['Too big or dense for Tidy up in time: laid out in simple layers.']
      : []),
    ...(report.layout === 'grid'
      ? ['Too large for Tidy up: the steps were placed in a grid.']
      : []),
    ...report.simplified,
    ...report.skipped,
  ];
}
