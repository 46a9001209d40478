// Small key-value settings and bookkeeping (last sync time, reader settings).
import type { Db } from './db';

/** Reads one meta value, or the fallback when absent. */
export async function getMeta<T>(db: Db, key: string, fallback: T): Promise<T> {
  const value = await db.get('meta', key);
  return value === undefined ? fallback : (value as T);
}

/** Writes one meta value. */
export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.put('meta', value, key);
}
