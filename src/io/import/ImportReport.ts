import type { ProcessMap } from '../../model';

/** What an import brought in, and what it had to change or leave out to fit a flowchart. */
export interface ImportReport {
  /** Steps in the imported map (starts, ends, actions and decisions). */
  steps: number;
  /** Arrows in the imported map. */
  arrows: number;
  /** Human-readable lines about parts that were changed to fit, e.g. a gateway that became a decision. */
  simplified: string[];
  /** Human-readable lines about parts that were left out, e.g. "Skipped 3 text annotations". */
  skipped: string[];
  /** Ids of steps that a simplification added or re-wired, so a caller can point at them. */
  simplifiedNodeIds: string[];
  /**
   * Where the positions came from: the file itself, Tidy up, quick layers when the map was
   * too big or dense for Tidy up in time, or a plain grid when Tidy up failed.
   */
  layout: 'file' | 'tidy-up' | 'layered' | 'grid';
}

/** A successful import: a map that passes `parseMapData`, and its report. */
export interface ImportResult {
  map: ProcessMap;
  report: ImportReport;
}
