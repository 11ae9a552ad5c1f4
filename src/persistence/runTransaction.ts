import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { toStorageError } from './toStorageError';

export type Mode = 'readonly' | 'readwrite';
export type Tx<M extends Mode> = IDBPTransaction<unknown, string[], M>;

/**
 * Runs `fn` in one IndexedDB transaction and waits for it to commit. Any failure (a thrown
 * error, a failed request, an abort at commit such as a full disk) aborts the whole
 * transaction, so nothing of it is stored, and rejects with a StorageError.
 * @example await runTransaction(db, ['maps'], 'readwrite', (tx) => tx.objectStore('maps').put(record))
 */
export async function runTransaction<T, M extends Mode>(
  db: IDBPDatabase,
  stores: string[],
  mode: M,
  fn: (tx: Tx<M>) => Promise<T>,
): Promise<T> {
  let tx: Tx<M>;
  try {
    tx = db.transaction(stores, mode);
  } catch (error) {
    throw toStorageError(error, 'Could not use browser storage');
  }
  const done = tx.done;
  done.catch(() => {});
  try {
    const result = await fn(tx);
    await done;
    return result;
  } catch (error) {
    // When the browser aborts a transaction (e.g. quota reached at commit), pending requests
    // fail with a bare AbortError; the real cause is on the transaction.
    const cause =
      error instanceof DOMException && error.name === 'AbortError' ? (tx.error ?? error) : error;
    try {
      tx.abort();
    } catch {
      // The transaction already finished or aborted.
    }
    throw toStorageError(cause);
  }
}
