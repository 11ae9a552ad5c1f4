import Papa from 'papaparse';
import { type CsvReadOptions, createCsvEventReader } from './createCsvEventReader';
import type { ImportedLog } from './EventLog';
import { type ColumnGuess, guessColumns } from './guessColumns';

/** The first rows of a CSV file: its header and a sample of rows, for the column dialog. */
export interface CsvPreview extends ColumnGuess {
  header: string[];
  sample: string[][];
  /** The delimiter papaparse found (comma, semicolon, tab, pipe…). */
  delimiter: string;
}

/**
 * Reads the header and first rows of a CSV text (any delimiter, quoted cells) and guesses
 * its columns. Null when the text has no header row.
 * @example previewEventCsv('Case,Activity,Time\n1,Pack,2024-01-01').mapping.caseId // 0
 */
export function previewEventCsv(text: string, rows = 200): CsvPreview | null {
  const parsed = Papa.parse<string[]>(text, { preview: rows + 1, skipEmptyLines: 'greedy' });
  const [header, ...sample] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) return null;
  return {
    header: header.map((h) => h.trim()),
    sample,
    delimiter: parsed.meta.delimiter,
    ...guessColumns(header, sample),
  };
}

/**
 * Reads a whole CSV text into an event log, in chunks (as a streamed file would be).
 * @example readEventCsv(text, { mapping: { caseId: 0, activity: 1, timestamp: 2 }, dateFormat: 'iso' })
 */
export function readEventCsv(
  text: string,
  options: CsvReadOptions & { delimiter?: string },
): ImportedLog {
  const reader = createCsvEventReader(options);
  Papa.parse<string[]>(text, {
    delimiter: options.delimiter ?? '',
    chunkSize: 1 << 20,
    chunk: (results: Papa.ParseResult<string[]>) => reader.rows(results.data),
    complete: () => undefined,
  });
  return reader.finish();
}
