/**
 * The one shape of a refusal, for everything that reads outside data (a file, a PNG, the
 * clipboard, storage, an import): a code a caller can branch on, a message a person can
 * read, and where in the data the problem is, when there is one place.
 * @example if (!result.ok) showBanner(result.message)
 */
export interface Failure<Code extends string = string> {
  ok: false;
  code: Code;
  message: string;
  path?: string;
}

/**
 * Builds a {@link Failure}.
 * @example failure('not-json', 'not JSON: Unexpected end of input', '(file)')
 */
export function failure<Code extends string>(
  code: Code,
  message: string,
  path?: string,
): Failure<Code> {
  return path === undefined ? { ok: false, code, message } : { ok: false, code, message, path };
}
