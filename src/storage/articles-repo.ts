// Article storage: batch upserts (one transaction with the source's new state) and list queries.
// One small record per article (list fields, indexed), its body in a chunk shared with the other
// stories written with it (bodies.ts): measured in Chromium, a record per article with its body cost
// a sync ~40% more IndexedDB work, and one with a body record of its own more still.
import type { Article } from '../domain/article';
import type { Source } from '../domain/source';
import { contentHash, dropUnusedChunks, plainTexts, putArticles, withBodies } from './bodies';
import type { Db } from './db';
import type { ArticleSummary, StoredArticle, VectorChunk } from './schema';

export type { ArticleSummary } from './schema';


/** Counts of what one batch changed. */
export interface BatchResult {
  added: number;
  updated: number;
  unchanged: number;
  /** The articles written (added or updated), as stored: what the in-memory indexes must learn. */
  written: Article[];
}

/** The list fields of a stored or full article. */
export function summarize(article: Article | StoredArticle): ArticleSummary {
  const { contentHtml: _c, plainText: _p, terms: _t, body: _b, contentHash: _h, ...summary } = article as Article & StoredArticle;
  return summary;
}

function sameContent(a: StoredArticle, b: Article): boolean {
  return (
    a.title === b.title && a.dek === b.dek && a.updatedAt === b.updatedAt && a.imageUrl === b.imageUrl &&
    a.author === b.author && a.section === b.section && a.url === b.url && a.contentHash === contentHash(b.contentHtml)
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
  const tx = db.transaction(['articles', 'bodies', 'texts', 'vectors', 'sources'], 'readwrite', { durability: 'relaxed' });
  const store = tx.objectStore('articles');
  const result: BatchResult = { added: 0, updated: 0, unchanged: 0, written: [] };
  const requests: Array<Promise<unknown>> = [];
  try {
    // A feed that lists the same item twice must still store it once (the first wins).
    const byId = new Map<string, Article>();
    for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
    const batch = [...byId.values()];
    // Which of them are stored already: one key read for the source instead of a read per story,
    // then the stored forms of only those (to tell an edit from a repeat).
    const known = new Set(
      batch.length === 0 ? [] : await store.index('by-source-published').getAllKeys(IDBKeyRange.bound([source.id, -Infinity], [source.id, Infinity])),
    );
    const existing = await Promise.all(batch.map((a) => (known.has(a.id) ? store.get(a.id) : undefined)));
    const replaced: string[] = [];
    batch.forEach((article, i) => {
      const before = existing[i];
      if (before && sameContent(before, article)) {
        result.unchanged++;
        return;
      }
      if (before) {
        result.updated++;
        replaced.push(before.body);
      } else result.added++;
      result.written.push(before ? { ...article, fetchedAt: before.fetchedAt } : article);
    });
    requests.push(...putArticles(tx, result.written));
    requests.push(tx.objectStore('sources').put(source));
    await Promise.all(requests);
    // Edited stories now live in the new chunks: the ones they left may hold nothing any more.
    if (replaced.length) await dropUnusedChunks(tx, replaced);
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

/** Stores whole articles as they are, in one transaction (a restore's articles, test fixtures). */
export async function storeArticles(db: Db, articles: readonly Article[]): Promise<void> {
  const tx = db.transaction(['articles', 'bodies', 'texts', 'vectors'], 'readwrite', { durability: 'relaxed' });
  const stores = tx.objectStore('articles');
  const before = await Promise.all(articles.map((a) => stores.get(a.id)));
  await Promise.all(putArticles(tx, articles));
  await dropUnusedChunks(tx, before.flatMap((b) => (b ? [b.body] : [])));
  await tx.done;
}

/** One stored article with its body, or undefined. */
export async function getArticle(db: Db, id: string): Promise<Article | undefined> {
  return (await getArticles(db, [id]))[0];
}

/** Stored articles by id with their bodies, in the order asked (undefined where not stored), in one read transaction. */
export async function getArticles(db: Db, ids: readonly string[]): Promise<Array<Article | undefined>> {
  const tx = db.transaction(['articles', 'bodies', 'texts', 'vectors']);
  const stored = await Promise.all(ids.map((id) => tx.objectStore('articles').get(id)));
  const found = stored.filter((s): s is StoredArticle => s !== undefined);
  const full = new Map((await withBodies(tx, found)).map((a) => [a.id, a]));
  return ids.map((id) => full.get(id));
}

/** The plain text of stored stories by id, in the order asked (undefined where not stored): search snippets, without the HTML. */
export async function getPlainTexts(db: Db, ids: readonly string[]): Promise<Array<string | undefined>> {
  const tx = db.transaction(['articles', 'bodies', 'texts', 'vectors']);
  const stored = (await Promise.all(ids.map((id) => tx.objectStore('articles').get(id)))).filter((s) => s !== undefined);
  const texts = await plainTexts(tx, stored);
  const storedIds = new Set(stored.map((s) => s.id));
  // A story whose text record is lost still has a card: an empty snippet, not a missing result.
  return ids.map((id) => (storedIds.has(id) ? (texts.get(id) ?? '') : undefined));
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

/** Stories and chunks read per request when rebuilding: a page at a time keeps the bodies out of memory. */
const INDEX_PAGE = 1_000;
const VECTOR_PAGE = 40;

/** Every stored article's id, term vector and ranking facts, for rebuilding the in-memory indexes (paged reads; no bodies read). */
export async function allIndexEntries(db: Db): Promise<IndexEntry[]> {
  const stored = new Map<string, StoredArticle>();
  for (let after: string | null = null; ; ) {
    const page: StoredArticle[] = await db.getAll('articles', after === null ? undefined : IDBKeyRange.lowerBound(after, true), INDEX_PAGE);
    for (const s of page) stored.set(s.id, s);
    if (page.length < INDEX_PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const out: IndexEntry[] = [];
  for (let after: string | null = null; ; ) {
    const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const [keys, chunks]: [string[], VectorChunk[]] = await Promise.all([db.getAllKeys('vectors', range, VECTOR_PAGE), db.getAll('vectors', range, VECTOR_PAGE)]);
    chunks.forEach((chunk, c) => {
      chunk.ids.forEach((id, i) => {
        const s = stored.get(id);
        // A chunk may still hold an edited story's earlier version: only the chunk it points to counts.
        if (s && s.body === keys[c]) out.push(indexEntry({ ...s, terms: chunk.terms[i]! }));
      });
    });
    if (chunks.length < VECTOR_PAGE) return out;
    after = keys[keys.length - 1]!;
  }
}

/** Number of stored articles. */
export function countArticles(db: Db): Promise<number> {
  return db.count('articles');
}
