// The search model: ranked hits with their cards' facts from the engine's index, then, for the
// first few, a snippet of the body, both worked out in the engine worker (the page never reads or
// scans whole bodies, so drawing one query's results does not hold up the next query's answer).
// Each index query is timed as a 'search-query' User Timing measure.
import type { Engine, Snippet, StoryFacts } from '../../engine/engine';

/** One search result: the story's card, the terms that matched, and where the body matched. */
export interface SearchResult {
  story: StoryFacts;
  terms: string[];
  /** The body around its first match, for the first SNIPPETS results only (the rest show title and standfirst). */
  snippet: Snippet | null;
}

/** Results that show a snippet of the body: the ones a reader looks at, without reading 30 whole stories. */
export const SNIPPETS = 10;

/** Creates the search model. */
export function createSearchModel(engine: Engine) {
  /** Ranked results for a query (at most `limit`). */
  async function search(query: string, limit = 30): Promise<SearchResult[]> {
    const start = performance.now();
    const hits = await engine.search(query, limit);
    performance.measure('search-query', { start, end: performance.now(), detail: { query } });
    const first = hits.slice(0, SNIPPETS);
    // Snippets are a nicety: if they cannot be had, the results still show, with title and standfirst.
    const snippets = first.length ? await engine.snippets(first.map((h) => h.id), query).catch(() => first.map(() => null)) : [];
    // A hit whose story is no longer stored (removed in another tab a moment ago) is left out.
    return hits.flatMap((h, i) => (i < SNIPPETS && snippets[i] === undefined ? [] : [{ story: h.story, terms: h.terms, snippet: snippets[i] ?? null }]));
  }

  /** Readies the engine for a reader about to type; never fails (it only makes the first answers faster). */
  function prepare(): void {
    void engine.prepareSearch().catch(() => undefined);
  }

  return { search, prepare };
}

/** The search model's public shape. */
export type SearchModel = ReturnType<typeof createSearchModel>;
