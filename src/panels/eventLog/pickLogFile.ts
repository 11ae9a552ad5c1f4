/** The file types an event log may come in. */
export const LOG_FILE_TYPES = '.csv,.tsv,.txt,.xes,text/csv';

/**
 * Opens the browser's file picker for an event log. The input is made for this one pick
 * and never added to the page, so the page keeps a single file input (the map importer's).
 * @example pickLogFile((file) => logs.getState().openFile(file))
 */
export function pickLogFile(onFile: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = LOG_FILE_TYPES;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });
  input.click();
}
