// Test helper: stores whole articles as a sync would (record + body-less summary), without a source batch.
import type { Article } from '../../../src/domain/article';
import type { Db } from '../../../src/storage/db';
import { summaryRecord } from '../../../src/storage/summary-record';

/** Writes articles and their summaries in one transaction. */
export async function seedArticles(db: Db, articles: Article[]): Promise<void> {
  const tx = db.transaction(['articles', 'summaries'], 'readwrite');
  await Promise.all(articles.flatMap((a) => [tx.objectStore('articles').put(a), tx.objectStore('summaries').put(summaryRecord(a))]));
  await tx.done;
}
