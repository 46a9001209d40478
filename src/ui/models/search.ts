// The search model: ranked hits from the engine's index (in the engine worker), then the stored
// articles for snippets. Each index query is timed as a 'search-query' User Timing measure.
import type { Article } from '../../domain/article';
import type { Engine } from '../../engine/engine';
import { getArticle } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';

/** One search result with the article and the terms that matched. */
export interface SearchResult {
  article: Article;
  terms: string[];
}

/** Creates the search model. */
export function createSearchModel(dbReady: Promise<Db>, engine: Engine) {
  /** Ranked results for a query (at most `limit`). */
  async function search(query: string, limit = 30): Promise<SearchResult[]> {
    const start = performance.now();
    const hits = await engine.search(query, limit);
    performance.measure('search-query', { start, end: performance.now(), detail: { query } });
    const db = await dbReady;
    const articles = await Promise.all(hits.map((h) => getArticle(db, h.id)));
    return hits.flatMap((h, i) => (articles[i] ? [{ article: articles[i]!, terms: h.terms }] : []));
  }

  return { search };
}

/** The search model's public shape. */
export type SearchModel = ReturnType<typeof createSearchModel>;
