// Related stories, from the engine's index (in the engine worker): each lookup is timed as a
// 'related-query' User Timing measure, which the benchmark (npm run bench) reads.
import type { Engine, StoryFacts, RelatedAnswer } from '../../engine/engine';

/** Creates the related model over the engine. */
export function createRelatedModel(engine: Engine) {
  /** Related stories and same-story copies of one article. */
  async function forArticle(id: string, limit: number): Promise<RelatedAnswer> {
    const start = performance.now();
    const answer = await engine.related(id, limit);
    performance.measure('related-query', { start, end: performance.now(), detail: { id } });
    return answer;
  }

  /** Readies the related stories of stories the reader may open next (previous/next in the list). */
  function prefetch(ids: string[], limit: number): void {
    void engine.prefetchRelated(ids, limit).catch(() => undefined);
  }

  /** How many other sources covered each story. */
  function coverage(ids: string[]): Promise<number[]> {
    return engine.coverage(ids);
  }

  /** The newest stories outside a section, leaving some out. */
  function recentElsewhere(section: string, exclude: string[], limit: number): Promise<StoryFacts[]> {
    return engine.recentElsewhere(section, exclude, limit);
  }

  return { forArticle, prefetch, coverage, recentElsewhere };
}

/** The related model's public shape. */
export type RelatedModel = ReturnType<typeof createRelatedModel>;
