// The search model: an in-memory index built from stored term vectors on first search (not at start-up),
// rebuilt when stored stories change; results carry the stored article for snippets.
import type { SearchIndex } from '../../domain/search-index';
import { allIndexEntries, getArticle } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';
import type { Article } from '../../domain/article';

/** One search result with the article and the terms that matched. */
export interface SearchResult {
  article: Article;
  terms: string[];
}

/** Creates the search model. */
export function createSearchModel(dbReady: Promise<Db>, revision: { readonly value: number }) {
  let built: { revision: number; index: Promise<SearchIndex> } | null = null;

  function index(): Promise<SearchIndex> {
    if (built && built.revision === revision.value) return built.index;
    const promise = (async () => {
      const [db, { SearchIndex }] = await Promise.all([dbReady, import('../../domain/search-index')]);
      const entries = await allIndexEntries(db);
      return SearchIndex.build(entries.map((e) => ({ id: e.id, title: e.title, excerpt: e.excerpt, vector: e.terms, language: e.language })));
    })();
    built = { revision: revision.value, index: promise };
    promise.catch(() => {
      if (built?.index === promise) built = null;
    });
    return promise;
  }

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
