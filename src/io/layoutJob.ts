import type { LayoutDirection } from '../model';
import { tidyUpOrGrid } from './import/tidyUpOrGrid';
import { type AnyImportResult, importAnyFile, importAnyText } from './importAnyFile';
import { fromStepColumns, positionsToCoords, type StepColumns } from './stepColumns';

/** Work that may lay a map out, so it runs in the layout worker (see runLayoutJob). */
export type LayoutJob =
  | { type: 'import-file'; file: Blob & { name?: string } }
  | { type: 'import-text'; text: string; name?: string }
  | { type: 'tidy-up'; steps: StepColumns; direction?: LayoutDirection };

/** Tidy up's new positions, as x, y pairs in the order of the job's steps (see stepColumns). */
export interface TidyUpResult {
  coords: Float64Array;
  layout: 'tidy-up' | 'layered' | 'grid';
}

export type LayoutJobResult = AnyImportResult | TidyUpResult;

/**
 * Does one layout job where it is called (the worker, or Node in tests). `quick` skips
 * elkjs for the cheap quick layers: the job is being run again after elkjs ran out of time.
 * @example await doLayoutJob({ type: 'import-text', text: 'flowchart TD\n a --> b' }, false)
 */
export function doLayoutJob(job: LayoutJob, quick: boolean): Promise<LayoutJobResult> {
  const options = { quickLayout: quick };
  if (job.type === 'import-file') return importAnyFile(job.file, options);
  if (job.type === 'import-text') return importAnyText(job.text, job.name, options);
  return tidyUpOrGrid(fromStepColumns(job.steps), {
    quick,
    ...(job.direction ? { direction: job.direction } : {}),
  }).then(({ positions, layout }) => ({
    coords: positionsToCoords(job.steps.ids, positions),
    layout,
  }));
}
