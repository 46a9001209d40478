// Retention: keep each source's recent stories, never the reader's saved or half-read ones.
import type { Article } from '../domain/article';
import type { RetentionLimits, Source } from '../domain/source';
import type { Db } from './db';
import { logRemove } from './index-log';
import type { ReadingState } from './schema';

export type { RetentionLimits } from '../domain/source';

/** Defaults: two months of news, at most 500 stories per source. */
export const DEFAULT_RETENTION: RetentionLimits = { maxAgeDays: 60, maxArticles: 500 };

/** What one retention pass removed: article ids, and the image URLs to drop from the image cache. */
export interface Eviction {
  ids: string[];
  imageUrls: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The limits that apply to a source: its own, else the defaults. */
export function retentionFor(source: Pick<Source, 'retention'>, defaults: RetentionLimits = DEFAULT_RETENTION): RetentionLimits {
  return { ...defaults, ...source.retention };
}

/** Throws on limits a reader could not mean (for the settings form to show). */
export function validateRetention(limits: RetentionLimits): RetentionLimits {
  if (!Number.isInteger(limits.maxAgeDays) || limits.maxAgeDays < 1) throw new Error('Keep stories for at least 1 day.');
  if (!Number.isInteger(limits.maxArticles) || limits.maxArticles < 1) throw new Error('Keep at least 1 story per source.');
  return limits;
}

/** Whether the reader's state pins an article: saved, or started and not finished. */
export function isProtected(state: ReadingState | undefined): boolean {
  return !!state && (state.saved || (state.progress !== null && !state.read));
}

/**
 * Deletes a source's articles beyond its limits (older than maxAgeDays, or past the newest
 * maxArticles), in one transaction. Saved and in-progress articles are never evicted, nor the
 * ids in `keep` (the items still in the feed: evicting them would re-add them as "new" next sync).
 * Protected articles still count towards maxArticles, as they take the room.
 */
export async function applyRetention(
  db: Db,
  sourceId: string,
  limits: RetentionLimits,
  now: number,
  keep: ReadonlySet<string> = new Set(),
): Promise<Eviction> {
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  const tx = db.transaction(['articles', 'readingState', 'indexLog'], 'readwrite', { durability: 'relaxed' });
  const index = tx.objectStore('articles').index('by-source-published');
  const all = IDBKeyRange.bound([sourceId, -Infinity], [sourceId, Infinity]);
  // The keys carry the dates, so the candidates come from three key reads, not a walk over every
  // story: the ones past the cutoff, and the oldest beyond the newest maxArticles.
  const [total, tooOld] = await Promise.all([
    index.count(all),
    index.getAllKeys(IDBKeyRange.bound([sourceId, -Infinity], [sourceId, cutoff], false, true)),
  ]);
  const overLimit = total > limits.maxArticles ? await index.getAllKeys(all, total - limits.maxArticles) : [];
  const candidates = [...new Set([...tooOld, ...overLimit])].filter((id) => !keep.has(id));
  const states = await Promise.all(candidates.map((id) => tx.objectStore('readingState').get(id)));
  const evict = candidates.filter((_, i) => !isProtected(states[i]));
  const evicted = await Promise.all(evict.map((id) => tx.objectStore('articles').get(id)));
  const images = new Set<string>();
  for (const article of evicted) if (article) for (const url of articleImageUrls(article)) images.add(url);
  const deletes = Promise.all([...evict.map((id) => tx.objectStore('articles').delete(id)), logRemove(tx.objectStore('indexLog'), evict)]);
  // Both settle; a failed delete surfaces once, through the transaction.
  await Promise.all([deletes.catch(() => undefined), tx.done]);
  return { ids: evict, imageUrls: [...images] };
}

/** Applies every source's limits (e.g. after the reader lowers them, or when storage is full). */
export async function applyRetentionAll(db: Db, now: number, defaults: RetentionLimits = DEFAULT_RETENTION): Promise<Eviction> {
  const all: Eviction = { ids: [], imageUrls: [] };
  for (const source of await db.getAll('sources')) {
    const e = await applyRetention(db, source.id, retentionFor(source, defaults), now);
    all.ids.push(...e.ids);
    all.imageUrls.push(...e.imageUrls);
  }
  return all;
}

/** The lead image and the body's <img src> URLs of an article, absolute: what the image cache may hold. */
export function articleImageUrls(article: Pick<Article, 'imageUrl' | 'contentHtml' | 'baseUrl'>): string[] {
  const out = new Set<string>();
  const add = (raw: string | null | undefined) => {
    if (!raw) return;
    const href = raw.replaceAll('&amp;', '&').trim();
    if (!URL.canParse(href, article.baseUrl)) return;
    const url = new URL(href, article.baseUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') out.add(url.toString());
  };
  add(article.imageUrl);
  for (const m of article.contentHtml.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    add(m[1] ?? m[2] ?? m[3]);
  }
  return [...out];
}
