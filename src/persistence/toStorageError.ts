import { StorageError } from './StorageError';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const UNAVAILABLE_NAMES = new Set(['InvalidStateError', 'SecurityError', 'UnknownError']);

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

function errorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

/** True for every way browsers report a full disk or origin quota. */
export function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  // Safari (and the legacy DOMException) report code 22; old Firefox code 1014.
  return (
    (name !== undefined && QUOTA_NAMES.has(name)) || [22, 1014].includes(errorCode(error) ?? 0)
  );
}

/**
 * Turns whatever a storage call threw (DOMException, idb error, StorageError) into a
 * {@link StorageError} with a reason.
 * @example toStorageError(new DOMException('full', 'QuotaExceededError')).reason // 'quota'
 */
export function toStorageError(error: unknown, context = 'Could not save'): StorageError {
  if (error instanceof StorageError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (isQuotaError(error)) {
    return new StorageError('quota', 'Storage is full: free space or export the map to a file.', {
      cause: error,
    });
  }
  const name = errorName(error);
  if (name !== undefined && UNAVAILABLE_NAMES.has(name)) {
    return new StorageError(
      'unavailable',
      `Browser storage is not available (${name}): ${detail}`,
      { cause: error },
    );
  }
  return new StorageError('unknown', `${context}: ${detail}`, { cause: error });
}
