// The one typed IndexedDB schema (DESIGN.md §3). Reader state lives apart from
// articles so that a sync can never overwrite what the reader did.
import type { DBSchema } from 'idb';
import type { Article } from '../domain/article';
import type { Source } from '../domain/source';

/** Where the reader stopped: a paragraph index and the offset into it, not a scroll percentage. */
export interface ReadingProgress {
  paragraph: number;
  offset: number;
}

/** What the reader did with one article. */
export interface ReadingState {
  articleId: string;
  read: boolean;
  readAt: number | null;
  saved: boolean;
  savedAt: number | null;
  progress: ReadingProgress | null;
  timeSpentMs: number;
  updatedAt: number;
}

/** An action taken offline, replayed when the network returns. */
export interface OutboxEntry {
  id?: number;
  kind: 'save-url' | 'add-source';
  payload: { url: string };
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

/**
 * An article without its body (contentHtml, plainText): everything lists, retention and the
 * related/search indexes read. Kept beside the full record so that a list or an index rebuild
 * over 10,000 stories reads a tenth of the bytes.
 */
export type StoredSummary = Omit<Article, 'contentHtml' | 'plainText'>;

/** Database name; one per origin. */
export const DB_NAME = 'broadsheet';

/** The current schema. Version history is in migrations.ts. */
export interface BroadsheetDB extends DBSchema {
  /** Whole articles, read one at a time by the article page (and by backups). */
  articles: {
    key: string;
    value: Article;
  };
  /** The same articles without bodies, written in the same transactions; every list query uses these indexes. */
  summaries: {
    key: string;
    value: StoredSummary;
    indexes: {
      'by-published': number;
      'by-source-published': [string, number];
      'by-section-published': [string, number];
      'by-url': string;
    };
  };
  readingState: {
    key: string;
    value: ReadingState;
    indexes: { 'by-saved': number; 'by-read': number };
  };
  sources: { key: string; value: Source };
  outbox: { key: number; value: OutboxEntry; indexes: { 'by-next-attempt': number } };
  meta: { key: string; value: unknown };
}
