// Deriving stored articles from a feed's items, one item's failure never costing the others. The
// engine can run this on a pool of workers (SyncDeps.derive); here is the plain, in-thread way.
import type { Article, ArticleInput } from '../domain/article';
import { deriveArticle } from '../domain/derive';

/** What became of one item: its stored article, or why it was skipped. */
export type DeriveOutcome = { article: Article } | { error: string };

/** Derives each item in this thread, in order. */
export function deriveBatch(items: readonly ArticleInput[], now: number): DeriveOutcome[] {
  return items.map((item) => {
    try {
      return { article: deriveArticle(item, now) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });
}
