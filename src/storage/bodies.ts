// Article bodies kept apart from the list fields, several stories to a record. Measured in Chromium
// (docs/benchmarks.md): IndexedDB keeps a record over 64 KB in a file of its own rather than in its
// LevelDB log, so a sync's bodies no longer pass through the log's compactions, which were most of
// what storing a sync cost. The small per-story records keep the list indexes. A chunk is three
// records under one key: HTML (`bodies`), plain text (`texts`, all that search snippets read) and
// term vectors (`vectors`, all that the index rebuild reads). A chunk is never rewritten: it is
// deleted once no stored story points to it.
import type { StoreValue } from 'idb';
import type { Article, TermVector } from '../domain/article';
import { hashId } from '../domain/ids';
import type { BodyChunk, BroadsheetDB, StoredArticle, TextChunk, VectorChunk } from './schema';

/**
 * Stories per chunk. Chromium compresses a record before deciding whether it leaves the log, and
 * news text compresses about threefold, so a chunk needs a few hundred KB of text to leave it; more
 * would make every read dearer (an article reads one chunk's HTML and text, a search's ten snippets
 * up to ten chunks' text). Measured in Chromium on a 10,000-story ingest (one run each; the machine
 * is noisy): the browser's IndexedDB work took ~10.5 s of CPU with one record per story, ~7.4 s with
 * chunks of 25 and ~5.1 s with chunks of 50; ten snippets' text read in 6.0, 13.3 and 19.9 ms, one
 * article in 1.2, 3.9 and 4.9 ms.
 */
export const BODY_CHUNK = 50;

/** The stores of a chunk. */
export const CHUNK_STORES = ['bodies', 'texts', 'vectors'] as const;

type BodyStore = 'articles' | (typeof CHUNK_STORES)[number];

/** What these functions use of a transaction over the articles store and the chunk stores (idb's, read-only or not). */
export interface BodiesReadTx {
  objectStore<N extends BodyStore>(name: N): { get(key: string): Promise<StoreValue<BroadsheetDB, N> | undefined> };
}

/** The same, writable. */
export interface BodiesTx {
  objectStore<N extends BodyStore>(
    name: N,
  ): {
    get(key: string): Promise<StoreValue<BroadsheetDB, N> | undefined>;
    put(value: StoreValue<BroadsheetDB, N>, key?: string): Promise<unknown>;
    delete(key: string): Promise<void>;
  };
}

let made = 0;

/** A chunk key no other tab or worker makes: the time, a random part and a counter. */
export function newChunkKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${(made++).toString(36)}`;
}

/** Hash of a body's HTML, stored with the story: an edit is told from a repeat without reading the body. */
export function contentHash(html: string): string {
  return hashId(html);
}

/** The stored form of an article whose body is in chunk `body`. */
export function storedForm(article: Article, body: string): StoredArticle {
  const { contentHtml, plainText: _p, terms: _t, ...summary } = article;
  return { ...summary, body, contentHash: contentHash(contentHtml) };
}

const NO_TERMS: TermVector = { terms: [], weights: [] };

/** An article put together again from its stored form and the parts of its body found (empty where lost). */
export function joined(stored: StoredArticle, body: Partial<Pick<Article, 'contentHtml' | 'plainText' | 'terms'>>): Article {
  const { body: _b, contentHash: _h, ...summary } = stored;
  return { ...summary, contentHtml: body.contentHtml ?? '', plainText: body.plainText ?? '', terms: body.terms ?? NO_TERMS };
}

/** The three records of one chunk of articles. */
export function chunkRecords(articles: readonly Article[]): { bodies: BodyChunk; texts: TextChunk; vectors: VectorChunk } {
  const ids = articles.map((a) => a.id);
  return {
    bodies: { ids, contentHtml: articles.map((a) => a.contentHtml) },
    texts: { ids: [...ids], plainText: articles.map((a) => a.plainText) },
    vectors: { ids: [...ids], terms: articles.map((a) => a.terms) },
  };
}

/**
 * Writes articles: their bodies in new chunks of BODY_CHUNK stories, and their stored forms. Returns
 * the requests. The chunks that held earlier versions of them are for the caller to hand to
 * dropUnusedChunks once the new forms are written.
 */
export function putArticles(tx: BodiesTx, articles: readonly Article[]): Array<Promise<unknown>> {
  const requests: Array<Promise<unknown>> = [];
  try {
    for (let i = 0; i < articles.length; i += BODY_CHUNK) {
      const part = articles.slice(i, i + BODY_CHUNK);
      const key = newChunkKey();
      const chunk = chunkRecords(part);
      for (const store of CHUNK_STORES) requests.push(tx.objectStore(store).put(chunk[store] as never, key));
      for (const a of part) requests.push(tx.objectStore('articles').put(storedForm(a, key)));
    }
  } catch (err) {
    // A record refused at once (no key) fails the caller, who aborts: the requests made so far fail with it, unseen.
    for (const r of requests) r.catch(() => {});
    throw err;
  }
  return requests;
}

/** One part of the chunks of the given stories: each story's entry, by id (stories whose entry is lost are absent). */
async function readPart<S extends (typeof CHUNK_STORES)[number], T>(
  tx: BodiesReadTx,
  store: S,
  stored: readonly StoredArticle[],
  pick: (chunk: StoreValue<BroadsheetDB, S>, i: number) => T,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const keys = [...new Set(stored.map((s) => s.body))];
  const chunks = await Promise.all(keys.map((key) => tx.objectStore(store).get(key)));
  const wanted = new Map(stored.map((s) => [s.id, s.body]));
  chunks.forEach((chunk, c) => {
    if (!chunk) return;
    chunk.ids.forEach((id, i) => {
      // A chunk may still hold an edited story's earlier version: only the chunk the story points to counts.
      if (wanted.get(id) === keys[c]) out.set(id, pick(chunk, i));
    });
  });
  return out;
}

/** Full articles for stored forms, in the same order: one read of each chunk they are in. */
export async function withBodies(tx: BodiesReadTx, stored: readonly StoredArticle[]): Promise<Article[]> {
  const [html, text, terms] = await Promise.all([
    readPart(tx, 'bodies', stored, (c, i) => c.contentHtml[i]!),
    readPart(tx, 'texts', stored, (c, i) => c.plainText[i]!),
    readPart(tx, 'vectors', stored, (c, i) => c.terms[i]!),
  ]);
  return stored.map((s) => joined(s, { contentHtml: html.get(s.id), plainText: text.get(s.id), terms: terms.get(s.id) }));
}

/** The plain text of stored stories, by id: only the text records are read (search snippets). */
export function plainTexts(tx: BodiesReadTx, stored: readonly StoredArticle[]): Promise<Map<string, string>> {
  return readPart(tx, 'texts', stored, (c, i) => c.plainText[i]!);
}

/** Deletes those of the given chunks that no stored story points to any more (after deletes or rewrites in the same transaction). */
export async function dropUnusedChunks(tx: BodiesTx, keys: Iterable<string>): Promise<void> {
  await Promise.all(
    [...new Set(keys)].map(async (key) => {
      const ids = (await tx.objectStore('vectors').get(key))?.ids ?? (await tx.objectStore('bodies').get(key))?.ids ?? [];
      const users = await Promise.all(ids.map((id) => tx.objectStore('articles').get(id)));
      if (users.some((s) => s?.body === key)) return;
      await Promise.all(CHUNK_STORES.map((store) => tx.objectStore(store).delete(key)));
    }),
  );
}
