// Removing a source: its articles go with it, except the ones the reader saved (saved means forever).
import type { Db } from './db';

/** Deletes a source and its unsaved articles in one transaction; returns the ids of deleted articles. */
export async function removeSource(db: Db, sourceId: string): Promise<string[]> {
  const tx = db.transaction(['sources', 'articles', 'readingState'], 'readwrite');
  const removed: string[] = [];
  const range = IDBKeyRange.bound([sourceId, -Infinity], [sourceId, Infinity]);
  let cursor = await tx.objectStore('articles').index('by-source-published').openCursor(range);
  while (cursor) {
    const state = await tx.objectStore('readingState').get(cursor.primaryKey);
    if (!state?.saved) {
      removed.push(cursor.primaryKey);
      await cursor.delete();
      if (state) await tx.objectStore('readingState').delete(cursor.primaryKey);
    }
    cursor = await cursor.continue();
  }
  await tx.objectStore('sources').delete(sourceId);
  await tx.done;
  return removed;
}

/** Renames a source (the reader's name wins over the feed's own title on later syncs). */
export async function renameSource(db: Db, sourceId: string, title: string): Promise<void> {
  const clean = title.trim().slice(0, 200);
  if (!clean) throw new Error('A source needs a name.');
  const tx = db.transaction('sources', 'readwrite');
  const source = await tx.store.get(sourceId);
  if (!source) throw new Error('This source no longer exists.');
  await tx.store.put({ ...source, title: clean });
  await tx.done;
}
