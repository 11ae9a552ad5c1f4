/** Why an import was refused; the map in the editor is left as it was. */
export type ImportErrorCode =
  | 'too-large'
  | 'doctype'
  | 'not-xml'
  | 'not-bpmn'
  | 'no-process'
  | 'not-mermaid'
  | 'no-steps'
  | 'too-many-steps'
  | 'too-deep';

/**
 * The error an import rejects with: a message a person can read, and a code a caller can
 * branch on. Imports never return a half-built map.
 * @example
 * try { await importBpmn(text) } catch (e) { if (e instanceof ImportError) show(e.message) }
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
