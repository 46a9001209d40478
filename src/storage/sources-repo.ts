// Source records: the list the reader follows and each one's sync state.
import type { Source } from '../domain/source';
import type { Db } from './db';

/** Every followed source, oldest first. */
export async function listSources(db: Db): Promise<Source[]> {
  const all = await db.getAll('sources');
  return all.sort((a, b) => a.addedAt - b.addedAt);
}

/** One source, or undefined. */
export function getSource(db: Db, id: string): Promise<Source | undefined> {
  return db.get('sources', id);
}

/** Adds a source unless one with the same id exists; returns the stored record. */
export async function ensureSource(db: Db, source: Source): Promise<Source> {
  const tx = db.transaction('sources', 'readwrite');
  const existing = await tx.store.get(source.id);
  if (!existing) await tx.store.put(source);
  await tx.done;
  return existing ?? source;
}

/** Records a failed sync on the source, keeping its validators and articles. */
export async function recordSourceError(db: Db, id: string, message: string, now = Date.now()): Promise<void> {
  const tx = db.transaction('sources', 'readwrite');
  const source = await tx.store.get(id);
  if (source) await tx.store.put({ ...source, lastError: message, status: 'error', lastSyncAt: now });
  await tx.done;
}

/** Applies a change to one stored source in a single transaction; returns the new record, or undefined if it is gone. */
export async function updateSource(db: Db, id: string, change: (current: Source) => Partial<Source>): Promise<Source | undefined> {
  const tx = db.transaction('sources', 'readwrite');
  const current = await tx.store.get(id);
  const next = current ? { ...current, ...change(current), id } : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}
