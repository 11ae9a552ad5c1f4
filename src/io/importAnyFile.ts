import { failure, LIMITS } from '../model';
import { ImportError } from './import/ImportError';
import { type ImportResult, importMapBytes, importMapText } from './importFile';

/** An import that may carry a report of what was simplified or skipped on the way in. */
export type AnyImportResult = ImportResult & { report?: string[] };

/** `quickLayout`: lay out with quick layers, not Tidy up (it ran out of time in the worker). */
export interface ImportLayoutOptions {
  quickLayout?: boolean;
}

const MB = 1024 * 1024;

function looksLikeBpmn(text: string): boolean {
  const head = text.slice(0, 4000);
  return /^\s*(<\?xml|<)/.test(head) && /definitions/i.test(head);
}

/**
 * A Mermaid flowchart: its first line that is not blank, a `%%` comment or part of a
 * `---` front-matter block (our own export writes `title:` there) begins with
 * `flowchart` or `graph`.
 */
function looksLikeMermaid(text: string): boolean {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/, 2000);
  let i = 0;
  while (i < lines.length && lines[i]?.trim() === '') i += 1;
  if (lines[i]?.trim() === '---') {
    const end = lines.findIndex((l, j) => j > i && l.trim() === '---');
    if (end < 0) return false;
    i = end + 1;
  }
  const firstLine = lines
    .slice(i)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('%%'));
  return firstLine !== undefined && /^(flowchart|graph)\b/i.test(firstLine);
}

/**
 * Whether pasted text is a BPMN or Mermaid document (opened as a new map) rather than
 * steps to paste into the open map.
 * @example looksLikeDiagramText('flowchart TD\n  a --> b') // true
 */
export function looksLikeDiagramText(text: string): boolean {
  return looksLikeBpmn(text) || looksLikeMermaid(text);
}

/**
 * Reads any file Leverflow opens: a map file (JSON), a Leverflow PNG, BPMN 2.0 XML or a
 * Mermaid flowchart. BPMN and Mermaid come with a report of what was simplified or skipped.
 * The BPMN reader loads only when a BPMN file is opened. Never throws.
 * @example const result = await importAnyText(mermaidText, 'flow.mmd'); result.report
 */
export async function importAnyText(
  text: string,
  name?: string,
  layout: ImportLayoutOptions = {},
): Promise<AnyImportResult> {
  const fallbackName = name?.replace(/\.[^.]+$/, '');
  const options = { ...layout, ...(fallbackName ? { fallbackName } : {}) };
  try {
    if (looksLikeBpmn(text)) {
      const { importBpmn, formatImportReport } = await import('./bpmn');
      const { map, report } = await importBpmn(text, options);
      return { ok: true, map, migrations: [], report: formatImportReport(report) };
    }
    if (looksLikeMermaid(text)) {
      const [{ importMermaid }, { formatImportReport }] = await Promise.all([
        import('./mermaid'),
        import('./import/formatImportReport'),
      ]);
      const { map, report } = await importMermaid(text, options);
      return { ok: true, map, migrations: [], report: formatImportReport(report) };
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(
      error instanceof ImportError ? error.code : 'unreadable',
      `Could not open ${name ? `"${name}"` : 'this text'}: ${detail}`,
    );
  }
  return importMapText(text, name);
}

/** Like {@link importAnyText}, for a picked or dropped file (size checked before reading). */
export async function importAnyFile(
  file: Blob & { name?: string },
  layout: ImportLayoutOptions = {},
): Promise<AnyImportResult> {
  if (file.size > LIMITS.maxFileBytes) {
    return failure(
      'too-large',
      `Could not open ${file.name ? `"${file.name}"` : 'this file'}: it is ${(file.size / MB).toFixed(1)} MB; a file can be at most ${LIMITS.maxFileBytes / MB} MB.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure('unreadable', `Could not read ${file.name ?? 'this file'}: ${detail}`);
  }
  if (bytes[0] === 0x89) return importMapBytes(bytes, file.name); // PNG
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return importMapBytes(bytes, file.name);
  }
  return importAnyText(text.replace(/^\uFEFF/, ''), file.name, layout);
}
