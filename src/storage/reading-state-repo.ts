// Reader state: read, saved and progress per article, written only by the reader's actions.
import type { Db } from './db';
import type { ReadingProgress, ReadingState } from './schema';

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

/**
 * Sets a stored article's reading position unless its state changed at or after `at` (replaying a
 * position written earlier); true when applied. An article no longer stored (evicted, its source
 * removed) gets no state: it would hold a "Continue reading" place nobody can open. `updatedAt`
 * covers the whole state, so a later change of another kind (another tab marking it read or saved)
 * also wins over the replayed position: the position is then lost, never the other change.
 */
export async function applyProgressIfNewer(db: Db, articleId: string, progress: ReadingProgress, at: number): Promise<boolean> {
  const tx = db.transaction(['readingState', 'articles'], 'readwrite');
  const stored = (await tx.objectStore('articles').count(articleId)) > 0;
  const current = (await tx.objectStore('readingState').get(articleId)) ?? emptyState(articleId);
  const newer = stored && current.updatedAt < at;
  if (newer) await tx.objectStore('readingState').put({ ...current, progress, updatedAt: at });
  await tx.done;
  return newer;
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

/** Started but unfinished articles, most recently touched first (for "Continue reading"). */
export async function inProgressStates(db: Db, limit = 5): Promise<ReadingState[]> {
  const all = await db.getAll('readingState');
  return all
    .filter((s) => s.progress !== null && !s.read)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit);
}

/** Read articles' states, most recently read first (the history page). */
export async function recentlyReadStates(db: Db, limit = 200): Promise<ReadingState[]> {
  const out: ReadingState[] = [];
  let cursor = await db.transaction('readingState').store.index('by-read').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Time spent reading in milliseconds, summed over every story (the history page's line). */
export async function readingTimeTotal(db: Db): Promise<number> {
  let ms = 0;
  // A state from before time was recorded, or a damaged one, adds nothing rather than NaN.
  for (const state of await db.getAll('readingState')) if (state.timeSpentMs > 0) ms += state.timeSpentMs;
  return ms;
}

/** Marks many articles read in one transaction (mark all read); returns how many changed. */
export async function markAllRead(db: Db, articleIds: readonly string[], now = Date.now()): Promise<number> {
  const tx = db.transaction('readingState', 'readwrite');
  let changed = 0;
  for (const id of articleIds) {
    const current = (await tx.store.get(id)) ?? emptyState(id);
    if (current.read) continue;
    await tx.store.put({ ...current, read: true, readAt: now, updatedAt: now });
    changed++;
  }
  await tx.done;
  return changed;
}
