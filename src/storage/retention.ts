// Retention: keep each source's recent stories, never the reader's saved or half-read ones.
import type { Article } from '../domain/article';
import type { RetentionLimits, Source } from '../domain/source';
import type { Db } from './db';
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
 */
export async function applyRetention(
  db: Db,
  sourceId: string,
  limits: RetentionLimits,
  now: number,
  keep: ReadonlySet<string> = new Set(),
): Promise<Eviction> {
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  const tx = db.transaction(['articles', 'readingState'], 'readwrite');
  const states = tx.objectStore('readingState');
  const range = IDBKeyRange.bound([sourceId, -Infinity], [sourceId, Infinity]);
  const eviction: Eviction = { ids: [], imageUrls: [] };
  const images = new Set<string>();
  let position = 0;
  let cursor = await tx.objectStore('articles').index('by-source-published').openCursor(range, 'prev');
  while (cursor) {
    const article = cursor.value;
    position++;
    const overLimit = position > limits.maxArticles || article.publishedAt < cutoff;
    if (overLimit && !keep.has(article.id) && !isProtected(await states.get(article.id))) {
      await cursor.delete();
      eviction.ids.push(article.id);
      for (const url of articleImageUrls(article)) images.add(url);
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  eviction.imageUrls = [...images];
  return eviction;
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
