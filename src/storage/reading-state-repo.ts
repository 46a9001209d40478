// Reader state: read, saved and progress per article, written only by the reader's actions.
import type { Db } from './db';
import type { ReadingState } from './schema';

/** The state of an article nobody has touched yet. */
export function emptyState(articleId: string): ReadingState {
  return { articleId, read: false, readAt: null, saved: false, savedAt: null, progress: null, timeSpentMs: 0, updatedAt: 0 };
}

/** The reader's state for one article (an empty state when none is stored). */
export async function getReadingState(db: Db, articleId: string): Promise<ReadingState> {
  return (await db.get('readingState', articleId)) ?? emptyState(articleId);
}

/** Applies a change to one article's state inside a single transaction (no lost updates between tabs). */
export async function updateReadingState(
  db: Db,
  articleId: string,
  change: (current: ReadingState) => Partial<ReadingState>,
  now = Date.now(),
): Promise<ReadingState> {
  const tx = db.transaction('readingState', 'readwrite');
  const current = (await tx.store.get(articleId)) ?? emptyState(articleId);
  const next: ReadingState = { ...current, ...change(current), articleId, updatedAt: now };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Marks an article read or unread. */
export function setRead(db: Db, articleId: string, read: boolean, now = Date.now()): Promise<ReadingState> {
  return updateReadingState(db, articleId, () => ({ read, readAt: read ? now : null }), now);
}

/** Saves or unsaves an article (saved articles are never evicted). */
export function setSaved(db: Db, articleId: string, saved: boolean, now = Date.now()): Promise<ReadingState> {
  return updateReadingState(db, articleId, () => ({ saved, savedAt: saved ? now : null }), now);
}

/** Ids of read articles (for unread filters). */
export async function readIds(db: Db): Promise<Set<string>> {
  const keys = await db.getAllKeysFromIndex('readingState', 'by-read');
  return new Set(keys);
}

/** Saved articles' states, most recently saved first. */
export async function savedStates(db: Db): Promise<ReadingState[]> {
  const all = await db.getAllFromIndex('readingState', 'by-saved');
  return all.reverse();
}
