// An article is stored in two records (schema v3): everything but the body in `articles` (indexed,
// read by every list, by retention and by the engine's index rebuild), and the body in `bodies`
// (read one at a time by the article page). Lists over 10,000 stories never deserialize bodies,
// and a sync writes each byte once.
import type { Article } from '../domain/article';

/** What the `articles` store keeps: the article without its body. */
export type ArticleRecord = Omit<Article, 'contentHtml' | 'plainText'>;

/** What the `bodies` store keeps, under the article's id. */
export interface BodyRecord {
  id: string;
  contentHtml: string;
  plainText: string;
}

/** The two records of an article. Generic so the v3 migration can split records of any age. */
export function splitArticle<T extends { id: string; contentHtml?: string; plainText?: string }>(
  article: T,
): { record: Omit<T, 'contentHtml' | 'plainText'>; body: BodyRecord } {
  const { contentHtml, plainText, ...record } = article;
  return { record, body: { id: article.id, contentHtml: contentHtml ?? '', plainText: plainText ?? '' } };
}

/** The article from its two records. */
export function joinArticle(record: ArticleRecord, body: BodyRecord | undefined): Article {
  return { ...record, contentHtml: body?.contentHtml ?? '', plainText: body?.plainText ?? '' };
}
