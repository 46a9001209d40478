// Article storage: batch upserts (one transaction with the source's new state) and list queries.
import type { Article } from '../domain/article';
import type { Source } from '../domain/source';
import type { Db } from './db';

/** An article without its heavy fields, for lists and cards. */
export type ArticleSummary = Omit<Article, 'contentHtml' | 'plainText' | 'terms'>;

/** Counts of what one batch changed. */
export interface BatchResult {
  added: number;
  updated: number;
  unchanged: number;
}

/** Drops the heavy fields of an article. */
export function summarize(article: Article): ArticleSummary {
  const { contentHtml: _c, plainText: _p, terms: _t, ...summary } = article;
  return summary;
}

function sameContent(a: Article, b: Article): boolean {
  return (
    a.title === b.title && a.contentHtml === b.contentHtml && a.dek === b.dek && a.updatedAt === b.updatedAt &&
    a.imageUrl === b.imageUrl && a.author === b.author && a.section === b.section && a.url === b.url
  );
}

/**
 * Stores a source's batch and the source's new state in ONE transaction, so a crash
 * leaves either the old state or the new one. Existing articles keep their first
 * fetchedAt; reader state is in another store and is never touched here.
 */
export async function putArticleBatch(db: Db, articles: Article[], source: Source): Promise<BatchResult> {
  const tx = db.transaction(['articles', 'sources'], 'readwrite');
  const store = tx.objectStore('articles');
  const result: BatchResult = { added: 0, updated: 0, unchanged: 0 };
  const seen = new Set<string>();
  try {
    for (const article of articles) {
      // A feed that lists the same item twice must still store it once.
      if (seen.has(article.id)) continue;
      seen.add(article.id);
      const existing = await store.get(article.id);
      if (!existing) {
        await store.put(article);
        result.added++;
      } else if (!sameContent(existing, article)) {
        await store.put({ ...article, fetchedAt: existing.fetchedAt });
        result.updated++;
      } else {
        result.unchanged++;
      }
    }
    await tx.objectStore('sources').put(source);
    await tx.done;
  } catch (err) {
    // A thrown error alone would let IndexedDB commit the puts already made: abort so none of the batch lands.
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    throw err;
  }
  return result;
}

/** One stored article, or undefined. */
export function getArticle(db: Db, id: string): Promise<Article | undefined> {
  return db.get('articles', id);
}

/** The stored article whose canonical URL is `url`, if any (for links between stored stories). */
export function getArticleByUrl(db: Db, url: string): Promise<Article | undefined> {
  return db.getFromIndex('articles', 'by-url', url);
}

/** Newest articles first, optionally within one section. */
export async function latestArticles(db: Db, opts: { section?: string; limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
  const limit = opts.limit ?? 50;
  const out: ArticleSummary[] = [];
  const tx = db.transaction('articles');
  const cursorSource =
    opts.section === undefined
      ? tx.store.index('by-published').openCursor(null, 'prev')
      : tx.store
          .index('by-section-published')
          .openCursor(IDBKeyRange.bound([opts.section, -Infinity], [opts.section, Infinity]), 'prev');
  let cursor = await cursorSource;
  // Skipping by key order reads no values: a later page costs no more than the first.
  if (cursor && opts.offset) cursor = await cursor.advance(opts.offset);
  while (cursor && out.length < limit) {
    out.push(summarize(cursor.value));
    cursor = await cursor.continue();
  }
  return out;
}

/** Ids of a list in reading order (newest first): all stories, or one section's. */
export async function orderedIds(db: Db, section?: string): Promise<string[]> {
  const ids =
    section === undefined
      ? await db.getAllKeysFromIndex('articles', 'by-published')
      : await db.getAllKeysFromIndex(
          'articles',
          'by-section-published',
          IDBKeyRange.bound([section, -Infinity], [section, Infinity]),
        );
  return ids.reverse();
}

/** Section names with their article counts, most populated first. */
export async function listSections(
  db: Db,
  read: ReadonlySet<string> = new Set(),
): Promise<Array<{ name: string; count: number; unread: number }>> {
  const counts = new Map<string, { count: number; unread: number }>();
  // A key cursor reads no article bodies: cheap even with 10,000 stored stories.
  let cursor = await db.transaction('articles').store.index('by-section-published').openKeyCursor();
  while (cursor) {
    const [name] = cursor.key;
    const c = counts.get(name) ?? { count: 0, unread: 0 };
    c.count++;
    if (!read.has(cursor.primaryKey)) c.unread++;
    counts.set(name, c);
    cursor = await cursor.continue();
  }
  return [...counts].map(([name, c]) => ({ name, ...c })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** What the in-memory indexes (related, search) need of a stored article. */
export type IndexEntry = Pick<Article, 'id' | 'terms' | 'section' | 'publishedAt' | 'sourceId' | 'title' | 'excerpt' | 'language'>;

/** Every stored article's id, term vector and ranking facts, for rebuilding the in-memory indexes. */
export async function allIndexEntries(db: Db): Promise<IndexEntry[]> {
  const all = await db.getAll('articles');
  return all.map(({ id, terms, section, publishedAt, sourceId, title, excerpt, language }) => ({
    id, terms, section, publishedAt, sourceId, title, excerpt, language,
  }));
}

/** Number of stored articles. */
export function countArticles(db: Db): Promise<number> {
  return db.count('articles');
}
