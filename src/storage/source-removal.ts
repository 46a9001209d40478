// Removing a source: its articles go with it, except the ones the reader saved (saved means forever).
import type { Db } from './db';
import { logRemove } from './index-log';

/** Deletes a source and its unsaved articles in one transaction; returns the ids of deleted articles. */
export async function removeSource(db: Db, sourceId: string): Promise<string[]> {
  const tx = db.transaction(['sources', 'articles', 'readingState', 'indexLog'], 'readwrite');
  const range = IDBKeyRange.bound([sourceId, -Infinity], [sourceId, Infinity]);
  const ids = await tx.objectStore('articles').index('by-source-published').getAllKeys(range);
  const states = await Promise.all(ids.map((id) => tx.objectStore('readingState').get(id)));
  const removed: string[] = [];
  const requests: Array<Promise<unknown>> = [tx.objectStore('sources').delete(sourceId)];
  ids.forEach((id, i) => {
    if (states[i]?.saved) return;
    removed.push(id);
    requests.push(tx.objectStore('articles').delete(id));
    if (states[i]) requests.push(tx.objectStore('readingState').delete(id));
  });
  requests.push(logRemove(tx.objectStore('indexLog'), removed));
  // Both settle; a failed request surfaces once, through the transaction.
  await Promise.all([Promise.all(requests).catch(() => undefined), tx.done]);
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
