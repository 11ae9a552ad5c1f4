import type { IDBPDatabase } from 'idb';
import { openDatabase } from '../openDatabase';

/**
 * Test helper: the library's database opened directly, to plant damaged or foreign records
 * and to check that a failed operation left the stored bytes alone.
 * @example const db = await rawDb(factory); await db.put('maps', { id: 'x' })
 */
export function rawDb(factory: IDBFactory, name = 'leverflow'): Promise<IDBPDatabase> {
  return openDatabase(factory, name);
}
