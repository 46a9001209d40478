// Article storage: batch upserts (one transaction with the source's new state) and list queries.
// One record per article: measured in Chromium, a second record per article (bodies apart) cost a
// sync ~40% more IndexedDB work than it saved in reads.
import type { Article } from '../domain/article';
import type { Source } from '../domain/source';
import type { Db } from './db';
import { logPut } from './index-log';

/** An article without its heavy fields, for lists and cards. */
export type ArticleSummary = Omit<Article, 'contentHtml' | 'plainText' | 'terms'>;

/** Counts of what one batch changed. */
export interface BatchResult {
  added: number;
  updated: number;
  unchanged: number;
  /** The articles written (added or updated), as stored: what the in-memory indexes must learn. */
  written: Article[];
  /** The index log record of those articles (null when none were written): an engine that applied them skips it. */
  logKey: number | null;
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
 * Relaxed durability: the commit does not wait for the disk flush (an OS crash may lose the
 * last sync, never half of one), which is most of what a batch of 500 stories costs.
 */
export async function putArticleBatch(db: Db, articles: Article[], source: Source): Promise<BatchResult> {
  const tx = db.transaction(['articles', 'sources', 'indexLog'], 'readwrite', { durability: 'relaxed' });
  const store = tx.objectStore('articles');
  const result: BatchResult = { added: 0, updated: 0, unchanged: 0, written: [], logKey: null };
  const requests: Array<Promise<unknown>> = [];
  try {
    // A feed that lists the same item twice must still store it once (the first wins).
    const byId = new Map<string, Article>();
    for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
    const batch = [...byId.values()];
    // Which of them are stored already: one key read for the source instead of a read per story,
    // then the stored copies of only those (to tell an edit from a repeat).
    const known = new Set(
      batch.length === 0 ? [] : await store.index('by-source-published').getAllKeys(IDBKeyRange.bound([source.id, -Infinity], [source.id, Infinity])),
    );
    const existing = await Promise.all(batch.map((a) => (known.has(a.id) ? store.get(a.id) : undefined)));
    batch.forEach((article, i) => {
      const before = existing[i];
      if (before && sameContent(before, article)) {
        result.unchanged++;
        return;
      }
      const stored = before ? { ...article, fetchedAt: before.fetchedAt } : article;
      if (before) result.updated++;
      else result.added++;
      result.written.push(stored);
      requests.push(store.put(stored));
    });
    requests.push(tx.objectStore('sources').put(source));
    // The index log learns the same stories in the same transaction (index-log.ts).
    requests.push(logPut(tx.objectStore('indexLog'), result.written.map(indexEntry)).then((key) => (result.logKey = key)));
    await Promise.all(requests);
    await tx.done;
  } catch (err) {
    // A thrown error alone would let IndexedDB commit the puts already made: abort so none of the batch lands.
    tx.done.catch(() => {});
    requests.forEach((r) => r.catch(() => {}));
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

/** Stored articles by id, in the order asked (undefined where not stored), in one read transaction. */
export async function getArticles(db: Db, ids: readonly string[]): Promise<Array<Article | undefined>> {
  const tx = db.transaction('articles');
  return Promise.all(ids.map((id) => tx.store.get(id)));
}

/** Summaries of the given ids that are stored, in the order asked (one read transaction). */
export async function getSummaries(db: Db, ids: Iterable<string>): Promise<ArticleSummary[]> {
  const tx = db.transaction('articles');
  const found = await Promise.all([...ids].map((id) => tx.store.get(id)));
  return found.flatMap((s) => (s ? [summarize(s)] : []));
}

/** The stored article whose canonical URL is `url`, if any (for links between stored stories). */
export async function getArticleByUrl(db: Db, url: string): Promise<ArticleSummary | undefined> {
  const hit = await db.getFromIndex('articles', 'by-url', url);
  return hit && summarize(hit);
}

/** Newest articles first, optionally within one section. */
export async function latestArticles(db: Db, opts: { section?: string; limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
  const limit = opts.limit ?? 50;
  const out: ArticleSummary[] = [];
  const tx = db.transaction('articles');
  const cursorSource =
    opts.section === undefined
      ? tx.store.index('by-published').openCursor(null, 'prev')
      : tx.store.index('by-section-published').openCursor(sectionRange(opts.section), 'prev');
  let cursor = await cursorSource;
  // Skipping by key order reads no values: a later page costs no more than the first.
  if (cursor && opts.offset) cursor = await cursor.advance(opts.offset);
  while (cursor && out.length < limit) {
    out.push(summarize(cursor.value));
    cursor = await cursor.continue();
  }
  return out;
}

function sectionRange(section: string): IDBKeyRange {
  return IDBKeyRange.bound([section, -Infinity], [section, Infinity]);
}

/** Ids of a list in reading order (newest first): all stories, or one section's. */
export async function orderedIds(db: Db, section?: string): Promise<string[]> {
  const ids =
    section === undefined
      ? await db.getAllKeysFromIndex('articles', 'by-published')
      : await db.getAllKeysFromIndex('articles', 'by-section-published', sectionRange(section));
  return ids.reverse();
}

/**
 * The stories just newer and just older than one story in a list ordered by publication (all
 * stories, or one section's): two cursor steps from the story's own index entry, not a read of
 * every id in the list. Null neighbours when the story is not in that list.
 */
export async function neighbourIds(
  db: Db,
  story: Pick<Article, 'id' | 'publishedAt' | 'section'>,
  section?: string,
): Promise<{ newer: string | null; older: string | null }> {
  const tx = db.transaction('articles');
  // Land on the story's own entry (equal dates are ordered by id), then take one step on;
  // undefined when the story is not in the list.
  const step = async (direction: 'next' | 'prev'): Promise<string | null | undefined> => {
    if (section === undefined) {
      let cursor = await tx.store.index('by-published').openKeyCursor(null, direction);
      if (cursor && cursor.primaryKey !== story.id) cursor = await cursor.continuePrimaryKey(story.publishedAt, story.id);
      if (!cursor || cursor.primaryKey !== story.id) return undefined;
      return (await cursor.continue())?.primaryKey ?? null;
    }
    let cursor = await tx.store.index('by-section-published').openKeyCursor(sectionRange(section), direction);
    if (cursor && cursor.primaryKey !== story.id) cursor = await cursor.continuePrimaryKey([section, story.publishedAt], story.id);
    if (!cursor || cursor.primaryKey !== story.id) return undefined;
    return (await cursor.continue())?.primaryKey ?? null;
  };
  // A story outside the list may sit before the cursor's first entry, which continuePrimaryKey refuses.
  const safe = (direction: 'next' | 'prev') => step(direction).catch((err: unknown) => ((err as Error)?.name === 'DataError' ? undefined : Promise.reject(err)));
  const [newer, older] = await Promise.all([safe('next'), safe('prev')]);
  // undefined: the story is not in this list.
  if (newer === undefined || older === undefined) return { newer: null, older: null };
  return { newer, older };
}

/** Section names with their article counts, most populated first. */
export async function listSections(
  db: Db,
  read: ReadonlySet<string> = new Set(),
): Promise<Array<{ name: string; count: number; unread: number }>> {
  const tx = db.transaction('articles');
  const index = tx.store.index('by-section-published');
  const names: string[] = [];
  // Jump from section to section instead of stepping through every story: one cursor step per
  // section, then one key read per section (keys only, no story is deserialized).
  let cursor = await index.openKeyCursor();
  while (cursor) {
    const [name] = cursor.key;
    names.push(name);
    cursor = await cursor.continue([name, Infinity]);
  }
  const ids = await Promise.all(names.map((name) => index.getAllKeys(sectionRange(name))));
  return names
    .map((name, i) => ({ name, count: ids[i].length, unread: ids[i].reduce((n, id) => n + (read.has(id) ? 0 : 1), 0) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** What the in-memory indexes (related, search) need of a stored article, and what a result card shows. */
export type IndexEntry = Pick<
  Article,
  'id' | 'terms' | 'section' | 'publishedAt' | 'sourceId' | 'title' | 'excerpt' | 'language' | 'wordCount' | 'cjkCount' | 'imageCount'
>;

/** The index entry of an article. */
export function indexEntry(a: IndexEntry): IndexEntry {
  const { id, terms, section, publishedAt, sourceId, title, excerpt, language, wordCount, cjkCount, imageCount } = a;
  return { id, terms, section, publishedAt, sourceId, title, excerpt, language, wordCount, cjkCount, imageCount };
}

/** Articles read per request when rebuilding: 10,000 stories with their bodies at once would hold ~100 MB in memory. */
const INDEX_PAGE = 500;

/** Every stored article's id, term vector and ranking facts, for rebuilding the in-memory indexes (paged: bodies are dropped page by page). */
export async function allIndexEntries(db: Db): Promise<IndexEntry[]> {
  const out: IndexEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Article[] = await db.getAll('articles', after === null ? undefined : IDBKeyRange.lowerBound(after, true), INDEX_PAGE);
    for (const article of page) out.push(indexEntry(article));
    if (page.length < INDEX_PAGE) return out;
    after = page[page.length - 1]!.id;
  }
}

/** Number of stored articles. */
export function countArticles(db: Db): Promise<number> {
  return db.count('articles');
}
