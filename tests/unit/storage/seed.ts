// Test helper: stores whole articles as a sync would (record + body), without a source batch.
import type { Article } from '../../../src/domain/article';
import { splitArticle } from '../../../src/storage/article-record';
import type { Db } from '../../../src/storage/db';

/** Writes articles (their records and bodies) in one transaction. */
export async function seedArticles(db: Db, articles: Article[]): Promise<void> {
  const tx = db.transaction(['articles', 'bodies'], 'readwrite');
  await Promise.all(
    articles.flatMap((a) => {
      const { record, body } = splitArticle(a);
      return [tx.objectStore('articles').put(record), tx.objectStore('bodies').put(body)];
    }),
  );
  await tx.done;
}
