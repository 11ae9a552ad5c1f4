import { describe, expect, it } from 'vitest';
import { StorageError } from './StorageError';
import { isQuotaError, toStorageError } from './toStorageError';

describe('toStorageError', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError')],
    [new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')],
    [{ name: 'Error', code: 22, message: 'Safari quota' }],
    [{ name: 'Error', code: 1014, message: 'old Firefox quota' }],
  ])('reads %o as a quota failure', (error) => {
    expect(isQuotaError(error)).toBe(true);
    const converted = toStorageError(error);
    expect(converted.reason).toBe('quota');
    expect(converted.message).toBe('Storage is full: free space or export the map to a file.');
  });

  it('keeps a StorageError as it is and marks other errors', () => {
    const conflict = new StorageError('conflict', 'x');
    expect(toStorageError(conflict)).toBe(conflict);
    expect(toStorageError(new DOMException('gone', 'InvalidStateError')).reason).toBe(
      'unavailable',
    );
    expect(toStorageError(new TypeError('boom')).reason).toBe('unknown');
    expect(toStorageError('weird').message).toMatch(/weird/);
    expect(isQuotaError(null)).toBe(false);
  });
});
