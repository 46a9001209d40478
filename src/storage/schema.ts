// The one typed IndexedDB schema (DESIGN.md §3). Reader state lives apart from
// articles so that a sync can never overwrite what the reader did.
import type { DBSchema } from 'idb';
import type { Article } from '../domain/article';
import type { Source } from '../domain/source';
import type { IndexLogRecord } from './index-log';

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

/** Database name; one per origin. */
export const DB_NAME = 'broadsheet';

/** The current schema. Version history is in migrations.ts. */
export interface BroadsheetDB extends DBSchema {
  articles: {
    key: string;
    value: Article;
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
  /** What the in-memory indexes need of every story, kept in step with `articles` (index-log.ts). */
  indexLog: { key: number; value: IndexLogRecord };
}
