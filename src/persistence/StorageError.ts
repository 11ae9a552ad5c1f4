/** Why a storage operation failed; the UI picks its message and whether to retry from this. */
export type StorageFailureReason =
  | 'quota'
  | 'unavailable'
  | 'newer-version'
  | 'conflict'
  | 'not-found'
  | 'corrupt'
  | 'unknown';

/**
 * The one error type the persistence layer throws. `reason` is machine-readable;
 * `message` is written for a person.
 * @example
 * try { await library.save(id, map) } catch (e) { if (e instanceof StorageError && e.reason === 'quota') … }
 */
export class StorageError extends Error {
  readonly reason: StorageFailureReason;

  constructor(reason: StorageFailureReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.reason = reason;
  }
}
