// The search model: ranked hits with their cards' facts from the engine's index (in the engine
// worker), and, for the first few, the stored body for a snippet. Each index query is timed as a
// 'search-query' User Timing measure.
import type { Engine, StoryFacts } from '../../engine/engine';
import { getArticles } from '../../storage/articles-repo';
import type { Db } from '../../storage/db';

/** One search result: the story's card, the terms that matched, and its plain text when a snippet is shown. */
export interface SearchResult {
  story: StoryFacts;
  terms: string[];
  /** The body as plain text, for the first SNIPPETS results only (the rest show title and standfirst). */
  body: string | null;
}

/** Results that show a snippet of the body: the ones a reader looks at, without reading 30 whole stories. */
export const SNIPPETS = 10;

/** Creates the search model. */
export function createSearchModel(dbReady: Promise<Db>, engine: Engine) {
  /** Ranked results for a query (at most `limit`). */
  async function search(query: string, limit = 30): Promise<SearchResult[]> {
    const start = performance.now();
    const hits = await engine.search(query, limit);
    performance.measure('search-query', { start, end: performance.now(), detail: { query } });
    const db = await dbReady;
    const bodies = await getArticles(db, hits.slice(0, SNIPPETS).map((h) => h.id));
    // A hit whose story is no longer stored (removed in another tab a moment ago) is left out.
    return hits.flatMap((h, i) => (i < SNIPPETS && !bodies[i] ? [] : [{ story: h.story, terms: h.terms, body: bodies[i]?.plainText ?? null }]));
  }

  /** Readies the engine for a reader about to type; never fails (it only makes the first answers faster). */
  function prepare(): void {
    void engine.prepareSearch().catch(() => undefined);
  }

  return { search, prepare };
}

/** The search model's public shape. */
export type SearchModel = ReturnType<typeof createSearchModel>;
