// The search model: an in-memory index built from stored term vectors on first search (not at start-up),
// rebuilt when stored stories change; results carry the stored article for snippets.
import type { SearchIndex } from '../../domain/search-index';
import { getArticle, type IndexEntry } from '../../storage/articles-repo';
import { perRevision } from './per-revision';
import type { Db } from '../../storage/db';
import type { Article } from '../../domain/article';

/** One search result with the article and the terms that matched. */
export interface SearchResult {
  article: Article;
  terms: string[];
}

/** Creates the search model. */
export function createSearchModel(dbReady: Promise<Db>, entries: () => Promise<IndexEntry[]>, revision: { readonly value: number }) {
  // Built on the first search, from the same entries the related index reads (one database pass for both).
  const index = perRevision<SearchIndex>(revision, async () => {
    const [list, { SearchIndex }] = await Promise.all([entries(), import('../../domain/search-index')]);
    return SearchIndex.build(list.map((e) => ({ id: e.id, title: e.title, excerpt: e.excerpt, vector: e.terms, language: e.language })));
  });

  /** Ranked results for a query (at most `limit`). */
  async function search(query: string, limit = 30): Promise<SearchResult[]> {
    const [idx, db] = await Promise.all([index(), dbReady]);
    const hits = idx.search(query, { limit });
    const articles = await Promise.all(hits.map((h) => getArticle(db, h.id)));
    return hits.flatMap((h, i) => (articles[i] ? [{ article: articles[i]!, terms: h.terms }] : []));
  }

  return { search, warm: () => void index() };
}

/** The search model's public shape. */
export type SearchModel = ReturnType<typeof createSearchModel>;
